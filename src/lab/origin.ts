// A stand-in for OpenAI's edge: one HTTPS + WebSocket server on 127.0.0.1 that serves auth.openai.com,
// api.openai.com and chatgpt.com by SNI with the public lab chain and answers Codex's routes the way the
// real services answer a request without valid credentials.

import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createSecureContext, type SecureContext, type SecureVersion, type TLSSocket } from 'node:tls';
import { WebSocketServer } from 'ws';
import type { LeafOptions, PublicPki } from './pki.js';
import {
  CLOUDFLARE_CHALLENGE,
  LAB_TLS_CIPHERS,
  blockPageHtml,
  endWith,
  listenOnLoopback,
  requestHost,
  type LabServer,
  type RawResponse,
} from './server-kit.js';

export const OPENAI_HOSTS = ['auth.openai.com', 'api.openai.com', 'chatgpt.com'] as const;
/** A company model gateway, for scenarios with a custom provider (`base_url = "https://llm.example.com/v1"`). */
export const GATEWAY_HOST = 'llm.example.com';
/** Every host the lab origin serves. */
export const LAB_HOSTS = [...OPENAI_HOSTS, GATEWAY_HOST] as const;

/** What a host answers instead of its routes: an inspection block page or a Cloudflare challenge. */
export type OriginHostFault = 'block-page' | 'cloudflare-challenge';

/** `legacy-only`: the server speaks only TLS 1.0 and 1.1 (rustls needs 1.2). */
export type OriginTlsVersions = 'modern' | 'legacy-only';

/** How the Responses WebSocket answers: `accept` (101) or OpenAI's 401 for a missing token. */
export type OriginWebSocketMode = 'accept' | 'unauthorized';

export interface OriginOptions {
  pki: PublicPki;
  /** Default: the three OpenAI hosts and the gateway. The first one is served to a client that sends no or another SNI. */
  hosts?: readonly string[];
  /** Faults of the presented chain (no SAN, leaf only, expired...), for every host. */
  leaf?: LeafOptions;
  hostFaults?: Readonly<Record<string, OriginHostFault>>;
  tlsVersions?: OriginTlsVersions;
  webSocket?: OriginWebSocketMode;
}

export interface OriginRequestEvent {
  host: string;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
  /** The ALPN protocols the client offered in its handshake; null when it sent no ALPN extension. */
  alpn: readonly string[] | null;
}

export interface OriginUpgradeEvent {
  host: string;
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
  /** As for a request: what the client offered in ALPN, null for none. */
  alpn: readonly string[] | null;
}

export interface OriginEvents {
  /** An HTTP request was answered. */
  request: [OriginRequestEvent];
  /** A WebSocket upgrade was answered (101 or an error status). */
  upgrade: [OriginUpgradeEvent];
}

export interface OriginServer extends LabServer {
  readonly hosts: readonly string[];
  readonly events: EventEmitter<OriginEvents>;
}

const WEBSOCKET_PATHS = new Set(['/v1/responses', '/v1/realtime', '/backend-api/codex/responses']);

export async function startOrigin(options: OriginOptions): Promise<OriginServer> {
  const hosts = options.hosts ?? LAB_HOSTS;
  const [defaultHost] = hosts;
  if (defaultHost === undefined) throw new Error('an origin needs at least one host');
  const versions = tlsVersionRange(options.tlsVersions ?? 'modern');
  const contexts = new Map<string, SecureContext>();
  const contextFor = (host: string): SecureContext => {
    let context = contexts.get(host);
    if (!context) {
      const identity = options.pki.identityFor([host], options.leaf);
      context = createSecureContext({ key: identity.keyPem, cert: identity.certPem, ciphers: LAB_TLS_CIPHERS, ...versions });
      contexts.set(host, context);
    }
    return context;
  };
  const events = new EventEmitter<OriginEvents>();
  // What each client offered in ALPN, recorded so the conformance suite can compare Codex's offer with the doctor's.
  const offeredAlpn = new WeakMap<TLSSocket, readonly string[]>();
  const alpnOf = (socket: unknown): readonly string[] | null => offeredAlpn.get(socket as TLSSocket) ?? null;
  const identity = options.pki.identityFor([defaultHost], options.leaf);
  const server: Server = createServer({
    key: identity.keyPem,
    cert: identity.certPem,
    ciphers: LAB_TLS_CIPHERS,
    ...versions,
    SNICallback: (servername, callback) => {
      const host = servername.toLowerCase();
      callback(null, contextFor(hosts.includes(host) ? host : defaultHost));
    },
    // Node calls it on the TLS socket, and only when the client sent ALPN. The origin speaks HTTP/1.1; an offer
    // without it is refused with a fatal alert, as ALPNProtocols ['http/1.1'] would refuse it.
    ALPNCallback(this: TLSSocket, { protocols }: { servername: string; protocols: string[] }): string | undefined {
      offeredAlpn.set(this, protocols);
      return protocols.includes('http/1.1') ? 'http/1.1' : undefined;
    },
  });
  const hostFaults = options.hostFaults ?? {};
  const webSocket = options.webSocket ?? 'accept';
  const sockets = new WebSocketServer({ noServer: true });

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const host = requestHost(request.headers, (request.socket as TLSSocket).servername);
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const fault = hostFaults[host];
    const answer = fault ? faultResponse(fault, host) : route(request.method ?? 'GET', host, path, request.headers);
    // Drain the body (the token request is form-encoded) before answering, like a real server.
    request.resume();
    request.once('end', () => {
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
      events.emit('request', { host, method: request.method ?? 'GET', path, headers: request.headers, status: answer.status, alpn: alpnOf(request.socket) });
    });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const host = requestHost(request.headers, (request.socket as TLSSocket).servername);
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const fault = hostFaults[host];
    const refusal: RawResponse | undefined = fault
      ? faultResponse(fault, host)
      : !WEBSOCKET_PATHS.has(path)
        ? openAiError(404, `Invalid URL (GET ${path})`, 'invalid_request_error', null)
        : webSocket === 'unauthorized'
          ? missingApiKey()
          : undefined;
    const emit = (status: number): void => {
      events.emit('upgrade', { host, path, headers: request.headers, status, alpn: alpnOf(request.socket) });
    };
    if (refusal) {
      endWith(socket, refusal);
      emit(refusal.status);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => {
      // Nothing is streamed: the handshake is what the doctor checks. Keep the socket until the client leaves.
      client.on('error', () => client.terminate());
      emit(101);
    });
  });
  // A client that aborts the handshake (a probe rejecting our chain) is normal in the lab.
  server.on('tlsClientError', () => {});

  const listening = await listenOnLoopback(server);
  return {
    ...listening,
    hosts,
    events,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await listening.close();
    },
  };
}

function tlsVersionRange(versions: OriginTlsVersions): { minVersion: SecureVersion; maxVersion: SecureVersion } {
  switch (versions) {
    case 'modern':
      return { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' };
    case 'legacy-only':
      return { minVersion: 'TLSv1', maxVersion: 'TLSv1.1' };
  }
}

function faultResponse(fault: OriginHostFault, host: string): RawResponse {
  switch (fault) {
    case 'block-page':
      return { status: 403, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: blockPageHtml(host) };
    case 'cloudflare-challenge':
      return CLOUDFLARE_CHALLENGE;
  }
}

/** Codex's routes, answered as OpenAI answers a caller without valid credentials. */
function route(method: string, host: string, path: string, headers: IncomingHttpHeaders): RawResponse {
  if (host === 'auth.openai.com') {
    if (method === 'POST' && path === '/oauth/token') {
      return openAiError(400, 'Invalid authorization code', 'invalid_request_error', 'invalid_grant');
    }
    if (method === 'POST' && path === '/api/accounts/deviceauth/usercode') {
      return json(200, { device_auth_id: 'deviceauth_lab', user_code: 'LABX-0000', interval: '5' });
    }
    if (method === 'POST' && path === '/api/accounts/deviceauth/token') {
      return openAiError(403, 'Device authorization is pending', 'invalid_request_error', 'deviceauth_authorization_pending');
    }
  }
  // A GET on a WebSocket path that arrives without its Upgrade header (a proxy stripped it).
  if (method === 'GET' && WEBSOCKET_PATHS.has(path)) {
    return openAiError(405, `Invalid method for URL (GET ${path})`, 'invalid_request_error', null);
  }
  if (path === '/v1/models' || path === '/v1/responses' || path.startsWith('/backend-api/codex/')) {
    return headers.authorization === undefined ? missingApiKey() : invalidApiKey();
  }
  return openAiError(404, `Invalid URL (${method} ${path})`, 'invalid_request_error', null);
}

function json(status: number, body: unknown): RawResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json', 'x-request-id': 'req_lab0000000000000000000000', Server: 'cloudflare' },
    body: JSON.stringify(body),
  };
}

function openAiError(status: number, message: string, type: string, code: string | null): RawResponse {
  return json(status, { error: { message, type, param: null, code } });
}

function missingApiKey(): RawResponse {
  return openAiError(
    401,
    "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    'invalid_request_error',
    null,
  );
}

function invalidApiKey(): RawResponse {
  return openAiError(401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
}
