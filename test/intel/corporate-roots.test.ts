import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { findIssuerOnDisk, fixForMissingIssuer, relatedCaIn, type IssuerCandidate } from '../../src/intel/corporate-roots.js';
import { Speaker } from '../../src/words/speaker.js';
import { mintCorporateCa, mintPublicPki, type CorporateCa } from '../../src/lab/pki.js';
import { testHost } from '../helpers/host.js';

let corporate: CorporateCa;
let orphan: X509Certificate;
let publicRootPem: string;
beforeAll(() => {
  corporate = mintCorporateCa();
  // The presented intermediate, whose issuer (the corporate root) the trust set lacks.
  orphan = new X509Certificate(corporate.intermediate!.pem);
  publicRootPem = mintPublicPki().root.pem;
});

const ISSUER = 'C=US, O=Zscaler Inc., OU=Zscaler Inc., CN=Zscaler Root CA';

describe('findIssuerOnDisk', () => {
  it("finds the root in another tool's CA variable, skipping files that do not hold it", async () => {
    const host = testHost({
      files: {
        '/home/user/node-ca.pem': publicRootPem + corporate.root.pem,
        '/home/user/python-ca.pem': publicRootPem,
        '/etc/ssl/certs/ca-certificates.crt': publicRootPem,
      },
    });
    const found = await findIssuerOnDisk(host, {
      orphan,
      env: { NODE_EXTRA_CA_CERTS: '/home/user/node-ca.pem', REQUESTS_CA_BUNDLE: '/home/user/python-ca.pem', PIP_CERT: '/missing.pem' },
      nativeRootFiles: ['/etc/ssl/certs/ca-certificates.crt'],
    });
    expect(found).toEqual([
      { path: '/home/user/node-ca.pem', format: 'pem', subject: ISSUER, source: { kind: 'variable', variable: 'NODE_EXTRA_CA_CERTS' } },
    ]);
  });

  it('looks in the usual corporate locations and the OS store, and reads DER files there', async () => {
    const host = testHost({
      files: {
        '/usr/local/share/ca-certificates/zscaler.crt': corporate.root.der,
        '/usr/local/share/ca-certificates/other.crt': 'not a certificate',
        '/etc/ssl/certs/ca-certificates.crt': publicRootPem + corporate.root.pem,
      },
    });
    const found = await findIssuerOnDisk(host, { orphan, env: {}, nativeRootFiles: ['/etc/ssl/certs/ca-certificates.crt'] });
    expect(found.map((c) => [c.path, c.format, c.source.kind])).toEqual([
      ['/etc/ssl/certs/ca-certificates.crt', 'pem', 'native-roots'],
      ['/usr/local/share/ca-certificates/zscaler.crt', 'der', 'corporate-location'],
    ]);
  });

  it('expands ~ for per-user locations (mitmproxy)', async () => {
    const host = testHost({ homeDir: '/home/dev', files: { '/home/dev/.mitmproxy/mitmproxy-ca-cert.pem': corporate.root.pem } });
    const found = await findIssuerOnDisk(host, { orphan, env: {}, nativeRootFiles: [] });
    expect(found.map((c) => c.path)).toEqual(['/home/dev/.mitmproxy/mitmproxy-ca-cert.pem']);
  });

  it('finds the root saved in ~/Downloads, ~/Desktop, ~/Documents or the home folder, opening certificate file names only', async () => {
    for (const folder of ['Downloads', 'Desktop', 'Documents', '']) {
      const saved = `/home/dev/${folder === '' ? '' : `${folder}/`}ZscalerRootCertificate.cer`;
      const host = testHost({
        homeDir: '/home/dev',
        files: { [saved]: corporate.root.der, '/home/dev/notes.txt': corporate.root.pem, '/home/dev/Downloads/deeper/root.pem': corporate.root.pem },
      });
      const opened: string[] = [];
      const readFile = host.fs.readFile.bind(host.fs);
      host.fs = { ...host.fs, readFile: (file, max) => (opened.push(file), readFile(file, max)) };
      const found = await findIssuerOnDisk(host, { orphan, env: {}, nativeRootFiles: [] });
      expect(found).toEqual([{ path: saved, format: 'der', subject: ISSUER, source: { kind: 'saved-by-user' } }]);
      // Listed, not walked: no sub-folder, and no file whose name is not a certificate's.
      expect(opened).not.toContain('/home/dev/notes.txt');
      expect(opened).not.toContain('/home/dev/Downloads/deeper/root.pem');
    }
  });

  it('says where it searched when no file holds the issuer', () => {
    const [hint] = fixForMissingIssuer({ candidates: [], issuer: ISSUER, issuerCn: 'Zscaler Root CA', currentBundle: null, codexHome: '/home/dev/.codex', platform: 'linux', words: speaker('linux', '/home/dev'), saySearched: true });
    expect(hint.text).toContain("(searched: ~/Downloads, ~/Desktop, ~/Documents, ~ for certificate files, the inspection products' own locations and the OS trust store)");
  });

  it('finds nothing when no file holds the issuer', async () => {
    const host = testHost({ files: { '/etc/ssl/certs/ca-certificates.crt': publicRootPem } });
    expect(await findIssuerOnDisk(host, { orphan, env: {}, nativeRootFiles: ['/etc/ssl/certs/ca-certificates.crt'] })).toEqual([]);
  });
});

/** The words of a user on `platform` (bash, or PowerShell on Windows), every variable set in the shell. */
function speaker(platform: NodeJS.Platform, homeDir: string): Speaker {
  const env = platform === 'win32' ? { PSModulePath: `${homeDir}\\Documents\\PowerShell\\Modules` } : { SHELL: '/bin/bash' };
  return new Speaker({ provenance: {}, dotenv: { path: `${homeDir}/.codex/.env` } }, { platform, env, homeDir });
}

describe('a missing intermediate', () => {
  const INTERMEDIATE = 'C=US, O=Zscaler Inc., OU=Zscaler Inc., CN=Zscaler Intermediate Root CA (zscaler.net)';

  it('is told from a missing root by a CA of the same organisation in the bundle', async () => {
    const host = testHost({ files: { '/home/user/zscaler-root.pem': corporate.root.pem, '/home/user/public.pem': publicRootPem } });
    expect(new X509Certificate(corporate.intermediate!.pem).subject.replaceAll('\n', ', ')).toBe(INTERMEDIATE);
    expect(await relatedCaIn(host, '/home/user/zscaler-root.pem', { organisation: 'Zscaler Inc.', name: INTERMEDIATE })).toBe(ISSUER);
    // Another organisation's roots say nothing about it; nor does the missing certificate itself.
    expect(await relatedCaIn(host, '/home/user/public.pem', { organisation: 'Zscaler Inc.', name: INTERMEDIATE })).toBeNull();
    expect(await relatedCaIn(host, '/home/user/zscaler-root.pem', { organisation: 'Zscaler Inc.', name: ISSUER })).toBeNull();
  });

  it('is asked of IT as a chain the proxy must complete (or the intermediate to add), not as a root nobody has', () => {
    const words = new Speaker({ provenance: {}, dotenv: { path: '/home/user/.codex/.env' } }, { platform: 'linux', env: { SHELL: '/bin/bash' }, homeDir: '/home/user' });
    const [hint, ...rest] = fixForMissingIssuer({
      candidates: [],
      issuer: INTERMEDIATE,
      issuerCn: 'Zscaler Intermediate Root CA (zscaler.net)',
      currentBundle: { variable: 'CODEX_CA_CERTIFICATE', path: '/home/user/zscaler-root.pem' },
      codexHome: '/home/user/.codex',
      platform: 'linux',
      words,
      relatedCa: ISSUER,
    });
    expect(rest).toEqual([]);
    expect(hint).toEqual({
      text: `~/zscaler-root.pem holds "${ISSUER}" but not the issuer "${INTERMEDIATE}" of the same organisation: that is most likely an intermediate certificate the proxy does not send (browsers fetch it themselves, Codex never does). Ask your network team to make the proxy send its intermediate with every certificate it presents, or for that intermediate in PEM to add to ~/zscaler-root.pem.`,
      action: { kind: 'it-request', topic: 'fix-tls-path' },
    });
  });
});

describe('fixForMissingIssuer', () => {
  const base = { issuer: ISSUER, issuerCn: 'Zscaler Root CA', currentBundle: null, codexHome: '/home/user/.codex', platform: 'linux' as const, words: speaker('linux', '/home/user') };
  const pemIn = (path: string, source: IssuerCandidate['source']): IssuerCandidate => ({ path, format: 'pem', subject: ISSUER, source });

  it('points CODEX_CA_CERTIFICATE at the file that holds the issuer, preferring a dedicated file to the OS bundle', () => {
    const hints = fixForMissingIssuer({
      ...base,
      candidates: [pemIn('/etc/ssl/certs/ca-certificates.crt', { kind: 'native-roots' }), pemIn('/home/user/corp ca.pem', { kind: 'variable', variable: 'NODE_EXTRA_CA_CERTS' })],
    });
    expect(hints).toEqual([
      {
        text: `/home/user/corp ca.pem (named by NODE_EXTRA_CA_CERTS) holds the issuer "${ISSUER}". Point CODEX_CA_CERTIFICATE at it: Codex adds it to the public and OS roots, for login and for streaming.`,
        command: "export CODEX_CA_CERTIFICATE='/home/user/corp ca.pem'",
        action: { kind: 'set-env', name: 'CODEX_CA_CERTIFICATE', value: '/home/user/corp ca.pem', target: 'shell-profile' },
      },
    ]);
  });

  it('combines it with the bundle CODEX_CA_CERTIFICATE names now', () => {
    const [hint] = fixForMissingIssuer({
      ...base,
      currentBundle: { variable: 'CODEX_CA_CERTIFICATE', path: '/home/user/other-corp.pem' },
      candidates: [pemIn('/usr/local/share/ca-certificates/zscaler.crt', { kind: 'corporate-location', note: 'Debian/Ubuntu local CAs (update-ca-certificates)' })],
    });
    expect(hint.action).toEqual({
      kind: 'sequence',
      steps: [
        { kind: 'write-bundle', to: '/home/user/.codex/ca-bundle.pem', sources: ['/home/user/other-corp.pem', '/usr/local/share/ca-certificates/zscaler.crt'] },
        { kind: 'set-env', name: 'CODEX_CA_CERTIFICATE', value: '/home/user/.codex/ca-bundle.pem', target: 'shell-profile' },
      ],
    });
    expect(hint.command).toMatch(/^test ! -e ~\/\.codex\/ca-bundle\.pem && awk .* ~\/other-corp\.pem \/usr\/local\/share\/ca-certificates\/zscaler\.crt > ~\/\.codex\/ca-bundle\.pem && export CODEX_CA_CERTIFICATE=\/home\/user\/\.codex\/ca-bundle\.pem$/);
  });

  it('recommends CODEX_CA_CERTIFICATE over a stale SSL_CERT_FILE, and says why', () => {
    const hints = fixForMissingIssuer({
      ...base,
      currentBundle: { variable: 'SSL_CERT_FILE', path: '/opt/tool/cacert.pem' },
      candidates: [pemIn('/etc/ssl/certs/ca-certificates.crt', { kind: 'native-roots' })],
    });
    expect(hints.map((h) => h.command)).toEqual(['export CODEX_CA_CERTIFICATE=/etc/ssl/certs/ca-certificates.crt', 'unset SSL_CERT_FILE']);
  });

  it('converts a DER file first', () => {
    const [hint] = fixForMissingIssuer({ ...base, candidates: [{ path: '/etc/pki/ca-trust/source/anchors/corp.cer', format: 'der', subject: ISSUER, source: { kind: 'corporate-location', note: 'RHEL' } }] });
    expect(hint.command).toBe(
      'test ! -e ~/.codex/corporate-root.pem && openssl x509 -inform der -in /etc/pki/ca-trust/source/anchors/corp.cer -out ~/.codex/corporate-root.pem && export CODEX_CA_CERTIFICATE=/home/user/.codex/corporate-root.pem',
    );
    expect(hint.action).toEqual({
      kind: 'sequence',
      steps: [
        { kind: 'convert-certificate', from: '/etc/pki/ca-trust/source/anchors/corp.cer', to: '/home/user/.codex/corporate-root.pem', format: 'der' },
        { kind: 'set-env', name: 'CODEX_CA_CERTIFICATE', value: '/home/user/.codex/corporate-root.pem', target: 'shell-profile' },
      ],
    });
  });

  it('without a file, says how to export the root from the OS store (by hand), or asks IT for it', () => {
    const mac = fixForMissingIssuer({ ...base, candidates: [], platform: 'darwin', codexHome: '/Users/me/.codex', words: speaker('darwin', '/Users/me') })[0];
    expect(mac.command).toBe(
      "test ! -e ~/.codex/corporate-root.pem && security find-certificate -a -p -c 'Zscaler Root CA' /Library/Keychains/System.keychain > ~/.codex/corporate-root.pem && export CODEX_CA_CERTIFICATE=/Users/me/.codex/corporate-root.pem",
    );
    expect(mac.action).toEqual({ kind: 'manual', topic: 'export-os-root' });
    // Nothing to copy: the file does not exist until IT hands it over.
    expect(fixForMissingIssuer({ ...base, candidates: [] })[0]).toEqual({
      text: expect.stringContaining('Ask your IT team for that root certificate in PEM form'),
      action: { kind: 'it-request', topic: 'corporate-root' },
    });
    expect(fixForMissingIssuer({ ...base, candidates: [], platform: 'win32', codexHome: 'C:\\Users\\me\\.codex', words: speaker('win32', 'C:\\Users\\me') })[0].command).toBe(
      "certutil -user -store Root 'Zscaler Root CA' C:\\Users\\me\\.codex\\corporate-root.cer; certutil -encode C:\\Users\\me\\.codex\\corporate-root.cer C:\\Users\\me\\.codex\\corporate-root.pem; $env:CODEX_CA_CERTIFICATE = 'C:\\Users\\me\\.codex\\corporate-root.pem'",
    );
  });
});
