import type { VaultDatabase } from '../open.ts';

/** One forward-only schema step. `up` runs inside the transaction the runner opens. */
export interface Migration {
  version: number;
  name: string;
  up(db: VaultDatabase): void;
}
