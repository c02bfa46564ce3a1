import { execFileSync, spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { caBundleCheck } from '../../src/checks/ca-bundle.js';
import { CODEX_CA_HINT, MAX_BUNDLE_BYTES } from '../../src/codex/bundle-loader.js';
import type { CheckRecord } from '../../src/core/types.js';
import { mintCorporateCa, type CorporateCa } from '../../src/lab/pki.js';
import { withoutActions } from '../helpers/findings.js';
import { tempHost, testHost, TEST_NOW, type MemoryEntry, type TestHostOptions } from '../helpers/host.js';
import { runCheckResult, runDoctorCheck } from '../helpers/run-check.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/bundles/${name}`, import.meta.url));
const RSA_ROOT = fixture('rsa-root.pem').toString('utf8');
const EC_ROOT = fixture('ecdsa-p384-root.pem').toString('utf8');
const RSA_DER = new X509Certificate(RSA_ROOT).raw;
const BUNDLE = '/certs/corp.pem';

// A throwaway key body: it must appear in no output.
const KEY_BODY = 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgVcB3xQZ2nqKmbpPtn6bYTLcP7PqszbVeNTK1T5mG0Yih';
const PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----\n${KEY_BODY}\n-----END PRIVATE KEY-----\n`;

function pemOf(der: Uint8Array, label = 'CERTIFICATE'): string {
  return `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;
}

async function check(bundle: MemoryEntry, options: TestHostOptions = {}, variable = 'CODEX_CA_CERTIFICATE'): Promise<CheckRecord> {
  return runDoctorCheck(caBundleCheck, testHost({ env: { [variable]: BUNDLE }, ...options, files: { [BUNDLE]: bundle, ...options.files } }));
}

function codex(record: CheckRecord): { https: string | null; websocket: string | null } {
  return record.data?.codex as { https: string | null; websocket: string | null };
}

const parseMessage = (detail: string, variable = 'CODEX_CA_CERTIFICATE'): string =>
  `Failed to load CA certificates from ${BUNDLE} selected by ${variable}: ${detail}. ${CODEX_CA_HINT}`;
const readMessage = (error: string, path = BUNDLE): string =>
  `Failed to read CA certificate file ${path} selected by CODEX_CA_CERTIFICATE: ${error}. ${CODEX_CA_HINT}`;

describe('ca.bundle: a bundle that loads', () => {
  it('passes, says what Codex does with it, and lists every certificate', async () => {
    const record = await check(RSA_ROOT + EC_ROOT);
    expect(record.status).toBe('pass');
    expect(record.summary).toBe(`CODEX_CA_CERTIFICATE loads: 2 certificates from ${BUNDLE}.`);
    expect(record.findings.map((f) => f.code)).toEqual(['CA_BUNDLE_OK']);
    expect(codex(record)).toEqual({ https: null, websocket: null });
    const certs = record.data?.certificates as Record<string, unknown>[];
    expect(certs[0]).toMatchObject({
      number: 1,
      line: 1,
      subject: 'O=codex-doctor fixtures, CN=Fixture RSA Root',
      selfIssued: true,
      ca: true,
      key: 'RSA 2048',
      signatureAlgorithm: 'sha256WithRSAEncryption',
      sha256: new X509Certificate(RSA_ROOT).fingerprint256,
      flags: [],
    });
    expect(certs[1]).toMatchObject({ key: 'EC P-384', signatureAlgorithm: 'ecdsa-with-SHA384', ca: true });
    expect(record.evidence.find((e) => e.title === 'Certificates')?.lines[1]).toContain('Fixture ECDSA P-384 Root');
  });

  it('hands the DER of every certificate to dependent checks', async () => {
    const result = await runCheckResult(caBundleCheck, testHost({ env: { CODEX_CA_CERTIFICATE: BUNDLE }, files: { [BUNDLE]: RSA_ROOT } }));
    expect(result.stages).toEqual(['input', 'read']);
    expect(result.facts?.status).toBe('loaded');
    expect(result.facts?.selection).toEqual({ kind: 'variable', variable: 'CODEX_CA_CERTIFICATE', raw: BUNDLE, path: BUNDLE });
    expect(Buffer.compare(result.facts!.certificates[0]!.der, RSA_DER)).toBe(0);
  });

  it('resolves a relative path against the working directory, and keeps the raw value in messages', async () => {
    const record = await runDoctorCheck(
      caBundleCheck,
      testHost({ env: { SSL_CERT_FILE: 'certs/corp.pem', CODEX_CA_CERTIFICATE: '' }, cwd: '/work', files: { '/work/certs/corp.pem': '' } }),
    );
    expect(record.data?.selection).toEqual({ kind: 'variable', variable: 'SSL_CERT_FILE', value: 'certs/corp.pem', path: '/work/certs/corp.pem' });
    expect(codex(record).https).toBe(
      `Failed to load CA certificates from certs/corp.pem selected by SSL_CERT_FILE: no certificates found in PEM file. ${CODEX_CA_HINT}`,
    );
  });

  it('takes SSL_CERT_FILE from $CODEX_HOME/.env over the shell, and says so', async () => {
    const record = await runDoctorCheck(
      caBundleCheck,
      testHost({
        env: { SSL_CERT_FILE: '/shell.pem' },
        files: { '/home/user/.codex/.env': `SSL_CERT_FILE=${BUNDLE}\n`, [BUNDLE]: RSA_ROOT },
      }),
    );
    expect(record.status).toBe('pass');
    expect(record.data?.selection).toMatchObject({ variable: 'SSL_CERT_FILE', value: BUNDLE });
    expect(record.evidence[0]?.lines[0]).toContain('.env (line 1)');
  });

  it('reads TRUSTED CERTIFICATE blocks as certificates (info), and skips CRLs (info)', async () => {
    const trusted = await check(fixture('trusted-certificate.pem'));
    expect(trusted.status).toBe('pass');
    expect(trusted.findings.map((f) => [f.level, f.code])).toEqual([
      ['info', 'CA_BUNDLE_OK'],
      ['info', 'CA_TRUSTED_NORMALISED'],
    ]);
    const crl = await check(fixture('with-crl.pem'));
    expect(crl.findings.map((f) => f.code)).toEqual(['CA_BUNDLE_OK', 'CA_CRL_SKIPPED']);
  });

  it('warns about a private key in the bundle and never prints it', async () => {
    const record = await check(`${RSA_ROOT}${PRIVATE_KEY}`);
    expect(record.status).toBe('warn');
    expect(record.findings.find((f) => f.level === 'warn')?.code).toBe('CA_PRIVATE_KEY_SKIPPED');
    expect(JSON.stringify(record)).not.toContain(KEY_BODY.slice(0, 24));
    expect(JSON.stringify(record.evidence)).toContain('private keys skipped: 1 (never shown)');
  });
});

const LINUX_STORE = { files: ['/etc/ssl/certs/ca-certificates.crt'], dirs: ['/etc/ssl/certs'] };
const codexCli = (version: string) => () => ({ code: 0, stdout: `codex-cli ${version}\n`, stderr: '' });
const HTTPS_USES = 'HTTPS (login, token exchange, API, MCP over HTTP)';
const WS_USES = 'WebSocket (Responses streaming, Realtime)';
const STORE_WORDS = 'the system store (/etc/ssl/certs/ca-certificates.crt, /etc/ssl/certs)';

describe('ca.bundle: what the bundle is added to, per transport and Codex release', () => {
  it('CODEX_CA_CERTIFICATE on a current Codex: HTTPS bundle + Mozilla + OS store, WebSocket OS store + bundle', async () => {
    const record = await check(RSA_ROOT, { systemStore: LINUX_STORE });
    expect(record.findings).toEqual([
      {
        level: 'info',
        code: 'CA_BUNDLE_OK',
        stage: 'register',
        detail: `CODEX_CA_CERTIFICATE=${BUNDLE} loads as Codex loads it: 1 certificate. ${HTTPS_USES} verifies with rustls and trusts ${BUNDLE} (from CODEX_CA_CERTIFICATE) + the Mozilla roots built into Codex + ${STORE_WORDS}. ${WS_USES} verifies with rustls and trusts ${STORE_WORDS} + ${BUNDLE} (from CODEX_CA_CERTIFICATE); no Mozilla roots.`,
      },
    ]);
  });

  it('SSL_CERT_FILE as the bundle: the native roots are that file only, not the OS store', async () => {
    const record = await check(RSA_ROOT, { systemStore: LINUX_STORE }, 'SSL_CERT_FILE');
    expect(record.findings.map((f) => f.detail)).toEqual([
      `SSL_CERT_FILE=${BUNDLE} loads as Codex loads it: 1 certificate. ${HTTPS_USES} verifies with rustls and trusts ${BUNDLE} (from SSL_CERT_FILE) + the Mozilla roots built into Codex + only SSL_CERT_FILE=${BUNDLE} in place of the OS store. ${WS_USES} verifies with rustls and trusts only SSL_CERT_FILE=${BUNDLE} in place of the OS store + ${BUNDLE} (from SSL_CERT_FILE); no Mozilla roots.`,
    ]);
  });

  it('Codex 0.115-0.128: HTTPS adds the bundle to OpenSSL\'s store, without Mozilla roots', async () => {
    const record = await check(RSA_ROOT, { systemStore: LINUX_STORE, exec: codexCli('0.120.0') });
    expect(record.findings.map((f) => f.detail)).toEqual([
      `CODEX_CA_CERTIFICATE=${BUNDLE} loads as Codex loads it: 1 certificate. ${HTTPS_USES} verifies with OpenSSL and trusts the system CA file (/etc/ssl/certs/ca-certificates.crt or the distribution's equivalent) + ${BUNDLE} (from CODEX_CA_CERTIFICATE); Codex 0.120.0 adds the bundle to the platform library (from 0.129.0 HTTPS uses rustls with the Mozilla roots). ${WS_USES} verifies with rustls and trusts ${STORE_WORDS} + ${BUNDLE} (from CODEX_CA_CERTIFICATE); no Mozilla roots.`,
    ]);
  });
});

describe('ca.bundle: a Codex before 0.115.0 reads no CA variable', () => {
  const UPGRADE = (variable: string) => [
    { text: `Upgrade Codex to 0.115.0 or later so that it loads ${variable}.`, command: 'npm install -g @openai/codex@latest' },
    { text: 'If you installed Codex with Homebrew, upgrade it there instead.', command: 'brew upgrade codex' },
  ];
  const OLD_HTTPS = `${HTTPS_USES} verifies with OpenSSL and trusts the system CA file (/etc/ssl/certs/ca-certificates.crt or the distribution's equivalent).`;
  const OLD_WS = `${WS_USES} verifies with rustls and trusts ${STORE_WORDS}; no Mozilla roots.`;

  it('a missing file does not fail: Codex never opens it; the check says so and asks for an upgrade', async () => {
    const record = await runDoctorCheck(
      caBundleCheck,
      testHost({ env: { CODEX_CA_CERTIFICATE: BUNDLE }, systemStore: LINUX_STORE, exec: codexCli('0.110.0') }),
    );
    expect(record.status).toBe('warn');
    expect(record.error).toBeUndefined();
    expect(record.summary).toBe(`Codex 0.110.0 ignores CODEX_CA_CERTIFICATE=${BUNDLE}: CA variables arrived in 0.115.0.`);
    expect(record.findings.map((f) => [f.level, f.code, f.stage])).toEqual([
      ['warn', 'CA_IGNORED_BY_CODEX', 'input'],
      ['info', 'CA_FILE_NOT_FOUND', 'read'],
    ]);
    expect(withoutActions(record.findings[0]!)).toEqual({
      level: 'warn',
      code: 'CA_IGNORED_BY_CODEX',
      stage: 'input',
      detail: `Codex 0.110.0 predates custom CA support (0.115.0): it never reads CODEX_CA_CERTIFICATE=${BUNDLE} as a CA bundle (the file is described below as information). ${OLD_HTTPS} ${OLD_WS}`,
      hints: UPGRADE('CODEX_CA_CERTIFICATE'),
    });
    expect(record.findings[1]?.detail).toBe(`After a Codex upgrade: CODEX_CA_CERTIFICATE names "${BUNDLE}", which does not exist.`);
    expect(record.data?.ignoredByCodexVersion).toBe('0.110.0');
  });

  it('garbage in SSL_CERT_FILE is information, and the warning says what the file still replaces', async () => {
    const record = await check(Buffer.from([0, 1, 2, 3, 0xff]), { systemStore: LINUX_STORE, exec: codexCli('0.114.9') }, 'SSL_CERT_FILE');
    expect(record.status).toBe('warn');
    expect(record.findings.map((f) => [f.level, f.code])).toEqual([
      ['warn', 'CA_IGNORED_BY_CODEX'],
      ['info', 'CA_FORMAT_OTHER'],
      ['info', 'CA_NOT_UTF8'],
    ]);
    expect(record.findings[0]?.detail).toBe(
      `Codex 0.114.9 predates custom CA support (0.115.0): it never reads SSL_CERT_FILE=${BUNDLE} as a CA bundle (the file is described below as information). ${HTTPS_USES} verifies with OpenSSL and trusts the system CA file (SSL_CERT_FILE=${BUNDLE} when it exists, else /etc/ssl/certs/ca-certificates.crt or the distribution's equivalent). ${WS_USES} verifies with rustls and trusts only SSL_CERT_FILE=${BUNDLE} in place of the OS store; no Mozilla roots.`,
    );
    expect(withoutActions(record.findings[0]!).hints).toEqual(UPGRADE('SSL_CERT_FILE'));
  });

  it('a good bundle is described for after the upgrade', async () => {
    const record = await check(RSA_ROOT, { systemStore: LINUX_STORE, exec: codexCli('0.110.0') });
    expect(record.findings.map((f) => [f.level, f.code])).toEqual([
      ['warn', 'CA_IGNORED_BY_CODEX'],
      ['info', 'CA_BUNDLE_OK'],
    ]);
    expect(record.findings[1]?.detail).toMatch(new RegExp(`^After a Codex upgrade: CODEX_CA_CERTIFICATE=${BUNDLE} loads as Codex loads it: 1 certificate\\. ${HTTPS_USES.replace(/[()]/g, '\\$&')} verifies with rustls `));
    expect(record.evidence[0]?.lines[0]).toBe(
      'Codex 0.110.0 does not read CODEX_CA_CERTIFICATE (CA variables arrived in 0.115.0); below is what a current Codex makes of the file.',
    );
  });

  it('from 0.115.0 on, a missing file fails again', async () => {
    const record = await runDoctorCheck(caBundleCheck, testHost({ env: { CODEX_CA_CERTIFICATE: BUNDLE }, exec: codexCli('0.115.0') }));
    expect(record.status).toBe('fail');
    expect(record.findings.map((f) => f.code)).toEqual(['CA_FILE_NOT_FOUND']);
  });
});

describe('ca.bundle: read stage (Codex cannot read the file)', () => {
  it('a missing file fails with Codex\'s own message', async () => {
    const record = await runDoctorCheck(caBundleCheck, testHost({ env: { CODEX_CA_CERTIFICATE: '/nope.pem' } }));
    expect(record.status).toBe('fail');
    expect(record.error).toMatchObject({ stage: 'read', code: 'CA_FILE_NOT_FOUND' });
    expect(codex(record).https).toBe(readMessage('No such file or directory (os error 2)', '/nope.pem'));
  });

  it('a quoted value: the path with the quotes does not exist, and the fix drops them', async () => {
    const record = await runDoctorCheck(caBundleCheck, testHost({ env: { CODEX_CA_CERTIFICATE: `"${BUNDLE}" ` }, files: { [BUNDLE]: RSA_ROOT } }));
    expect(record.error).toMatchObject({ stage: 'read', code: 'CA_FILE_NOT_FOUND' });
    expect(record.findings[0]?.hints?.[0]?.command).toBe(`export CODEX_CA_CERTIFICATE=${BUNDLE}`);
  });

  it('a directory', async () => {
    const record = await check({ directory: true });
    expect(record.error).toMatchObject({ stage: 'read', code: 'CA_IS_DIRECTORY' });
    expect(codex(record).https).toBe(readMessage('Is a directory (os error 21)'));
    // /certs is outside the home and working directories: the combined file goes to $CODEX_HOME.
    expect(record.findings[0]?.hints?.[0]?.action).toEqual({
      kind: 'sequence',
      steps: [
        { kind: 'convert-certificate', from: BUNDLE, to: '/home/user/.codex/corp.converted.pem', format: 'directory' },
        { kind: 'set-env', name: 'CODEX_CA_CERTIFICATE', value: '/home/user/.codex/corp.converted.pem', target: 'shell-profile' },
      ],
    });
    expect(record.findings[0]?.hints?.[0]?.command).toBe(
      `test ! -e ~/.codex/corp.converted.pem && awk '/-----BEGIN (TRUSTED )?CERTIFICATE-----/{sub(/^.*-----BEGIN/, "-----BEGIN"); c=""; p=1} p{sub(/^[ \\t]+/, ""); sub(/\\r$/, ""); c=c $0 "\\n"} /-----END (TRUSTED )?CERTIFICATE-----/{p=0; if(!seen[c]++) printf "%s", c}' ${BUNDLE}/* > ~/.codex/corp.converted.pem && export CODEX_CA_CERTIFICATE=/home/user/.codex/corp.converted.pem`,
    );
  });

  it('an unreadable file (EACCES, as chmod 000 gives a non-root user)', async () => {
    const record = await check({ readError: 'EACCES', size: 1200 });
    expect(record.error).toMatchObject({ stage: 'read', code: 'CA_UNREADABLE' });
    expect(codex(record).https).toBe(readMessage('Permission denied (os error 13)'));
    expect(record.findings[0]?.hints?.[0]?.command).toBe(`sudo chmod 644 ${BUNDLE}`);
  });

  it('a file too large to be a bundle is not loaded (bounded read)', async () => {
    const record = await check(Buffer.alloc(MAX_BUNDLE_BYTES + 1, 0x41));
    expect(record.error).toMatchObject({ stage: 'read', code: 'CA_TOO_LARGE' });
    expect(record.error?.detail).toContain('a 16 MiB file');
    expect(codex(record).https).toBeNull();
  });

  // A FIFO with no writer blocks whoever opens it (the run used to end in RUN_DEADLINE with a network hint, and
  // the process never exited); a pipe or /dev/stdin has no size to stat, so it read as an empty file.
  it.each([
    ['a named pipe nobody writes to (mkfifo)', 'fifo'],
    ['a pipe with data (a process substitution, /dev/stdin in a pipeline)', 'pipe'],
    ['a device (/dev/null)', 'device'],
  ])('%s is not opened: CA_NOT_A_REGULAR_FILE at read, with a fix that makes it a file', async (_, kind) => {
    const temp = await tempHost();
    const pipe = kind === 'pipe' ? spawn('sh', ['-c', 'cat > /dev/null'], { stdio: ['pipe', 'ignore', 'ignore'] }) : null;
    try {
      let path = '/dev/null';
      if (kind === 'fifo') {
        path = join(temp.dir, 'corp.pem');
        execFileSync('mkfifo', [path]);
      }
      // What `<(cat corp.pem)` and /dev/stdin name: a pipe, here the standard input of a child process.
      if (pipe) path = `/proc/${pipe.pid}/fd/0`;
      const host = { ...temp.host, env: { CODEX_CA_CERTIFICATE: path } };
      const reads: string[] = [];
      host.fs = { ...host.fs, readFile: (file, max) => (reads.push(file), temp.host.fs.readFile(file, max)) };
      const record = await runDoctorCheck(caBundleCheck, host);
      expect(reads).not.toContain(path);
      expect(record.status).toBe('fail');
      expect(record.summary).toBe(`CODEX_CA_CERTIFICATE=${path} is a named pipe or a device, not a regular file: the doctor does not read it.`);
      expect(record.error).toMatchObject({ stage: 'read', code: 'CA_NOT_A_REGULAR_FILE' });
      expect(record.error?.detail).toBe(
        `CODEX_CA_CERTIFICATE names ${path}, a named pipe or a device, not a regular file. The doctor does not read it (reading may block until something writes to it, and a pipe can be read only once), while Codex reads it at every start: a process substitution such as <(cat corp.pem) is gone or already drained by then.`,
      );
      expect(record.findings[0]?.hints?.map((h) => h.command)).toEqual([
        `mkdir -p ~/.codex && test ! -e ~/.codex/ca-bundle.pem && cat ${path} > ~/.codex/ca-bundle.pem`,
        'export CODEX_CA_CERTIFICATE=/home/user/.codex/ca-bundle.pem',
      ]);
      expect(codex(record).https).toBeNull();
    } finally {
      pipe?.kill();
      await temp.cleanup();
    }
  });

  it('reads a real file from disk (temp dir, relative path)', async () => {
    const temp = await tempHost({ env: { CODEX_CA_CERTIFICATE: 'corp.der' } });
    try {
      await temp.write('corp.der', RSA_DER);
      const record = await runDoctorCheck(caBundleCheck, temp.host);
      expect(record.error).toMatchObject({ stage: 'parse', code: 'CA_FORMAT_DER' });
      expect(record.findings[0]?.hints?.[0]?.command).toBe(
        `test ! -e ${temp.dir}/corp.pem && openssl x509 -inform der -in ${temp.dir}/corp.der -out ${temp.dir}/corp.pem && export CODEX_CA_CERTIFICATE=${temp.dir}/corp.pem`,
      );
    } finally {
      await temp.cleanup();
    }
  });
});

describe('ca.bundle: a broken CODEX_CA_CERTIFICATE beside an SSL_CERT_FILE that loads', () => {
  const hints = (record: CheckRecord) => record.findings.find((f) => f.level === 'fail')?.hints ?? [];
  const besides = (record: CheckRecord) => hints(record).filter((h) => h.text.includes('but Codex reads only CODEX_CA_CERTIFICATE while it is set'));
  const derBeside = (sslCertFile: string) =>
    runDoctorCheck(caBundleCheck, testHost({ env: { CODEX_CA_CERTIFICATE: '/certs/corp.der', SSL_CERT_FILE: '/certs/other.pem' }, files: { '/certs/corp.der': RSA_DER, '/certs/other.pem': sslCertFile } }));

  it('keeps the root the user chose first (its DER converted), the file beside second', async () => {
    const record = await derBeside(EC_ROOT);
    expect(hints(record)[0]?.action?.kind).toBe('sequence');
    expect(hints(record)[0]?.command).toContain('openssl x509 -inform der');
    expect(hints(record)[1]).toBe(besides(record)[0]);
    expect(hints(record)[1]?.action).toEqual({ kind: 'set-env', name: 'CODEX_CA_CERTIFICATE', value: '/certs/other.pem', target: 'shell-profile' });
  });

  it('never offers a file of public roots only: pointing there would drop the corporate root', async () => {
    const record = await derBeside(tls.rootCertificates.slice(0, 3).join('\n'));
    expect(hints(record)[0]?.command).toContain('openssl x509 -inform der');
    expect(besides(record)).toEqual([]);
  });

  it('puts the file beside first when the broken file has nothing to recover', async () => {
    const record = await runDoctorCheck(
      caBundleCheck,
      testHost({ env: { CODEX_CA_CERTIFICATE: '/certs/corp.pem', SSL_CERT_FILE: '/certs/other.pem' }, files: { '/certs/corp.pem': 'this is not a certificate\n', '/certs/other.pem': EC_ROOT } }),
    );
    expect(hints(record)[0]).toBe(besides(record)[0]);
    expect(hints(record)[0]?.action).toMatchObject({ kind: 'set-env', name: 'CODEX_CA_CERTIFICATE', value: '/certs/other.pem' });
  });
});

describe('ca.bundle: parse stage (Codex finds no usable PEM)', () => {
  it.each([
    ['an empty file', '', 'CA_EMPTY_FILE'],
    ['a DER certificate', RSA_DER, 'CA_FORMAT_DER'],
    ['a PEM PKCS#7 bundle', fixture('bundle.p7b'), 'CA_FORMAT_PKCS7'],
    ['a DER PKCS#7 bundle', fixture('bundle-der.p7b'), 'CA_FORMAT_PKCS7'],
    ['a PKCS#12 file', fixture('bundle.p12'), 'CA_FORMAT_PKCS12'],
    ['a UTF-16 PowerShell export', fixture('utf16le-bom.pem'), 'CA_FORMAT_UTF16'],
    ['a UTF-8 BOM before the only certificate', `\ufeff${RSA_ROOT}`, 'CA_FORMAT_UTF8_BOM'],
    ['bare base64', RSA_DER.toString('base64'), 'CA_FORMAT_BASE64_DER'],
    ['binary garbage', Buffer.from(Array.from({ length: 900 }, (_, i) => (i * 97 + 13) & 0xff)), 'CA_FORMAT_OTHER'],
    ['a key file', PRIVATE_KEY, 'CA_NO_CERTIFICATES'],
    ['an indented certificate', RSA_ROOT.replace(/^/gm, '  '), 'CA_PEM_IGNORED_BLOCK'],
  ] as const)('%s: "no certificates found in PEM file"', async (_name, bundle, code) => {
    const record = await check(bundle);
    expect(record.status).toBe('fail');
    expect(record.error).toMatchObject({ stage: 'parse', code });
    expect(codex(record).https).toBe(parseMessage('no certificates found in PEM file'));
    expect(record.findings[0]?.hints?.length).toBeGreaterThan(0);
  });

  it('names the exact conversion for a PKCS#7 file', async () => {
    const record = await check(fixture('bundle-der.p7b'));
    expect(record.findings[0]?.hints?.[0]?.command).toBe(
      `test ! -e ~/.codex/corp.converted.pem && openssl pkcs7 -inform der -print_certs -in ${BUNDLE} -out ~/.codex/corp.converted.pem && export CODEX_CA_CERTIFICATE=/home/user/.codex/corp.converted.pem`,
    );
  });

  it('an illegal section start', async () => {
    const record = await check(EC_ROOT + RSA_ROOT.replace('-----BEGIN CERTIFICATE-----', '-----BEGIN CERTIFICATE----'));
    expect(record.error).toMatchObject({ stage: 'parse', code: 'CA_PEM_ILLEGAL_SECTION_START' });
    expect(codex(record).https).toMatch(/^Failed to load CA certificates from \/certs\/corp\.pem selected by CODEX_CA_CERTIFICATE: failed to parse PEM file: illegal section start: \[45, 45, 45, 45, 45, 66, /);
    expect(record.error?.detail).toBe(
      `Line ${EC_ROOT.split('\n').length} ("-----BEGIN CERTIFICATE----") starts a PEM block but does not end in exactly five dashes; Codex rejects the whole file.`,
    );
  });

  it('a missing section end: the END line is not there', async () => {
    const cut = await check(EC_ROOT + RSA_ROOT.slice(0, 300));
    expect(cut.status).toBe('fail');
    expect(withoutActions(cut.findings[0]!)).toEqual({
      level: 'fail',
      code: 'CA_PEM_MISSING_SECTION_END',
      stage: 'parse',
      detail: `The CERTIFICATE block that begins at line ${EC_ROOT.split('\n').length} has no -----END CERTIFICATE----- line; Codex rejects the whole file.`,
      hints: [{ text: 'Re-export the certificate, or restore the missing END line of that block.', command: `sed -n '${EC_ROOT.split('\n').length},$p' ${BUNDLE}` }],
    });
    expect(codex(cut).https).toBe(
      parseMessage('failed to parse PEM file: missing section end marker: [45, 45, 45, 45, 45, 69, 78, 68, 32, 67, 69, 82, 84, 73, 70, 73, 67, 65, 84, 69, 45, 45, 45, 45, 45]'),
    );
  });

  it('an END line with no newline after it loads (rustls-pki-types >= 1.10.1 reads a last line without one)', async () => {
    const record = await check(RSA_ROOT + EC_ROOT.trimEnd());
    expect(record.status).toBe('pass');
    expect(record.summary).toBe(`CODEX_CA_CERTIFICATE loads: 2 certificates from ${BUNDLE}.`);
    expect(record.findings.map((f) => f.code)).toEqual(['CA_BUNDLE_OK']);
    expect(codex(record)).toEqual({ https: null, websocket: null });
  });

  it('bad base64', async () => {
    const record = await check(RSA_ROOT.replace('MIID', 'MI D.'));
    expect(record.error).toMatchObject({ stage: 'parse', code: 'CA_PEM_BASE64' });
    expect(codex(record).https).toBe(parseMessage('failed to parse PEM file: base64 decode error: InvalidCharacter(46)'));
  });

  it('a malformed CRL fails the whole bundle', async () => {
    const text = fixture('with-crl.pem').toString('utf8');
    const record = await check(text.replace(/(-----BEGIN X509 CRL-----\n)(.)/, '$1!$2'));
    expect(record.error).toMatchObject({ stage: 'parse', code: 'CA_PEM_BAD_CRL' });
    expect(codex(record).https).toBe(parseMessage('failed to parse PEM file: base64 decode error: InvalidCharacter(33)'));
  });

  it('a TRUSTED CERTIFICATE whose DER length is wrong', async () => {
    const der = Buffer.from(RSA_DER);
    der[3] = 0xff;
    const record = await check(pemOf(der, 'TRUSTED CERTIFICATE'));
    expect(record.error).toMatchObject({ stage: 'parse', code: 'CA_TRUSTED_DER_LENGTH' });
    expect(codex(record).https).toBe(parseMessage('failed to extract certificate data from TRUSTED CERTIFICATE: invalid DER length'));
  });
});

describe('ca.bundle: register stage (the TLS library refuses a certificate)', () => {
  it('an unreadable certificate: HTTPS and WebSocket messages, numbered from 1', async () => {
    const record = await check(RSA_ROOT + pemOf(Buffer.from('this is not a certificate at all')));
    expect(record.error).toMatchObject({ stage: 'register', code: 'CA_CERT_UNREADABLE' });
    expect(codex(record)).toEqual({
      https: `Failed to parse certificate #2 from ${BUNDLE} selected by CODEX_CA_CERTIFICATE: builder error. ${CODEX_CA_HINT}`,
      websocket: `Failed to register certificate #2 from ${BUNDLE} selected by CODEX_CA_CERTIFICATE in rustls root store: invalid peer certificate: BadEncoding. ${CODEX_CA_HINT}`,
    });
  });

  it('a certificate OpenSSL reads but webpki refuses (unknown critical extension)', async () => {
    const record = await check(fixture('critical-extension-root.pem'));
    expect(record.error).toMatchObject({ stage: 'register', code: 'CA_REGISTER_FAILED' });
    expect(codex(record)).toEqual({
      https: `Failed to build HTTP client while using CA bundle from CODEX_CA_CERTIFICATE (${BUNDLE}): builder error`,
      websocket: `Failed to register certificate #1 from ${BUNDLE} selected by CODEX_CA_CERTIFICATE in rustls root store: invalid peer certificate: Other(OtherError(UnsupportedCriticalExtension)). ${CODEX_CA_HINT}`,
    });
  });
});

describe('ca.bundle: what Codex never says (lints)', () => {
  let weak: CorporateCa;
  let expired: CorporateCa;
  let future: CorporateCa;
  let good: CorporateCa;
  beforeAll(() => {
    weak = mintCorporateCa({ now: TEST_NOW, root: { signature: 'sha1', keyBits: 1024 }, intermediate: null });
    expired = mintCorporateCa({ now: TEST_NOW, root: { validity: 'expired' }, intermediate: null });
    future = mintCorporateCa({ now: TEST_NOW, root: { validity: 'not-yet-valid' }, intermediate: null });
    good = mintCorporateCa({ now: TEST_NOW, intermediate: null });
  });

  it('warns on SHA-1, RSA-1024, expired, not yet valid, a leaf and duplicates, each with a hint', async () => {
    const leaf = good.identityFor('chatgpt.com').leaf;
    const record = await check([weak.root.pem, expired.root.pem, future.root.pem, leaf.pem, good.root.pem, good.root.pem].join(''));
    expect(record.status).toBe('warn');
    expect(record.findings.filter((f) => f.level === 'warn').map((f) => f.code)).toEqual([
      'CA_CERT_EXPIRED',
      'CA_CERT_NOT_YET_VALID',
      'CA_CERT_NOT_CA',
      'CA_WEAK_SIGNATURE',
      'CA_WEAK_RSA_KEY',
      'CA_DUPLICATE',
    ]);
    for (const f of record.findings.filter((x) => x.level === 'warn')) expect(f.hints?.length).toBeGreaterThan(0);
    expect(record.findings.find((f) => f.code === 'CA_WEAK_RSA_KEY')?.detail).toContain('#1 (');
    expect(record.findings.find((f) => f.code === 'CA_DUPLICATE')?.detail).toContain('#5 = #6');
    const flags = (record.data?.certificates as { flags: string[] }[]).map((c) => c.flags);
    expect(flags).toEqual([['SHA1 SIGNATURE', 'RSA 1024 TOO SMALL'], ['EXPIRED'], ['NOT YET VALID'], ['LEAF'], [], []]);
  });

  // webpki never checks a trust anchor's own signature or dates: public roots in the bundle are not linted.
  it('does not warn about the public roots of "system bundle + corporate root" (Node\'s Mozilla list)', async () => {
    const record = await check([...tls.rootCertificates, good.root.pem].join('\n'));
    expect(record.status).toBe('pass');
    expect(record.findings.map((f) => f.code)).toEqual(['CA_BUNDLE_OK']);
    const flags = (record.data?.certificates as { flags: string[] }[]).map((c) => c.flags).filter((f) => f.length > 0);
    expect(flags.length).toBeGreaterThan(0); // the list holds SHA-1-signed roots (and one expiring before TEST_NOW)
    for (const f of flags) expect(f.at(-1)).toBe('PUBLIC ROOT');
  });

  it('still warns about a SHA-1 / RSA-1024 corporate root next to public roots (Host.publicRoots)', async () => {
    const host = testHost({ env: { CODEX_CA_CERTIFICATE: BUNDLE }, files: { [BUNDLE]: expired.root.pem + weak.root.pem } });
    host.publicRoots = [expired.root.pem];
    const record = await runDoctorCheck(caBundleCheck, host);
    expect(record.findings.filter((f) => f.level === 'warn').map((f) => f.code)).toEqual(['CA_WEAK_SIGNATURE', 'CA_WEAK_RSA_KEY']);
    expect(record.findings.find((f) => f.code === 'CA_WEAK_SIGNATURE')?.detail).toBe(
      `1 certificate is signed with sha1WithRSAEncryption: #2 (${(record.data?.certificates as { subject: string }[])[1]!.subject}). rustls never checks a root's own signature, but a CA set up this way usually signs what it issues with the same hash, and rustls rejects those (BadSignature).`,
    );
    expect((record.data?.certificates as { flags: string[] }[]).map((c) => c.flags)).toEqual([['EXPIRED', 'PUBLIC ROOT'], ['SHA1 SIGNATURE', 'RSA 1024 TOO SMALL']]);
  });

  it('reads no public root while no certificate has anything to lint', async () => {
    const host = testHost({ env: { CODEX_CA_CERTIFICATE: BUNDLE }, files: { [BUNDLE]: good.root.pem } });
    let reads = 0;
    Object.defineProperty(host, 'publicRoots', { get: () => (reads++, [good.root.pem]) });
    const record = await runDoctorCheck(caBundleCheck, host);
    expect(record.findings.map((f) => f.code)).toEqual(['CA_BUNDLE_OK']);
    expect(reads).toBe(0);
  });

  // Debian's ca-certificates.crt still holds roots Node's newer Mozilla list dropped (Baltimore, expired; six
  // SHA-1 roots): the distribution's own roots are no corporate CA, and pointing SSL_CERT_FILE at that file
  // must not warn about them. A corporate root outside the OS store still does (the fortigate-sha1 case).
  it('does not lint the OS store\'s own roots (SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt)', async () => {
    const osBundle = '/etc/ssl/certs/ca-certificates.crt';
    const sha1Root = mintCorporateCa({ now: TEST_NOW, root: { signature: 'sha1' }, intermediate: null });
    const host = testHost({ env: { SSL_CERT_FILE: osBundle }, systemStore: LINUX_STORE, files: { [osBundle]: expired.root.pem + sha1Root.root.pem + good.root.pem } });
    const record = await runDoctorCheck(caBundleCheck, host);
    expect(record.status).toBe('pass');
    expect(record.findings.map((f) => f.code)).toEqual(['CA_BUNDLE_OK']);
    expect((record.data?.certificates as { flags: string[] }[]).map((c) => c.flags)).toEqual([['EXPIRED', 'OS STORE ROOT'], ['SHA1 SIGNATURE', 'OS STORE ROOT'], []]);
  });

  it('still warns about a SHA-1 corporate root that is not in the OS store, next to the store\'s roots', async () => {
    const store = '/etc/ssl/certs/ca-certificates.crt';
    const host = testHost({ env: { CODEX_CA_CERTIFICATE: BUNDLE }, systemStore: LINUX_STORE, files: { [store]: expired.root.pem, [BUNDLE]: expired.root.pem + weak.root.pem } });
    const record = await runDoctorCheck(caBundleCheck, host);
    expect(record.findings.filter((f) => f.level === 'warn').map((f) => f.code)).toEqual(['CA_WEAK_SIGNATURE', 'CA_WEAK_RSA_KEY']);
    expect((record.data?.certificates as { flags: string[] }[]).map((c) => c.flags)).toEqual([['EXPIRED', 'OS STORE ROOT'], ['SHA1 SIGNATURE', 'RSA 1024 TOO SMALL']]);
  });

  it('reads no OS store while no certificate has anything to lint', async () => {
    const reads: string[] = [];
    const host = testHost({ env: { CODEX_CA_CERTIFICATE: BUNDLE }, systemStore: LINUX_STORE, files: { [BUNDLE]: good.root.pem, '/etc/ssl/certs/ca-certificates.crt': expired.root.pem } });
    const { readFile } = host.fs;
    host.fs = { ...host.fs, readFile: (file, max) => (reads.push(file), readFile(file, max)) };
    const record = await runDoctorCheck(caBundleCheck, host);
    expect(record.findings.map((f) => f.code)).toEqual(['CA_BUNDLE_OK']);
    expect(reads).toEqual([BUNDLE]);
  });

  it('a UTF-8 BOM silently drops the first certificate of a bundle that still loads', async () => {
    const record = await check(`\ufeff${RSA_ROOT}${EC_ROOT}`);
    expect(record.status).toBe('warn');
    expect(record.findings.map((f) => f.code)).toEqual(['CA_FORMAT_UTF8_BOM', 'CA_BUNDLE_OK']);
    expect(record.summary).toBe(`CODEX_CA_CERTIFICATE loads: 1 certificate from ${BUNDLE}.`);
  });
});

describe('ca.bundle: no CA variable (system roots)', () => {
  const STORE = { files: ['/missing.crt', '/etc/ssl/certs/ca-certificates.crt'], dirs: ['/etc/ssl/certs'] };

  it('counts the native roots rustls-native-certs loads: first existing file plus hash-named files, deduplicated', async () => {
    const record = await runDoctorCheck(
      caBundleCheck,
      testHost({
        systemStore: STORE,
        files: {
          '/etc/ssl/certs/ca-certificates.crt': RSA_ROOT + EC_ROOT,
          '/etc/ssl/certs/0a1b2c3d.0': RSA_ROOT,
          '/etc/ssl/certs/not-a-hash.pem': fixture('critical-extension-root.pem'),
        },
      }),
    );
    expect(record.status).toBe('pass');
    expect(record.findings.map((f) => f.code)).toEqual(['CA_SYSTEM_ROOTS']);
    expect(record.summary).toBe('No CA variable set: Codex uses the system roots (2 certificates from /etc/ssl/certs/ca-certificates.crt and /etc/ssl/certs).');
    expect(record.data?.nativeRoots).toMatchObject({
      kind: 'files',
      total: 2,
      sources: [
        { path: '/etc/ssl/certs/ca-certificates.crt', kind: 'file', certificates: 2, error: null },
        { path: '/etc/ssl/certs', kind: 'dir', certificates: 1, files: 1, error: null },
      ],
    });
  });

  it('reads hash-named files that are not byte for byte a block of the bundle, and counts a failed bundle\'s blocks nowhere', async () => {
    const crlf = RSA_ROOT.replace(/\n/g, '\r\n');
    const record = await runDoctorCheck(
      caBundleCheck,
      testHost({
        systemStore: STORE,
        files: {
          // The RSA root loads, then a broken block fails the whole file: none of its certificates count.
          '/etc/ssl/certs/ca-certificates.crt': `${RSA_ROOT}-----BEGIN CERTIFICATE-----\nAA!A\n-----END CERTIFICATE-----\n`,
          '/etc/ssl/certs/0a1b2c3d.0': RSA_ROOT,
          '/etc/ssl/certs/0a1b2c3d.1': crlf,
          '/etc/ssl/certs/1b2c3d4e.0': `# EC root\n${EC_ROOT}`,
          '/etc/ssl/certs/1b2c3d4e.1': EC_ROOT,
        },
      }),
    );
    expect(record.data?.nativeRoots).toMatchObject({
      total: 2,
      sources: [
        { path: '/etc/ssl/certs/ca-certificates.crt', kind: 'file', certificates: 0, error: 'failed to parse PEM: base64 decode error: InvalidCharacter(33)' },
        { path: '/etc/ssl/certs', kind: 'dir', certificates: 4, files: 4, error: null },
      ],
    });
  });

  it('keeps the last native root of a file that ends without a newline', async () => {
    const record = await runDoctorCheck(
      caBundleCheck,
      testHost({ systemStore: STORE, files: { '/etc/ssl/certs/ca-certificates.crt': RSA_ROOT + EC_ROOT.trimEnd() } }),
    );
    expect(record.summary).toBe('No CA variable set: Codex uses the system roots (2 certificates from /etc/ssl/certs/ca-certificates.crt).');
    expect(record.data?.nativeRoots).toMatchObject({
      total: 2,
      sources: [
        { path: '/etc/ssl/certs/ca-certificates.crt', kind: 'file', certificates: 2, error: null },
        { path: '/etc/ssl/certs', kind: 'dir', certificates: 0, files: 0, error: null },
      ],
    });
  });

  it('warns when no root certificate exists where Codex looks', async () => {
    const record = await runDoctorCheck(caBundleCheck, testHost());
    expect(record.status).toBe('warn');
    expect(record.findings[0]).toMatchObject({ code: 'CA_NO_SYSTEM_ROOTS', stage: 'read' });
  });

  it('SSL_CERT_FILE="" selects no bundle but replaces the native roots with nothing', async () => {
    const record = await runDoctorCheck(
      caBundleCheck,
      testHost({ env: { SSL_CERT_FILE: '' }, systemStore: STORE, files: { '/etc/ssl/certs/ca-certificates.crt': RSA_ROOT } }),
    );
    expect(record.data?.selection).toEqual({ kind: 'system' });
    expect(record.status).toBe('warn');
    expect(record.findings[0]).toMatchObject({ code: 'CA_NO_SYSTEM_ROOTS' });
    expect(record.findings[0]?.hints?.[0]?.command).toBe('unset SSL_CERT_FILE');
  });

  it('on macOS reports the keychain without counting it', async () => {
    const record = await runDoctorCheck(caBundleCheck, testHost({ platform: 'darwin', systemStore: null }));
    expect(record.status).toBe('pass');
    expect(record.summary).toBe('No CA variable set: Codex uses the system roots (macOS keychain trust settings (user, admin and system domains)).');
  });
});


describe('ca.bundle: big bundles stay readable', () => {
  it('names a few duplicates, not thousands', async () => {
    const record = await check((RSA_ROOT + EC_ROOT).repeat(200));
    const detail = record.findings.find((f) => f.code === 'CA_DUPLICATE')?.detail;
    expect(detail).toBe(
      '2 certificates appear more than once (#1 = #3 = #5 = ... (200 copies); #2 = #4 = #6 = ... (200 copies)). Harmless for Codex, but the file was assembled by hand or twice.',
    );
    expect(record.evidence.find((e) => e.title === 'Certificates')?.lines.at(-1)).toBe('... and 350 more (all of them are in the --json report).');
    expect((record.data?.certificates as unknown[]).length).toBe(400);
  });
});

describe('ca.bundle: a file Codex cannot read ends in one action and a real export line', () => {
  const home = '/home/user';
  const run = async (bundle: string, files: Record<string, MemoryEntry>) =>
    (await runDoctorCheck(caBundleCheck, testHost({ homeDir: home, cwd: home, env: { CODEX_CA_CERTIFICATE: bundle }, files }))).findings[0]!.hints![0]!;

  it('converts DER to a NEW path: an existing .pem next to it is never written over', async () => {
    const hint = await run(`${home}/Downloads/corp.der`, { [`${home}/Downloads/corp.der`]: RSA_DER, [`${home}/Downloads/corp.pem`]: EC_ROOT });
    expect(hint.action).toEqual({
      kind: 'sequence',
      steps: [
        { kind: 'convert-certificate', from: `${home}/Downloads/corp.der`, to: `${home}/Downloads/corp.converted.pem`, format: 'der' },
        { kind: 'set-env', name: 'CODEX_CA_CERTIFICATE', value: `${home}/Downloads/corp.converted.pem`, target: 'shell-profile' },
      ],
    });
    expect(hint.command).toBe(
      `test ! -e ~/Downloads/corp.converted.pem && openssl x509 -inform der -in ~/Downloads/corp.der -out ~/Downloads/corp.converted.pem && export CODEX_CA_CERTIFICATE=${home}/Downloads/corp.converted.pem`,
    );
  });

  it('re-encodes UTF-16 and concatenates a directory, each ending in export CODEX_CA_CERTIFICATE=<new file>', async () => {
    const utf16 = await run(`${home}/certs/corp.pem`, { [`${home}/certs/corp.pem`]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RSA_ROOT, 'utf16le')]) });
    expect(utf16.command).toBe(
      `test ! -e ~/certs/corp.converted.pem && iconv -f UTF-16 -t UTF-8 ~/certs/corp.pem > ~/certs/corp.converted.pem && export CODEX_CA_CERTIFICATE=${home}/certs/corp.converted.pem`,
    );
    const directory = await run(`${home}/certs`, { [`${home}/certs/a.pem`]: RSA_ROOT });
    expect(directory.action).toMatchObject({ kind: 'sequence', steps: [{ kind: 'convert-certificate', format: 'directory', to: `${home}/certs.pem` }, { kind: 'set-env' }] });
    expect(directory.command).toMatch(new RegExp(`> ~/certs\\.pem && export CODEX_CA_CERTIFICATE=${home}/certs\\.pem$`));
  });
});
