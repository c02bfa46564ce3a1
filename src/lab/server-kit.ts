// What every lab server shares: listening on loopback only, tracking sockets so that close() never waits
// for a client, raw HTTP/1.1 responses on a bare socket (CONNECT answers, refused upgrades), and the pages
// middleboxes serve.

import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import type { Server, Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface LabServer {
  /** The ephemeral port on 127.0.0.1. */
  readonly port: number;
  /** Stops listening and destroys every open connection. */
  close(): Promise<void>;
}

export const LOOPBACK = '127.0.0.1';

/**
 * Lab TLS endpoints must be able to present what real middleboxes present (SHA-1 signatures, RSA-1024
 * keys, TLS 1.0), which OpenSSL 3 refuses to load at its default security level.
 */
export const LAB_TLS_CIPHERS = 'DEFAULT:@SECLEVEL=0';

/** Tracks every connection of a server so that close() can destroy them. */
export class SocketTracker {
  readonly #sockets = new Set<Duplex>();

  add(socket: Duplex): void {
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
  }

  destroyAll(): void {
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
  }
}

/** Listens on 127.0.0.1:0, tracks connections, and returns the port and a close() that never hangs. */
export async function listenOnLoopback(server: Server, tracker = new SocketTracker()): Promise<LabServer> {
  server.on('connection', (socket: Socket) => tracker.add(socket));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('lab server has no TCP address');
  let closing: Promise<void> | undefined;
  return {
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        tracker.destroyAll();
      });
      return closing;
    },
  };
}

export interface RawResponse {
  status: number;
  reason?: string;
  headers?: Record<string, string | string[]>;
  body?: string;
}

/** Serialises an HTTP/1.1 response head and body (Content-Length added when a body is given). */
export function rawResponse({ status, reason, headers = {}, body }: RawResponse): string {
  const lines = [`HTTP/1.1 ${status} ${reason ?? STATUS_CODES[status] ?? 'Unknown'}`];
  for (const [name, value] of Object.entries(headers)) {
    for (const item of typeof value === 'string' ? [value] : value) lines.push(`${name}: ${item}`);
  }
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`;
}

/** Writes a response on a bare socket and closes it once flushed. */
export function endWith(socket: Duplex, response: RawResponse): void {
  socket.end(rawResponse({ ...response, headers: { Connection: 'close', ...response.headers } }));
}

/** The host name of a request: Host header without port, lower-cased, else the TLS server name. */
export function requestHost(headers: IncomingHttpHeaders, servername?: string | false | null): string {
  const host = headers.host?.replace(/:\d+$/, '') ?? (servername || '');
  return host.toLowerCase();
}

// --- pages ----------------------------------------------------------------------------------------------

/** An inspection product's "site blocked" page, as served with a 403. */
export function blockPageHtml(host: string, product = 'Zscaler'): string {
  return [
    '<!DOCTYPE html>',
    `<html><head><title>${product} - Website blocked</title></head>`,
    '<body><h1>Website blocked</h1>',
    `<p>Access to <b>${host}</b> is not allowed according to your company's Internet usage policy.</p>`,
    '<p>Category: Generative AI. If you believe this is an error, contact your IT service desk.</p>',
    `<p>Powered by ${product}</p></body></html>`,
    '',
  ].join('\n');
}

/** The head and body of a Cloudflare managed challenge ("Just a moment..."). */
export const CLOUDFLARE_CHALLENGE: RawResponse = {
  status: 403,
  headers: {
    'Content-Type': 'text/html; charset=UTF-8',
    'cf-mitigated': 'challenge',
    'cf-ray': '8f1c0ffee0c0de42-FRA',
    Server: 'cloudflare',
    'Cache-Control': 'private, max-age=0, no-store, no-cache, must-revalidate',
  },
  body: [
    '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head>',
    '<body><noscript>Enable JavaScript and cookies to continue</noscript>',
    '<script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1"></script></body></html>',
    '',
  ].join('\n'),
};
