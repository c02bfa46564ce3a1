import { X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startLab } from '../../src/lab/world.js';
import { dial, handshake, requestOver, sendConnect } from './clients.js';

describe('startLab', () => {
  it('starts an authenticated Zscaler-style inspecting proxy in front of the origin, writes the files and cleans up', async () => {
    const lab = await startLab({ proxy: { mode: 'inspect', auth: { username: 'alice', password: 's3c@ret' } } });
    try {
      expect(lab.proxyUrl).toBe(`http://127.0.0.1:${lab.proxy?.port}`);
      expect(lab.proxyUrlWithCredentials).toBe(`http://alice:s3c%40ret@127.0.0.1:${lab.proxy?.port}`);
      expect(lab.dial.get('chatgpt.com:443')).toEqual({ address: '127.0.0.1', port: lab.origin.port });
      expect(await readFile(lab.files.systemStore, 'utf8')).toBe(lab.pem.publicRoot);
      expect(await readFile(lab.files.corporateRoot, 'utf8')).toBe(lab.pem.corporateRoot);
      expect(new X509Certificate(await readFile(lab.files.corporateRootDer)).subject).toContain('CN=Zscaler Root CA');

      const credentials = `Basic ${Buffer.from('alice:s3c@ret').toString('base64')}`;
      const answer = await sendConnect(await dial(lab.proxy!.port), 'auth.openai.com:443', { 'Proxy-Authorization': credentials });
      expect(answer.status).toBe(200);
      const tls = await handshake({ socket: answer.socket, servername: 'auth.openai.com', ca: lab.pem.corporateRoot });
      const token = await requestOver(tls, 'auth.openai.com', 'POST', '/oauth/token', 'grant_type=authorization_code&code=x');
      expect(token.status).toBe(400);
    } finally {
      await lab.stop();
    }
    expect(await stat(lab.files.dir).catch(() => null)).toBeNull();
    const refused = connect(lab.origin.port, '127.0.0.1');
    const [error] = (await once(refused, 'error')) as [NodeJS.ErrnoException];
    expect(error.code).toBe('ECONNREFUSED');
  });

  it('starts no proxy for a direct connection and builds a SHA-1 FortiGate CA on request', async () => {
    const lab = await startLab({
      corporateCa: { product: 'fortinet', signature: 'sha1', keyBits: 1024 },
      systemStore: ['public', 'corporate'],
    });
    try {
      expect(lab.proxy).toBeNull();
      expect(lab.proxyUrl).toBeNull();
      expect(lab.pem.corporateIntermediate).toBeNull();
      const root = new X509Certificate(lab.pem.corporateRoot);
      expect(root.subject).toContain('CN=FortiGate CA');
      expect(root.publicKey.asymmetricKeyDetails?.modulusLength).toBe(1024);
      expect(await readFile(lab.files.systemStore, 'utf8')).toBe(lab.pem.publicRoot + lab.pem.corporateRoot);
    } finally {
      await lab.stop();
    }
  });

  it('serves an https:// proxy URL with a certificate for 127.0.0.1 from the corporate CA', async () => {
    const lab = await startLab({ proxy: { mode: 'connect', tls: true } });
    try {
      expect(lab.proxyUrl).toBe(`https://127.0.0.1:${lab.proxy?.port}`);
      const toProxy = await handshake({ port: lab.proxy!.port, servername: '', ca: lab.pem.corporateRoot });
      expect(toProxy.authorized).toBe(true);
      expect((await sendConnect(toProxy, 'api.openai.com:443')).status).toBe(200);
      toProxy.destroy();
    } finally {
      await lab.stop();
    }
  });
});
