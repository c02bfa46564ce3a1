// The lab's corporate proxy on 127.0.0.1: a CONNECT-only tunnel or a TLS-inspecting proxy that re-signs
// every server name with the corporate CA, plus the faults real proxies show (407, refused WebSocket
// upgrades, block pages, hanging, closing, 502). Targets are reached only through the routing table:
// the proxy never resolves a name and never dials anything but loopback.

import { EventEmitter } from 'node:events';
import {
  createServer as createHttpServer,
  Server as HttpServer,
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import { connect as netConnect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect, createSecureContext, TLSSocket, type SecureContext } from 'node:tls';
import type { CorporateCa } from './pki.js';
import {
  LAB_TLS_CIPHERS,
  LOOPBACK,
  SocketTracker,
  blockPageHtml,
  endWith,
  listenOnLoopback,
  rawResponse,
  requestHost,
  type LabServer,
  type RawResponse,
} from './server-kit.js';

/** `host:port` (lower-case host) -> the loopback port that plays it. */
export type RoutingTable = ReadonlyMap<string, number>;

/** `inspect`: terminate TLS with a corporate leaf and re-encrypt upstream; `connect`: a blind tunnel. */
export type ProxyMode = 'inspect' | 'connect';

export type ProxyAuthScheme = 'Basic' | 'Negotiate' | 'NTLM';

export interface ProxyAuth {
  username: string;
  password: string;
  realm?: string;
  /** Advertised in Proxy-Authenticate, in this order. Only Basic credentials can ever succeed. Default [Basic]. */
  schemes?: readonly ProxyAuthScheme[];
}

/** How an inspecting proxy refuses a WebSocket upgrade: a status, a bare close, or stripping the Upgrade header. */
export type WebSocketRefusal = 400 | 403 | 405 | 426 | 'close' | 'strip-upgrade';

export interface BlockPage {
  hosts: readonly string[];
  /** `connect`: the CONNECT itself is answered 403 with HTML; `request` (inspect only): each request is. */
  at: 'connect' | 'request';
}

/**
 * Faults that replace the whole exchange: `hang` reads the CONNECT and never answers; `close` drops the TCP
 * connection on accept; `bad-gateway` answers every CONNECT 502; `codex-policy` plays Codex's own managed
 * network proxy refusing a destination its permissions do not allow (403, text/plain, its policy line).
 */
export type ProxyFailure = 'hang' | 'close' | 'bad-gateway' | 'codex-policy';

export interface ProxyOptions {
  mode: ProxyMode;
  routes: RoutingTable;
  /** Required in inspect mode: signs the leaf for each server name. */
  corporateCa?: CorporateCa;
  /** Inspect mode: the roots the proxy trusts upstream (the lab's public root). */
  upstreamCa?: string | readonly string[];
  /** Product name on block and error pages. Default Zscaler. */
  product?: string;
  auth?: ProxyAuth;
  refuseWebSocket?: WebSocketRefusal;
  blockPage?: BlockPage;
  failure?: ProxyFailure;
  /** Serve the proxy itself over TLS (an `https://` proxy URL), with a corporate leaf for this name. */
  tlsListener?: { hostname: string };
}

export interface ProxyConnectEvent {
  /** As sent: `host:port`. */
  target: string;
  host: string;
  port: number;
  headers: IncomingHttpHeaders;
  /** The status the proxy answered; null when it never answers (hang). */
  status: number | null;
}

export type ProxyRequestOutcome = 'forwarded' | 'blocked' | 'refused' | 'upstream-error';

/** A request seen inside an inspected tunnel. */
export interface ProxyRequestEvent {
  host: string;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  upgrade: boolean;
  outcome: ProxyRequestOutcome;
  /** The status the client got; null when the proxy closed without answering or piped an upgrade. */
  status: number | null;
}

export interface ProxyEvents {
  /** A TCP connection was accepted. */
  connection: [{ remotePort: number }];
  connect: [ProxyConnectEvent];
  request: [ProxyRequestEvent];
}

/** What a proxy team can change on a running proxy: absent keys stay, `null` removes the rule. */
export interface ProxyPolicyChange {
  refuseWebSocket?: null;
  blockPage?: null;
  failure?: null;
  /** The inspection CA reissued (inspect mode): new leaves are signed by it. */
  corporateCa?: CorporateCa;
  /** The certificates the proxy mints renewed (inspect mode): the same CA, every new leaf within its validity. */
  renewLeaves?: true;
}

export interface ProxyServer extends LabServer {
  readonly mode: ProxyMode;
  readonly events: EventEmitter<ProxyEvents>;
  /** Applies a policy change (the conformance suite plays IT allowing an upgrade); new connections see it. */
  change(policy: ProxyPolicyChange): void;
}

/** The HTML body of the proxy's own pages (block page, 407, 502). */
function proxyPage(status: number, title: string, text: string, product: string): RawResponse {
  return {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', Server: product, Date: new Date().toUTCString() },
    body: `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>\n`,
  };
}

export async function startProxy(given: ProxyOptions): Promise<ProxyServer> {
  // Our own copy: change() edits it, never the caller's object.
  const options: ProxyOptions = { ...given };
  if (options.mode === 'inspect' && !options.corporateCa) throw new Error('an inspecting proxy needs a corporate CA');
  if (options.mode === 'connect' && options.blockPage?.at === 'request') {
    throw new Error('a CONNECT-only proxy cannot see requests: block at connect');
  }
  const events = new EventEmitter<ProxyEvents>();
  const tracker = new SocketTracker();
  const product = options.product ?? 'Zscaler';
  const inspector = options.mode === 'inspect' ? createInspector(options, events, tracker, product) : undefined;

  const server = options.tlsListener ? createTlsListener(options, options.tlsListener.hostname) : createHttpServer();
  server.on('connection', (socket: Socket) => {
    events.emit('connection', { remotePort: socket.remotePort ?? 0 });
    if (options.failure === 'close') socket.destroy();
  });
  // Only tunnels: absolute-URI forwarding is not part of the lab.
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    const page = proxyPage(400, 'Bad Request', 'This proxy only accepts CONNECT.', product);
    response.writeHead(page.status, { ...page.headers, Connection: 'close' });
    response.end(page.body);
  });
  server.on('connect', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const target = request.url ?? '';
    const { host, port } = splitTarget(target);
    const answer = (status: number | null): void => {
      events.emit('connect', { target, host, port, headers: request.headers, status });
    };
    socket.on('error', () => socket.destroy());
    if (options.failure === 'hang') {
      // Never a byte back; only a client that gives up ends the connection.
      socket.once('end', () => socket.destroy());
      answer(null);
      return;
    }
    const refusal = connectRefusal(options, request.headers, host, product);
    if (refusal) {
      endWith(socket, refusal);
      answer(refusal.status);
      return;
    }
    const routedPort = options.routes.get(`${host}:${port}`);
    if (routedPort === undefined) {
      endWith(socket, proxyPage(502, 'Bad Gateway', `No route to ${target}.`, product));
      answer(502);
      return;
    }
    if (inspector) {
      socket.write(rawResponse(tunnelOpened()));
      answer(200);
      inspector.adopt(socket, head, host, port, routedPort);
      return;
    }
    const upstream = netConnect(routedPort, LOOPBACK);
    tracker.add(upstream);
    let established = false;
    upstream.once('connect', () => {
      established = true;
      socket.write(rawResponse(tunnelOpened()));
      answer(200);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => {
      if (established) return void socket.destroy();
      endWith(socket, proxyPage(502, 'Bad Gateway', `Cannot reach ${target}.`, product));
      answer(502);
    });
    socket.once('close', () => upstream.destroy());
  });
  // A TLS ClientHello sent to a plain proxy port (an https:// proxy URL): Node answers 400 and closes.
  server.on('clientError', (_error: Error, socket: Duplex) => {
    if (socket.writable) endWith(socket, { status: 400 });
    else socket.destroy();
  });

  const listening = await listenOnLoopback(server, tracker);
  // Every handler reads `options` per connection or request, so removing a rule here takes effect at once.
  const change = (policy: ProxyPolicyChange): void => {
    if (policy.refuseWebSocket === null) delete options.refuseWebSocket;
    if (policy.blockPage === null) delete options.blockPage;
    if (policy.failure === null) delete options.failure;
    if (policy.corporateCa) options.corporateCa = policy.corporateCa;
    if (policy.renewLeaves && options.corporateCa) options.corporateCa = options.corporateCa.withLeaf({ validity: 'valid' });
  };
  return { ...listening, mode: options.mode, events, change };
}

function createTlsListener(options: ProxyOptions, hostname: string): HttpServer {
  if (!options.corporateCa) throw new Error('a TLS proxy listener needs a corporate CA for its certificate');
  const identity = options.corporateCa.identityFor(hostname);
  return createHttpsServer({ key: identity.keyPem, cert: identity.certPem, ciphers: LAB_TLS_CIPHERS });
}

/** What the proxy answers instead of 200 to a CONNECT, in the order real proxies decide. */
function connectRefusal(options: ProxyOptions, headers: IncomingHttpHeaders, host: string, product: string): RawResponse | undefined {
  if (options.auth && !authorised(options.auth, headers['proxy-authorization'])) {
    const realm = options.auth.realm ?? `${product} proxy`;
    const schemes = options.auth.schemes ?? ['Basic'];
    const page = proxyPage(407, 'Proxy Authentication Required', 'You must authenticate to use this proxy.', product);
    return {
      ...page,
      headers: {
        ...page.headers,
        'Proxy-Authenticate': schemes.map((scheme) => (scheme === 'Basic' ? `Basic realm="${realm}"` : scheme)),
      },
    };
  }
  if (options.failure === 'bad-gateway') {
    return proxyPage(502, 'Bad Gateway', 'The proxy could not connect to the upstream server.', product);
  }
  if (options.failure === 'codex-policy') {
    const decision = JSON.stringify({ decision: 'deny', reason: 'not_allowed', source: 'baseline_policy', protocol: 'https_connect', host, port: 443 });
    return {
      status: 403,
      headers: { 'Content-Type': 'text/plain', 'x-proxy-error': 'blocked-by-allowlist' },
      body: `CODEX_NETWORK_POLICY_DECISION ${decision}\nCodex blocked this request: domain not in allowlist (this is not a denylist block).`,
    };
  }
  if (options.blockPage?.at === 'connect' && options.blockPage.hosts.includes(host)) {
    return { status: 403, headers: { 'Content-Type': 'text/html; charset=utf-8', Server: product }, body: blockPageHtml(host, product) };
  }
  return undefined;
}

function authorised(auth: ProxyAuth, header: string | undefined): boolean {
  if (!(auth.schemes ?? ['Basic']).includes('Basic')) return false;
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  return Buffer.from(match[1], 'base64').toString('utf8') === `${auth.username}:${auth.password}`;
}

/** The answer to a CONNECT that opens the tunnel, dated by the proxy's clock as its other answers are. */
function tunnelOpened(): RawResponse {
  return { status: 200, reason: 'Connection established', headers: { Date: new Date().toUTCString() } };
}

function splitTarget(target: string): { host: string; port: number } {
  const match = /^\[?([^\]]*?)\]?:(\d+)$/.exec(target);
  return match?.[1] !== undefined && match[2] !== undefined
    ? { host: match[1].toLowerCase(), port: Number(match[2]) }
    : { host: target.toLowerCase(), port: 443 };
}

// --- inspection ---------------------------------------------------------------------------------------

interface Tunnel {
  host: string;
  port: number;
  routedPort: number;
}

/** Terminates TLS inside tunnels and serves the decrypted HTTP with an internal, never-listening server. */
function createInspector(options: ProxyOptions, events: EventEmitter<ProxyEvents>, tracker: SocketTracker, product: string) {
  if (!options.corporateCa) throw new Error('an inspecting proxy needs a corporate CA');
  const contexts = new Map<string, SecureContext>();
  let signedBy = options.corporateCa;
  const contextFor = (name: string): SecureContext => {
    // A reissued CA (change()) signs every leaf from then on.
    if (options.corporateCa && options.corporateCa !== signedBy) {
      signedBy = options.corporateCa;
      contexts.clear();
    }
    let context = contexts.get(name);
    if (!context) {
      const identity = signedBy.identityFor(name);
      context = createSecureContext({ key: identity.keyPem, cert: identity.certPem, ciphers: LAB_TLS_CIPHERS });
      contexts.set(name, context);
    }
    return context;
  };
  const tunnels = new WeakMap<Duplex, Tunnel>();
  const inner = new HttpServer();
  // One client context for every upstream connection, made on first use: its roots are parsed once, not per request.
  let upstreamContext: SecureContext | undefined;
  const upstreamTls = (): { secureContext: SecureContext; ALPNProtocols: string[] } => {
    upstreamContext ??= createSecureContext(options.upstreamCa === undefined ? {} : { ca: options.upstreamCa as string | string[] });
    return { secureContext: upstreamContext, ALPNProtocols: ['http/1.1'] };
  };

  const tunnelOf = (request: IncomingMessage): Tunnel => {
    const tunnel = tunnels.get(request.socket);
    if (!tunnel) throw new Error('request outside an inspected tunnel');
    return tunnel;
  };
  const report = (request: IncomingMessage, upgrade: boolean, outcome: ProxyRequestOutcome, status: number | null): void => {
    events.emit('request', {
      host: requestHost(request.headers, tunnelOf(request).host),
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      headers: request.headers,
      upgrade,
      outcome,
      status,
    });
  };
  const blocked = (request: IncomingMessage): RawResponse | undefined => {
    const host = tunnelOf(request).host;
    return options.blockPage?.at === 'request' && options.blockPage.hosts.includes(host)
      ? { status: 403, headers: { 'Content-Type': 'text/html; charset=utf-8', Server: product }, body: blockPageHtml(host, product) }
      : undefined;
  };

  inner.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const block = blocked(request);
    if (block) {
      response.writeHead(block.status, block.headers);
      response.end(block.body);
      report(request, false, 'blocked', block.status);
      return;
    }
    forward(request, response, tunnelOf(request), false);
  });

  inner.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const block = blocked(request);
    if (block) {
      endWith(socket, block);
      report(request, true, 'blocked', block.status);
      return;
    }
    const refusal = options.refuseWebSocket;
    if (refusal === undefined) {
      pipeUpgrade(request, socket, head, tunnelOf(request));
      return;
    }
    switch (refusal) {
      case 'close':
        socket.destroy();
        report(request, true, 'refused', null);
        return;
      case 'strip-upgrade':
        // Forwarded as a plain request: the origin never sees the Upgrade, the client gets no 101.
        forwardStripped(request, socket, tunnelOf(request));
        return;
      case 400:
      case 403:
      case 405:
      case 426: {
        const page = proxyPage(refusal, 'WebSocket not allowed', 'WebSocket connections are not permitted by policy.', product);
        endWith(socket, page);
        report(request, true, 'refused', refusal);
        return;
      }
    }
  });
  inner.on('clientError', (_error: Error, socket: Duplex) => socket.destroy());

  /** The same request, re-encrypted to the routed origin with the proxy's own trust. */
  function upstreamRequest(request: IncomingMessage, tunnel: Tunnel): ClientRequest {
    const upstream = httpsRequest({
      host: LOOPBACK,
      port: tunnel.routedPort,
      servername: tunnel.host,
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      headers: withoutHopByHop(request.headers),
      agent: false,
      ...upstreamTls(),
    });
    upstream.on('socket', (socket) => tracker.add(socket));
    return upstream;
  }

  function forward(request: IncomingMessage, response: ServerResponse, tunnel: Tunnel, upgrade: boolean): void {
    const upstream = upstreamRequest(request, tunnel);
    upstream.on('response', (upstreamResponse) => {
      response.writeHead(upstreamResponse.statusCode ?? 502, withoutHopByHop(upstreamResponse.headers));
      upstreamResponse.pipe(response);
      report(request, upgrade, 'forwarded', upstreamResponse.statusCode ?? null);
    });
    upstream.on('error', () => {
      if (response.headersSent) return void response.destroy();
      const page = proxyPage(502, 'Bad Gateway', `The proxy could not establish a secure connection to ${tunnel.host}.`, product);
      response.writeHead(page.status, page.headers);
      response.end(page.body);
      report(request, upgrade, 'upstream-error', 502);
    });
    request.pipe(upstream);
  }

  /** Strip-upgrade: answer the upgrade socket with whatever the origin says to the plain request. */
  function forwardStripped(request: IncomingMessage, socket: Duplex, tunnel: Tunnel): void {
    const upstream = upstreamRequest(request, tunnel);
    upstream.on('response', (upstreamResponse) => {
      const chunks: Buffer[] = [];
      upstreamResponse.on('data', (chunk: Buffer) => chunks.push(chunk));
      upstreamResponse.on('end', () => {
        const headers: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(withoutHopByHop(upstreamResponse.headers))) {
          // endWith sets Content-Length for the body it writes.
          if (value !== undefined && name !== 'content-length') headers[name] = value;
        }
        endWith(socket, { status: upstreamResponse.statusCode ?? 502, headers, body: Buffer.concat(chunks).toString('utf8') });
        report(request, true, 'refused', upstreamResponse.statusCode ?? null);
      });
    });
    upstream.on('error', () => {
      endWith(socket, proxyPage(502, 'Bad Gateway', `Cannot reach ${tunnel.host}.`, product));
      report(request, true, 'upstream-error', 502);
    });
    upstream.end();
  }

  /** A permitted upgrade: replay the request head on a fresh TLS connection and splice the two. */
  function pipeUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, tunnel: Tunnel): void {
    const upstream = tlsConnect({ host: LOOPBACK, port: tunnel.routedPort, servername: tunnel.host, ...upstreamTls() });
    tracker.add(upstream);
    let spliced = false;
    upstream.once('secureConnect', () => {
      spliced = true;
      const lines = [`${request.method ?? 'GET'} ${request.url ?? '/'} HTTP/1.1`];
      for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
        lines.push(`${request.rawHeaders[index]}: ${request.rawHeaders[index + 1]}`);
      }
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
      report(request, true, 'forwarded', null);
    });
    upstream.on('error', () => {
      if (spliced) return void socket.destroy();
      endWith(socket, proxyPage(502, 'Bad Gateway', `The proxy could not establish a secure connection to ${tunnel.host}.`, product));
      report(request, true, 'upstream-error', 502);
    });
    socket.once('close', () => upstream.destroy());
  }

  return {
    /** Takes over a tunnel after the 200: TLS with a corporate leaf, then HTTP on the internal server. */
    adopt(socket: Duplex, head: Buffer, host: string, port: number, routedPort: number): void {
      if (head.length > 0) socket.unshift(head);
      const tls = new TLSSocket(socket, {
        isServer: true,
        secureContext: contextFor(host),
        SNICallback: (servername, callback) => callback(null, contextFor(servername)),
        ALPNProtocols: ['http/1.1'],
      });
      tracker.add(tls);
      tunnels.set(tls, { host, port, routedPort });
      // A client that rejects the corporate chain aborts the handshake: that is the lab working.
      tls.on('error', () => tls.destroy());
      inner.emit('connection', tls);
    },
  };
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}
