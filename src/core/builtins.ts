// Node built-ins reached through getBuiltinModule (below) instead of an import, for the offline `--json`
// cold start. node:crypto, node:net and node:tls each cost several milliseconds to load, yet only a CA
// bundle needs crypto, only an IP entry in NO_PROXY needs net, and only the network checks need tls: they
// load on first use. The others are needed, but Node's ESM wrapper of a built-in reads every export, and the
// lazy ones load modules the run never uses (node:fs: fs/promises and the streams; node:util: MIME types;
// node:buffer: File). Node loads each module once and caches it.
import { createRequire } from 'node:module';

/** process.getBuiltinModule, or require() where Node has none (22.0-22.2, which `engines` allows). */
export const getBuiltinModule: typeof process.getBuiltinModule = process.getBuiltinModule?.bind(process) ?? createRequire(import.meta.url);

export const nodeCrypto = (): typeof import('node:crypto') => getBuiltinModule('node:crypto');
export const nodeNet = (): typeof import('node:net') => getBuiltinModule('node:net');
export const nodeTls = (): typeof import('node:tls') => getBuiltinModule('node:tls');
export const nodeUtil = (): typeof import('node:util') => getBuiltinModule('node:util');
export const nodeBuffer = (): typeof import('node:buffer') => getBuiltinModule('node:buffer');
