/**
 * Command-line parsing on node:util parseArgs. We parse leniently and validate each option token
 * ourselves, so that our messages never echo what followed an option (it could be a secret typed in
 * the wrong place) and so that a secret passed as an argument gets its own explanation.
 */
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import type { Language } from '../../shared/errors.ts';
import { UsageError } from './usage-error.ts';

export const COMMAND_OPTIONS = {
  init: { kdf: { type: 'string' }, 'passphrase-file': { type: 'string' } },
  info: {},
  check: { 'passphrase-file': { type: 'string' }, repair: { type: 'boolean' } },
  passwd: { 'passphrase-file': { type: 'string' }, 'new-passphrase-file': { type: 'string' } },
  recover: { 'recovery-key-file': { type: 'string' }, 'new-passphrase-file': { type: 'string' } },
  erase: { yes: { type: 'boolean' } },
  import: { 'passphrase-file': { type: 'string' }, csv: { type: 'boolean' } },
  'export-json': {
    'passphrase-file': { type: 'string' },
    case: { type: 'string' },
    'include-identities': { type: 'boolean' },
    out: { type: 'string' },
    yes: { type: 'boolean' },
  },
  list: {
    'passphrase-file': { type: 'string' },
    kind: { type: 'string' },
    status: { type: 'string' },
    limit: { type: 'string' },
  },
  show: { 'passphrase-file': { type: 'string' } },
  search: { 'passphrase-file': { type: 'string' }, kind: { type: 'string' } },
  audit: { 'passphrase-file': { type: 'string' }, limit: { type: 'string' } },
  evidence: {
    'passphrase-file': { type: 'string' },
    case: { type: 'string' },
    incident: { type: 'string' },
    risk: { type: 'string' },
    source: { type: 'string' },
    url: { type: 'string' },
    from: { type: 'string' },
    note: { type: 'string' },
    'captured-at': { type: 'string' },
    'ocsea-acknowledged': { type: 'boolean' },
    out: { type: 'string' },
    region: { type: 'string', multiple: true },
    limit: { type: 'string' },
  },
  identity: {
    'passphrase-file': { type: 'string' },
    out: { type: 'string' },
    name: { type: 'string' },
    organisation: { type: 'string' },
    role: { type: 'string' },
  },
  contact: {
    'passphrase-file': { type: 'string' },
    role: { type: 'string' },
    method: { type: 'string' },
    fingerprint: { type: 'string' },
    update: { type: 'string' },
    yes: { type: 'boolean' },
  },
  report: {
    'passphrase-file': { type: 'string' },
    kind: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    threshold: { type: 'string' },
    granularity: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'seal-to': { type: 'string', multiple: true },
    purpose: { type: 'string' },
  },
  export: {
    'passphrase-file': { type: 'string' },
    to: { type: 'string', multiple: true },
    case: { type: 'string', multiple: true },
    redacted: { type: 'boolean' },
    'no-evidence': { type: 'boolean' },
    purpose: { type: 'string' },
    out: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  open: {
    'passphrase-file': { type: 'string' },
    vault: { type: 'string' },
    'verify-only': { type: 'boolean' },
    extract: { type: 'string' },
    yes: { type: 'boolean' },
  },
  receipt: { 'passphrase-file': { type: 'string' }, out: { type: 'string' }, note: { type: 'string' } },
  backup: {
    'passphrase-file': { type: 'string' },
    'backup-passphrase-file': { type: 'string' },
    out: { type: 'string' },
    status: { type: 'boolean' },
  },
  restore: {
    'backup-passphrase-file': { type: 'string' },
    'new-passphrase-file': { type: 'string' },
    kdf: { type: 'string' },
    'without-history': { type: 'boolean' },
  },
} as const satisfies Record<string, ParseArgsOptionsConfig>;

export type CommandName = keyof typeof COMMAND_OPTIONS;

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

const ALL_OPTIONS: ParseArgsOptionsConfig = Object.assign(
  {},
  GLOBAL_OPTIONS,
  ...Object.values(COMMAND_OPTIONS),
);

/**
 * Option names that would carry a secret on the command line. Refused by name whatever the command,
 * before anything else is parsed.
 */
const SECRET_OPTION =
  /^(?:-p|--?(?:passphrase|password|passwd|pass|pw|pin|secret|key|new-passphrase|new-password|recovery-key|current-passphrase))$/i;

export interface CommandLine {
  command: CommandName | undefined;
  operands: string[];
  options: Record<string, string | boolean | undefined>;
  json: boolean;
  language: Language | undefined;
  help: boolean;
}

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_OPTIONS, name);
}

/**
 * What is needed to report an error in the right form, read without failing: --json and a valid
 * --lang anywhere before "--".
 */
export function scanOutputOptions(argv: readonly string[]): {
  json: boolean;
  language: Language | undefined;
} {
  let json = false;
  let language: Language | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg === '--json') json = true;
    const value = arg === '--lang' ? argv[i + 1] : arg?.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value === 'fr' || value === 'en') language = value;
  }
  return { json, language };
}

export function parseCommandLine(argv: readonly string[]): CommandLine {
  const end = argv.indexOf('--');
  for (const arg of end === -1 ? argv : argv.slice(0, end)) {
    const name = arg.split('=', 1)[0] ?? arg;
    if (SECRET_OPTION.test(name)) throw new UsageError('secretAsArgument', { option: name });
  }

  const { tokens, positionals } = parseArgs({
    args: [...argv],
    options: ALL_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  const [commandArg, ...operands] = positionals;
  const command = commandArg !== undefined && isCommandName(commandArg) ? commandArg : undefined;
  const allowed: ParseArgsOptionsConfig = { ...GLOBAL_OPTIONS, ...(command ? COMMAND_OPTIONS[command] : {}) };
  const options: Record<string, string | boolean | undefined> = {};
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = allowed[token.name];
    // "--passphrase-file --json" would take "--json" as the file: refuse, as strict parseArgs does.
    const wellFormed =
      spec &&
      (spec.type === 'boolean'
        ? token.value === undefined
        : token.value !== undefined && (token.inlineValue || !token.value.startsWith('-')));
    if (!wellFormed) {
      throw new UsageError('badOption', { option: token.rawName, command: commandArg ?? 'casevault' });
    }
    // An option declared `multiple` keeps every occurrence, one per line (`--region` …).
    const previous = options[token.name];
    options[token.name] =
      spec.multiple && typeof previous === 'string' && token.value !== undefined
        ? `${previous}\n${token.value}`
        : (token.value ?? true);
  }

  const lang = options.lang;
  if (lang !== undefined && lang !== 'fr' && lang !== 'en') throw new UsageError('badLang');
  const help = options.help === true;
  if (commandArg !== undefined && !command && !help) throw new UsageError('unknownCommand');

  return {
    command,
    operands,
    options,
    json: options.json === true,
    language: lang === 'fr' || lang === 'en' ? lang : undefined,
    help,
  };
}

/** The one vault folder a command works on. */
export function singleDir(line: CommandLine): string {
  const [dir, ...rest] = line.operands;
  if (dir === undefined || rest.length > 0 || dir.length === 0) {
    throw new UsageError('missingDir', { command: line.command ?? 'casevault' });
  }
  return dir;
}

export function stringOption(line: CommandLine, name: string): string | undefined {
  const value = line.options[name];
  return typeof value === 'string' ? value : undefined;
}
