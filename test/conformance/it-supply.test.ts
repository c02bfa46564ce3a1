// IT's answer to the doctor's request, played on a real lab: the file IT mails lands where users save it, and a
// proxy rule IT removes stops applying to the next CONNECT.
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import forge from 'node-forge';
import { connect } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { supplyIt } from '../../conformance/it-supply.js';
import { startLab, type Lab, type LabSpec } from '../../src/lab/world.js';

const labs: Lab[] = [];
afterEach(async () => {
  await Promise.all(labs.splice(0).map((lab) => lab.stop()));
});

async function lab(spec: LabSpec): Promise<Lab> {
  const started = await startLab(spec);
  labs.push(started);
  return started;
}

/** The last certificate of the chain the inspecting proxy presents for api.openai.com (the one a root signed). */
function topOfChain(proxyPort: number): Promise<X509Certificate> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: proxyPort, method: 'CONNECT', path: 'api.openai.com:443' });
    req.once('connect', (_response, socket) => {
      const tls = connect({ socket, servername: 'api.openai.com', rejectUnauthorized: false }, () => {
        let cert = tls.getPeerCertificate(true);
        while (cert.issuerCertificate && cert.issuerCertificate !== cert && cert.issuerCertificate.raw) cert = cert.issuerCertificate;
        tls.destroy();
        resolve(new X509Certificate(cert.raw));
      });
      tls.once('error', reject);
    });
    req.once('error', reject);
    req.end();
  });
}

/** The leaf the inspecting proxy presents for api.openai.com. */
function leafOf(proxyPort: number): Promise<X509Certificate> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: proxyPort, method: 'CONNECT', path: 'api.openai.com:443' });
    req.once('connect', (_response, socket) => {
      const tls = connect({ socket, servername: 'api.openai.com', rejectUnauthorized: false }, () => {
        const leaf = new X509Certificate(tls.getPeerCertificate().raw);
        tls.destroy();
        resolve(leaf);
      });
      tls.once('error', reject);
    });
    req.once('error', reject);
    req.end();
  });
}

function signatureOf(certificate: X509Certificate): string {
  return forge.pki.oids[forge.pki.certificateFromPem(certificate.toString()).siginfo.algorithmOid] as string;
}

function connectStatus(port: number, target: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'CONNECT', path: target });
    req.once('connect', (response, socket) => {
      socket.destroy();
      resolve(response.statusCode);
    });
    req.once('error', reject);
    req.end();
  });
}

describe('conformance: what IT supplies', () => {
  it('mails the corporate root, saved to ~/Downloads, and lifts a block page on the running proxy', async () => {
    const spec: LabSpec = { corporateCa: { product: 'netskope' }, proxy: { mode: 'connect', blockPage: { hosts: ['auth.openai.com'], at: 'connect' } } };
    const running = await lab(spec);
    const home = path.join(running.files.dir, 'home');
    expect(await supplyIt('corporate-root', running, spec, home)).toContain('~/Downloads/netskope-root.crt');
    expect(await readFile(path.join(home, 'Downloads', 'netskope-root.crt'), 'utf8')).toBe(running.pem.corporateRoot);

    expect(await connectStatus(running.proxy!.port, 'auth.openai.com:443')).toBe(403);
    expect(await supplyIt('allow-host', running, spec, home)).toContain('auth.openai.com');
    expect(await connectStatus(running.proxy!.port, 'auth.openai.com:443')).toBe(200);
  });

  it('reissues a weak inspection CA: the proxy signs with the new one, whose root is mailed', async () => {
    const spec: LabSpec = { corporateCa: { product: 'fortinet', signature: 'sha1' }, proxy: { mode: 'inspect' } };
    const running = await lab(spec);
    const home = path.join(running.files.dir, 'home');
    const oldRoot = new X509Certificate(running.pem.corporateRoot);
    expect(signatureOf(await topOfChain(running.proxy!.port))).toBe('sha1WithRSAEncryption');
    expect(await supplyIt('weak-ca', running, spec, home)).toContain('~/Downloads/fortinet-root.crt');
    const mailed = new X509Certificate(await readFile(path.join(home, 'Downloads', 'fortinet-root.crt')));
    expect(mailed.subject).toBe(oldRoot.subject);
    expect(mailed.fingerprint256).not.toBe(oldRoot.fingerprint256);
    // The next connection's chain comes from the new CA, signed with SHA-256 (the lab reuses its RSA keys).
    const top = await topOfChain(running.proxy!.port);
    expect(top.verify(mailed.publicKey)).toBe(true);
    expect(signatureOf(top)).toBe('sha256WithRSAEncryption');
    expect(signatureOf(mailed)).toBe('sha256WithRSAEncryption');
  });

  it('hands over the intermediate a request names (a proxy that sends its leaf alone), and nothing for a request naming another CA', async () => {
    const spec: LabSpec = { corporateCa: { product: 'zscaler', leaf: { sendIntermediate: false } }, proxy: { mode: 'inspect' } };
    const running = await lab(spec);
    const home = path.join(running.files.dir, 'home');
    const intermediate = new X509Certificate(running.pem.corporateIntermediate!);
    const named = intermediate.subject.split('\n').join(', ');
    expect(await supplyIt('fix-tls-path', running, spec, home, { ca: named })).toContain('~/Downloads/zscaler-intermediate.crt');
    expect(await readFile(path.join(home, 'Downloads', 'zscaler-intermediate.crt'), 'utf8')).toBe(running.pem.corporateIntermediate);
    const root = new X509Certificate(running.pem.corporateRoot).subject.split('\n').join(', ');
    expect(await supplyIt('fix-tls-path', running, spec, home, { ca: root })).toBeNull();
    expect(await supplyIt('fix-tls-path', running, spec, home)).toBeNull();
  });

  it('renews the leaves an inspecting proxy serves out of their validity period, when the request says that is what fails', async () => {
    const spec: LabSpec = { corporateCa: { product: 'zscaler', leaf: { validity: 'expired' } }, proxy: { mode: 'inspect' } };
    const running = await lab(spec);
    const home = path.join(running.files.dir, 'home');
    const expired = await leafOf(running.proxy!.port);
    expect(Date.parse(expired.validTo)).toBeLessThan(Date.now());
    // A request for something else is not this one.
    expect(await supplyIt('fix-tls-path', running, spec, home, { reason: 'tls.auth failed at tls-verify with TLS_VERIFY_FAILED: x' })).toBeNull();
    const reason = 'tls.auth failed at tls-verify with TLS_EXPIRED: [0] CN=auth.openai.com expired on 2026-12-02';
    expect(await supplyIt('fix-tls-path', running, spec, home, { reason })).toBe('IT renewed the certificates the inspection proxy serves');
    const renewed = await leafOf(running.proxy!.port);
    expect(Date.parse(renewed.validFrom)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(renewed.validTo)).toBeGreaterThan(Date.now());
    // Signed by the same CA: the root the user already trusts still anchors it.
    expect(renewed.issuer).toBe(expired.issuer);
  });

  it('plays no answer it cannot play honestly: a password, a proxy that has no such rule', async () => {
    const spec: LabSpec = { proxy: { mode: 'connect' } };
    const running = await lab(spec);
    const home = path.join(running.files.dir, 'home');
    expect(await supplyIt('weak-ca', running, spec, home)).toBeNull();
    expect(await supplyIt('proxy-credentials', running, spec, home)).toBeNull();
    expect(await supplyIt('allow-websocket', running, spec, home)).toBeNull();
    expect(await supplyIt('proxy-reachability', running, spec, home)).toBeNull();
  });
});
