// A minimal SOCKS5 proxy on 127.0.0.1 for tests (RFC 1928 CONNECT, RFC 1929 user/password). It dials only
// loopback ports from its routing table; an unknown destination gets reply 2 (not allowed by ruleset).
import { once } from 'node:events';
import net from 'node:net';
import { listenOnLoopback, SocketTracker } from '../../src/lab/server-kit.js';

export interface SocksProxy {
  port: number;
  requests: Array<{ host: string; port: number; username: string | null }>;
  close(): Promise<void>;
}

export async function startSocksProxy(options: {
  /** `host:port` -> loopback port. */
  routes: ReadonlyMap<string, number>;
  auth?: { username: string; password: string };
}): Promise<SocksProxy> {
  const requests: SocksProxy['requests'] = [];
  const sockets = new SocketTracker();
  const server = net.createServer(async (client) => {
    client.on('error', () => {});
    let buffered = Buffer.alloc(0);
    let waiter: (() => void) | null = null;
    client.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      waiter?.();
    });
    const read = async (n: number): Promise<Buffer> => {
      while (buffered.length < n) await new Promise<void>((resolve) => (waiter = resolve));
      const out = buffered.subarray(0, n);
      buffered = buffered.subarray(n);
      return out;
    };
    const [, count = 0] = await read(2);
    const methods = [...(await read(count))];
    let username: string | null = null;
    if (options.auth) {
      if (!methods.includes(0x02)) return void client.end(Buffer.from([0x05, 0xff]));
      client.write(Buffer.from([0x05, 0x02]));
      const [, userLength = 0] = await read(2);
      const user = (await read(userLength)).toString();
      const [passLength = 0] = await read(1);
      const pass = (await read(passLength)).toString();
      if (user !== options.auth.username || pass !== options.auth.password) return void client.end(Buffer.from([0x01, 0x01]));
      client.write(Buffer.from([0x01, 0x00]));
      username = user;
    } else {
      client.write(Buffer.from([0x05, 0x00]));
    }
    const [, , , type] = await read(4);
    let host: string;
    if (type === 0x03) {
      const [length = 0] = await read(1);
      host = (await read(length)).toString();
    } else {
      host = [...(await read(4))].join('.');
    }
    const portBytes = await read(2);
    const port = ((portBytes[0] ?? 0) << 8) | (portBytes[1] ?? 0);
    requests.push({ host, port, username });
    const routed = options.routes.get(`${host}:${port}`);
    const reply = (code: number): Buffer => Buffer.from([0x05, code, 0x00, 0x01, 127, 0, 0, 1, 0, 0]);
    if (routed === undefined) return void client.end(reply(0x02));
    const upstream = net.connect(routed, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    await once(upstream, 'connect');
    client.removeAllListeners('data');
    client.write(reply(0x00));
    if (buffered.length > 0) upstream.write(buffered);
    client.pipe(upstream).pipe(client);
  });
  return { ...(await listenOnLoopback(server, sockets)), requests };
}
