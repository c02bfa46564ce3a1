// A programmable stand-in for one OpenAI host, for the answers the lab's origin does not give (a proxy's
// 407 or 403 inside the tunnel, a 5xx, an odd 200, silence, a different chain on the second connection).
// It runs on 127.0.0.1 with a minted public chain; the Host dials it instead of resolving the name.
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { createSecureContext, type SecureContext } from 'node:tls';
import type { Host } from '../../src/core/host.js';
import { mintCorporateCa, mintPublicPki } from '../../src/lab/pki.js';
import { LAB_TLS_CIPHERS } from '../../src/lab/server-kit.js';
import { tempHost } from '../helpers/host.js';

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface CustomOrigin {
  host: Host;
  requests: SeenRequest[];
  /** TLS handshakes served so far. */
  handshakes(): number;
  stop(): Promise<void>;
}

export interface CustomOriginOptions {
  hostname?: string;
  /** Answers each request; never calling `res.end` makes the server hang. */
  respond(req: SeenRequest, res: ServerResponse): void;
  /** Handshakes after the first one present a chain from an untrusted CA. */
  untrustedAfterFirst?: boolean;
  env?: Record<string, string>;
  /** Handles WebSocket upgrade requests on the raw socket. */
  upgrade?(req: IncomingMessage, socket: Duplex): void;
}

export async function customOrigin(options: CustomOriginOptions): Promise<CustomOrigin> {
  const hostname = options.hostname ?? 'auth.openai.com';
  const pki = mintPublicPki();
  const good = pki.identityFor([hostname]);
  const bad = mintCorporateCa({ root: { subject: { commonName: 'Rogue Inspection CA', organization: 'Rogue' } }, intermediate: null }).identityFor(hostname);
  const contexts: Record<'good' | 'bad', SecureContext> = {
    good: createSecureContext({ key: good.keyPem, cert: good.certPem, ciphers: LAB_TLS_CIPHERS }),
    bad: createSecureContext({ key: bad.keyPem, cert: bad.certPem, ciphers: LAB_TLS_CIPHERS }),
  };
  let handshakes = 0;
  const requests: SeenRequest[] = [];
  const sockets = new Set<Duplex>();
  const server = createServer({
    key: good.keyPem,
    cert: good.certPem,
    ciphers: LAB_TLS_CIPHERS,
    SNICallback: (name, callback) => {
      // Only the origin's own host counts: tls.auth also probes the other hosts Codex contacts.
      if (name === hostname) handshakes += 1;
      // tls.auth looks once (OpenSSL is given the origin's small store whole); the request comes after.
      callback(null, options.untrustedAfterFirst && name === hostname && handshakes > 1 ? contexts.bad : contexts.good);
    },
  });
  server.on('connection', (socket: Duplex) => sockets.add(socket));
  server.on('tlsClientError', () => {});
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.once('end', () => {
      const seen = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
      requests.push(seen);
      options.respond(seen, res);
    });
  });
  if (options.upgrade) server.on('upgrade', (req: IncomingMessage, socket: Duplex) => options.upgrade?.(req, socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;

  const temp = await tempHost({ now: new Date(), ...(options.env && { env: options.env }) });
  const store = path.join(temp.dir, 'system-store.pem');
  await writeFile(store, pki.root.pem);
  await temp.mkdir('home/.codex');
  const host = temp.host;
  host.homeDir = path.join(temp.dir, 'home');
  host.systemStore = { files: [store], dirs: [] };
  host.publicRoots = [pki.root.pem];
  host.dial = new Map([[`${hostname}:443`, { address: '127.0.0.1', port }]]);
  host.loopbackOnly = true;
  return {
    host,
    requests,
    handshakes: () => handshakes,
    stop: async () => {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, 'close');
      await temp.cleanup();
    },
  };
}
