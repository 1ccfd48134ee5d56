/**
 * Recovery keys are nine groups of four Crockford base32 characters ("7K2M-…-Q4ZD"). Reading is
 * forgiving in the same way the core is (lower case, O→0, I/L→1, spaces), so a group copied by hand
 * is accepted when the core would accept it.
 */
export function splitGroups(recoveryKey: string): string[] {
  const groups = recoveryKey
    .trim()
    .split(/[\s-]+/)
    .filter((group) => group.length > 0);
  if (groups.length > 1) return groups;
  const compact = groups[0] ?? '';
  return compact.match(/.{1,4}/g) ?? [];
}

export function normalizeGroup(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** Two distinct group positions (0-based), chosen with the platform's CSPRNG. */
export function pickGroupsToConfirm(count: number, howMany = 2): number[] {
  const picked: number[] = [];
  const random = new Uint32Array(1);
  while (picked.length < Math.min(howMany, count)) {
    crypto.getRandomValues(random);
    const index = (random[0] ?? 0) % count;
    if (!picked.includes(index)) picked.push(index);
  }
  return picked.sort((a, b) => a - b);
}
