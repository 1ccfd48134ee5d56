import { migration0001 } from './0001-initial.ts';
import { migration0002 } from './0002-settings-and-key-events.ts';
import { migration0003 } from './0003-case-records.ts';
import { migration0004 } from './0004-case-list-indexes.ts';
import { migration0005 } from './0005-evidence.ts';
import { migration0006 } from './0006-identity-and-contacts.ts';
import { migration0007 } from './0007-report-columns.ts';
import { migration0008 } from './0008-sharing.ts';
import { migration0009 } from './0009-search-terms.ts';
import { migration0010 } from './0010-report-seal.ts';
import { migration0011 } from './0011-audit-history.ts';
import { migration0012 } from './0012-report-unit-columns.ts';
import type { Migration } from './types.ts';

/** Every migration, in order. Append only: a released migration is never edited or removed. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
