// Hostile servers on 127.0.0.1 for the hostile suite: proxies that stall, dribble, lie, flood or hang up,
// each recording what the doctor sent them (so a test can assert that no credential and no application
// data ever left). Floods are written as the socket drains, never buffered, and stop when the client goes.
import net from 'node:net';
import tls from 'node:tls';
import { LAB_TLS_CIPHERS, listenOnLoopback, SocketTracker } from '../../src/lab/server-kit.js';

/** What a hostile server does with a connection once the client's first request head has arrived. */
export type Behaviour = (socket: net.Socket, head: string) => void;

export interface HostileServer {
  port: number;
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** Everything each connection sent, as latin1 text (capped per connection). */
  received(): string[];
  close(): Promise<void>;
}

/** What a server keeps of each connection: enough to find a header or a TLS record, not a flood. */
const MAX_RECORDED_BYTES = 256 * 1024;

export async function hostileServer(behaviour: Behaviour): Promise<HostileServer> {
  const recorded: Buffer[][] = [];
  const tracker = new SocketTracker();
  const stoppers = new Set<() => void>();
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    const chunks: Buffer[] = [];
    recorded.push(chunks);
    let size = 0;
    let answered = false;
    socket.on('data', (chunk: Buffer) => {
      if (size < MAX_RECORDED_BYTES) chunks.push(chunk.subarray(0, MAX_RECORDED_BYTES - size));
      size += chunk.length;
      if (answered) return;
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end === -1) return;
      answered = true;
      behaviour(socket, text.slice(0, end));
    });
  });
  const listening = await listenOnLoopback(server, tracker);
  return {
    port: listening.port,
    url: `http://127.0.0.1:${listening.port}`,
    received: () => recorded.map((chunks) => Buffer.concat(chunks).toString('latin1')),
    close: () => {
      for (const stop of stoppers) stop();
      return listening.close();
    },
  };
}

/** Writes `next()` whenever the socket can take more, until it returns null or the client goes away. */
export function flood(socket: net.Socket, next: () => string | Buffer | null): void {
  const pump = (): void => {
    while (!socket.destroyed && socket.writable) {
      const piece = next();
      if (piece === null) return void socket.end();
      if (!socket.write(piece)) return void socket.once('drain', pump);
    }
  };
  pump();
}

export const behaviours = {
  /** Accepts the connection and the request, and never says a word. */
  silent: (): void => {},
  /** Answers one byte at a time, each after the client's next read would have timed out a slow reader. */
  slowloris: (socket: net.Socket): void => {
    const answer = 'HTTP/1.1 200 Connection established\r\n\r\n';
    let i = 0;
    const timer = setInterval(() => {
      if (socket.destroyed || i >= answer.length - 1) return clearInterval(timer);
      socket.write(answer[i++]!);
    }, 50);
    socket.once('close', () => clearInterval(timer));
  },
  /** Grants the tunnel, then hangs up before the TLS handshake. */
  connectThenClose: (socket: net.Socket): void => {
    socket.end('HTTP/1.1 200 Connection established\r\n\r\n');
  },
  /** Grants the tunnel, then answers the ClientHello with bytes that are not TLS. */
  garbageInsteadOfTls: (socket: net.Socket): void => {
    socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
    socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6 not a TLS server\r\n'));
  },
  /** Grants the tunnel, reads the ClientHello, and resets the connection. */
  resetMidHandshake: (socket: net.Socket): void => {
    socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
    socket.once('data', () => socket.resetAndDestroy());
  },
  /** A status line, then headers that never end (written 16 KB at a time, up to 16 MB). */
  endlessHeaders: (socket: net.Socket): void => {
    socket.write('HTTP/1.1 200 OK\r\n');
    const block = Array.from({ length: 128 }, (_, i) => `X-Padding-${i}: ${'a'.repeat(110)}\r\n`).join('');
    let n = 0;
    flood(socket, () => (n++ < 1000 ? block : null));
  },
  /** A 403 block page announcing 1 GB, streamed as the socket drains. */
  gigabyteBody: (socket: net.Socket): void => {
    const size = 1024 ** 3;
    socket.write(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/html\r\nContent-Length: ${size}\r\n\r\n<html><title>Blocked</title>`);
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    flood(socket, () => ((sent += chunk.length) <= size ? chunk : null));
  },
  /** HTTP/0.9: a bare body, no status line. */
  http09: (socket: net.Socket): void => {
    socket.end('<html><body>Welcome to the proxy</body></html>\n');
  },
  /** A redirect in answer to CONNECT. */
  redirect: (socket: net.Socket): void => {
    socket.end('HTTP/1.1 302 Found\r\nLocation: http://proxy.example.com/login\r\nContent-Length: 0\r\n\r\n');
  },
  /** 407 with the same challenge 50 times. */
  fiftyChallenges: (socket: net.Socket): void => {
    const challenges = Array.from({ length: 50 }, () => 'Proxy-Authenticate: Negotiate\r\n').join('');
    socket.end(`HTTP/1.1 407 Proxy Authentication Required\r\n${challenges}Content-Length: 0\r\n\r\n`);
  },
} satisfies Record<string, Behaviour>;

export interface HostileTlsServer {
  port: number;
  /** TLS handshakes completed. */
  handshakes(): number;
  /** Application data received over completed handshakes (decrypted), as latin1 text. */
  applicationData(): string;
  close(): Promise<void>;
}

/** A TLS server presenting `chainPem` for any name, recording whatever application data reaches it. */
export async function hostileTlsServer(options: { keyPem: string; chainPem: string }): Promise<HostileTlsServer> {
  let handshakes = 0;
  const data: Buffer[] = [];
  const tracker = new SocketTracker();
  const server = tls.createServer({ key: options.keyPem, cert: options.chainPem, ciphers: LAB_TLS_CIPHERS }, (socket) => {
    handshakes += 1;
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => data.push(chunk));
  });
  server.on('tlsClientError', () => {});
  const listening = await listenOnLoopback(server, tracker);
  return {
    port: listening.port,
    handshakes: () => handshakes,
    applicationData: () => Buffer.concat(data).toString('latin1'),
    close: () => listening.close(),
  };
}
