// The shapes every layer shares: checks produce them, the runner assembles them, renderers read them.
import type { ErrorCode } from './codes.js';

/** `crash` means the doctor broke (our bug), never the user's network. */
export type Status = 'pass' | 'warn' | 'fail' | 'skip' | 'crash';

/** Where in the runbook a problem happened: the user sees "failed at proxy-auth". */
export type Stage =
  | 'input'
  | 'read'
  | 'parse'
  | 'register'
  | 'resolve'
  | 'dns'
  | 'tcp'
  | 'proxy-connect'
  | 'proxy-auth'
  | 'tls-handshake'
  | 'tls-verify'
  | 'http'
  | 'ws-upgrade'
  | 'policy';

export const STAGES = [
  'input', 'read', 'parse', 'register', 'resolve', 'dns', 'tcp', 'proxy-connect', 'proxy-auth',
  'tls-handshake', 'tls-verify', 'http', 'ws-upgrade', 'policy',
] as const satisfies readonly Stage[];

/** An imperative fix: what to do, and where possible the exact command or snippet. */
export interface Hint {
  text: string;
  command?: string;
  snippet?: string;
  docs?: string;
  /** The fix as data: what `codex-doctor fix` applies and what the JSON report carries. */
  action?: FixAction;
}

/**
 * Where a variable setting must live: the user's shell profile, or `$CODEX_HOME/.env`, which Codex loads
 * over the shell environment but where it ignores every name starting with `CODEX_`.
 */
export type EnvTarget = 'shell-profile' | 'codex-dotenv';

/**
 * A certificate file shape Codex cannot read, converted to PEM: binary DER, PKCS#7, UTF-16 text, PEM behind
 * a UTF-8 byte-order mark, bare base64 DER, or a directory of certificate files (concatenated).
 */
export type CertificateSourceFormat = 'der' | 'pkcs7' | 'utf16' | 'directory' | 'utf8-bom' | 'base64-der';

/** A JSON-compatible TOML value. */
export type TomlValue = string | number | boolean | TomlValue[] | { [key: string]: TomlValue };

/** One change to config.toml; `path` is the dotted key split into parts (table names, then the key). */
export type ConfigChange =
  | { op: 'set'; path: string[]; value: TomlValue }
  | { op: 'remove'; path: string[] };

/** One change the tool can apply; paths are absolute. */
export type FixStep =
  | { kind: 'set-env'; name: string; value: string; target: EnvTarget }
  | { kind: 'unset-env'; name: string; target: EnvTarget }
  /** Gives `name` the current value of `from` (the value may hold a password: it is never spelled out). */
  | { kind: 'copy-env'; name: string; from: string; target: EnvTarget }
  /** Writes `to` (which must not exist yet) as PEM from `from`; `encoding` says how a PKCS#7 file is stored. */
  | { kind: 'convert-certificate'; from: string; to: string; format: CertificateSourceFormat; encoding?: 'der' | 'pem' }
  /** Writes `to` (which must not exist yet) from the certificates of `sources`, in order. */
  | { kind: 'write-bundle'; to: string; sources: string[] }
  /** Edits config.toml in place, keeping the rest of the file. */
  | { kind: 'edit-config'; file: string; changes: ConfigChange[] };

/** What an IT or proxy team must change; never applied by the tool. */
export type ItTopic =
  | 'corporate-root'
  | 'weak-ca'
  | 'allow-host'
  | 'allow-websocket'
  | 'proxy-credentials'
  | 'proxy-reachability'
  /** TLS on the path itself: an alert, a stalled handshake, TLS below 1.2, a chain webpki refuses. */
  | 'fix-tls-path';

/** What only the user can change by hand (the tool neither can nor should): shown, never applied. */
export type ManualTopic =
  | 'upgrade-codex'
  | 'system-clock'
  | 'repair-file'
  | 'file-permissions'
  | 'install-system-roots'
  | 'system-proxy-settings'
  | 'find-proxy-address'
  | 'encode-credentials'
  | 'run-outside-sandbox'
  /** Get the proxy user name and password (the user's own network account) and write them into the proxy URL. */
  | 'proxy-login'
  /** Rewrite a proxy URL that holds a password (this tool never writes a password out). */
  | 'edit-proxy-url'
  /** Export a root from the macOS keychain or Windows store, or look whether it is there. */
  | 'export-os-root'
  /** Remove a known-compromised root from the trust stores. */
  | 'remove-root'
  /** A passing fault on the far side: try again later. */
  | 'retry-later'
  /** Edit a config file by hand (a change this tool does not make, or cannot make safely). */
  | 'edit-config-by-hand';

export type FixAction =
  | FixStep
  /** Steps that only together make the fix (convert a file, then point a variable at it). */
  | { kind: 'sequence'; steps: [FixStep, ...FixStep[]] }
  | { kind: 'it-request'; topic: ItTopic; hosts?: string[] }
  /**
   * A change the user makes by hand (upgrade Codex, fix the clock, repair a file): `file` names the file
   * concerned and `line`/`column` the place in it; `variable` the environment variable to write (a proxy
   * login, a proxy address) and `target` where (the shell profile, or $CODEX_HOME/.env where it is set now).
   */
  | { kind: 'manual'; topic: ManualTopic; file?: string; line?: number; column?: number; variable?: string; target?: EnvTarget };

/** The raw error behind a finding, kept for the evidence (name, code, message; always redacted). */
export interface RawCause {
  name?: string;
  code?: string;
  message: string;
  /** What a proxy answered (a refused CONNECT): the evidence a proxy team asks for. */
  proxyAnswer?: ProxyAnswer;
  /** What answered the request itself, inside TLS (a block page, a challenge, the origin): its status line and Server header. */
  httpAnswer?: ProxyAnswer;
}

/** A proxy's answer as a proxy team reads it: status line and the headers that name the proxy and its login. */
export interface ProxyAnswer {
  /** `HTTP/1.1 407 Proxy Authentication Required` as received (bounded). */
  statusLine: string;
  /** The Server header (names the proxy product). */
  server?: string;
  /** Every Proxy-Authenticate challenge: scheme and realm (bounded). */
  proxyAuthenticate?: string[];
  /** The Via header, when the proxy adds one. */
  via?: string;
}

/** One thing a check established. Warnings and failures carry at least one hint, by type. */
export type Finding =
  | (FindingBase & { level: 'info'; hints?: Hint[] })
  | (FindingBase & { level: 'warn' | 'fail'; hints: [Hint, ...Hint[]] });

interface FindingBase {
  code: ErrorCode;
  stage: Stage;
  /** One redacted sentence. */
  detail: string;
  cause?: RawCause;
}

/** The staged error of a failed or crashed check: what failed, where, and why. */
export interface StagedError {
  stage: Stage;
  code: ErrorCode;
  detail: string;
  cause?: RawCause;
}

/** Human-readable evidence, shown in the expanded TUI row, in --verbose text and in JSON. */
export interface EvidenceSection {
  title: string;
  lines: string[];
}

/** What a check's run() returns. The runner derives the status from the findings. */
export interface CheckResult<F = unknown> {
  /** One line for the collapsed row. */
  summary: string;
  findings: Finding[];
  evidence?: EvidenceSection[];
  /** Structured data for the JSON report (must be JSON-safe and redacted). */
  data?: Record<string, unknown>;
  /** Facts handed to checks that declare this one in `needs`. Not rendered. */
  facts?: F;
  /** The check found it has nothing to do because these checks did not pass: reported as a skip, blocked by them. */
  blockedBy?: string[];
}

export interface CheckRecord {
  id: string;
  title: string;
  status: Status;
  summary: string;
  /** For fail and crash: the first failing finding, or the crash itself. */
  error?: StagedError;
  findings: Finding[];
  evidence: EvidenceSection[];
  data?: Record<string, unknown>;
  /** For skip: the needs that failed (one root cause is reported once). */
  blockedBy?: string[];
  /** For skip: why (user's --skip, or a failed need). */
  skipReason?: 'user' | 'blocked';
  durationMs: number;
}

export interface EnvironmentSummary {
  platform: string;
  arch: string;
  node: string;
  doctorVersion: string;
  codexVersion: string | null;
  codexHome: string;
  /** Relevant variables that are set, with redacted values. */
  variables: Record<string, string>;
  /** Set when the report was produced against the embedded lab. */
  lab?: string;
  /** The operating system by name and version (os-release, sw_vers, the Windows build), when the Host knows it. */
  os?: OsInfo;
  /** The user's shell (bash, zsh, fish, PowerShell, cmd), as the fix commands are written for it. */
  shell?: string;
}

export interface OsInfo {
  /** `Ubuntu 24.04.1 LTS`, `macOS`, `Windows 11`. */
  name: string;
  /** `24.04`, `15.1`, `10.0.22631`; empty when unknown. */
  version: string;
}

/** The fix to apply first, lifted out of the checks for a ticket. */
export interface FixFirst {
  /** The check and finding it fixes. */
  check: string;
  code: ErrorCode;
  stage: Stage;
  /** Who has to act: the user, or an IT/proxy team (then `itRequest` says what to ask for). */
  owner: 'user' | 'it';
  hint: Hint;
}

/** One host:port Codex needs through the proxy, and why. */
export interface ItHost {
  host: string;
  port: number;
  /** What Codex does there: login, model API, streaming, MCP server, telemetry, update check. */
  purpose: string;
  /** WebSocket upgrades (HTTP/1.1 GET with Upgrade: websocket) must pass on this host. */
  websocket: boolean;
  /** Needed only for the update and plugin checks, not for logging in or working. */
  optional?: true;
}

/** What an IT or proxy team must change, stated so that they can act without calling the user. */
export interface ItRequest {
  topic: ItTopic;
  /** One sentence: the change being asked for. */
  request: string;
  /** What the doctor saw that makes this IT's to fix. */
  reason: string;
  hosts: ItHost[];
  /** The proxy as Codex reaches it, and how it wants to be logged into. */
  proxy?: { address: string; authSchemes?: string[]; realm?: string; server?: string };
  /** The CA certificate concerned: the one to hand over (missing root) or to re-issue (weak CA). */
  ca?: { subject: string; sha256?: string; pem?: string; note: string };
}

/** The report in memory, as every renderer reads it; `--json` writes it as render/json.ts lays it out. */
export interface Report {
  tool: 'codex-doctor';
  generatedAt: string;
  durationMs: number;
  exitCode: number;
  counts: Record<Status, number>;
  environment: EnvironmentSummary;
  /** One sentence: what fails and why, or that everything works. */
  summary?: string;
  /** The fix to apply first (absent when nothing warns or fails). */
  fixFirst?: FixFirst;
  /** Present exactly when the fix is an IT or proxy team's. */
  itRequest?: ItRequest;
  checks: CheckRecord[];
}

/** Live progress for the TUI and the streaming text renderer. */
export type RunEvent =
  | { type: 'start'; id: string; at: number }
  | { type: 'stage'; id: string; stage: Stage; at: number }
  | { type: 'end'; id: string; record: CheckRecord }
  | { type: 'done'; checks: CheckRecord[] };
