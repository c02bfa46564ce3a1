// Tables the build computes once for the Node that runs it (scripts/build.mjs), read from next to the script that
// asks: the doctor's own files, not the machine it examines (which checks read through the Host).
import { getBuiltinModule } from './builtins.js';

/**
 * The rows of dist/<name>, when the build that wrote it ran on this very Node version; null otherwise, and where the
 * sources run unbuilt (the tests), where there is no such file.
 */
export function buildTableRows(name: string): unknown[] | null {
  let table: { node?: unknown; rows?: unknown };
  try {
    // node:fs as the rest of the core reaches it (builtins.ts says why), not through Node's ESM wrapper.
    table = JSON.parse(getBuiltinModule('node:fs').readFileSync(new URL(name, import.meta.url), 'utf8')) as typeof table;
  } catch {
    return null;
  }
  return table.node === process.version && Array.isArray(table.rows) ? table.rows : null;
}
