/**
 * A small JSON scanner that knows where things are, so import errors can say
 * `line 12, incidents[3].occurredOn: …`. `JSON.parse` builds the values (fast, exact); this scanner
 * checks the syntax first (reporting line and column, refusing duplicate keys that `JSON.parse`
 * would silently collapse) and, when a value is found invalid, finds the line it is on.
 */

export type JsonPath = ReadonlyArray<PropertyKey>;

export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

/** Deeper than any records file needs; refused so a hostile file cannot exhaust the stack. */
const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export class JsonSyntaxError extends Error {
  readonly position: TextPosition;
  readonly problem: string;

  constructor(problem: string, position: TextPosition) {
    super(`line ${position.line}, column ${position.column}: ${problem}`);
    this.name = 'JsonSyntaxError';
    this.problem = problem;
    this.position = position;
  }
}

/** Line and column (both from 1, columns in UTF-16 units) of an offset. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** `incidents[3].people[0].personId`: how paths are written in messages and in the docs. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(document)';
}

const FOUND = Symbol('found');

class Scanner {
  readonly text: string;
  readonly target: JsonPath | undefined;
  i = 0;
  /** Offset of the deepest value found on the target path so far. */
  foundAt = 0;

  constructor(text: string, target?: JsonPath) {
    this.text = text;
    this.target = target;
  }

  fail(problem: string, at = this.i): never {
    throw new JsonSyntaxError(problem, positionAt(this.text, at));
  }

  ws(): void {
    const t = this.text;
    let i = this.i;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      i++;
    }
    this.i = i;
  }

  document(): void {
    this.value(0, true);
    this.ws();
    if (this.i < this.text.length) this.fail('unexpected text after the end of the JSON document');
  }

  value(depth: number, onPath: boolean): void {
    this.ws();
    if (onPath && this.target) {
      this.foundAt = this.i;
      if (depth === this.target.length) throw FOUND;
    }
    if (depth > MAX_DEPTH) this.fail(`nested more than ${MAX_DEPTH} levels deep`);
    const c = this.text[this.i];
    if (c === '{') {
      this.object(depth, onPath);
      return;
    }
    if (c === '[') {
      this.array(depth, onPath);
      return;
    }
    if (c === '"') {
      this.string();
      return;
    }
    if (c === 't' || c === 'f' || c === 'n') {
      for (const word of ['true', 'false', 'null']) {
        if (this.text.startsWith(word, this.i)) {
          this.i += word.length;
          return;
        }
      }
      this.fail('unexpected word (expected a value)');
    }
    NUMBER.lastIndex = this.i;
    if (NUMBER.test(this.text)) {
      this.i = NUMBER.lastIndex;
      return;
    }
    this.fail(
      this.i >= this.text.length ? 'unexpected end of file' : 'unexpected character (expected a value)',
    );
  }

  object(depth: number, onPath: boolean): void {
    this.i++;
    this.ws();
    if (this.text[this.i] === '}') {
      this.i++;
      return;
    }
    const keys = new Set<string>();
    for (;;) {
      this.ws();
      const start = this.i;
      if (this.text[start] !== '"') this.fail('expected a key in double quotes');
      this.string();
      const key = JSON.parse(this.text.slice(start, this.i)) as string;
      if (keys.has(key)) this.fail(`duplicate key "${key.slice(0, 60)}"`, start);
      keys.add(key);
      this.ws();
      if (this.text[this.i] !== ':') this.fail("expected ':' after the key");
      this.i++;
      this.value(depth + 1, onPath && this.target?.[depth] === key);
      this.ws();
      const next = this.text[this.i];
      this.i++;
      if (next === ',') continue;
      if (next === '}') return;
      this.fail("expected ',' or '}'", this.i - 1);
    }
  }

  array(depth: number, onPath: boolean): void {
    this.i++;
    this.ws();
    if (this.text[this.i] === ']') {
      this.i++;
      return;
    }
    for (let index = 0; ; index++) {
      this.value(depth + 1, onPath && this.target?.[depth] === index);
      this.ws();
      const next = this.text[this.i];
      this.i++;
      if (next === ',') continue;
      if (next === ']') return;
      this.fail("expected ',' or ']'", this.i - 1);
    }
  }

  string(): void {
    const t = this.text;
    let i = this.i + 1;
    for (;;) {
      if (i >= t.length) this.fail('unterminated string', this.i);
      const c = t.charCodeAt(i);
      if (c === 0x22) break;
      if (c === 0x5c) {
        const e = t[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) this.fail('bad \\u escape', i);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else this.fail('bad escape in a string', i);
      } else if (c < 0x20) this.fail('control character in a string (escape it)', i);
      else i++;
    }
    this.i = i + 1;
  }
}

/** Throws JsonSyntaxError at the first syntax error or duplicate key. */
export function checkJsonSyntax(text: string): void {
  new Scanner(text).document();
}

/**
 * Where the value at `path` starts or, when it is missing (a required field left out), where the
 * deepest of its ancestors that exists starts. The text must be valid JSON.
 */
export function locateJsonPath(text: string, path: JsonPath): TextPosition {
  const scanner = new Scanner(text, path);
  try {
    scanner.document();
  } catch (error) {
    if (error !== FOUND) throw error;
  }
  return positionAt(text, scanner.foundAt);
}
