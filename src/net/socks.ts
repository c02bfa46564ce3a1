// A SOCKS5 CONNECT (RFC 1928, user/password RFC 1929), for Codex's WebSocket transport, which accepts
// socks5:// and socks5h:// proxy URLs. socks5h lets the proxy resolve the name; socks5 resolves locally.
import type { Duplex } from 'node:stream';
import { bareHost, type HostPort } from './dial.js';
import { abortable } from './wait.js';
import net from 'node:net';

export type SocksPhase = 'greeting' | 'auth' | 'connect';

/** The SOCKS proxy refused (reply code) or answered with something that is not SOCKS5 (reply null). */
export class SocksError extends Error {
  override readonly name = 'SocksError';
  constructor(
    readonly phase: SocksPhase,
    /** greeting: the method byte (0xff = none acceptable); auth: the status; connect: the REP code; null: not SOCKS5. */
    readonly reply: number | null,
    readonly credentialsSent: boolean,
    message: string,
  ) {
    super(message);
  }
}

const REPLIES: Record<number, string> = {
  1: 'general SOCKS server failure',
  2: 'connection not allowed by ruleset',
  3: 'network unreachable',
  4: 'host unreachable',
  5: 'connection refused',
  6: 'TTL expired',
  7: 'command not supported',
  8: 'address type not supported',
};

export interface SocksRequest {
  socket: Duplex;
  /** Host name (socks5h) or the address it resolved to (socks5). */
  target: HostPort;
  credentials?: { username: string; password: string };
  signal: AbortSignal;
}

/** Negotiates and issues CONNECT; resolves with the same socket, now a pipe to the target. */
export async function socks5Connect(request: SocksRequest): Promise<Duplex> {
  const { socket, target, credentials, signal } = request;
  const reader = new ByteReader(socket, signal);
  try {
    const methods = credentials ? [0x00, 0x02] : [0x00];
    socket.write(Buffer.from([0x05, methods.length, ...methods]));
    const [version, method] = await reader.read(2);
    if (version !== 0x05) throw new SocksError('greeting', null, credentials !== undefined, 'the proxy did not answer as a SOCKS5 proxy');
    if (method === 0xff || (method !== 0x00 && method !== 0x02)) {
      throw new SocksError('greeting', method ?? null, credentials !== undefined, 'the SOCKS proxy accepts none of the offered authentication methods');
    }
    if (method === 0x02) {
      if (!credentials) throw new SocksError('greeting', method, false, 'the SOCKS proxy requires a user name and password');
      const user = Buffer.from(credentials.username, 'utf8');
      const pass = Buffer.from(credentials.password, 'utf8');
      socket.write(Buffer.concat([Buffer.from([0x01, user.length]), user, Buffer.from([pass.length]), pass]));
      const [, status] = await reader.read(2);
      if (status !== 0x00) throw new SocksError('auth', status ?? null, true, 'the SOCKS proxy refused the user name and password');
    }
    socket.write(Buffer.concat([Buffer.from([0x05, 0x01, 0x00]), address(target.host), Buffer.from([target.port >> 8, target.port & 0xff])]));
    const [v, rep, , atyp] = await reader.read(4);
    if (v !== 0x05) throw new SocksError('connect', null, credentials !== undefined, 'the proxy did not answer as a SOCKS5 proxy');
    if (rep !== 0x00) {
      throw new SocksError('connect', rep ?? null, credentials !== undefined, `the SOCKS proxy refused CONNECT: ${REPLIES[rep ?? 1] ?? `reply ${rep}`}`);
    }
    const addressLength = atyp === 0x01 ? 4 : atyp === 0x04 ? 16 : ((await reader.read(1))[0] ?? 0);
    await reader.read(addressLength + 2);
    reader.release();
    return socket;
  } catch (error) {
    reader.release();
    socket.destroy();
    throw error;
  }
}

function address(host: string): Buffer {
  const bare = bareHost(host);
  switch (net.isIP(bare)) {
    case 4:
      return Buffer.from([0x01, ...bare.split('.').map(Number)]);
    case 6: {
      const words = expandIpv6(bare);
      return Buffer.from([0x04, ...words.flatMap((w) => [w >> 8, w & 0xff])]);
    }
    default: {
      const name = Buffer.from(bare, 'utf8');
      return Buffer.concat([Buffer.from([0x03, name.length]), name]);
    }
  }
}

function expandIpv6(address: string): number[] {
  const [head = '', tail = ''] = address.split('::');
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((w) => Number.parseInt(w, 16)));
  const h = parse(head);
  const t = address.includes('::') ? parse(tail) : [];
  return [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
}

/** Reads exact byte counts from a socket; leftover bytes go back to the socket on release. */
class ByteReader {
  private buffered = Buffer.alloc(0);
  private waiting: { n: number; resolve: (b: Buffer) => void; reject: (e: unknown) => void } | null = null;
  private ended: Error | null = null;
  private readonly onData = (chunk: Buffer): void => {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    this.pump();
  };
  private readonly onEnd = (): void => {
    this.ended = Object.assign(new Error('the SOCKS proxy closed the connection'), { code: 'ECONNRESET' });
    this.pump();
  };
  private readonly onError = (error: Error): void => {
    this.ended = error;
    this.pump();
  };

  constructor(
    private readonly socket: Duplex,
    private readonly signal: AbortSignal,
  ) {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
  }

  read(n: number): Promise<Buffer> {
    return abortable<Buffer>(this.signal, (resolve, reject) => {
      this.waiting = { n, resolve, reject };
      this.pump();
      return () => {
        this.waiting = null;
      };
    });
  }

  release(): void {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onError);
    this.socket.pause();
    if (this.buffered.length > 0) this.socket.unshift(this.buffered);
    this.buffered = Buffer.alloc(0);
  }

  private pump(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    if (this.buffered.length >= waiting.n) {
      const out = this.buffered.subarray(0, waiting.n);
      this.buffered = this.buffered.subarray(waiting.n);
      waiting.resolve(out);
    } else if (this.ended) {
      waiting.reject(this.ended);
    }
  }
}
