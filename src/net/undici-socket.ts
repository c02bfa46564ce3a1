// An undici Client over one connection the doctor opened itself (TCP to a proxy, or TLS it verified): undici's
// connector hands back that socket instead of dialling, so undici never opens, proxies or verifies anything on
// its own. Every HTTP request the doctor sends (CONNECT in tunnel.ts, the token POST in http-request.ts, the
// WebSocket upgrade in ws-probe.ts) goes through one of these.
import type { Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import Client from 'undici/lib/dispatcher/client.js';
import { ConnectionGoneError } from './errors.js';

// undici parses HTTP/1.1 with llhttp compiled to WebAssembly. V8 compiles it with its baseline compiler, then
// optimises it again on background threads, and the process waits for that work before it exits (~100 ms on a
// loaded machine, longer than the whole answer takes to parse). The baseline code parses a few short answers
// fine. A wasm-only flag, read when a module is compiled: set before undici compiles llhttp, on the first
// HTTP/1.1 connection; nothing else in the doctor compiles WebAssembly.
setFlagsFromString('--liftoff-only');

export interface ClientOptions {
  /** Whether undici may speak HTTP/2 when the TLS handshake picked `h2` (ALPN). */
  allowH2: boolean;
  /** The most header bytes undici reads before it fails with UND_ERR_HEADERS_OVERFLOW. */
  maxHeaderSize?: number;
}

/** A Client whose one and only connection is `socket`; a second connect (a retry after it broke) gets an error, never a new dial. */
export function clientOver(socket: Socket, origin: string, options: ClientOptions): InstanceType<typeof Client> {
  let handedOut = false;
  return new Client(origin, {
    allowH2: options.allowH2,
    ...(options.maxHeaderSize !== undefined && { maxHeaderSize: options.maxHeaderSize }),
    connect: (_options, callback) => {
      if (handedOut) return callback(new ConnectionGoneError(), null);
      handedOut = true;
      // Handed over on a later turn: undici's HTTP/1.1 path writes nothing when the connector answers synchronously.
      setImmediate(() => callback(null, socket));
    },
    pipelining: 1,
  });
}

/**
 * undici reports a connection that closed before or during the answer as its own SocketError; the classifier
 * knows Node's codes, so it becomes the ECONNRESET it is (with undici's words kept in the message). So does a
 * retry undici asked a new connection for.
 */
export function asSocketError(error: unknown): unknown {
  if (error instanceof ConnectionGoneError || (error instanceof Error && (error as NodeJS.ErrnoException).code === 'UND_ERR_SOCKET')) {
    return Object.assign(new Error(`socket hang up (${error.message})`), { code: 'ECONNRESET' });
  }
  return error;
}
