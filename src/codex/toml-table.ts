// Reads and writes inside parsed TOML tables by key path, and the line a key is written on.
import type { TomlTable } from 'smol-toml';
import { formatKey, isTable } from './config-keys.js';

/** Merges `source` into `target` as Codex merges config layers (tables merge, values replace), noting each value's file. */
export function mergeInto(target: TomlTable, source: TomlTable, path: string[], file: string, provenance: Map<string, string>): void {
  for (const [key, value] of Object.entries(source)) {
    const here = [...path, key];
    const existing = valueAt(target, [key]);
    if (isTable(value)) {
      const table: TomlTable = isTable(existing) ? existing : {};
      if (table !== existing) setOwn(target, key, table);
      mergeInto(table, value, here, file, provenance);
    } else {
      setOwn(target, key, typeof value === 'object' && value !== null ? structuredClone(value) : value);
      const formatted = formatKey(here);
      // A value replacing a table drops the provenance of the table's keys (only then: a scan per key is quadratic).
      if (isTable(existing)) {
        const prefix = `${formatted}.`;
        for (const k of [...provenance.keys()]) if (k.startsWith(prefix)) provenance.delete(k);
      }
      provenance.set(formatted, file);
    }
  }
}

export function valueAt(table: TomlTable, path: readonly string[]): unknown {
  let node: unknown = table;
  for (const segment of path) {
    if (!isTable(node) || !Object.hasOwn(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}

/**
 * `table[key] = value` for a key read from a file: `__proto__` is a TOML key like any other, so it becomes an
 * own property instead of replacing the prototype (or, merged into a plain object, polluting Object.prototype).
 */
export function setOwn(table: TomlTable, key: string, value: TomlTable[string]): void {
  Object.defineProperty(table, key, { value, writable: true, enumerable: true, configurable: true });
}

export function deleteAt(table: TomlTable, path: readonly string[]): void {
  const parent = valueAt(table, path.slice(0, -1));
  if (isTable(parent)) delete parent[path[path.length - 1]!];
}

/**
 * The 1-based line where `path` is written: its `[table]` header, or `key =` inside its table.
 * Best effort (dotted keys and inline tables are not found); undefined when not found.
 */
export function locateKey(source: string, path: readonly string[]): number | undefined {
  if (source === '' || path.length === 0) return undefined;
  const lines = source.split(/\r?\n/);
  const seg = (s: string): string => `(?:${escapeRe(s)}|"${escapeRe(s)}"|'${escapeRe(s)}')`;
  const header = (p: readonly string[]): RegExp => new RegExp(`^\\s*\\[\\[?\\s*${p.map(seg).join('\\s*\\.\\s*')}\\s*\\]\\]?\\s*(#.*)?$`);
  // Each pattern is compiled once, not once per line.
  const fullHeader = header(path);
  const full = lines.findIndex((l) => fullHeader.test(l));
  if (full >= 0) return full + 1;
  // A table only opened through a sub-table: `[model_providers.corp]` for `model_providers`.
  const below = new RegExp(`^\\s*\\[\\[?\\s*${path.map(seg).join('\\s*\\.\\s*')}\\s*\\.`);
  const sub = lines.findIndex((l) => below.test(l));
  if (sub >= 0) return sub + 1;
  const parent = path.slice(0, -1);
  const keyLine = new RegExp(`^\\s*${seg(path[path.length - 1]!)}\\s*=`);
  let start = 0;
  if (parent.length > 0) {
    const parentHeader = header(parent);
    const at = lines.findIndex((l) => parentHeader.test(l));
    if (at < 0) return undefined;
    start = at + 1;
  }
  for (let i = start; i < lines.length; i++) {
    if (/^\s*\[/.test(lines[i]!)) return undefined;
    if (keyLine.test(lines[i]!)) return i + 1;
  }
  return undefined;
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
