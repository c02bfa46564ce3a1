// ca.bundle: which CA file Codex reads and whether Codex can load it, with Codex's own words at the stage
// where it would stop; then what Codex never says (counts, the certificates, what rustls will make of them).
// With no CA variable: the native roots Codex would load instead.
import {
  conversionHints,
  convertedPath,
  describeFormat,
  shellQuote,
  type BundleFormat,
} from '../codex/bundle-format.js';
import {
  loadCaBundle,
  loadNativeRoots,
  MAX_BUNDLE_BYTES,
  type BundleLoad,
  type LoadedCertificate,
  type NativeRootsLoad,
  type VariableSelection,
} from '../codex/bundle-loader.js';
import { nativeRootLocations, selectCaBundle, type CaSelection } from '../codex/ca-selection.js';
import {
  describeKey,
  findDuplicates,
  fingerprint256,
  lintCertificate,
  type CertificateFacts,
  type CertificateLint,
} from '../codex/certificate.js';
import { CODEX_RELEASES } from '../codex/codex-version.js';
import { describeOrigin, displayPath } from '../codex/env.js';
import type { PemCounts } from '../codex/pem.js';
import { trustPlan, type TrustPlan } from '../codex/trust.js';
import type { CodexWorld } from '../codex/world.js';
import type { Host } from '../core/host.js';
import type { EvidenceSection, Finding, Hint } from '../core/types.js';
import { upgradeCodexHints } from './codex-upgrade.js';
import type { DoctorCheck, DoctorContext } from './context.js';
import { trimEndMatches } from '../codex/rust-str.js';
import { publicRootFingerprints } from './public-roots.js';

/** What ca.bundle hands to the checks that need it (tls.auth builds Codex's trust sets from it). */
export interface CaBundleFacts {
  selection: CaSelection;
  /** How far Codex gets with the selected bundle; null when no variable is set (system roots). */
  status: BundleLoad['status'] | null;
  /** The bundle's readable certificates in file order, with their DER (empty unless parsing succeeded). */
  certificates: CertificateFacts[];
  /** Native roots as rustls-native-certs loads them; read only when no CA variable is set. */
  nativeRoots: NativeRootsLoad | null;
  /** Which of Codex's TLS set-ups the bundle breaks: HTTPS clients (login, model API, MCP) and the WebSocket. */
  breaks: { https: boolean; websocket: boolean };
}

/** Certificates listed one per evidence line before the table is cut short (all of them are in `data`). */
const EVIDENCE_ROWS = 50;
/** Certificates named in one finding's sentence. */
const NAMED_IN_DETAIL = 3;
const RUST_LOG_TIP = 'Codex logs its own view with RUST_LOG=codex_http_client::custom_ca=info (codex_client::custom_ca before 2026-07).';

export const caBundleCheck: DoctorCheck<CaBundleFacts> = {
  id: 'ca.bundle',
  title: 'CA bundle',
  needs: [],
  async run(ctx) {
    ctx.stage('input');
    const world = await ctx.world();
    const { host } = ctx;
    const selection = selectCaBundle(world.env, host.cwd, host.platform);
    ctx.stage('read');
    if (selection.kind === 'system') return systemRoots(ctx, world, selection);
    const load = await loadCaBundle(host, selection);
    return await bundleResult(ctx, world, load);
  },
};

// --- no variable: the native roots ------------------------------------------------------------------------

async function systemRoots(ctx: DoctorContext, world: CodexWorld, selection: CaSelection) {
  const { host } = ctx;
  const plan = nativeRootLocations(world.env, host.platform, host.systemStore, host.cwd);
  const roots = await loadNativeRoots(host, plan);
  const findings: Finding[] = [];
  const where = rootsWhere(roots);
  const lines = roots.sources.map((s) =>
    s.kind === 'file'
      ? `file ${s.path}: ${s.certificates} certificates${s.error ? ` (error: ${s.error})` : ''}`
      : `dir ${s.path}: ${s.certificates} certificates in ${s.files ?? 0} hash-named files${s.error ? ` (error: ${s.error})` : ''}`,
  );
  let summary: string;
  if (plan.kind === 'platform-store') {
    summary = `No CA variable set: Codex uses the system roots (${plan.description}).`;
    findings.push({
      level: 'info',
      code: 'CA_SYSTEM_ROOTS',
      stage: 'read',
      detail: `No CA variable is set: HTTPS uses the operating system's verifier and WebSocket loads the ${plan.description}, which the doctor does not count.`,
    });
  } else if (roots.total === 0) {
    summary = 'No CA variable set, and no system root certificates found.';
    findings.push(noRootsFinding(plan, world, host.homeDir));
  } else {
    summary = `No CA variable set: Codex uses the system roots (${plural(roots.total ?? 0, 'certificate')} from ${where}).`;
    findings.push({
      level: 'info',
      code: 'CA_SYSTEM_ROOTS',
      stage: 'read',
      detail: `No CA variable is set (CODEX_CA_CERTIFICATE and SSL_CERT_FILE are unset or empty): Codex uses the system roots; WebSocket TLS loads ${roots.total} native root certificates from ${where}.`,
    });
  }
  if (plan.kind === 'env' && roots.total !== 0) {
    findings.push({
      level: 'info',
      code: 'CA_SYSTEM_ROOTS',
      stage: 'read',
      detail: `${plan.replacedBy.join(' and ')} ${plan.replacedBy.length > 1 ? 'are' : 'is'} set, so only ${plan.replacedBy.length > 1 ? 'those locations replace' : 'that location replaces'} the OS store for WebSocket TLS.`,
    });
  }
  const evidence: EvidenceSection[] = [
    {
      title: 'Native roots (rustls-native-certs)',
      lines: [
        plan.kind === 'env'
          ? `${plan.replacedBy.join(' and ')} set: only these locations are read, the OS store is ignored.`
          : plan.kind === 'files'
            ? `${plan.overridden ? 'Lab system store' : 'Linux default locations'}: the first existing file of ${plan.fileCandidates.length}, plus ${plan.dirs.join(', ') || 'no directories'}.`
            : plan.description,
        ...(lines.length > 0 ? lines : plan.kind === 'platform-store' ? [] : ['nothing found']),
        RUST_LOG_TIP,
      ],
    },
  ];
  return {
    summary,
    findings,
    evidence,
    data: {
      selection: selectionData(selection),
      stage: null,
      nativeRoots: { kind: plan.kind, sources: roots.sources, total: roots.total },
    },
    facts: { selection, status: null, certificates: [], nativeRoots: roots, breaks: { https: false, websocket: false } } satisfies CaBundleFacts,
  };
}

function rootsWhere(roots: NativeRootsLoad): string {
  const used = roots.sources.filter((s) => s.certificates > 0).map((s) => s.path);
  return used.length > 0 ? used.join(' and ') : 'nowhere';
}

function noRootsFinding(plan: ReturnType<typeof nativeRootLocations>, world: CodexWorld, homeDir: string): Finding {
  if (plan.kind === 'env') {
    const names = plan.replacedBy;
    const fromDotenv = names.filter((n) => world.provenance[n]?.source === 'dotenv');
    const hints: [Hint, ...Hint[]] = [
      {
        text: `Unset ${names.join(' and ')} so that Codex reads the OS trust store again; use CODEX_CA_CERTIFICATE for a corporate root.`,
        command: `unset ${names.join(' ')}`,
      },
    ];
    if (fromDotenv.length > 0) hints.push({ text: `Remove ${fromDotenv.join(' and ')} from ${displayPath(world.dotenv.path, homeDir)}: that file overrides the shell for Codex.` });
    return {
      level: 'warn',
      code: 'CA_NO_SYSTEM_ROOTS',
      stage: 'read',
      detail: `${names.map((n) => `${n}=${JSON.stringify(world.env[n] ?? '')}`).join(' and ')} replace${names.length > 1 ? '' : 's'} the OS store for Codex's WebSocket TLS and load no certificate from there, so streaming trusts nothing.`,
      hints,
    };
  }
  return {
    level: 'warn',
    code: 'CA_NO_SYSTEM_ROOTS',
    stage: 'read',
    detail: `No root certificates were found in ${plan.kind === 'files' ? [...plan.fileCandidates, ...plan.dirs].join(', ') : 'the system store'}: Codex can verify no server.`,
    hints: [
      { text: 'Install the system CA certificates (Debian, Ubuntu).', command: 'sudo apt-get install -y ca-certificates' },
      { text: 'Or on Fedora, RHEL and derivatives.', command: 'sudo dnf install -y ca-certificates' },
    ],
  };
}

// --- a variable: the bundle as Codex loads it -------------------------------------------------------------

/**
 * Whether a certificate (by SHA-256 fingerprint) is a root nobody has to fix: its flag (PUBLIC ROOT, OS STORE
 * ROOT), or null for a certificate someone installed on purpose, such as a corporate CA.
 */
type KnownRootTest = (fingerprint256: string) => 'PUBLIC ROOT' | 'OS STORE ROOT' | null;

async function bundleResult(ctx: DoctorContext, world: CodexWorld, load: BundleLoad) {
  const { host } = ctx;
  const selection = load.selection;
  // Hashing the public roots costs start-up time: done only when a certificate has something to lint.
  let publicRoots: ReadonlySet<string> | undefined;
  const isPublicRoot = (fingerprint256: string): boolean => (publicRoots ??= publicRootFingerprints(host)).has(fingerprint256);
  const osStoreRoots = 'certificates' in load ? await osStoreRootsToSpare(host, load.certificates, isPublicRoot) : new Set<string>();
  const knownRoot: KnownRootTest = (fingerprint256) =>
    isPublicRoot(fingerprint256) ? 'PUBLIC ROOT' : osStoreRoots.has(fingerprint256) ? 'OS STORE ROOT' : null;
  const planFor = (codexVersion: string | null): TrustPlan =>
    trustPlan(world.env, host.platform, { cwd: host.cwd, codexVersion, ...(host.systemStore && { systemStore: host.systemStore }) });
  const installed = planFor(world.codexVersion);
  // Before 0.115.0 Codex reads no CA variable: the file is described as a current Codex would load it.
  const ignoredBy = installed.bundleSupported ? null : world.codexVersion;
  const trust = ignoredBy === null ? installed : planFor(null);
  const findings: Finding[] = [];
  const evidence: EvidenceSection[] = [];
  const named = `${selection.variable}=${selection.raw}`;
  const origin = describeOrigin(selection.variable, world.provenance[selection.variable], displayPath(world.dotenv.path, host.homeDir));
  const selectionLines = [
    ...(ignoredBy === null
      ? []
      : [`Codex ${ignoredBy} does not read ${selection.variable} (CA variables arrived in ${CODEX_RELEASES.customCa}); below is what a current Codex makes of the file.`]),
    `${selection.variable} wins (${origin}).`,
    selection.raw === selection.path ? `path: ${selection.raw}` : `path: ${selection.raw} (relative: Codex resolves it against its working directory, here ${selection.path})`,
  ];
  if (selection.variable === 'CODEX_CA_CERTIFICATE' && world.env.SSL_CERT_FILE) selectionLines.push(`SSL_CERT_FILE=${world.env.SSL_CERT_FILE} is not read while CODEX_CA_CERTIFICATE is set.`);
  evidence.push({ title: 'Selection', lines: selectionLines });

  let summary: string;
  let certificates: CertificateFacts[] = [];
  switch (load.status) {
    case 'read-failed': {
      findings.push(readFailure(load, host));
      summary =
        load.problem === 'not-regular-file'
          ? `${named} is ${problemWords(load.problem)}: the doctor does not read it.`
          : `Codex cannot read ${named}: ${problemWords(load.problem)}.`;
      evidence.push(codexSays(load.codexMessage === null ? [] : [load.codexMessage], load.codexMessage === null));
      break;
    }
    case 'parse-failed': {
      findings.push(parseFailure(load));
      summary = `Codex cannot load ${named}: ${load.failure.kind === 'no-certificates' ? 'no certificates found' : 'malformed PEM'}.`;
      evidence.push(codexSays([load.codexMessage], false));
      evidence.push(neverSays(load.counts, load.format, load.lossyUtf8, load.size));
      findings.push(...skippedFindings(load.counts, load.lossyUtf8, selection));
      break;
    }
    case 'register-failed':
    case 'loaded': {
      certificates = load.certificates.flatMap((c) => (c.read.ok ? [c.read.facts] : []));
      if (load.status === 'register-failed') findings.push(registerFailure(load));
      else {
        findings.push({
          level: 'info',
          code: 'CA_BUNDLE_OK',
          stage: 'register',
          detail: `${named} loads as Codex loads it: ${plural(load.certificates.length, 'certificate')}. ${trust.https.sentence} ${trust.websocket.sentence}`,
        });
      }
      findings.push(...formatWarnings(load.format, load.counts, selection));
      findings.push(...lintFindings(load.certificates, host.now(), selection, knownRoot));
      findings.push(...skippedFindings(load.counts, load.lossyUtf8, selection));
      const messages = [load.httpsMessage, load.websocketMessage].filter((m): m is string => m !== null);
      evidence.push(
        messages.length > 0
          ? codexSays(messages.map((m, i) => (messages.length > 1 ? `${i === 0 ? 'login/HTTPS' : 'WebSocket'}: ${m}` : m)), false)
          : { title: 'What Codex says', lines: [`Codex logs (info): loaded certificates from custom CA bundle, certificate_count=${load.certificates.length}.`, RUST_LOG_TIP] },
      );
      evidence.push(neverSays(load.counts, load.format, load.lossyUtf8, load.size));
      evidence.push(certificateTable(load.certificates, host.now(), knownRoot));
      summary =
        load.status === 'loaded'
          ? `${selection.variable} loads: ${plural(load.certificates.length, 'certificate')} from ${selection.raw}.`
          : `Codex rejects ${named}: certificate #${load.httpsFailure ?? load.websocketFailure} cannot be registered.`;
      break;
    }
  }

  const stage = load.status === 'read-failed' ? 'read' : load.status === 'parse-failed' ? 'parse' : load.status === 'register-failed' ? 'register' : null;
  const data = bundleData(load, stage, host.now(), knownRoot);
  if (ignoredBy !== null) {
    // Nothing in the file stops this Codex: one warning to upgrade, and the rest as information.
    summary = `Codex ${ignoredBy} ignores ${named}: CA variables arrived in ${CODEX_RELEASES.customCa}.`;
    findings.splice(0, findings.length, ignoredByCodex(ignoredBy, selection, installed), ...findings.map(asUpgradeNote));
    data.ignoredByCodexVersion = ignoredBy;
  }
  return {
    summary,
    findings: ordered(findings),
    evidence,
    data,
    facts: { selection, status: load.status, certificates, nativeRoots: null, breaks: bundleBreaks(load) } satisfies CaBundleFacts,
  };
}

function bundleBreaks(load: BundleLoad): CaBundleFacts['breaks'] {
  switch (load.status) {
    case 'read-failed':
    case 'parse-failed':
      return { https: true, websocket: true };
    case 'register-failed':
    case 'loaded':
      return { https: load.httpsMessage !== null, websocket: load.websocketMessage !== null };
  }
}

/** Codex before 0.115.0: the variable is never read as a bundle (codex-behavior.md §1). */
function ignoredByCodex(version: string, selection: VariableSelection, installed: TrustPlan): Finding {
  return {
    level: 'warn',
    code: 'CA_IGNORED_BY_CODEX',
    stage: 'input',
    detail: `Codex ${version} predates custom CA support (${CODEX_RELEASES.customCa}): it never reads ${selection.variable}=${selection.raw} as a CA bundle (the file is described below as information). ${installed.https.sentence} ${installed.websocket.sentence}`,
    hints: upgradeCodexHints(` to ${CODEX_RELEASES.customCa} or later so that it loads ${selection.variable}`),
  };
}

/** A finding about the file, for when Codex is upgraded: information now, whatever it would be then. */
function asUpgradeNote(finding: Finding): Finding {
  return { ...finding, level: 'info', detail: `After a Codex upgrade: ${finding.detail}` };
}

function problemWords(problem: Extract<BundleLoad, { status: 'read-failed' }>['problem']): string {
  switch (problem) {
    case 'not-found':
      return 'the file does not exist';
    case 'directory':
      return 'it is a directory';
    case 'not-regular-file':
      return 'a named pipe or a device, not a regular file';
    case 'unreadable':
      return 'the file is unreadable';
    case 'too-large':
      return 'the file is far too large to be a CA bundle';
  }
}

function codexSays(messages: string[], unknown: boolean): EvidenceSection {
  return {
    title: 'What Codex says',
    lines: [
      ...messages,
      ...(unknown ? ['(Codex would read the whole file; what it then reports depends on the content.)'] : []),
      'Login fails hard ("Token exchange failed: ..."); the API client logs a warning and falls back to the system roots; WebSocket fails with "failed to configure websocket TLS: ...".',
      RUST_LOG_TIP,
    ],
  };
}

function readFailure(load: Extract<BundleLoad, { status: 'read-failed' }>, host: Host): Finding {
  const { selection } = load;
  const q = shellQuote(selection.path);
  const cause = load.cause ?? undefined;
  const base = { level: 'fail' as const, stage: 'read' as const, ...(cause ? { cause } : {}) };
  switch (load.problem) {
    case 'not-found':
      return {
        ...base,
        code: 'CA_FILE_NOT_FOUND',
        detail: `${selection.variable} names ${JSON.stringify(selection.raw)}, which does not exist${selection.raw !== selection.path ? ` (resolved against the working directory: ${selection.path})` : ''}.`,
        hints: pathHints(selection, host),
      };
    case 'directory':
      return {
        ...base,
        code: 'CA_IS_DIRECTORY',
        detail: `${selection.variable} names the directory ${selection.raw}; Codex reads one PEM file and fails with "Is a directory".`,
        hints: [
          {
            text: `Concatenate the certificates into one PEM file and point ${selection.variable} at it.`,
            command: `cat ${shellQuote(trimEndMatches(selection.path, '/\\'))}/*.pem > ${shellQuote(`${trimEndMatches(selection.path, '/\\')}.bundle.pem`)}`,
          },
          { text: `Or unset ${selection.variable} to use the system roots.`, command: `unset ${selection.variable}` },
        ],
      };
    case 'not-regular-file':
      return {
        ...base,
        code: 'CA_NOT_A_REGULAR_FILE',
        detail: `${selection.variable} names ${selection.raw}, a named pipe or a device, not a regular file. The doctor does not read it (reading may block until something writes to it, and a pipe can be read only once), while Codex reads it at every start: a process substitution such as <(cat corp.pem) is gone or already drained by then.`,
        hints: [
          {
            text: 'Save the PEM to a regular file (or copy the file that feeds the pipe there).',
            command: `mkdir -p ~/.codex && cat ${q} > ~/.codex/ca-bundle.pem`,
          },
          { text: `Point ${selection.variable} at that file, in the shell profile where it is set now.`, command: `export ${selection.variable}="$HOME/.codex/ca-bundle.pem"` },
        ],
      };
    case 'unreadable':
      return {
        ...base,
        code: 'CA_UNREADABLE',
        detail: `${selection.variable} names ${selection.raw}, which exists but cannot be read (${cause?.code ?? 'I/O error'}).`,
        hints:
          cause?.code === 'EACCES' || cause?.code === 'EPERM'
            ? [
                { text: 'Make the file readable by the user who runs Codex (a CA certificate is public).', command: `sudo chmod 644 ${q}` },
                { text: 'Check the owner and the permissions of every directory on the path.', command: `namei -l ${q}` },
              ]
            : [{ text: 'Check the file and the disk it is on, or copy the bundle somewhere readable and point the variable there.', command: `ls -l ${q}` }],
      };
    case 'too-large':
      return {
        ...base,
        code: 'CA_TOO_LARGE',
        detail: `${selection.variable} names ${selection.raw}, a ${megabytes(load.size ?? 0)} file (over the ${megabytes(MAX_BUNDLE_BYTES)} a CA bundle never reaches); it starts as ${load.format ? describeFormat(load.format) : 'unknown data'}.`,
        hints: [
          { text: `Point ${selection.variable} at the PEM file holding your proxy's root certificate.`, command: `file ${q}` },
          { text: `Or unset ${selection.variable} to use the system roots.`, command: `unset ${selection.variable}` },
        ],
      };
  }
}

/** Hints for a path that does not exist: the literal-value pitfalls first, then the generic fix. */
function pathHints(selection: VariableSelection, host: Host): [Hint, ...Hint[]] {
  const hints: Hint[] = [];
  const cleaned = cleanedValue(selection.raw, host.homeDir);
  if (cleaned !== selection.raw) {
    hints.push({
      text: `Set ${selection.variable} without quotes, surrounding spaces or a leading ~: Codex uses the value literally.`,
      command: `export ${selection.variable}=${shellQuote(cleaned)}`,
    });
  }
  hints.push({
    text: `Point ${selection.variable} at the PEM file with your proxy's root certificate, as an absolute path.`,
    command: `export ${selection.variable}="$HOME/corp-root.pem"`,
  });
  if (selection.variable === 'SSL_CERT_FILE') {
    hints.push({
      text: 'Or, if another tool left SSL_CERT_FILE behind, unset it (it also replaces the OS store for Codex) and use CODEX_CA_CERTIFICATE for the corporate root.',
      command: 'unset SSL_CERT_FILE',
    });
  } else {
    hints.push({ text: 'Or unset it to use the system roots.', command: `unset ${selection.variable}` });
  }
  return hints as [Hint, ...Hint[]];
}

/** What the user most likely meant: quotes and spaces removed, `~` expanded. */
function cleanedValue(raw: string, homeDir: string): string {
  let value = raw.trim();
  if (/^(['"]).*\1$/.test(value) && value.length >= 2) value = value.slice(1, -1).trim();
  if (value === '~' || value.startsWith('~/')) value = `${homeDir}${value.slice(1)}`;
  return value;
}

function parseFailure(load: Extract<BundleLoad, { status: 'parse-failed' }>): Finding {
  const { selection, failure, format } = load;
  const q = shellQuote(selection.path);
  const base = { level: 'fail' as const, stage: 'parse' as const };
  switch (failure.kind) {
    case 'no-certificates':
      return noCertificates(load, format);
    case 'illegal-section-start':
      return {
        ...base,
        code: 'CA_PEM_ILLEGAL_SECTION_START',
        detail: `Line ${failure.line} (${JSON.stringify(failure.text)}) starts a PEM block but does not end in exactly five dashes; Codex rejects the whole file.`,
        hints: [
          { text: `Fix line ${failure.line} to read -----BEGIN <LABEL>----- with five dashes on each side, or re-export the certificate.`, command: `sed -n '${failure.line}p' ${q}` },
        ],
      };
    case 'missing-section-end':
      return {
        ...base,
        code: 'CA_PEM_MISSING_SECTION_END',
        detail: `The ${failure.label} block that begins at line ${failure.line} has no -----END ${failure.label}----- line; Codex rejects the whole file.`,
        hints: [{ text: 'Re-export the certificate, or restore the missing END line of that block.', command: `sed -n '${failure.line},$p' ${q}` }],
      };
    case 'base64': {
      const isKey = failure.label.endsWith('PRIVATE KEY');
      if (failure.label === 'X509 CRL') {
        return {
          ...base,
          code: 'CA_PEM_BAD_CRL',
          detail: `The X509 CRL block at line ${failure.line} holds invalid base64 (${failure.error}); Codex ignores CRLs but a malformed one still fails the whole file.`,
          hints: [
            {
              text: `Remove the CRL blocks (Codex does not use them) and point ${selection.variable} at the result.`,
              command: `awk '/-----BEGIN X509 CRL-----/{skip=1} !skip{print} /-----END X509 CRL-----/{skip=0}' ${q} > ${shellQuote(convertedPath(selection.path))}`,
            },
          ],
        };
      }
      return {
        ...base,
        code: 'CA_PEM_BASE64',
        detail: `The ${isKey ? 'private key' : failure.label} block at line ${failure.line} holds invalid base64 (${failure.error}); Codex rejects the whole file.`,
        hints: isKey
          ? [{ text: 'Remove the private key from the CA bundle: keep only the CERTIFICATE blocks.', command: keepCertificatesCommand(selection.path) }]
          : [{ text: `Re-export the certificate: the block at line ${failure.line} was damaged (copy-paste, line wrapping, stray characters).`, command: `sed -n '${failure.line},/-----END/p' ${q}` }],
      };
    }
    case 'trusted-der-length':
      return {
        ...base,
        code: 'CA_TRUSTED_DER_LENGTH',
        detail: `TRUSTED CERTIFICATE #${failure.certificate} (line ${failure.line}) has an invalid DER length, so Codex cannot cut it to its certificate; Codex rejects the whole file.`,
        hints: [
          {
            text: `Re-export that certificate as a plain CERTIFICATE block (openssl drops the trust settings Codex ignores anyway) and point ${selection.variable} at the result.`,
            command: `openssl x509 -in ${q} -out ${shellQuote(convertedPath(selection.path))}`,
          },
        ],
      };
  }
}

function noCertificates(load: Extract<BundleLoad, { status: 'parse-failed' }>, format: BundleFormat): Finding {
  const { selection, counts } = load;
  const what = describeFormat(format);
  const base = { level: 'fail' as const, stage: 'parse' as const };
  const convert = conversionHints(format, selection.path, selection.variable);
  const fallback: Hint = {
    text: `Point ${selection.variable} at a PEM file with -----BEGIN CERTIFICATE----- blocks, or unset it to use the system roots.`,
    command: `head -c 200 ${shellQuote(selection.path)}`,
  };
  const hints: [Hint, ...Hint[]] = convert ?? [fallback];
  switch (format.kind) {
    case 'empty':
      return { ...base, code: 'CA_EMPTY_FILE', detail: `${selection.raw} is empty: Codex finds no certificates.`, hints };
    case 'der-certificate':
      return { ...base, code: 'CA_FORMAT_DER', detail: `${selection.raw} is ${what}; Codex reads PEM text only and finds no certificates.`, hints };
    case 'pkcs7':
      return { ...base, code: 'CA_FORMAT_PKCS7', detail: `${selection.raw} is ${what}; Codex cannot read PKCS#7 and finds no certificates.`, hints };
    case 'pkcs12':
      return { ...base, code: 'CA_FORMAT_PKCS12', detail: `${selection.raw} is ${what}; Codex cannot read PKCS#12 and finds no certificates.`, hints };
    case 'utf16':
      return { ...base, code: 'CA_FORMAT_UTF16', detail: `${selection.raw} is ${what}; Codex reads it as UTF-8 and finds no certificates.`, hints };
    case 'utf8-bom':
      return {
        ...base,
        code: 'CA_FORMAT_UTF8_BOM',
        detail: `${selection.raw} starts with a UTF-8 byte-order mark, so Codex does not see the first BEGIN line and finds no certificates.`,
        hints,
      };
    case 'base64-der':
      return { ...base, code: 'CA_FORMAT_BASE64_DER', detail: `${selection.raw} is ${what}; Codex finds no certificates.`, hints };
    case 'der-crl':
    case 'der-other':
    case 'binary':
      return { ...base, code: 'CA_FORMAT_OTHER', detail: `${selection.raw} is ${what}; Codex finds no certificates.`, hints };
    case 'pem':
    case 'text': {
      if (counts.ignoredBeginMarkers > 0) {
        return {
          ...base,
          code: 'CA_PEM_IGNORED_BLOCK',
          detail: `The BEGIN marker on line ${counts.firstIgnoredBeginLine} does not start its line (indentation or other text before it), so Codex skips that block and finds no certificates.`,
          hints: [{ text: 'Remove whatever precedes the dashes on the BEGIN and END lines.', command: `sed -i 's/^.*\\(-----\\(BEGIN\\|END\\) \\)/\\1/' ${shellQuote(selection.path)}` }],
        };
      }
      const held = describeCounts(counts);
      if (counts.privateKeys > 0 && counts.certificates === 0) {
        return {
          ...base,
          code: 'CA_NO_CERTIFICATES',
          detail: `${selection.raw} holds ${held} but no CERTIFICATE block: it is a key file, not a CA bundle.`,
          hints: [fallback],
        };
      }
      return {
        ...base,
        code: 'CA_NO_CERTIFICATES',
        detail: `${selection.raw} is ${what}${held ? ` holding ${held}` : ''} but no CERTIFICATE block: Codex finds no certificates.`,
        hints: (counts.otherLabels.PKCS7 || counts.otherLabels.CMS ? conversionHints({ kind: 'pkcs7', encoding: 'pem' }, selection.path, selection.variable) : null) ?? [fallback],
      };
    }
  }
}

function registerFailure(load: Extract<BundleLoad, { certificates: LoadedCertificate[] }>): Finding {
  const { selection } = load;
  const number = load.httpsFailure ?? load.websocketFailure ?? 0;
  const cert = load.certificates[number - 1];
  const what = cert?.read.ok
    ? `certificate #${number} (${cert.read.facts.subject}, line ${cert.line}) parses with OpenSSL but webpki refuses it as a root: ${cert.verdict.websocket}`
    : `certificate #${number} (line ${cert?.line ?? '?'}) is not a readable X.509 certificate${cert && !cert.read.ok ? ` (OpenSSL: ${cert.read.reason})` : ''}`;
  return {
    level: 'fail',
    code: cert?.read.ok === false ? 'CA_CERT_UNREADABLE' : 'CA_REGISTER_FAILED',
    stage: 'register',
    detail: `In ${selection.raw}, ${what}; Codex rejects the whole bundle.`,
    hints: [
      {
        text: `Remove certificate #${number} (the block at line ${cert?.line ?? '?'}) from the bundle, or replace it with a fresh export from your IT team.`,
        command: `sed -n '${cert?.line ?? 1},/-----END/p' ${shellQuote(selection.path)} | openssl x509 -noout -text`,
      },
    ],
  };
}

/** A BOM or indented BEGIN lines in a bundle that still loads: certificates vanish silently. */
function formatWarnings(format: BundleFormat, counts: PemCounts, selection: VariableSelection): Finding[] {
  if (counts.ignoredBeginMarkers === 0) return [];
  const q = shellQuote(selection.path);
  if (format.kind === 'utf8-bom' && counts.firstIgnoredBeginLine === 1) {
    return [
      {
        level: 'warn',
        code: 'CA_FORMAT_UTF8_BOM',
        stage: 'parse',
        detail: `${selection.raw} starts with a UTF-8 byte-order mark: Codex does not see the BEGIN line behind it and silently drops the first certificate.`,
        hints: conversionHints(format, selection.path, selection.variable) ?? [{ text: 'Remove the 3-byte UTF-8 byte-order mark.', command: `tail -c +4 ${q}` }],
      },
    ];
  }
  return [
    {
      level: 'warn',
      code: 'CA_PEM_IGNORED_BLOCK',
      stage: 'parse',
      detail: `${plural(counts.ignoredBeginMarkers, 'BEGIN marker')} in ${selection.raw} (first on line ${counts.firstIgnoredBeginLine}) ${counts.ignoredBeginMarkers > 1 ? 'do' : 'does'} not start the line; Codex silently skips ${counts.ignoredBeginMarkers > 1 ? 'those blocks' : 'that block'}.`,
      hints: [{ text: 'Remove whatever precedes the dashes on the BEGIN and END lines.', command: `sed -i 's/^.*\\(-----\\(BEGIN\\|END\\) \\)/\\1/' ${q}` }],
    },
  ];
}

/**
 * The OS store's certificates (the native roots Codex loads when no variable is set: the distribution's own
 * roots) among the bundle's certificates that have something to lint and are no public root. Debian's
 * ca-certificates.crt, for one, still holds roots that Node's newer Mozilla list dropped (expired, SHA-1):
 * the distribution's roots are nothing for the user or IT to fix either. The store is read only when such a
 * certificate is there; in the lab, Host.systemStore stands in for it.
 */
async function osStoreRootsToSpare(host: Host, loaded: LoadedCertificate[], isPublicRoot: (fingerprint256: string) => boolean): Promise<ReadonlySet<string>> {
  const now = host.now();
  const linted = loaded.flatMap((c) => (c.read.ok && lintsOf(c.read.facts, now).length > 0 && !isPublicRoot(c.read.facts.fingerprint256) ? [c.read.facts.fingerprint256] : []));
  if (linted.length === 0) return new Set();
  // The store without the SSL_CERT_* variables: what the distribution installed, not what a variable names.
  const store = await loadNativeRoots(host, nativeRootLocations({}, host.platform, host.systemStore, host.cwd));
  const inStore = new Set(store.certificates.map((der) => fingerprint256(der)));
  return new Set(linted.filter((fingerprint) => inStore.has(fingerprint)));
}

function lintsOf(facts: CertificateFacts, now: Date): CertificateLint[] {
  // A v1 self-signed root has no basicConstraints at all; webpki accepts it as an anchor.
  return lintCertificate(facts, now, { expectCa: !(facts.version === 1 && facts.selfIssued) });
}

function lintFindings(loaded: LoadedCertificate[], now: Date, selection: VariableSelection, knownRoot: KnownRootTest): Finding[] {
  const byKind = new Map<CertificateLint['kind'], { cert: CertificateFacts; number: number; lint: CertificateLint }[]>();
  for (const c of loaded) {
    if (!c.read.ok) continue;
    const facts = c.read.facts;
    const lints = lintsOf(facts, now);
    // webpki never checks a trust anchor's own signature or dates: a public root or one of the OS store's in
    // the file (a distribution bundle, or "system bundle + corporate root") is nothing for the user or IT to fix.
    if (lints.length === 0 || knownRoot(facts.fingerprint256) !== null) continue;
    for (const lint of lints) {
      const list = byKind.get(lint.kind) ?? [];
      list.push({ cert: facts, number: c.number, lint });
      byKind.set(lint.kind, list);
    }
  }
  const findings: Finding[] = [];
  const q = shellQuote(selection.path);
  const names = (list: { cert: CertificateFacts; number: number }[], extra: (i: number) => string = () => ''): string =>
    list
      .slice(0, NAMED_IN_DETAIL)
      .map((e, i) => `#${e.number} (${e.cert.subject}${extra(i)})`)
      .join(', ') + (list.length > NAMED_IN_DETAIL ? ` and ${list.length - NAMED_IN_DETAIL} more` : '');

  const expired = byKind.get('expired');
  if (expired) {
    findings.push({
      level: 'warn',
      code: 'CA_CERT_EXPIRED',
      stage: 'register',
      detail: `${plural(expired.length, 'certificate')} in the bundle ${expired.length > 1 ? 'have' : 'has'} expired: ${names(expired, (i) => `, ended ${day(expired[i]!.cert.notAfter)}`)}. rustls still accepts an expired root as an anchor, but OpenSSL-based tools do not, and what it issued has most likely expired too.`,
      hints: [{ text: 'Replace the expired certificates with the current root of your proxy (ask IT, or export it from the OS store).', command: `openssl storeutl -noout -text -certs ${q} | grep -E 'Subject:|Not After'` }],
    });
  }
  const notYet = byKind.get('not-yet-valid');
  if (notYet) {
    findings.push({
      level: 'warn',
      code: 'CA_CERT_NOT_YET_VALID',
      stage: 'register',
      detail: `${plural(notYet.length, 'certificate')} in the bundle ${notYet.length > 1 ? 'are' : 'is'} not valid yet: ${names(notYet, (i) => `, starts ${day(notYet[i]!.cert.notBefore)}`)}; the clock here reads ${now.toISOString()}.`,
      hints: [{ text: 'Check the system clock and time zone; fix the clock (NTP) if it is wrong.', command: 'date -u' }],
    });
  }
  const leaves = byKind.get('not-ca');
  if (leaves) {
    findings.push({
      level: 'warn',
      code: 'CA_CERT_NOT_CA',
      stage: 'register',
      detail: `${plural(leaves.length, 'certificate')} in the bundle ${leaves.length > 1 ? 'are' : 'is'} not a CA (no basicConstraints CA:TRUE): ${names(leaves)}. A server certificate in the bundle does not make Codex trust that server; it needs the root that issued it.`,
      hints: [
        {
          text: "Put your proxy's root CA in the bundle instead: the last certificate the proxy presents.",
          command: 'openssl s_client -showcerts -connect auth.openai.com:443 -servername auth.openai.com </dev/null',
        },
      ],
    });
  }
  const weakSig = byKind.get('weak-signature');
  if (weakSig) {
    findings.push({
      level: 'warn',
      code: 'CA_WEAK_SIGNATURE',
      stage: 'register',
      detail: `${plural(weakSig.length, 'certificate')} ${weakSig.length > 1 ? 'are' : 'is'} signed with ${[...new Set(weakSig.map((e) => e.cert.signature.name))].join(', ')}: ${names(weakSig)}. rustls never checks a root's own signature, but a CA set up this way usually signs what it issues with the same hash, and rustls rejects those (BadSignature).`,
      hints: [{ text: 'Ask IT to reissue the inspection CA with SHA-256 (FortiGate, for example: a new SHA-256 SSL inspection CA) and install the new root.', command: `openssl storeutl -noout -text -certs ${q} | grep -E 'Subject:|Signature Algorithm'` }],
    });
  }
  const weakKey = byKind.get('weak-rsa-key');
  if (weakKey) {
    findings.push({
      level: 'warn',
      code: 'CA_WEAK_RSA_KEY',
      stage: 'register',
      detail: `${plural(weakKey.length, 'certificate')} ${weakKey.length > 1 ? 'have RSA keys' : 'has an RSA key'} under 2048 bits: ${names(weakKey, (i) => `, ${weakKey[i]!.cert.publicKey.bits} bits`)}. rustls verifies RSA signatures only with 2048- to 8192-bit keys, so nothing this CA signs will verify.`,
      hints: [{ text: 'Ask IT to reissue the inspection CA with an RSA 2048+ or ECDSA P-256 key and install the new root.', command: `openssl storeutl -noout -text -certs ${q} | grep -E 'Subject:|Public-Key'` }],
    });
  }
  const readable = loaded.flatMap((c) => (c.read.ok ? [{ number: c.number, fingerprint256: c.read.facts.fingerprint256 }] : []));
  const duplicates = findDuplicates(readable);
  if (duplicates.length > 0) {
    const groups = duplicates.slice(0, NAMED_IN_DETAIL).map((d) => {
      const shown = d.positions.slice(0, NAMED_IN_DETAIL).map((p) => `#${readable[p]!.number}`).join(' = ');
      return d.positions.length > NAMED_IN_DETAIL ? `${shown} = ... (${d.positions.length} copies)` : shown;
    });
    findings.push({
      level: 'warn',
      code: 'CA_DUPLICATE',
      stage: 'register',
      detail: `${plural(duplicates.length, 'certificate')} ${duplicates.length > 1 ? 'appear' : 'appears'} more than once (${groups.join('; ')}${duplicates.length > NAMED_IN_DETAIL ? '; ...' : ''}). Harmless for Codex, but the file was assembled by hand or twice.`,
      hints: [
        {
          text: 'Keep one copy of each certificate.',
          command: `awk '/-----BEGIN CERTIFICATE-----/{c=""} {c=c $0 "\\n"} /-----END CERTIFICATE-----/{if(!seen[c]++) printf "%s", c}' ${q} > ${shellQuote(convertedPath(selection.path))}`,
        },
      ],
    });
  }
  return findings;
}

/** What Codex skips: keys (warn, never printed), and the info-level rest. */
function skippedFindings(counts: PemCounts, lossyUtf8: boolean, selection: VariableSelection): Finding[] {
  const findings: Finding[] = [];
  if (counts.privateKeys > 0 && counts.certificates > 0) {
    findings.push({
      level: 'warn',
      code: 'CA_PRIVATE_KEY_SKIPPED',
      stage: 'parse',
      detail: `${selection.raw} contains ${plural(counts.privateKeys, 'private key')} (not shown). Codex skips ${counts.privateKeys > 1 ? 'them' : 'it'}, but a private key does not belong in a CA bundle that many tools and users read.`,
      hints: [
        { text: 'Keep only the CERTIFICATE blocks in the bundle, and treat the key as exposed if the file was shared.', command: keepCertificatesCommand(selection.path) },
      ],
    });
  }
  if (counts.trustedNormalised > 0) {
    findings.push({
      level: 'info',
      code: 'CA_TRUSTED_NORMALISED',
      stage: 'parse',
      detail: `${plural(counts.trustedNormalised, 'TRUSTED CERTIFICATE block')} read as plain certificates; their OpenSSL trust and reject settings are ignored by Codex.`,
    });
  }
  if (counts.crls > 0) {
    findings.push({ level: 'info', code: 'CA_CRL_SKIPPED', stage: 'parse', detail: `${plural(counts.crls, 'CRL')} skipped (Codex logs one info line and does not check revocation).` });
  }
  const others = counts.csrs + counts.publicKeys + counts.echConfigs + Object.values(counts.otherLabels).reduce((a, b) => a + b, 0);
  if (others > 0) {
    const labels = [
      ...(counts.csrs ? [`${counts.csrs} CERTIFICATE REQUEST`] : []),
      ...(counts.publicKeys ? [`${counts.publicKeys} PUBLIC KEY`] : []),
      ...(counts.echConfigs ? [`${counts.echConfigs} ECHCONFIG`] : []),
      ...Object.entries(counts.otherLabels).map(([label, n]) => `${n} ${label}`),
    ];
    findings.push({ level: 'info', code: 'CA_OTHER_SKIPPED', stage: 'parse', detail: `Skipped without a word by Codex: ${labels.join(', ')}.` });
  }
  if (lossyUtf8) {
    findings.push({
      level: 'info',
      code: 'CA_NOT_UTF8',
      stage: 'parse',
      detail: `${selection.raw} is not valid UTF-8; Codex replaces the invalid bytes (harmless outside PEM blocks, fatal inside one).`,
    });
  }
  return findings;
}

function keepCertificatesCommand(path: string): string {
  return `awk '/-----BEGIN CERTIFICATE-----/{p=1} p{print} /-----END CERTIFICATE-----/{p=0}' ${shellQuote(path)} > ${shellQuote(convertedPath(path))}`;
}

function describeCounts(counts: PemCounts): string {
  const parts: string[] = [];
  if (counts.privateKeys) parts.push(plural(counts.privateKeys, 'private key'));
  if (counts.publicKeys) parts.push(plural(counts.publicKeys, 'public key'));
  if (counts.csrs) parts.push(plural(counts.csrs, 'certificate request'));
  if (counts.crls) parts.push(plural(counts.crls, 'CRL'));
  for (const [label, n] of Object.entries(counts.otherLabels)) parts.push(`${n} ${label} block${n > 1 ? 's' : ''}`);
  return parts.join(', ');
}

function neverSays(counts: PemCounts, format: BundleFormat, lossyUtf8: boolean, size: number): EvidenceSection {
  const other = Object.entries(counts.otherLabels).map(([label, n]) => `${label} x${n}`);
  return {
    title: 'What Codex never says',
    lines: [
      `file: ${size} bytes, ${describeFormat(format)}${lossyUtf8 ? ', not valid UTF-8' : ''}`,
      `certificates: ${counts.certificates}; TRUSTED CERTIFICATE normalised: ${counts.trustedNormalised}; CRLs skipped: ${counts.crls}`,
      `private keys skipped: ${counts.privateKeys} (never shown); public keys: ${counts.publicKeys}; CSRs: ${counts.csrs}; other blocks: ${other.length > 0 ? other.join(', ') : 0}`,
      ...(counts.ignoredBeginMarkers > 0 ? [`BEGIN markers not at a line start (skipped): ${counts.ignoredBeginMarkers}, first on line ${counts.firstIgnoredBeginLine}`] : []),
    ],
  };
}

function certificateTable(loaded: LoadedCertificate[], now: Date, knownRoot: KnownRootTest): EvidenceSection {
  const lines = loaded.slice(0, EVIDENCE_ROWS).map((c) => {
    if (!c.read.ok) return `#${c.number} line ${c.line}: unreadable (${c.read.reason})`;
    const f = c.read.facts;
    const flags = certificateFlags(f, now, knownRoot);
    return `#${c.number} ${f.subject} | issuer: ${f.selfIssued ? 'self' : f.issuer} | ${f.isCa ? 'CA' : 'not CA'} | ${describeKey(f.publicKey)} | ${f.signature.name} | ${day(f.notBefore)} to ${day(f.notAfter)} | SHA-256 ${f.fingerprint256}${flags.length ? ` | ${flags.join(', ')}` : ''}`;
  });
  if (loaded.length > EVIDENCE_ROWS) lines.push(`... and ${loaded.length - EVIDENCE_ROWS} more (all of them are in the --json report).`);
  return { title: 'Certificates', lines };
}

function certificateFlags(facts: CertificateFacts, now: Date, knownRoot: KnownRootTest): string[] {
  const flags = lintsOf(facts, now).map((l) => {
    switch (l.kind) {
      case 'expired':
        return 'EXPIRED';
      case 'not-yet-valid':
        return 'NOT YET VALID';
      case 'weak-signature':
        return `${l.hash.toUpperCase()} SIGNATURE`;
      case 'weak-rsa-key':
        return `RSA ${l.bits} TOO SMALL`;
      case 'not-ca':
        return 'LEAF';
    }
  });
  // Why a flagged public or OS store root raises no warning (only looked up for a flagged certificate).
  const known = flags.length > 0 ? knownRoot(facts.fingerprint256) : null;
  if (known !== null) flags.push(known);
  return flags;
}

function bundleData(load: BundleLoad, stage: 'read' | 'parse' | 'register' | null, now: Date, knownRoot: KnownRootTest): Record<string, unknown> {
  const data: Record<string, unknown> = { selection: selectionData(load.selection), stage, status: load.status };
  switch (load.status) {
    case 'read-failed':
      data.problem = load.problem;
      data.codex = { https: load.codexMessage, websocket: load.codexMessage };
      data.size = load.size;
      break;
    case 'parse-failed':
      data.codex = { https: load.codexMessage, websocket: load.codexMessage };
      data.size = load.size;
      data.format = load.format.kind;
      data.failure = load.failure;
      data.counts = load.counts;
      break;
    case 'register-failed':
    case 'loaded':
      data.codex = { https: load.httpsMessage, websocket: load.websocketMessage };
      data.size = load.size;
      data.format = load.format.kind;
      data.counts = load.counts;
      data.certificates = load.certificates.map((c) =>
        c.read.ok
          ? {
              number: c.number,
              line: c.line,
              subject: c.read.facts.subject,
              issuer: c.read.facts.issuer,
              selfIssued: c.read.facts.selfIssued,
              notBefore: c.read.facts.notBefore.toISOString(),
              notAfter: c.read.facts.notAfter.toISOString(),
              ca: c.read.facts.isCa,
              key: describeKey(c.read.facts.publicKey),
              signatureAlgorithm: c.read.facts.signature.name,
              sha256: c.read.facts.fingerprint256,
              flags: certificateFlags(c.read.facts, now, knownRoot),
            }
          : { number: c.number, line: c.line, unreadable: c.read.reason },
      );
      break;
  }
  return data;
}

function selectionData(selection: CaSelection): Record<string, unknown> {
  return selection.kind === 'system' ? { kind: 'system' } : { kind: 'variable', variable: selection.variable, value: selection.raw, path: selection.path };
}

/** fail, then warn, then info (stable within a level). */
function ordered(findings: Finding[]): Finding[] {
  const rank = { fail: 0, warn: 1, info: 2 } as const;
  return findings.map((f, i) => ({ f, i })).sort((a, b) => rank[a.f.level] - rank[b.f.level] || a.i - b.i).map((x) => x.f);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MiB`;
}
