// The connection tls.auth hands to oauth.token: taken once, closed when the run ends, never taken once closed.
import { once } from 'node:events';
import net from 'node:net';
import { TLSSocket } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { KeptConnection } from '../../src/checks/network.js';
import { listenOnLoopback } from '../../src/lab/server-kit.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

/** A connected socket to a loopback server, as the TLS socket type (no handshake is needed to hold it). */
async function connected(): Promise<TLSSocket> {
  const server = net.createServer((peer) => peer.on('error', () => {}));
  const { port, close } = await listenOnLoopback(server);
  cleanups.push(close);
  const client = net.connect({ host: '127.0.0.1', port });
  await once(client, 'connect');
  const socket = new TLSSocket(client);
  cleanups.push(async () => void socket.destroy());
  return socket;
}

describe('KeptConnection', () => {
  it('is taken once', async () => {
    const socket = await connected();
    const kept = new KeptConnection(socket, new AbortController().signal);
    expect(kept.take()).toBe(socket);
    expect(kept.take()).toBeNull();
    socket.destroy();
  });

  it('is closed when the run ends, and then not taken', async () => {
    const socket = await connected();
    const run = new AbortController();
    const kept = new KeptConnection(socket, run.signal);
    run.abort(new Error('run finished'));
    expect(socket.destroyed).toBe(true);
    expect(kept.take()).toBeNull();
  });

  it('is not taken once closed: the caller opens its own', async () => {
    const socket = await connected();
    const kept = new KeptConnection(socket, new AbortController().signal);
    socket.destroy();
    await once(socket, 'close');
    expect(kept.take()).toBeNull();
  });
});
