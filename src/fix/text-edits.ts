// Minimal edits of the user's text files: lines appended to a shell profile, one variable set or removed in
// $CODEX_HOME/.env, one key set or removed in config.toml. Everything else in the file stays byte for byte
// (comments, order, blank lines); each result is read back with the same reader Codex uses and compared with
// what the edit meant, so an edit that would change anything else is refused instead of written.
import type { ConfigChange, TomlValue } from '../core/types.js';
import { readDotenv } from '../codex/dotenv.js';
import { smolToml } from '../codex/toml.js';

export type TextEdit = { ok: true; text: string; lines: string[] } | { ok: false; reason: string };

/** The line ending the file already uses (a new file gets `\n`). */
function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** `lines` appended after the existing text, on lines of their own. */
export function appendLines(text: string, lines: readonly string[]): string {
  const nl = eol(text);
  const head = text === '' || text.endsWith('\n') ? text : `${text}${nl}`;
  return `${head}${lines.join(nl)}${nl}`;
}

// ---------------------------------------------------------------------------------------------------------
// $CODEX_HOME/.env

/** `NAME=value` as dotenvy reads it back: bare when safe, else single-quoted (literal), else double-quoted. */
export function dotenvLine(name: string, value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return `${name}=${value}`;
  if (!/['\n\r]/.test(value)) return `${name}='${value}'`;
  return `${name}="${value.replace(/[\\"$]/g, '\\$&').replaceAll('\n', '\\n')}"`;
}

function dotenvEntries(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  // Substitution looks at earlier lines only here: the comparison is between two readings of the same file.
  for (const item of readDotenv(text, () => undefined)) if (item.kind === 'entry') entries.set(item.key, item.value);
  return entries;
}

/** Sets (value) or removes (null) `name` in a .env file: every line that assigns it goes, one new line replaces the last. */
export function editDotenv(text: string, name: string, value: string | null): TextEdit {
  const nl = eol(text);
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
  const assigns = new RegExp(`^\\s*(export\\s+)?${name.replace(/[.]/g, '\\.')}\\s*=`);
  const at = lines.map((line, i) => (assigns.test(line) ? i : -1)).filter((i) => i >= 0);
  const changed: string[] = at.map((i) => `- ${lines[i]}`);
  const kept = lines.filter((_, i) => !at.includes(i));
  if (value !== null) {
    const line = dotenvLine(name, value);
    const position = at.length > 0 ? at[at.length - 1]! - (at.length - 1) : kept.length;
    kept.splice(position, 0, line);
    changed.push(`+ ${line}`);
  }
  const result = kept.length === 0 ? '' : `${kept.join(nl)}${nl}`;
  // What the edit means: the same entries, with `name` set or gone.
  const expected = dotenvEntries(text);
  expected.delete(name);
  if (value !== null) expected.set(name, value);
  const actual = dotenvEntries(result);
  if (canonical(Object.fromEntries(actual)) !== canonical(Object.fromEntries(expected))) {
    return { ok: false, reason: `a line for ${name} in it spans several lines or is malformed; change it by hand` };
  }
  return { ok: true, text: result, lines: changed };
}

// ---------------------------------------------------------------------------------------------------------
// config.toml

type TomlTable = Record<string, unknown>;

/** One text per value, whatever the key order and prototypes (smol-toml makes null-prototype tables). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A TOML value written inline (strings as basic strings, whose escapes JSON's are a subset of). */
export function tomlValue(value: TomlValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlValue(v)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

export function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}

/** Parses config.toml text; a reason when it is not valid TOML. */
export function parseToml(text: string): { ok: true; table: TomlTable } | { ok: false; reason: string } {
  try {
    return { ok: true, table: smolToml().parse(text) as TomlTable };
  } catch (error) {
    return { ok: false, reason: (error as Error).message.split('\n')[0] ?? 'not valid TOML' };
  }
}

/** Applies the changes to config.toml text as minimal line edits, verified by parsing the result. */
export function editToml(text: string, changes: readonly ConfigChange[]): TextEdit {
  const before = parseToml(text);
  if (!before.ok) return { ok: false, reason: `it is not valid TOML (${before.reason}); fix it first (codex-doctor names the line)` };
  const expected = structuredClone(before.table);
  let current = text;
  const changed: string[] = [];
  for (const change of changes) {
    const edit = editOnce(current, change);
    if (!edit.ok) return edit;
    current = edit.text;
    changed.push(...edit.lines);
    applyToTable(expected, change);
  }
  const after = parseToml(current);
  // An empty table and no table mean the same to Codex ([profiles] left without its only sub-table).
  if (!after.ok || canonical(withoutEmptyTables(after.table)) !== canonical(withoutEmptyTables(expected))) {
    return { ok: false, reason: 'the key is written in a form this tool does not edit (a dotted key, an inline table or a multi-line value); change it by hand' };
  }
  return { ok: true, text: current, lines: changed };
}

function withoutEmptyTables(table: TomlTable): TomlTable {
  const out: TomlTable = {};
  for (const [key, value] of Object.entries(table)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
      const inner = withoutEmptyTables(value as TomlTable);
      if (Object.keys(inner).length > 0) out[key] = inner;
    } else out[key] = value;
  }
  return out;
}

function applyToTable(table: TomlTable, change: ConfigChange): void {
  const parents = change.path.slice(0, -1);
  const key = change.path[change.path.length - 1]!;
  let node = table;
  for (const segment of parents) {
    if (typeof node[segment] !== 'object' || node[segment] === null || Array.isArray(node[segment])) {
      if (change.op === 'remove') return;
      node[segment] = {};
    }
    node = node[segment] as TomlTable;
  }
  if (change.op === 'set') node[key] = structuredClone(change.value);
  else delete node[key];
}

const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const segmentRe = (s: string): string => `(?:${escapeRe(s)}|"${escapeRe(s)}"|'${escapeRe(s)}')`;

function editOnce(text: string, change: ConfigChange): TextEdit {
  const nl = eol(text);
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
  const parents = change.path.slice(0, -1);
  const key = change.path[change.path.length - 1];
  if (key === undefined) return { ok: false, reason: 'the change names no key' };
  const header = new RegExp(`^\\s*\\[\\s*${parents.map(segmentRe).join('\\s*\\.\\s*')}\\s*\\]\\s*(#.*)?$`);
  const anyHeader = /^\s*\[/;
  // The table's lines: after its header (or from the top, for the root table) up to the next header.
  let start = 0;
  if (parents.length > 0) {
    start = lines.findIndex((l) => header.test(l)) + 1;
    if (start === 0) {
      if (change.op === 'remove') return removeTable(text, change.path);
      // No such table yet: a new one at the end.
      const headerLine = `[${parents.map(tomlKey).join('.')}]`;
      const keyLine = `${tomlKey(key)} = ${tomlValue(change.value)}`;
      const body = text.trim() === '' ? [headerLine, keyLine] : ['', headerLine, keyLine];
      return { ok: true, text: appendLines(text, body), lines: body.filter(Boolean).map((l) => `+ ${l}`) };
    }
  }
  let end = lines.findIndex((l, i) => i >= start && anyHeader.test(l));
  if (end < 0) end = lines.length;
  const keyLine = new RegExp(`^\\s*${segmentRe(key)}\\s*=`);
  const found = lines.findIndex((l, i) => i >= start && i < end && keyLine.test(l));
  if (found < 0 && change.op === 'remove') return removeTable(text, change.path);
  const out = [...lines];
  const changed: string[] = [];
  if (found >= 0) {
    changed.push(`- ${lines[found]}`);
    if (change.op === 'set') {
      const indent = /^\s*/.exec(lines[found]!)?.[0] ?? '';
      out[found] = `${indent}${tomlKey(key)} = ${tomlValue(change.value)}`;
      changed.push(`+ ${out[found]}`);
    } else out.splice(found, 1);
  } else if (change.op === 'set') {
    // After the table's last non-blank line, so that a blank line before the next header stays.
    let at = end;
    while (at > start && lines[at - 1]!.trim() === '') at--;
    const line = `${tomlKey(key)} = ${tomlValue(change.value)}`;
    out.splice(at, 0, line);
    changed.push(`+ ${line}`);
  }
  return { ok: true, text: out.length === 0 ? '' : `${out.join(nl)}${nl}`, lines: changed };
}

/** Removes the table `path` written as `[path]` (with its `[path.sub]` tables): the header and every line up to the next other header. */
function removeTable(text: string, path: readonly string[]): TextEdit {
  const nl = eol(text);
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
  const own = new RegExp(`^\\s*\\[\\s*${path.map(segmentRe).join('\\s*\\.\\s*')}\\s*(\\]|\\.)`);
  const anyHeader = /^\s*\[/;
  const changed: string[] = [];
  let inside = false;
  const kept = lines.filter((line) => {
    if (anyHeader.test(line)) inside = own.test(line);
    if (inside) changed.push(`- ${line}`);
    return !inside;
  });
  // Blank lines that separated the removed table from the next one are kept; the result is verified by the caller.
  return { ok: true, text: kept.length === 0 ? '' : `${kept.join(nl)}${nl}`, lines: changed.filter((l) => l.trim() !== '-') };
}
