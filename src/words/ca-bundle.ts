// The words of ca.bundle: per code, the one-sentence detail and the hints. The check decides (which code,
// which certificates, which new path a conversion writes, which action fixes it); this file only speaks,
// and every command comes from the one command builder through the Speaker.
import { describeFormat, type BundleFormat } from '../codex/bundle-format.js';
import { MAX_BUNDLE_BYTES, type BundleLoad, type LoadedCertificate, type VariableSelection } from '../codex/bundle-loader.js';
import type { CertificateFacts, CertificateLint } from '../codex/certificate.js';
import { CODEX_RELEASES } from '../codex/codex-version.js';
import type { PemCounts } from '../codex/pem.js';
import type { TrustPlan } from '../codex/trust.js';
import type { ErrorCode } from '../core/codes.js';
import type { FixAction, Finding, Hint } from '../core/types.js';
import { upgradeCodexHints } from './codex-upgrade.js';
import type { Speaker } from './speaker.js';

/** The fixes the check decided for the selected file. */
export interface BundleFixes {
  selection: VariableSelection;
  /** Drop the variable: Codex goes back to the system roots. */
  unset: FixAction;
  /** The file's certificates, one copy each and nothing else, written to `newPem`, which the variable then names. */
  rewrite: FixAction;
  /** The file (or directory) converted to PEM at `newPem`, then named by the variable; null when there is no conversion. */
  convert: FixAction | null;
  /** A path that does not exist yet, for a rewritten or converted copy. */
  newPem: string;
}

/** Certificates named in one finding's sentence. */
const NAMED_IN_DETAIL = 3;

// --- no variable: no system roots --------------------------------------------------------------------------

export function noRootsFromVariables(say: Speaker, names: string[], values: string[], unset: FixAction): Finding {
  return {
    level: 'warn',
    code: 'CA_NO_SYSTEM_ROOTS',
    stage: 'read',
    detail: `${names.map((n, i) => `${n}=${JSON.stringify(values[i] ?? '')}`).join(' and ')} replace${names.length > 1 ? '' : 's'} the OS store for Codex's WebSocket TLS and load no certificate from there, so streaming trusts nothing.`,
    hints: [say.fix(`Unset ${names.join(' and ')} so that Codex reads the OS trust store again; use CODEX_CA_CERTIFICATE for a corporate root.`, unset)],
  };
}

export function noRootsOnDisk(say: Speaker, where: string[] | null): Finding {
  const install = { kind: 'manual', topic: 'install-system-roots' } as const;
  return {
    level: 'warn',
    code: 'CA_NO_SYSTEM_ROOTS',
    stage: 'read',
    detail: `No root certificates were found in ${where ? where.join(', ') : 'the system store'}: Codex can verify no server.`,
    hints: [
      say.manual('Install the system CA certificates (Debian, Ubuntu).', install, 'sudo apt-get install -y ca-certificates'),
      say.manual('Or on Fedora, RHEL and derivatives.', install, 'sudo dnf install -y ca-certificates'),
    ],
  };
}

// --- the file cannot be read ---------------------------------------------------------------------------------

export function readFailure(say: Speaker, load: Extract<BundleLoad, { status: 'read-failed' }>, fixes: BundleFixes, cleaned: string | null, homeDir: string): Finding {
  const { selection } = load;
  const { variable } = selection;
  const cause = load.cause ?? undefined;
  const base = { level: 'fail' as const, stage: 'read' as const, ...(cause ? { cause } : {}) };
  const unsetHint = say.fix(`Or unset ${variable} to use the system roots.`, fixes.unset);
  switch (load.problem) {
    case 'not-found':
      return {
        ...base,
        code: 'CA_FILE_NOT_FOUND',
        detail: `${variable} names ${JSON.stringify(selection.raw)}, which does not exist${selection.raw !== selection.path ? ` (resolved against the working directory: ${selection.path})` : ''}.`,
        hints: [
          ...(cleaned !== null ? [say.setHint(variable, cleaned, `Set ${variable} without quotes, surrounding spaces or a leading ~: Codex uses the value literally.`)] : []),
          say.setHint(variable, `${homeDir}/corp-root.pem`, `Point ${variable} at the PEM file with your proxy's root certificate, as an absolute path.`),
          variable === 'SSL_CERT_FILE'
            ? say.fix('Or, if another tool left SSL_CERT_FILE behind, unset it (it also replaces the OS store for Codex) and use CODEX_CA_CERTIFICATE for the corporate root.', fixes.unset)
            : say.fix('Or unset it to use the system roots.', fixes.unset),
        ] as Hint[] as [Hint, ...Hint[]],
      };
    case 'directory':
      return {
        ...base,
        code: 'CA_IS_DIRECTORY',
        detail: `${variable} names the directory ${selection.raw}; Codex reads one PEM file and fails with "Is a directory".`,
        hints: [
          say.fix(`Concatenate the certificates of every file in it into one new PEM file, ${say.show(fixes.newPem)}, and point ${variable} at it.`, fixes.convert ?? fixes.rewrite),
          unsetHint,
        ],
      };
    case 'not-regular-file':
      return {
        ...base,
        code: 'CA_NOT_A_REGULAR_FILE',
        detail: `${variable} names ${selection.raw}, a named pipe or a device, not a regular file. The doctor does not read it (reading may block until something writes to it, and a pipe can be read only once), while Codex reads it at every start: a process substitution such as <(cat corp.pem) is gone or already drained by then.`,
        hints: [
          say.manual(
            `Save the PEM to a regular file, ${say.show(fixes.newPem)} (or copy the file that feeds the pipe there).`,
            { kind: 'manual', topic: 'repair-file', file: selection.path },
            say.commands.copyStream(selection.path, fixes.newPem),
          ),
          say.setHint(variable, fixes.newPem, `Point ${variable} at that file, in the shell profile where it is set now.`),
        ],
      };
    case 'unreadable':
      return {
        ...base,
        code: 'CA_UNREADABLE',
        detail: `${variable} names ${selection.raw}, which exists but cannot be read (${cause?.code ?? 'I/O error'}).`,
        hints:
          cause?.code === 'EACCES' || cause?.code === 'EPERM'
            ? [
                say.manual(
                  'Make the file readable by the user who runs Codex (a CA certificate is public).',
                  { kind: 'manual', topic: 'file-permissions', file: selection.path },
                  say.commands.makeReadable(selection.path, '644', true),
                ),
                ...(say.windows ? [] : [{ text: 'Check the owner and the permissions of every directory on the path.', command: `namei -l ${say.commands.quote(selection.path)}` }]),
              ]
            : [say.manual('Check the file and the disk it is on, or copy the bundle somewhere readable and point the variable there.', { kind: 'manual', topic: 'repair-file', file: selection.path }, say.commands.listFile(selection.path))],
      };
    case 'too-large':
      return {
        ...base,
        code: 'CA_TOO_LARGE',
        detail: `${variable} names ${selection.raw}, a ${megabytes(load.size ?? 0)} file (over the ${megabytes(MAX_BUNDLE_BYTES)} a CA bundle never reaches); it starts as ${load.format ? describeFormat(load.format) : 'unknown data'}.`,
        hints: [say.setHint(variable, `${homeDir}/corp-root.pem`, `Point ${variable} at the PEM file holding your proxy's root certificate.`), unsetHint],
      };
  }
}

/** CODEX_CA_CERTIFICATE's file does not load, SSL_CERT_FILE's does: point the variable Codex reads at the good file. */
export function besideBundleHint(say: Speaker, selected: VariableSelection, beside: VariableSelection, count: number): Hint {
  return say.setHint(
    selected.variable,
    beside.path,
    `${beside.variable} names ${say.show(beside.path)}, which Codex loads (${plural(count, 'certificate')}), but Codex reads only ${selected.variable} while it is set: point ${selected.variable} at that file.`,
  );
}

// --- the file cannot be parsed -------------------------------------------------------------------------------

export function parseFailure(say: Speaker, load: Extract<BundleLoad, { status: 'parse-failed' }>, fixes: BundleFixes): Finding {
  const { selection, failure } = load;
  const base = { level: 'fail' as const, stage: 'parse' as const };
  const repair = { kind: 'manual', topic: 'repair-file', file: selection.path } as const;
  const reexport = { kind: 'it-request', topic: 'corporate-root' } as const;
  switch (failure.kind) {
    case 'no-certificates':
      return noCertificates(say, load, fixes);
    case 'illegal-section-start':
      return {
        ...base,
        code: 'CA_PEM_ILLEGAL_SECTION_START',
        detail: `Line ${failure.line} (${JSON.stringify(failure.text)}) starts a PEM block but does not end in exactly five dashes; Codex rejects the whole file.`,
        hints: [say.manual(`Fix line ${failure.line} to read -----BEGIN <LABEL>----- with five dashes on each side, or re-export the certificate.`, repair, say.commands.showLines(selection.path, failure.line))],
      };
    case 'missing-section-end':
      return {
        ...base,
        code: 'CA_PEM_MISSING_SECTION_END',
        detail: `The ${failure.label} block that begins at line ${failure.line} has no -----END ${failure.label}----- line; Codex rejects the whole file.`,
        hints: [say.manual('Re-export the certificate, or restore the missing END line of that block.', repair, say.commands.showLines(selection.path, failure.line, '$'))],
      };
    case 'base64': {
      const isKey = failure.label.endsWith('PRIVATE KEY');
      if (failure.label === 'X509 CRL') {
        return {
          ...base,
          code: 'CA_PEM_BAD_CRL',
          detail: `The X509 CRL block at line ${failure.line} holds invalid base64 (${failure.error}); Codex ignores CRLs but a malformed one still fails the whole file.`,
          hints: [say.fix(`Copy only the certificates (Codex does not use CRLs) to ${say.show(fixes.newPem)} and point ${selection.variable} at it.`, fixes.rewrite)],
        };
      }
      return {
        ...base,
        code: 'CA_PEM_BASE64',
        detail: `The ${isKey ? 'private key' : failure.label} block at line ${failure.line} holds invalid base64 (${failure.error}); Codex rejects the whole file.`,
        hints: isKey
          ? [say.fix(`Remove the private key from the CA bundle: copy only the CERTIFICATE blocks to ${say.show(fixes.newPem)} and point ${selection.variable} at it.`, fixes.rewrite)]
          : [say.manual(`Re-export the certificate: the block at line ${failure.line} was damaged (copy-paste, line wrapping, stray characters).`, reexport, say.commands.showLines(selection.path, failure.line, 'end-marker'))],
      };
    }
    case 'trusted-der-length':
      return {
        ...base,
        code: 'CA_TRUSTED_DER_LENGTH',
        detail: `TRUSTED CERTIFICATE #${failure.certificate} (line ${failure.line}) has an invalid DER length, so Codex cannot cut it to its certificate; Codex rejects the whole file.`,
        hints: [
          say.manual(
            `Re-export that certificate as a plain CERTIFICATE block (openssl drops the trust settings Codex ignores anyway) and point ${selection.variable} at the result.`,
            reexport,
            `openssl x509 -in ${say.commands.path(selection.path)} -out ${say.commands.path(fixes.newPem)}`,
          ),
        ],
      };
  }
}

/** Each wrong format: its code and the sentence after the file's name. */
const FORMAT_WORDS: Partial<Record<BundleFormat['kind'], { code: ErrorCode; says: (what: string) => string }>> = {
  empty: { code: 'CA_EMPTY_FILE', says: () => 'is empty: Codex finds no certificates.' },
  'der-certificate': { code: 'CA_FORMAT_DER', says: (what) => `is ${what}; Codex reads PEM text only and finds no certificates.` },
  pkcs7: { code: 'CA_FORMAT_PKCS7', says: (what) => `is ${what}; Codex cannot read PKCS#7 and finds no certificates.` },
  pkcs12: { code: 'CA_FORMAT_PKCS12', says: (what) => `is ${what}; Codex cannot read PKCS#12 and finds no certificates.` },
  utf16: { code: 'CA_FORMAT_UTF16', says: (what) => `is ${what}; Codex reads it as UTF-8 and finds no certificates.` },
  'utf8-bom': { code: 'CA_FORMAT_UTF8_BOM', says: () => 'starts with a UTF-8 byte-order mark, so Codex does not see the first BEGIN line and finds no certificates.' },
  'base64-der': { code: 'CA_FORMAT_BASE64_DER', says: (what) => `is ${what}; Codex finds no certificates.` },
  'der-crl': { code: 'CA_FORMAT_OTHER', says: (what) => `is ${what}; Codex finds no certificates.` },
  'der-other': { code: 'CA_FORMAT_OTHER', says: (what) => `is ${what}; Codex finds no certificates.` },
  binary: { code: 'CA_FORMAT_OTHER', says: (what) => `is ${what}; Codex finds no certificates.` },
};

function noCertificates(say: Speaker, load: Extract<BundleLoad, { status: 'parse-failed' }>, fixes: BundleFixes): Finding {
  const { selection, counts, format } = load;
  const base = { level: 'fail' as const, stage: 'parse' as const };
  const fallback: [Hint, ...Hint[]] = [
    say.manual(
      `Point ${selection.variable} at a PEM file with -----BEGIN CERTIFICATE----- blocks, or unset it to use the system roots.`,
      { kind: 'manual', topic: 'repair-file', file: selection.path },
      say.commands.showStart(selection.path),
    ),
    say.fix(`Or unset ${selection.variable} to use the system roots.`, fixes.unset),
  ];
  const convert = conversionHints(say, format, fixes);
  const words = FORMAT_WORDS[format.kind];
  if (words) return { ...base, code: words.code, detail: `${selection.raw} ${words.says(describeFormat(format))}`, hints: convert ?? fallback };
  if (counts.ignoredBeginMarkers > 0) {
    return {
      ...base,
      code: 'CA_PEM_IGNORED_BLOCK',
      detail: `The BEGIN marker on line ${counts.firstIgnoredBeginLine} does not start its line (indentation or other text before it), so Codex skips that block and finds no certificates.`,
      hints: [ignoredBlockHint(say, fixes)],
    };
  }
  const held = describeCounts(counts);
  if (counts.privateKeys > 0 && counts.certificates === 0) {
    return { ...base, code: 'CA_NO_CERTIFICATES', detail: `${selection.raw} holds ${held} but no CERTIFICATE block: it is a key file, not a CA bundle.`, hints: fallback };
  }
  return {
    ...base,
    code: 'CA_NO_CERTIFICATES',
    detail: `${selection.raw} is ${describeFormat(format)}${held ? ` holding ${held}` : ''} but no CERTIFICATE block: Codex finds no certificates.`,
    hints: (counts.otherLabels.PKCS7 || counts.otherLabels.CMS ? conversionHints(say, { kind: 'pkcs7', encoding: 'pem' }, fixes) : null) ?? fallback,
  };
}

function ignoredBlockHint(say: Speaker, fixes: BundleFixes): Hint {
  return say.fix(`Copy the certificates, without whatever precedes the dashes on the BEGIN and END lines, to ${say.show(fixes.newPem)} and point ${fixes.selection.variable} at it.`, fixes.rewrite);
}

/** The fix for a wrong format: the conversion to a new PEM file and the variable pointed at it. */
function conversionHints(say: Speaker, format: BundleFormat, fixes: BundleFixes): [Hint, ...Hint[]] | null {
  const { variable } = fixes.selection;
  const then = `to the new file ${say.show(fixes.newPem)} and point ${variable} at it`;
  if (format.kind === 'pkcs12') {
    // Extracting needs the container's password, which the tool never asks for.
    return [
      say.manual(
        `Extract the certificates (no keys) from the PKCS#12 file as PEM ${then}. With OpenSSL 3, add -legacy if it reports "unsupported" (older RC2/3DES-encrypted files).`,
        { kind: 'manual', topic: 'repair-file', file: fixes.selection.path },
        `openssl pkcs12 -in ${say.commands.path(fixes.selection.path)} -nokeys -out ${say.commands.path(fixes.newPem)}`,
      ),
      say.setHint(variable, fixes.newPem, `Then point ${variable} at ${say.show(fixes.newPem)}.`),
    ];
  }
  if (fixes.convert === null) return null;
  switch (format.kind) {
    case 'der-certificate':
      return [say.fix(`Convert the DER certificate to PEM ${then}.`, fixes.convert)];
    case 'pkcs7':
      return [say.fix(`Extract the certificates from the PKCS#7 file as PEM ${then}.`, fixes.convert)];
    case 'utf16':
      return [say.fix(`Re-encode the file as UTF-8 ${then}.`, fixes.convert)];
    case 'utf8-bom':
      return [say.fix(`Remove the 3-byte UTF-8 byte-order mark, writing ${then}.`, fixes.convert)];
    case 'base64-der':
      return [say.fix(`Decode the bare base64 and write it as PEM ${then}.`, fixes.convert)];
    default:
      return null;
  }
}

export function registerFailure(say: Speaker, load: Extract<BundleLoad, { certificates: LoadedCertificate[] }>): Finding {
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
      say.manual(
        `Remove certificate #${number} (the block at line ${cert?.line ?? '?'}) from the bundle, or replace it with a fresh export from your IT team.`,
        { kind: 'manual', topic: 'repair-file', file: selection.path },
        say.windows ? say.commands.showLines(selection.path, cert?.line ?? 1, 'end-marker') : `${say.commands.showLines(selection.path, cert?.line ?? 1, 'end-marker')} | openssl x509 -noout -text`,
      ),
    ],
  };
}

/** A BOM or indented BEGIN lines in a bundle that still loads: certificates vanish silently. */
export function formatWarnings(say: Speaker, format: BundleFormat, counts: PemCounts, fixes: BundleFixes): Finding[] {
  if (counts.ignoredBeginMarkers === 0) return [];
  const { selection } = fixes;
  if (format.kind === 'utf8-bom' && counts.firstIgnoredBeginLine === 1) {
    return [
      {
        level: 'warn',
        code: 'CA_FORMAT_UTF8_BOM',
        stage: 'parse',
        detail: `${selection.raw} starts with a UTF-8 byte-order mark: Codex does not see the BEGIN line behind it and silently drops the first certificate.`,
        hints: conversionHints(say, format, fixes) ?? [ignoredBlockHint(say, fixes)],
      },
    ];
  }
  return [
    {
      level: 'warn',
      code: 'CA_PEM_IGNORED_BLOCK',
      stage: 'parse',
      detail: `${plural(counts.ignoredBeginMarkers, 'BEGIN marker')} in ${selection.raw} (first on line ${counts.firstIgnoredBeginLine}) ${counts.ignoredBeginMarkers > 1 ? 'do' : 'does'} not start the line; Codex silently skips ${counts.ignoredBeginMarkers > 1 ? 'those blocks' : 'that block'}.`,
      hints: [ignoredBlockHint(say, fixes)],
    },
  ];
}

// --- certificates with something to lint: one row per kind ----------------------------------------------------

export interface LintedCertificate {
  cert: CertificateFacts;
  number: number;
  lint: CertificateLint;
}

interface LintWords {
  code: ErrorCode;
  detail: (list: LintedCertificate[], names: (extra?: (e: LintedCertificate) => string) => string, now: Date) => string;
  hint: (say: Speaker, path: string) => Hint;
}

const lintInspect = (say: Speaker, path: string, fields: string): string =>
  say.windows ? `certutil -dump ${say.commands.quote(path)}` : `openssl storeutl -noout -text -certs ${say.commands.path(path)} | grep -E '${fields}'`;

/** The lint kinds in the order their findings are listed. */
export const LINT_WORDS: Record<CertificateLint['kind'], LintWords> = {
  expired: {
    code: 'CA_CERT_EXPIRED',
    detail: (list, names) =>
      `${plural(list.length, 'certificate')} in the bundle ${list.length > 1 ? 'have' : 'has'} expired: ${names((e) => `, ended ${day(e.cert.notAfter)}`)}. rustls still accepts an expired root as an anchor, but OpenSSL-based tools do not, and what it issued has most likely expired too.`,
    hint: (say, path) =>
      say.manual('Replace the expired certificates with the current root of your proxy (ask IT, or export it from the OS store).', { kind: 'it-request', topic: 'corporate-root' }, lintInspect(say, path, 'Subject:|Not After')),
  },
  'not-yet-valid': {
    code: 'CA_CERT_NOT_YET_VALID',
    detail: (list, names, now) =>
      `${plural(list.length, 'certificate')} in the bundle ${list.length > 1 ? 'are' : 'is'} not valid yet: ${names((e) => `, starts ${day(e.cert.notBefore)}`)}; the clock here reads ${now.toISOString()}.`,
    hint: (say) => say.manual('Check the system clock and time zone; fix the clock (NTP) if it is wrong.', { kind: 'manual', topic: 'system-clock' }, say.commands.showClock()),
  },
  'not-ca': {
    code: 'CA_CERT_NOT_CA',
    detail: (list, names) =>
      `${plural(list.length, 'certificate')} in the bundle ${list.length > 1 ? 'are' : 'is'} not a CA (no basicConstraints CA:TRUE): ${names()}. A server certificate in the bundle does not make Codex trust that server; it needs the root that issued it.`,
    hint: (say) =>
      say.manual(
        "Put your proxy's root CA in the bundle instead: the last certificate the proxy presents.",
        { kind: 'it-request', topic: 'corporate-root' },
        say.windows ? 'openssl s_client -showcerts -connect auth.openai.com:443 -servername auth.openai.com' : 'openssl s_client -showcerts -connect auth.openai.com:443 -servername auth.openai.com </dev/null',
      ),
  },
  'weak-signature': {
    code: 'CA_WEAK_SIGNATURE',
    detail: (list, names) =>
      `${plural(list.length, 'certificate')} ${list.length > 1 ? 'are' : 'is'} signed with ${[...new Set(list.map((e) => e.cert.signature.name))].join(', ')}: ${names()}. rustls never checks a root's own signature, but a CA set up this way usually signs what it issues with the same hash, and rustls rejects those (BadSignature).`,
    hint: (say, path) =>
      say.manual(
        'Ask IT to reissue the inspection CA with SHA-256 (FortiGate, for example: a new SHA-256 SSL inspection CA) and install the new root.',
        { kind: 'it-request', topic: 'weak-ca' },
        lintInspect(say, path, 'Subject:|Signature Algorithm'),
      ),
  },
  'weak-rsa-key': {
    code: 'CA_WEAK_RSA_KEY',
    detail: (list, names) =>
      `${plural(list.length, 'certificate')} ${list.length > 1 ? 'have RSA keys' : 'has an RSA key'} under 2048 bits: ${names((e) => `, ${e.cert.publicKey.bits} bits`)}. rustls verifies RSA signatures only with 2048- to 8192-bit keys, so nothing this CA signs will verify.`,
    hint: (say, path) =>
      say.manual('Ask IT to reissue the inspection CA with an RSA 2048+ or ECDSA P-256 key and install the new root.', { kind: 'it-request', topic: 'weak-ca' }, lintInspect(say, path, 'Subject:|Public-Key')),
  },
};

export function lintFinding(say: Speaker, kind: CertificateLint['kind'], list: LintedCertificate[], now: Date, path: string): Finding {
  const words = LINT_WORDS[kind];
  const names = (extra: (e: LintedCertificate) => string = () => ''): string =>
    list
      .slice(0, NAMED_IN_DETAIL)
      .map((e) => `#${e.number} (${e.cert.subject}${extra(e)})`)
      .join(', ') + (list.length > NAMED_IN_DETAIL ? ` and ${list.length - NAMED_IN_DETAIL} more` : '');
  return { level: 'warn', code: words.code, stage: 'register', detail: words.detail(list, names, now), hints: [words.hint(say, path)] };
}

export function duplicateFinding(say: Speaker, groups: number[][], fixes: BundleFixes): Finding {
  const shown = groups.slice(0, NAMED_IN_DETAIL).map((numbers) => {
    const first = numbers.slice(0, NAMED_IN_DETAIL).map((n) => `#${n}`).join(' = ');
    return numbers.length > NAMED_IN_DETAIL ? `${first} = ... (${numbers.length} copies)` : first;
  });
  return {
    level: 'warn',
    code: 'CA_DUPLICATE',
    stage: 'register',
    detail: `${plural(groups.length, 'certificate')} ${groups.length > 1 ? 'appear' : 'appears'} more than once (${shown.join('; ')}${groups.length > NAMED_IN_DETAIL ? '; ...' : ''}). Harmless for Codex, but the file was assembled by hand or twice.`,
    hints: [say.fix(`Keep one copy of each certificate: write them to ${say.show(fixes.newPem)} and point ${fixes.selection.variable} at it.`, fixes.rewrite)],
  };
}

// --- what Codex skips -------------------------------------------------------------------------------------------

export function skippedFindings(say: Speaker, counts: PemCounts, lossyUtf8: boolean, fixes: BundleFixes): Finding[] {
  const { selection } = fixes;
  const findings: Finding[] = [];
  if (counts.privateKeys > 0 && counts.certificates > 0) {
    findings.push({
      level: 'warn',
      code: 'CA_PRIVATE_KEY_SKIPPED',
      stage: 'parse',
      detail: `${selection.raw} contains ${plural(counts.privateKeys, 'private key')} (not shown). Codex skips ${counts.privateKeys > 1 ? 'them' : 'it'}, but a private key does not belong in a CA bundle that many tools and users read.`,
      hints: [say.fix(`Keep only the CERTIFICATE blocks, in ${say.show(fixes.newPem)}, and point ${selection.variable} at it; treat the key as exposed if the file was shared.`, fixes.rewrite)],
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

/** Codex before 0.115.0: the variable is never read as a bundle (codex-behavior.md §1). */
export function ignoredByCodex(version: string, selection: VariableSelection, installed: TrustPlan): Finding {
  return {
    level: 'warn',
    code: 'CA_IGNORED_BY_CODEX',
    stage: 'input',
    detail: `Codex ${version} predates custom CA support (${CODEX_RELEASES.customCa}): it never reads ${selection.variable}=${selection.raw} as a CA bundle (the file is described below as information). ${installed.https.sentence} ${installed.websocket.sentence}`,
    hints: upgradeCodexHints(` to ${CODEX_RELEASES.customCa} or later so that it loads ${selection.variable}`),
  };
}

export function describeCounts(counts: PemCounts): string {
  const parts: string[] = [];
  if (counts.privateKeys) parts.push(plural(counts.privateKeys, 'private key'));
  if (counts.publicKeys) parts.push(plural(counts.publicKeys, 'public key'));
  if (counts.csrs) parts.push(plural(counts.csrs, 'certificate request'));
  if (counts.crls) parts.push(plural(counts.crls, 'CRL'));
  for (const [label, n] of Object.entries(counts.otherLabels)) parts.push(`${n} ${label} block${n > 1 ? 's' : ''}`);
  return parts.join(', ');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MiB`;
}
