/** A one-line progress bar on a terminal's stderr, redrawn at most every 100 ms. */
export function progressBar(stream: NodeJS.WritableStream, label: string) {
  let last = 0;
  let drawn = false;
  const draw = (done: number, total: number) => {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const width = 30;
    const filled = Math.round(fraction * width);
    const mib = (n: number) => (n / (1024 * 1024)).toFixed(1);
    stream.write(
      `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(fraction * 100)}% ${mib(done)}/${mib(total)} MiB`,
    );
    drawn = true;
  };
  return {
    update: (done: number, total: number) => {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done, total);
    },
    done: () => {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
