import { useEffect, useRef } from 'react';

/** Ctrl+Shift+L (Cmd+Shift+L on macOS). Main registers the same accelerator; either may win. */
export function isPanicShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.code === 'KeyL';
}

export function usePanicShortcut(onPanic: () => void): void {
  const handler = useRef(onPanic);
  handler.current = onPanic;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (!isPanicShortcut(event)) return;
      event.preventDefault();
      handler.current();
    };
    window.addEventListener('keydown', listener, { capture: true });
    return () => window.removeEventListener('keydown', listener, { capture: true });
  }, []);
}
