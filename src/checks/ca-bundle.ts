// ca.bundle: which CA file Codex reads and whether Codex can load it, with Codex's own words at the stage
// where it would stop; then what Codex never says (counts, the certificates, what rustls will make of them).
// With no CA variable: the native roots Codex would load instead.
import { describeFormat, type BundleFormat } from '../codex/bundle-format.js';
import {
  loadCaBundle,
  loadNativeRoots,
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
import type { CertificateSourceFormat, EvidenceSection, FixAction, Finding, Hint } from '../core/types.js';
import { pemPathCandidates, setEnv, unsetAll, unsetEnv } from '../fix/actions.js';
import {
  besideBundleHint,
  day,
  duplicateFinding,
  formatWarnings,
  ignoredByCodex,
  LINT_WORDS,
  lintFinding,
  noRootsFromVariables,
  noRootsOnDisk,
  parseFailure,
  plural,
  readFailure,
  registerFailure,
  skippedFindings,
  type BundleFixes,
  type LintedCertificate,
} from '../words/ca-bundle.js';
import { Speaker } from '../words/speaker.js';
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
  /** The fix of the bundle's first failure, for the network checks whose clients it breaks. */
  fix?: FixAction;
}

/** Certificates listed one per evidence line before the table is cut short (all of them are in `data`). */
const EVIDENCE_ROWS = 50;
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
    findings.push(noRootsFinding(plan, world, new Speaker(world, host)));
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

function noRootsFinding(plan: ReturnType<typeof nativeRootLocations>, world: CodexWorld, say: Speaker): Finding {
  if (plan.kind !== 'env') return noRootsOnDisk(say, plan.kind === 'files' ? [...plan.fileCandidates, ...plan.dirs] : null);
  const names = plan.replacedBy;
  return noRootsFromVariables(say, names, names.map((n) => world.env[n] ?? ''), unsetAll(names, world.provenance));
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

  const say = new Speaker(world, host);
  const fixes = await bundleFixes(host, world, load);

  let summary: string;
  let certificates: CertificateFacts[] = [];
  switch (load.status) {
    case 'read-failed': {
      findings.push(readFailure(say, load, fixes, cleanedValue(selection.raw, host.homeDir), host.homeDir));
      summary =
        load.problem === 'not-regular-file'
          ? `${named} is ${problemWords(load.problem)}: the doctor does not read it.`
          : `Codex cannot read ${named}: ${problemWords(load.problem)}.`;
      evidence.push(codexSays(load.codexMessage === null ? [] : [load.codexMessage], load.codexMessage === null));
      break;
    }
    case 'parse-failed': {
      findings.push(parseFailure(say, load, fixes));
      summary = `Codex cannot load ${named}: ${load.failure.kind === 'no-certificates' ? 'no certificates found' : 'malformed PEM'}.`;
      evidence.push(codexSays([load.codexMessage], false));
      evidence.push(neverSays(load.counts, load.format, load.lossyUtf8, load.size));
      findings.push(...skippedFindings(say, load.counts, load.lossyUtf8, fixes));
      break;
    }
    case 'register-failed':
    case 'loaded': {
      certificates = load.certificates.flatMap((c) => (c.read.ok ? [c.read.facts] : []));
      if (load.status === 'register-failed') findings.push(registerFailure(say, load));
      else {
        findings.push({
          level: 'info',
          code: 'CA_BUNDLE_OK',
          stage: 'register',
          detail: `${named} loads as Codex loads it: ${plural(load.certificates.length, 'certificate')}. ${trust.https.sentence} ${trust.websocket.sentence}`,
        });
      }
      findings.push(...formatWarnings(say, load.format, load.counts, fixes));
      findings.push(...lintFindings(say, load.certificates, host.now(), fixes, knownRoot));
      findings.push(...skippedFindings(say, load.counts, load.lossyUtf8, fixes));
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

  if (ignoredBy === null) {
    const beside = await loadableBeside(host, world, load, isPublicRoot);
    if (beside) addToFailure(findings, besideBundleHint(say, selection, beside.selection, beside.count));
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
    facts: { selection, status: load.status, certificates, nativeRoots: null, breaks: bundleBreaks(load), ...withFix(findings) } satisfies CaBundleFacts,
  };
}

/**
 * CODEX_CA_CERTIFICATE names a file Codex cannot read or parse, while SSL_CERT_FILE (which Codex reads only
 * when CODEX_CA_CERTIFICATE is unset) names one it loads holding a root of its own, not only public roots
 * (pointing at a public store would drop the corporate root the user set): that file, and its certificate count.
 */
async function loadableBeside(
  host: Host,
  world: CodexWorld,
  load: BundleLoad,
  isPublicRoot: (fingerprint256: string) => boolean,
): Promise<{ selection: VariableSelection; count: number } | null> {
  if (load.selection.variable !== 'CODEX_CA_CERTIFICATE' || (load.status !== 'read-failed' && load.status !== 'parse-failed')) return null;
  const other = selectCaBundle({ SSL_CERT_FILE: world.env.SSL_CERT_FILE ?? '' }, host.cwd, host.platform);
  if (other.kind !== 'variable') return null;
  const loaded = await loadCaBundle(host, other);
  if (loaded.status !== 'loaded') return null;
  const ownRoot = loaded.certificates.some((c) => c.read.ok && !isPublicRoot(c.read.facts.fingerprint256));
  return ownRoot ? { selection: other, count: loaded.certificates.length } : null;
}

/**
 * The hint on the selected file's failure: first when the file's own first fix is by hand (a file to repair),
 * second when the file's own fix can be applied (a DER root converted, a path repaired), which keeps the root
 * the user chose.
 */
function addToFailure(findings: Finding[], hint: Hint): void {
  const index = findings.findIndex((f) => f.level === 'fail');
  const failure = findings[index];
  if (!failure || failure.level !== 'fail') return;
  const [own, ...rest] = failure.hints;
  const ownFix = own?.action !== undefined && own.action.kind !== 'manual' && own.action.kind !== 'it-request';
  findings[index] = { ...failure, hints: own && ownFix ? [own, hint, ...rest] : [hint, ...failure.hints] };
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

/**
 * The fixes for the selected file. A rewritten or converted copy goes to a path that does not exist yet: next
 * to the file when that is under the home or working directory, else in $CODEX_HOME (a fix writes nowhere
 * else); a pipe or device is saved as $CODEX_HOME/ca-bundle.pem.
 */
async function bundleFixes(host: Host, world: CodexWorld, load: BundleLoad): Promise<BundleFixes> {
  const { selection } = load;
  const { variable, path } = selection;
  const separator = host.platform === 'win32' ? '\\' : '/';
  const inside = (dir: string): boolean => path.startsWith(`${trimEndMatches(dir, '/\\')}${separator}`);
  const name = trimEndMatches(path, '/\\').split(/[\\/]/).pop() ?? 'ca-bundle';
  const pipe = load.status === 'read-failed' && load.problem === 'not-regular-file';
  const base = pipe ? `${world.codexHome}${separator}ca-bundle.pem` : inside(host.homeDir) || inside(host.cwd) ? path : `${world.codexHome}${separator}${name}`;
  const candidates = pipe ? [base, ...pemPathCandidates(base)] : pemPathCandidates(base);
  let newPem = candidates[candidates.length - 1]!;
  for (const candidate of candidates) {
    if ((await host.fs.stat(candidate).catch(() => ({ kind: 'other' }))) === null) {
      newPem = candidate;
      break;
    }
  }
  const point = setEnv(variable, newPem, world.provenance);
  const source = conversionSource(load);
  return {
    selection,
    unset: unsetEnv(variable, world.provenance),
    rewrite: { kind: 'sequence', steps: [{ kind: 'write-bundle', to: newPem, sources: [path] }, point] },
    convert: source === null ? null : { kind: 'sequence', steps: [{ kind: 'convert-certificate', from: path, to: newPem, ...source }, point] },
    newPem,
  };
}

/** How the file converts to PEM, if it is a shape Codex cannot read that has a conversion. */
function conversionSource(load: BundleLoad): { format: CertificateSourceFormat; encoding?: 'der' | 'pem' } | null {
  if (load.status === 'read-failed') return load.problem === 'directory' ? { format: 'directory' } : null;
  const format = load.format;
  switch (format.kind) {
    case 'der-certificate':
      return { format: 'der' };
    case 'pkcs7':
      return { format: 'pkcs7', encoding: format.encoding };
    case 'utf16':
      return { format: 'utf16' };
    case 'utf8-bom':
      return { format: 'utf8-bom' };
    case 'base64-der':
      return { format: 'base64-der' };
    default:
      return load.status === 'parse-failed' && (load.counts.otherLabels.PKCS7 || load.counts.otherLabels.CMS) ? { format: 'pkcs7', encoding: 'pem' } : null;
  }
}

/** What the user most likely meant (quotes and spaces removed, `~` expanded); null when that is the value itself. */
function cleanedValue(raw: string, homeDir: string): string | null {
  let value = raw.trim();
  if (/^(['"]).*\1$/.test(value) && value.length >= 2) value = value.slice(1, -1).trim();
  if (value === '~' || value.startsWith('~/')) value = `${homeDir}${value.slice(1)}`;
  return value === raw ? null : value;
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

function lintFindings(say: Speaker, loaded: LoadedCertificate[], now: Date, fixes: BundleFixes, knownRoot: KnownRootTest): Finding[] {
  const byKind = new Map<CertificateLint['kind'], LintedCertificate[]>();
  for (const c of loaded) {
    if (!c.read.ok) continue;
    const facts = c.read.facts;
    const lints = lintsOf(facts, now);
    // webpki never checks a trust anchor's own signature or dates: a public root or one of the OS store's in
    // the file (a distribution bundle, or "system bundle + corporate root") is nothing for the user or IT to fix.
    if (lints.length === 0 || knownRoot(facts.fingerprint256) !== null) continue;
    for (const lint of lints) byKind.set(lint.kind, [...(byKind.get(lint.kind) ?? []), { cert: facts, number: c.number, lint }]);
  }
  const findings = (Object.keys(LINT_WORDS) as CertificateLint['kind'][]).flatMap((kind) => {
    const list = byKind.get(kind);
    return list ? [lintFinding(say, kind, list, now, fixes.selection.path)] : [];
  });
  const readable = loaded.flatMap((c) => (c.read.ok ? [{ number: c.number, fingerprint256: c.read.facts.fingerprint256 }] : []));
  const duplicates = findDuplicates(readable);
  if (duplicates.length > 0) findings.push(duplicateFinding(say, duplicates.map((d) => d.positions.map((p) => readable[p]!.number)), fixes));
  return findings;
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

/** The first action of the first failure: what makes the bundle load. */
function withFix(findings: readonly Finding[]): Pick<CaBundleFacts, 'fix'> {
  const action = findings.find((f) => f.level === 'fail')?.hints?.find((h) => h.action !== undefined)?.action;
  return action ? { fix: action } : {};
}
