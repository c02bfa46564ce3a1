// What a command Codex runs in its sandbox can reach: the network (sandbox_mode, network_access) and the
// CA and proxy variables the usual tools read (codex-behavior.md §8).

export type SandboxMode = 'read-only' | 'workspace-write' | 'danger-full-access';
export const SANDBOX_MODES = ['read-only', 'workspace-write', 'danger-full-access'] as const satisfies readonly SandboxMode[];

export type SandboxVariableKind = 'ca-file' | 'ca-dir' | 'proxy';

export interface SandboxVariable {
  name: string;
  kind: SandboxVariableKind;
  /** Who reads it inside the sandbox. */
  readBy: string;
}

const PROXY_READERS = 'curl, pip, npm, git and most HTTP clients';

/** Every CA and proxy variable that matters to tools in the sandbox; proxy variables in both cases. */
export const SANDBOX_VARIABLES: readonly SandboxVariable[] = [
  { name: 'CODEX_CA_CERTIFICATE', kind: 'ca-file', readBy: 'codex run inside the sandbox' },
  { name: 'SSL_CERT_FILE', kind: 'ca-file', readBy: 'OpenSSL-based tools (curl, Python ssl, Ruby, git with OpenSSL)' },
  { name: 'SSL_CERT_DIR', kind: 'ca-dir', readBy: 'OpenSSL-based tools' },
  { name: 'NODE_EXTRA_CA_CERTS', kind: 'ca-file', readBy: 'Node.js' },
  { name: 'REQUESTS_CA_BUNDLE', kind: 'ca-file', readBy: 'Python requests' },
  { name: 'CURL_CA_BUNDLE', kind: 'ca-file', readBy: 'curl' },
  { name: 'GIT_SSL_CAINFO', kind: 'ca-file', readBy: 'git' },
  { name: 'CARGO_HTTP_CAINFO', kind: 'ca-file', readBy: 'cargo' },
  { name: 'PIP_CERT', kind: 'ca-file', readBy: 'pip' },
  { name: 'NPM_CONFIG_CAFILE', kind: 'ca-file', readBy: 'npm' },
  ...['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY', 'NO_PROXY'].flatMap((name) => [
    { name, kind: 'proxy' as const, readBy: PROXY_READERS },
    { name: name.toLowerCase(), kind: 'proxy' as const, readBy: PROXY_READERS },
  ]),
];

/** The CA variables that tools other than Codex read (Codex's own choice is CODEX_CA_CERTIFICATE / SSL_CERT_FILE). */
export const TOOL_CA_VARIABLES = SANDBOX_VARIABLES.filter((v) => v.kind !== 'proxy' && v.name !== 'CODEX_CA_CERTIFICATE');

export interface SandboxNetwork {
  /** undefined: not configured (Codex picks read-only or workspace-write; neither has network by default). */
  mode: SandboxMode | undefined;
  /** `[sandbox_workspace_write] network_access` (default false); only workspace-write reads it. */
  networkAccess: boolean;
  /** Whether a sandboxed command can open network connections at all. */
  enabled: boolean;
}

export function sandboxNetwork(mode: SandboxMode | undefined, networkAccess: boolean): SandboxNetwork {
  const enabled = ((): boolean => {
    switch (mode) {
      case 'danger-full-access':
        return true;
      case 'workspace-write':
        return networkAccess;
      case 'read-only':
      case undefined:
        return false;
    }
  })();
  return { mode, networkAccess, enabled };
}
