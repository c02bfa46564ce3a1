// $CODEX_HOME/.env read the way Codex reads it: dotenvy 0.15.7's `from_path_iter` (iter.rs QuotedLines +
// parse.rs LineParser/parse_value), transliterated rule for rule, quirks included, because a line that
// dotenvy rejects is silently skipped by Codex (codex-rs/arg0/src/lib.rs: `iter.into_iter().flatten()`).
//
// Kept deliberately close to the Rust so that the two can be compared line by line:
// - physical lines are joined while a quote (or a trailing backslash / blank) is open;
// - a line whose first non-blank character is `#` is a comment; ` #...` after a value is a comment;
// - `export ` is an optional prefix; keys are [A-Za-z_][A-Za-z0-9_.]*;
// - values: unquoted (a blank ends the value, more text after it is an error), 'single' (literal),
//   "double" (escapes \\ \' \" \$ \<space> \n; any other escape is an error); `$NAME` and `${NAME}`
//   substitute from the environment first, then from earlier lines (not in single quotes);
// - `from_path_iter` does NOT strip a UTF-8 byte order mark, so a BOM spoils the first line;
// - a line that is not valid UTF-8 is an I/O error for that line only; reading goes on.
import { isRustWhitespace, rustTrimEnd, rustTrimStart } from './rust-str.js';

export type DotenvItem =
  | { kind: 'entry'; key: string; value: string; /** 1-based physical line where the entry starts. */ line: number }
  | { kind: 'error'; line: number; /** The key, when the line got that far. */ key?: string; reason: string };

/** Looks a name up in the process environment as it is at that moment (Codex applies lines as it reads them). */
export type EnvLookup = (name: string) => string | undefined;

/**
 * Yields each entry or error in file order. It is lazy on purpose: Codex sets each variable before the next
 * line is parsed, and `$NAME` in a later line sees it, so the caller applies entries between steps.
 */
export function* readDotenv(input: Uint8Array | string, lookup: EnvLookup): Generator<DotenvItem> {
  const substitution = new Map<string, string | null>();
  for (const logical of quotedLines(input)) {
    if (logical.kind === 'error') {
      yield logical;
      continue;
    }
    const parsed = parseLine(logical.text, substitution, lookup);
    if (parsed === null) continue;
    if ('reason' in parsed) yield { kind: 'error', line: logical.line, ...(parsed.key !== undefined && { key: parsed.key }), reason: parsed.reason };
    else yield { kind: 'entry', key: parsed.key, value: parsed.value, line: logical.line };
  }
}

// ---------------------------------------------------------------------------------------------------------
// iter.rs: QuotedLines, eval_end_state

type ParseState =
  | 'complete'
  | 'escape'
  | 'strong-open'
  | 'strong-open-escape'
  | 'weak-open'
  | 'weak-open-escape'
  | 'comment'
  | 'white-space';

type LogicalLine = { kind: 'line'; text: string; line: number } | { kind: 'error'; line: number; reason: string };

// ignoreBOM: keep a byte order mark in the text, as Rust's read_line does.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** BufRead::read_line: physical lines including their '\n', each decoded on its own (null: invalid UTF-8). */
function* physicalLines(input: Uint8Array | string): Generator<string | null> {
  if (typeof input === 'string') {
    let start = 0;
    while (start < input.length) {
      const nl = input.indexOf('\n', start);
      const end = nl === -1 ? input.length : nl + 1;
      yield input.slice(start, end);
      start = end;
    }
    return;
  }
  let start = 0;
  while (start < input.length) {
    const nl = input.indexOf(0x0a, start);
    const end = nl === -1 ? input.length : nl + 1;
    try {
      yield utf8.decode(input.subarray(start, end));
    } catch {
      yield null;
    }
    start = end;
  }
}

function* quotedLines(input: Uint8Array | string): Generator<LogicalLine> {
  const lines = physicalLines(input);
  let physical = 0;
  for (;;) {
    let buf = '';
    let state: ParseState = 'complete';
    const startLine = physical + 1;
    for (;;) {
      const next = lines.next();
      if (next.done) {
        // dotenvy reports an open state at end of file as an error; a blank-only remainder loses nothing.
        if (state === 'complete' || rustTrimStart(buf) === '') return;
        const key = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)/.exec(rustTrimStart(buf))?.[1];
        yield { kind: 'error', line: startLine, ...(key !== undefined && { key }), reason: endOfFileReason(state) };
        return;
      }
      physical += 1;
      if (next.value === null) {
        // read_line fails on invalid UTF-8; the partial logical line is dropped with it.
        yield { kind: 'error', line: physical, reason: 'the line is not valid UTF-8' };
        break;
      }
      const bufPos = buf.length;
      buf += next.value;
      if (rustTrimStart(buf).startsWith('#')) {
        // A comment line: dotenvy yields an empty line for it.
        break;
      }
      const [curPos, endState] = evalEndState(state, buf.slice(bufPos));
      state = endState;
      if (state === 'complete') {
        if (buf.endsWith('\n')) {
          buf = buf.slice(0, -1);
          if (buf.endsWith('\r')) buf = buf.slice(0, -1);
        }
        yield { kind: 'line', text: buf, line: startLine };
        break;
      }
      if (state === 'comment') {
        yield { kind: 'line', text: buf.slice(0, bufPos + curPos), line: startLine };
        break;
      }
      // Any open state: the logical line continues on the next physical line.
    }
  }
}

function endOfFileReason(state: ParseState): string {
  switch (state) {
    case 'strong-open':
    case 'strong-open-escape':
      return "a single quote is never closed: Codex ignores this line and everything after it";
    case 'weak-open':
    case 'weak-open-escape':
      return 'a double quote is never closed: Codex ignores this line and everything after it';
    case 'escape':
      return 'the file ends with a backslash';
    case 'white-space':
      return 'the last line ends with blanks and no newline, which dotenvy rejects';
    case 'complete':
    case 'comment':
      return 'unexpected end of file';
  }
}

function evalEndState(prev: ParseState, buf: string): [number, ParseState] {
  let state = prev;
  let pos = 0;
  for (let i = 0; i < buf.length; ) {
    const c = String.fromCodePoint(buf.codePointAt(i)!);
    pos = i;
    i += c.length;
    switch (state) {
      case 'white-space':
        if (c === '#') return [pos, 'comment'];
        state = c === '\\' ? 'escape' : c === '"' ? 'weak-open' : c === "'" ? 'strong-open' : 'complete';
        break;
      case 'escape':
        state = 'complete';
        break;
      case 'complete':
        if (isRustWhitespace(c) && c !== '\n' && c !== '\r') state = 'white-space';
        else state = c === '\\' ? 'escape' : c === '"' ? 'weak-open' : c === "'" ? 'strong-open' : 'complete';
        break;
      case 'weak-open':
        state = c === '\\' ? 'weak-open-escape' : c === '"' ? 'complete' : 'weak-open';
        break;
      case 'weak-open-escape':
        state = 'weak-open';
        break;
      case 'strong-open':
        state = c === '\\' ? 'strong-open-escape' : c === "'" ? 'complete' : 'strong-open';
        break;
      case 'strong-open-escape':
        state = 'strong-open';
        break;
      case 'comment':
        throw new Error('unreachable: comments return early');
    }
  }
  return [pos, state];
}

// ---------------------------------------------------------------------------------------------------------
// parse.rs: LineParser, parse_value, apply_substitution

type LineResult = { key: string; value: string } | { key?: string; reason: string } | null;

function parseLine(original: string, substitution: Map<string, string | null>, lookup: EnvLookup): LineResult {
  let line = rustTrimEnd(original);
  const skipWhitespace = (): void => {
    line = rustTrimStart(line);
  };
  const parseKey = (): string | null => {
    const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(line);
    if (!match) return null;
    line = line.slice(match[0].length);
    return match[0];
  };
  const expectEqual = (): boolean => {
    if (!line.startsWith('=')) return false;
    line = line.slice(1);
    return true;
  };

  skipWhitespace();
  if (line === '' || line.startsWith('#')) return null;
  let key = parseKey();
  if (key === null) {
    return { reason: line.startsWith('\uFEFF') ? 'the file starts with a byte order mark (BOM), which spoils the first key' : 'the line does not start with a variable name' };
  }
  skipWhitespace();
  if (key === 'export') {
    // `export` is either an optional prefix or a key itself.
    if (!expectEqual()) {
      key = parseKey();
      if (key === null) return { reason: 'no variable name after `export`' };
      skipWhitespace();
      if (!expectEqual()) return { key, reason: 'no `=` after the variable name' };
    }
  } else if (!expectEqual()) {
    return { key, reason: 'no `=` after the variable name' };
  }
  skipWhitespace();
  if (line === '' || line.startsWith('#')) {
    substitution.set(key, null);
    return { key, value: '' };
  }
  const value = parseValue(line, substitution, lookup);
  if (typeof value !== 'string') return { key, reason: value.reason };
  substitution.set(key, value);
  return { key, value };
}

type Substitution = 'none' | 'block' | 'escaped-block';

function parseValue(input: string, data: Map<string, string | null>, lookup: EnvLookup): string | { reason: string } {
  let strongQuote = false;
  let weakQuote = false;
  let escaped = false;
  let expectingEnd = false;
  let output = '';
  let mode: Substitution = 'none';
  let name = '';
  const substitute = (): void => {
    output += substitutionValue(name, data, lookup);
    name = '';
  };

  for (const c of input) {
    if (expectingEnd) {
      if (c === ' ' || c === '\t') continue;
      if (c === '#') break;
      return { reason: 'an unquoted value contains a blank (quote the value)' };
    } else if (escaped) {
      if (c === '\\' || c === "'" || c === '"' || c === '$' || c === ' ') output += c;
      else if (c === 'n') output += '\n';
      else return { reason: `unsupported escape \\${c} (write \\\\ for a backslash, or use single quotes)` };
      escaped = false;
    } else if (strongQuote) {
      if (c === "'") strongQuote = false;
      else output += c;
    } else if (mode !== 'none') {
      if (isRustAlphanumeric(c)) {
        name += c;
      } else if (mode === 'block') {
        if (c === '{' && name === '') {
          mode = 'escaped-block';
        } else {
          substitute();
          if (c === '$') {
            mode = 'block';
          } else {
            mode = 'none';
            output += c;
          }
        }
      } else if (c === '}') {
        mode = 'none';
        substitute();
      } else {
        name += c;
      }
    } else if (c === '$') {
      mode = 'block';
    } else if (weakQuote) {
      if (c === '"') weakQuote = false;
      else if (c === '\\') escaped = true;
      else output += c;
    } else if (c === "'") {
      strongQuote = true;
    } else if (c === '"') {
      weakQuote = true;
    } else if (c === '\\') {
      escaped = true;
    } else if (c === ' ' || c === '\t') {
      expectingEnd = true;
    } else {
      output += c;
    }
  }

  if (mode === 'escaped-block') return { reason: 'a ${ substitution is never closed' };
  if (strongQuote || weakQuote) {
    // dotenvy 0.15.7 swallows a closing " that directly follows $NAME, so "$NAME" never closes.
    const swallowed = weakQuote && /\$[\p{Alphabetic}\p{N}]+"/u.test(input);
    return { reason: swallowed ? 'a quote is never closed: dotenvy swallows the " right after $NAME (write "${NAME}")' : 'a quote is never closed' };
  }
  substitute();
  return output;
}

function substitutionValue(name: string, data: Map<string, string | null>, lookup: EnvLookup): string {
  // std::env::var("") is an error, so an empty name only ever finds the file's own (absent) entry.
  const fromEnv = name === '' ? undefined : lookup(name);
  if (fromEnv !== undefined) return fromEnv;
  return data.get(name) ?? '';
}

/** char::is_alphanumeric: Alphabetic or Numeric (Nd, Nl, No). Note: `_` is not. */
function isRustAlphanumeric(c: string): boolean {
  return /^[\p{Alphabetic}\p{N}]$/u.test(c);
}
