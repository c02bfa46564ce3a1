// Node built-ins that the offline `--json` run does not need, loaded synchronously on first use instead of
// by a static import, which every run would pay: node:crypto, node:net and node:tls each cost several
// milliseconds of a cold start, yet only a CA bundle needs crypto, only an IP entry in NO_PROXY needs net,
// and only the network checks need tls. Node loads each once and caches it.

export const nodeCrypto = (): typeof import('node:crypto') => process.getBuiltinModule('node:crypto');
export const nodeNet = (): typeof import('node:net') => process.getBuiltinModule('node:net');
export const nodeTls = (): typeof import('node:tls') => process.getBuiltinModule('node:tls');
export const nodeModule = (): typeof import('node:module') => process.getBuiltinModule('node:module');
