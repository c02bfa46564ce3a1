import { once } from 'node:events';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectTcp } from '../../src/net/dial.js';
import { socks5Connect, SocksError } from '../../src/net/socks.js';
import { startSocksProxy, type SocksProxy } from './socks-server.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

/** An echo server standing in for the target. */
async function echoServer(): Promise<number> {
  const server = net.createServer((socket) => socket.pipe(socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(async () => {
    server.close();
  });
  return (server.address() as net.AddressInfo).port;
}

async function proxy(options: Parameters<typeof startSocksProxy>[0]): Promise<SocksProxy> {
  const started = await startSocksProxy(options);
  cleanups.push(started.close);
  return started;
}

async function through(socks: SocksProxy, target: { host: string; port: number }, credentials?: { username: string; password: string }) {
  const signal = new AbortController().signal;
  const socket = await connectTcp({ address: '127.0.0.1', port: socks.port, source: 'literal' }, signal);
  cleanups.push(async () => void socket.destroy());
  return socks5Connect({ socket, target, ...(credentials && { credentials }), signal });
}

describe('socks5Connect', () => {
  it('connects by name (socks5h) and carries bytes both ways', async () => {
    const echo = await echoServer();
    const socks = await proxy({ routes: new Map([['chatgpt.com:443', echo]]) });
    const tunnel = await through(socks, { host: 'chatgpt.com', port: 443 });
    expect(socks.requests).toEqual([{ host: 'chatgpt.com', port: 443, username: null }]);
    tunnel.resume();
    tunnel.write('ping');
    const [data] = (await once(tunnel, 'data')) as [Buffer];
    expect(data.toString()).toBe('ping');
  });

  it('connects by address (socks5, resolved by the client)', async () => {
    const echo = await echoServer();
    const socks = await proxy({ routes: new Map([[`127.0.0.1:${echo}`, echo]]) });
    await through(socks, { host: '127.0.0.1', port: echo });
    expect(socks.requests).toEqual([{ host: '127.0.0.1', port: echo, username: null }]);
  });

  it('authenticates with user and password, and reports refused credentials or none', async () => {
    const echo = await echoServer();
    const socks = await proxy({ routes: new Map([['chatgpt.com:443', echo]]), auth: { username: 'alice', password: 's3c@ret' } });
    await through(socks, { host: 'chatgpt.com', port: 443 }, { username: 'alice', password: 's3c@ret' });
    expect(socks.requests.at(-1)?.username).toBe('alice');
    await expect(through(socks, { host: 'chatgpt.com', port: 443 }, { username: 'alice', password: 'wrong' })).rejects.toMatchObject({ phase: 'auth', reply: 1, credentialsSent: true });
    await expect(through(socks, { host: 'chatgpt.com', port: 443 })).rejects.toMatchObject({ phase: 'greeting', reply: 0xff, credentialsSent: false });
  });

  it("reports the proxy's refusal code for CONNECT", async () => {
    const socks = await proxy({ routes: new Map() });
    const error = await through(socks, { host: 'chatgpt.com', port: 443 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SocksError);
    expect(error).toMatchObject({ phase: 'connect', reply: 2, message: 'the SOCKS proxy refused CONNECT: connection not allowed by ruleset' });
  });
});
