// Where a missing corporate root usually already sits on the machine (../shared/interception-products.md),
// how to find the one that issued a presented chain, and the exact command that makes Codex trust it.
import { X509Certificate } from 'node:crypto';
import type { Host } from '../core/host.js';
import type { FixStep, Hint } from '../core/types.js';
import type { Speaker } from '../words/speaker.js';
import { issuedBy, oneLine } from '../codex/webpki.js';
import { parseCodexPem } from '../codex/pem.js';
import { TOOL_CA_VARIABLES } from '../codex/sandbox.js';
import { trimEndMatches } from '../codex/rust-str.js';

/** Larger files are not certificate stores. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Directories are listed, not walked: at most this many files are opened per directory. */
const MAX_FILES_PER_DIR = 200;

export interface RootLocation {
  /** `~` means the home directory. */
  path: string;
  kind: 'file' | 'dir';
  platforms: readonly NodeJS.Platform[] | 'all';
  /** Whose location this is. */
  note: string;
}

const UNIX: readonly NodeJS.Platform[] = ['linux', 'freebsd', 'openbsd', 'sunos', 'aix'];

export const CORPORATE_ROOT_LOCATIONS: readonly RootLocation[] = [
  { path: '/usr/local/share/ca-certificates', kind: 'dir', platforms: UNIX, note: 'Debian/Ubuntu local CAs (update-ca-certificates)' },
  { path: '/etc/pki/ca-trust/source/anchors', kind: 'dir', platforms: UNIX, note: 'RHEL/Fedora anchors (update-ca-trust)' },
  { path: '/usr/local/share/ca-certificates/zscaler-root.crt', kind: 'file', platforms: UNIX, note: 'Zscaler root as installed by IT' },
  { path: '/Library/Application Support/Netskope/STAgent/data/nscacert.pem', kind: 'file', platforms: ['darwin'], note: 'Netskope client' },
  { path: '/Library/Application Support/Netskope/STAgent/data/nscacert_combined.pem', kind: 'file', platforms: ['darwin'], note: 'Netskope client (combined bundle)' },
  { path: '~/.mitmproxy/mitmproxy-ca-cert.pem', kind: 'file', platforms: 'all', note: 'mitmproxy' },
];

/**
 * Where people save the certificate IT mailed them: each folder is listed, not walked, and only certificate
 * file names (at most MAX_FILES_PER_DIR, each under MAX_FILE_BYTES) are opened.
 */
export const SAVED_BY_USER = ['~/Downloads', '~/Desktop', '~/Documents', '~'] as const;

/** A file a user saved as a certificate: the names certificate exports get. */
const CERTIFICATE_FILE = /\.(pem|crt|cer|der|cert)$/i;

export type CandidateSource =
  | { kind: 'native-roots' }
  | { kind: 'saved-by-user' }
  | { kind: 'corporate-location'; note: string }
  | { kind: 'variable'; variable: string };

export interface IssuerCandidate {
  /** The file that holds the issuer. */
  path: string;
  /** PEM Codex can read as is; DER needs converting first. */
  format: 'pem' | 'der';
  subject: string;
  source: CandidateSource;
}

export interface SearchInput {
  /** The presented certificate whose issuer no trusted root matches. */
  orphan: X509Certificate;
  env: Readonly<Record<string, string>>;
  /** Files the native roots were read from (to say "it is in the OS store, but Codex is told to ignore it"). */
  nativeRootFiles: readonly string[];
  /** Files named where Codex does not read them (CODEX_CA_CERTIFICATE in $CODEX_HOME/.env), with where. */
  ignoredNames?: ReadonlyArray<{ path: string; variable: string }>;
}

/** Every readable file among the usual places that holds a certificate that issued `orphan`. */
export async function findIssuerOnDisk(host: Host, input: SearchInput): Promise<IssuerCandidate[]> {
  const targets: Array<{ path: string; kind: 'file' | 'dir'; source: CandidateSource; certificateNamesOnly?: boolean }> = [];
  for (const file of input.nativeRootFiles) targets.push({ path: file, kind: 'file', source: { kind: 'native-roots' } });
  for (const location of CORPORATE_ROOT_LOCATIONS) {
    if (location.platforms !== 'all' && !location.platforms.includes(host.platform)) continue;
    targets.push({ path: expandHome(location.path, host.homeDir), kind: location.kind, source: { kind: 'corporate-location', note: location.note } });
  }
  for (const variable of ['CODEX_CA_CERTIFICATE', ...TOOL_CA_VARIABLES.filter((v) => v.kind === 'ca-file').map((v) => v.name)]) {
    const value = input.env[variable];
    if (value) targets.push({ path: value, kind: 'file', source: { kind: 'variable', variable } });
  }
  for (const { path, variable } of input.ignoredNames ?? []) targets.push({ path, kind: 'file', source: { kind: 'variable', variable } });
  for (const folder of SAVED_BY_USER) targets.push({ path: expandHome(folder, host.homeDir), kind: 'dir', source: { kind: 'saved-by-user' }, certificateNamesOnly: true });

  const seen = new Set<string>();
  const found: IssuerCandidate[] = [];
  const consider = async (path: string, source: CandidateSource): Promise<void> => {
    if (seen.has(path)) return;
    seen.add(path);
    const candidate = await issuerIn(host, path, input.orphan);
    if (candidate) found.push({ ...candidate, path, source });
  };
  for (const target of targets) {
    if (target.kind === 'file') {
      await consider(target.path, target.source);
      continue;
    }
    const listed = await host.fs.readdir(target.path).catch(() => [] as string[]);
    const names = target.certificateNamesOnly ? listed.filter((name) => CERTIFICATE_FILE.test(name)) : listed;
    for (const name of names.sort().slice(0, MAX_FILES_PER_DIR)) {
      await consider(`${target.path.replace(/\/+$/, '')}/${name}`, target.source);
    }
  }
  return found;
}

async function issuerIn(host: Host, path: string, orphan: X509Certificate): Promise<Omit<IssuerCandidate, 'path' | 'source'> | null> {
  let bytes: Buffer;
  try {
    const stat = await host.fs.stat(path);
    if (stat?.kind !== 'file' || stat.size > MAX_FILE_BYTES) return null;
    bytes = (await host.fs.readFile(path, MAX_FILE_BYTES)).bytes;
  } catch {
    return null;
  }
  const pem = parseCodexPem(bytes);
  const certs: Array<{ cert: X509Certificate; format: 'pem' | 'der' }> = [];
  if (pem.ok) {
    for (const { der } of pem.certificates) {
      const cert = x509(der);
      if (cert) certs.push({ cert, format: 'pem' });
    }
  } else {
    const cert = x509(bytes);
    if (cert) certs.push({ cert, format: 'der' });
  }
  const match = certs.find(({ cert }) => issuedBy(orphan, cert));
  return match ? { format: match.format, subject: oneLine(match.cert.subject) } : null;
}

function x509(der: Buffer): X509Certificate | null {
  try {
    return new X509Certificate(der);
  } catch {
    return null;
  }
}

function expandHome(path: string, homeDir: string): string {
  if (path === '~') return homeDir;
  return path.startsWith('~/') ? `${homeDir.replace(/\/+$/, '')}/${path.slice(2)}` : path;
}

export interface FixInput {
  candidates: readonly IssuerCandidate[];
  /** The issuer's name as the chain gives it. */
  issuer: string;
  /** Its Common Name, for keychain searches. */
  issuerCn: string | null;
  /** The bundle Codex reads now (CODEX_CA_CERTIFICATE / SSL_CERT_FILE), if any. */
  currentBundle: { variable: string; path: string } | null;
  codexHome: string;
  platform: NodeJS.Platform;
  /** Speaks for the user's shell: every command is rendered from the hint's action. */
  words: Speaker;
  /** New files the fix may write (none exists yet): by default in codexHome, ca-bundle.pem and corporate-root.pem. */
  paths?: { combined: string; converted: string };
  /**
   * The macOS keychains / Windows ROOT store: `read` (and the issuer is not there), or `unread` (whether it is
   * there is unknown: the first hint is the command that tells). Absent where no such store is involved.
   */
  platformStore?: 'read' | 'unread';
  /** Say where the doctor looked (your folders, the products' locations, the OS store) when nothing was found. */
  saySearched?: boolean;
  /** A CA of the issuer's organisation in the bundle Codex reads (relatedCaIn): the missing one is then an intermediate. */
  relatedCa?: string;
}

/**
 * A CA certificate in `file` of the missing issuer's organisation, other than the issuer itself (its root, most
 * likely): the missing certificate is then an intermediate the path does not send, not a root nobody has.
 */
export async function relatedCaIn(host: Host, file: string, issuer: { organisation: string | null; name: string }): Promise<string | null> {
  if (issuer.organisation === null) return null;
  try {
    const stat = await host.fs.stat(file);
    if (stat?.kind !== 'file' || stat.size > MAX_FILE_BYTES) return null;
    const pem = parseCodexPem((await host.fs.readFile(file, MAX_FILE_BYTES)).bytes);
    if (!pem.ok) return null;
    for (const { der } of pem.certificates) {
      const cert = x509(der);
      if (cert?.ca && organisationOf(cert.subject) === issuer.organisation && oneLine(cert.subject) !== issuer.name) return oneLine(cert.subject);
    }
  } catch {
    return null;
  }
  return null;
}

function organisationOf(subject: string): string | null {
  return /(?:^|\n)O=([^\n]*)/.exec(subject)?.[1] ?? null;
}

/** The files a fix writes in CODEX_HOME, before checking that they are free. */
export function defaultFixPaths(codexHome: string, platform: NodeJS.Platform): { combined: string; converted: string } {
  return { combined: joinPath(codexHome, 'ca-bundle.pem', platform), converted: joinPath(codexHome, 'corporate-root.pem', platform) };
}

/**
 * The exact fix: point CODEX_CA_CERTIFICATE at the file that has the issuer, or combine it with the bundle
 * already in use; convert a DER file first; without a file, export the root from the OS store, or ask IT for it.
 */
export function fixForMissingIssuer(input: FixInput): [Hint, ...Hint[]] {
  const { candidates, issuer, currentBundle, words } = input;
  const { combined, converted } = input.paths ?? defaultFixPaths(input.codexHome, input.platform);
  // A dedicated corporate file reads better than a whole OS bundle.
  const ranked = [...candidates].sort((a, b) => SOURCE_RANK[a.source.kind] - SOURCE_RANK[b.source.kind]);
  const pem = ranked.find((c) => c.format === 'pem');
  const der = ranked.find((c) => c.format === 'der');
  const hints: Hint[] = [];
  const pointAt = (path: string): FixStep => ({ kind: 'set-env', name: 'CODEX_CA_CERTIFICATE', value: path, target: 'shell-profile' });

  if (pem) {
    // CODEX_CA_CERTIFICATE replaces the bundle Codex reads now; SSL_CERT_FILE would simply lose to it.
    if (currentBundle?.variable === 'CODEX_CA_CERTIFICATE' && currentBundle.path !== pem.path) {
      hints.push(
        words.fix(
          `${describe(pem)} holds the issuer "${issuer}", but Codex reads ${currentBundle.path} (${currentBundle.variable}). Combine both into one bundle and point CODEX_CA_CERTIFICATE at it (it adds to the public and OS roots).`,
          { kind: 'sequence', steps: [{ kind: 'write-bundle', to: combined, sources: [currentBundle.path, pem.path] }, pointAt(combined)] },
        ),
      );
    } else {
      hints.push(words.fix(`${describe(pem)} holds the issuer "${issuer}". Point CODEX_CA_CERTIFICATE at it: Codex adds it to the public and OS roots, for login and for streaming.`, pointAt(pem.path)));
    }
  } else if (der) {
    hints.push(
      words.fix(
        `${describe(der)} holds the issuer "${issuer}" in binary DER form, which Codex cannot read. Convert it to PEM and point CODEX_CA_CERTIFICATE at the copy.`,
        { kind: 'sequence', steps: [{ kind: 'convert-certificate', from: der.path, to: converted, format: 'der' }, pointAt(converted)] },
      ),
    );
  } else if (input.relatedCa !== undefined && currentBundle) {
    hints.push(missingIntermediate(input, input.relatedCa, currentBundle.path));
  } else {
    hints.push(input.platformStore === undefined ? exportFromStore(input, converted) : rootFromIt(input, converted));
  }
  if (input.platformStore === 'unread') {
    const check = checkStoreHint(input);
    if (check) hints.unshift(check);
  }
  if (currentBundle?.variable === 'SSL_CERT_FILE') {
    hints.push(
      words.fix(
        'SSL_CERT_FILE also replaces the OS store for Codex\'s WebSocket and is read by other tools: prefer CODEX_CA_CERTIFICATE and unset SSL_CERT_FILE unless another tool needs it.',
        words.unsetting('SSL_CERT_FILE'),
      ),
    );
  }
  return hints as [Hint, ...Hint[]];
}

const SOURCE_RANK: Record<CandidateSource['kind'], number> = { 'corporate-location': 0, variable: 1, 'saved-by-user': 2, 'native-roots': 3 };

/** The root is in the macOS keychain or the Windows store (Codex does not read it there): export it by hand. */
function exportFromStore(input: FixInput, out: string): Hint {
  const cn = input.issuerCn ?? input.issuer;
  const { words } = input;
  const export_ = words.commands.exportOsRoot(input.platform, cn, out);
  if (export_ !== null) {
    const where = input.platform === 'darwin' ? 'the System keychain as PEM' : 'your Windows ROOT store, convert it to Base-64 (PEM)';
    return words.manual(
      `No file on disk holds the issuer "${input.issuer}"${searchedWords(input)}. Export it from ${where} and point CODEX_CA_CERTIFICATE at it.`,
      { kind: 'manual', topic: 'export-os-root' },
      `${export_}${words.commands.and}${words.commands.setEnv('CODEX_CA_CERTIFICATE', out)}`,
    );
  }
  return askIt(
    `No file on disk holds the issuer "${input.issuer}"${searchedWords(input)}. Ask your IT team for that root certificate in PEM form (or install it under /usr/local/share/ca-certificates and run update-ca-certificates), save it as ${words.show(out)}, and point CODEX_CA_CERTIFICATE at it.`,
  );
}

/** The issuer is in no file and (as read, or perhaps) not in the OS store: it has to come from IT. */
function rootFromIt(input: FixInput, out: string): Hint {
  const where =
    input.platformStore === 'read'
      ? `is in no file on disk${searchedWords(input)} and not in the ${input.platform === 'win32' ? 'Windows ROOT store' : 'macOS keychains'} the doctor read`
      : `is in no file on disk${searchedWords(input)}; if the command above does not find it either, it is missing`;
  return askIt(
    `The issuer "${input.issuer}" ${where}. Get that root certificate in PEM form from your IT team (the inspection product's admin console exports it), save it as ${input.words.show(out)} and point CODEX_CA_CERTIFICATE at it: Codex adds it to the public and OS roots, for login and for streaming.`,
  );
}

/** The bundle holds the organisation's root: the path leaves out the intermediate below it, which rustls never fetches. */
function missingIntermediate(input: FixInput, relatedCa: string, bundle: string): Hint {
  const shown = input.words.show(bundle);
  return {
    text: `${shown} holds "${relatedCa}" but not the issuer "${input.issuer}" of the same organisation: that is most likely an intermediate certificate the proxy does not send (browsers fetch it themselves, Codex never does). Ask your network team to make the proxy send its intermediate with every certificate it presents, or for that intermediate in PEM to add to ${shown}.`,
    action: { kind: 'it-request', topic: 'fix-tls-path' },
  };
}

/** Only IT has the root: a request for it, never applied. */
function askIt(text: string): Hint {
  return { text, action: { kind: 'it-request', topic: 'corporate-root' } };
}

/** " (searched: ~/Downloads, ~/Desktop, ...)": where the doctor looked, so the user knows where it did not. */
function searchedWords(input: FixInput): string {
  return input.saySearched ? ` (searched: ${SAVED_BY_USER.join(', ')} for certificate files, the inspection products' own locations and the OS trust store)` : '';
}

/** The command that shows whether the OS store the doctor could not read holds the issuer. */
function checkStoreHint(input: FixInput): Hint | null {
  const cn = input.issuerCn ?? input.issuer;
  const look = input.words.commands.findOsRoot(input.platform, cn);
  if (look === null) return null;
  const text =
    input.platform === 'darwin'
      ? `The doctor could not read the macOS keychains. Check that the issuer "${cn}" is in the System keychain: the command prints it as PEM, or says it could not be found (then Codex fails with UnknownIssuer).`
      : `The doctor could not read your Windows ROOT store. Check that the issuer "${cn}" is there: certutil lists it, or finds nothing (then Codex fails with UnknownIssuer).`;
  return input.words.manual(text, { kind: 'manual', topic: 'export-os-root' }, look);
}

function describe(candidate: IssuerCandidate): string {
  switch (candidate.source.kind) {
    case 'native-roots':
      return `The OS trust store file ${candidate.path}`;
    case 'corporate-location':
      return `${candidate.path} (${candidate.source.note})`;
    case 'saved-by-user':
      return `${candidate.path} (a file you saved)`;
    case 'variable':
      return `${candidate.path} (named by ${candidate.source.variable})`;
  }
}

function joinPath(dir: string, name: string, platform: NodeJS.Platform): string {
  const sep = platform === 'win32' ? '\\' : '/';
  return `${trimEndMatches(dir, '/\\')}${sep}${name}`;
}
