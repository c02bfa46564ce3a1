// One HTTP request with undici over a connection the doctor has verified itself (verified-tls.ts, undici-socket.ts):
// a socket that did not come out of verifiedTls() is refused before a byte is written.
//
// Protocol: the TLS handshake offers the ALPN Codex's HTTPS client offers (src/codex/alpn.ts: h2 and http/1.1
// with a CA bundle, none on the default roots). undici reads the negotiated protocol from the socket
// (`alpnProtocol === 'h2'`) and speaks HTTP/2 or HTTP/1.1 accordingly, so a proxy or server that only gets one of
// them right is met as Codex meets it.
import type tls from 'node:tls';
import undiciRequest from 'undici/lib/api/api-request.js';
import type { HttpHead } from './errors.js';
import { headerListsOf } from './header-lists.js';
import { reasonPhrase } from './reason-phrase.js';
import { asSocketError, clientOver } from './undici-socket.js';
import { isVerified } from './verified-tls.js';

const MAX_BODY_BYTES = 16 * 1024;

export interface HttpRequest {
  /** A verified TLS socket from verifiedTls(); the request is only ever sent over one. */
  socket: tls.TLSSocket;
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

export interface HttpResponse extends HttpHead {
  /** The body as text, at most 16 KiB. */
  body: string;
  truncated: boolean;
  /** The protocol the answer came in: `h2` or `http/1.1`. */
  protocol: 'h2' | 'http/1.1';
}

export class UnverifiedConnectionError extends Error {
  override readonly name = 'UnverifiedConnectionError';
  constructor() {
    super('refusing to send a request over an unverified TLS connection');
  }
}

/** Sends one request and reads the response (body capped); rejects with undici's or the socket's error. */
export async function httpRequest(request: HttpRequest): Promise<HttpResponse> {
  const { socket, method, url, headers, body, signal } = request;
  if (!isVerified(socket)) throw new UnverifiedConnectionError();
  const protocol = socket.alpnProtocol === 'h2' ? 'h2' : 'http/1.1';
  const client = clientOver(socket, url.origin, { allowH2: true });
  try {
    const response = await undiciRequest.call(client, { method, path: `${url.pathname}${url.search}`, headers, ...(body !== undefined && { body }), signal });
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      chunks.push(chunk.subarray(0, MAX_BODY_BYTES - size));
      size += chunk.length;
      if (size >= MAX_BODY_BYTES) {
        truncated = size > MAX_BODY_BYTES;
        break;
      }
    }
    return {
      status: response.statusCode,
      // HTTP/2 carries no reason phrase and undici does not surface HTTP/1.1's: the standard one stands in.
      reason: reasonPhrase(response.statusCode),
      headers: headerListsOf(response.headers),
      body: Buffer.concat(chunks).toString('utf8'),
      truncated,
      protocol,
    };
  } catch (error) {
    throw asSocketError(error);
  } finally {
    await client.destroy().catch(() => {});
    socket.destroy();
  }
}
