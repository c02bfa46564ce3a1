// The WebSocket opening handshake, sent by undici (undici-socket.ts) over a TLS connection already verified as
// Codex's WebSocket verifies (rustls rules, WebSocket trust set), and judged as Codex's client (tungstenite)
// judges the answer. Only the handshake happens: no message is sent, and the socket is closed.
import { createHash, randomBytes } from 'node:crypto';
import type tls from 'node:tls';
import { UpgradeHandshakeError, type HttpHead } from './errors.js';
import { headerLists } from './header-lists.js';
import { reasonPhrase } from './reason-phrase.js';
import { asSocketError, clientOver } from './undici-socket.js';
import { isVerified } from './verified-tls.js';
import { abortable } from './wait.js';

/** Enough of a refusal page to name it; the rest is not evidence. */
const MAX_BODY_BYTES = 4096;
/** The most header bytes read before the answer is given up on (as for a CONNECT answer). */
const MAX_HEAD_BYTES = 64 * 1024;
/** RFC 6455's GUID, appended to the key for Sec-WebSocket-Accept. */
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** What Codex 0.169.0 offers (observed on the wire): its tungstenite fork with permessage-deflate on. */
const CODEX_EXTENSION_OFFER = 'permessage-deflate; client_max_window_bits';

export interface UpgradeRequest {
  /** A verified TLS socket from verifiedTls(). */
  socket: tls.TLSSocket;
  url: URL;
  headers: Record<string, string>;
  signal: AbortSignal;
}

export type UpgradeOutcome =
  /** 101 with a valid handshake. */
  | { kind: 'upgraded'; head: HttpHead }
  /** Any other HTTP answer, with the start of its body. */
  | { kind: 'response'; head: HttpHead; body: string };

/** Rejects with Node's socket error when the connection closes without an answer, UpgradeHandshakeError for a bad 101. */
export function upgradeWebSocket(request: UpgradeRequest): Promise<UpgradeOutcome> {
  const { socket, url, headers, signal } = request;
  if (!isVerified(socket)) throw new Error('refusing to upgrade over an unverified TLS connection');
  const handshake = handshakeHeaders(headers);
  // Built from the host alone: the URL's user:password is never sent (no Authorization, no credential at all).
  const origin = `https://${url.host}`;
  return abortable<UpgradeOutcome>(signal, (resolve, reject) => {
    const client = clientOver(socket, origin, { allowH2: false, maxHeaderSize: MAX_HEAD_BYTES });
    let answer: { head: HttpHead; chunks: Buffer[]; size: number } | undefined;
    const answered = (): void => resolve({ kind: 'response', head: answer!.head, body: Buffer.concat(answer!.chunks).toString('utf8') });
    const judge101 = (head: HttpHead): void => {
      const problem = handshakeProblem(head, handshake);
      if (problem) reject(new UpgradeHandshakeError(head, problem));
      else resolve({ kind: 'upgraded', head });
    };
    client.dispatch(
      { method: 'GET', path: `${url.pathname}${url.search}`, headers: handshake.lines, upgrade: 'websocket' },
      {
        onConnect: () => {},
        onHeaders: (status: number, rawHeaders: Buffer[] | string[] | null, _resume: () => void, reason: string) => {
          const head: HttpHead = { status, reason: reason ?? '', headers: headerLists(rawHeaders ?? []) };
          // A 101 comes here when llhttp did not take it for an upgrade (no Upgrade, or no `upgrade` token in
          // Connection): tungstenite fails it. undici would wait for a final answer after it; Codex does not.
          if (status === 101) {
            judge101(head);
            return false;
          }
          answer = { head, chunks: [], size: 0 };
          // Codex takes the first answer as final; no body follows another 1xx.
          if (status < 200) answered();
          return true;
        },
        onData: (chunk: Buffer) => {
          if (!answer) return true;
          answer.chunks.push(chunk.subarray(0, Math.max(0, MAX_BODY_BYTES - answer.size)));
          answer.size += chunk.length;
          if (answer.size >= MAX_BODY_BYTES) answered();
          return true;
        },
        onComplete: () => answer && answered(),
        // The connection closed in the middle of a refusal's body: its start is the answer.
        onError: (error: Error) => (answer ? answered() : reject(asSocketError(error))),
        // undici does not hand over the reason phrase of an upgrade: the standard one stands in.
        onUpgrade: (status: number, rawHeaders: Buffer[] | string[] | null) => judge101({ status, reason: reasonPhrase(status), headers: headerLists(rawHeaders ?? []) }),
      },
    );
    return () => {
      void client.destroy().catch(() => {});
      socket.destroy();
    };
  });
}

interface Handshake {
  /** Header name/value pairs in the order tungstenite writes them (undici writes Host, Connection and Upgrade first). */
  lines: string[];
  /** The Sec-WebSocket-Accept a real server answers for the key sent. */
  accept: string;
  /** The subprotocols asked for, if any (Codex asks for none). */
  subprotocols: string[] | undefined;
}

/** Codex's handshake headers: version 13, a fresh random 16-byte key (unless the caller gave one), the caller's headers, the extension offer. */
function handshakeHeaders(headers: Record<string, string>): Handshake {
  const given = (name: string): string | undefined => Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  const key = given('sec-websocket-key') ?? randomBytes(16).toString('base64');
  const subprotocols = given('sec-websocket-protocol')?.split(',').map((p) => p.trim());
  const caller = Object.entries(headers).flatMap(([name, value]) => (name.toLowerCase() === 'sec-websocket-key' ? [] : [name, value]));
  return {
    lines: ['Sec-WebSocket-Version', '13', 'Sec-WebSocket-Key', key, ...caller, 'sec-websocket-extensions', CODEX_EXTENSION_OFFER],
    accept: createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64'),
    subprotocols,
  };
}

/**
 * What tungstenite (`handshake::client::VerifyData::verify_response`, Codex's fork) finds wrong with a 101, in its
 * order and words, or null. It reads the first value of each header and compares whole values: Codex 0.169.0
 * fails `Connection: keep-alive, Upgrade` (observed), though RFC 6455 asks only for the token.
 */
function handshakeProblem(head: HttpHead, handshake: Pick<Handshake, 'accept' | 'subprotocols'>): string | null {
  const first = (name: string): string | undefined => head.headers[name]?.[0]?.trim();
  if (first('upgrade')?.toLowerCase() !== 'websocket') return 'No "Upgrade: websocket" header';
  if (first('connection')?.toLowerCase() !== 'upgrade') return 'No "Connection: upgrade" header';
  const accept = first('sec-websocket-accept');
  // tungstenite says "Key mismatch" for an absent header too; a user looks for the header, so the doctor names it.
  if (accept === undefined) return 'Missing Sec-WebSocket-Accept header';
  if (accept !== handshake.accept) return 'Key mismatch in "Sec-WebSocket-Accept" header';
  const extensions = extensionsProblem(head.headers['sec-websocket-extensions'] ?? []);
  if (extensions) return `Invalid "Sec-WebSocket-Extensions" header: ${extensions}`;
  const protocol = first('sec-websocket-protocol');
  const requested = handshake.subprotocols;
  if (protocol === undefined && requested) return 'SubProtocol error: Server sent no subprotocol';
  if (protocol !== undefined && !requested) return 'SubProtocol error: Server sent a subprotocol but none was requested';
  if (protocol !== undefined && requested && !requested.includes(protocol)) return 'SubProtocol error: Server sent an invalid subprotocol';
  return null;
}

/** The longest extension name repeated in a finding: a server chooses it. */
const MAX_SHOWN_NAME = 60;

/**
 * What Codex's tungstenite, having offered permessage-deflate, finds wrong with the extensions a 101 agreed on,
 * or null. Each rule was observed with Codex 0.169.0: elements are read in order, and the first problem wins.
 * (Several header lines are read as one list, as HTTP reads them: that case was not observed.)
 */
function extensionsProblem(values: string[]): string | null {
  let agreed = false;
  for (const element of values.join(',').split(',')) {
    const [rawName = '', ...params] = element.split(';');
    const name = rawName.trim();
    if (name === '') continue;
    // Names are compared as written: PERMESSAGE-DEFLATE is not the extension offered.
    if (name !== 'permessage-deflate') {
      const shown = name.replace(/[^\x20-\x7e]/g, '.');
      return `Extension header had invalid extension: ${shown.length > MAX_SHOWN_NAME ? `${shown.slice(0, MAX_SHOWN_NAME)}...` : shown}`;
    }
    if (agreed) return 'Extension negotiation response had conflicting extension: permessage-deflate';
    agreed = true;
    const bits = deflateWindowBits(params);
    if (!bits) return 'Extension negotiation response had malformed extension: permessage-deflate';
    // 8 parses but zlib cannot use it; the server's side is judged first.
    for (const side of ['server', 'client'] as const) {
      if (bits[side] === 8) return `Extension header had invalid extension: permessage-deflate: Unsupported ${side}_max_window_bits value`;
    }
  }
  return null;
}

/**
 * The window sizes of a permessage-deflate answer (RFC 7692 section 7), or null when tungstenite calls it malformed:
 * an unknown or repeated parameter, a value on a *_no_context_takeover, no value on server_max_window_bits, a
 * value that is not a number from 8 to 15 (quoted ones included).
 */
function deflateWindowBits(params: string[]): { server?: number; client?: number } | null {
  const bits: { server?: number; client?: number } = {};
  const seen = new Set<string>();
  for (const param of params) {
    if (param.trim() === '') continue;
    const equals = param.indexOf('=');
    const key = (equals === -1 ? param : param.slice(0, equals)).trim();
    const value = equals === -1 ? undefined : param.slice(equals + 1).trim();
    if (seen.has(key)) return null;
    seen.add(key);
    if (key === 'server_no_context_takeover' || key === 'client_no_context_takeover') {
      if (value !== undefined) return null;
    } else if (key === 'server_max_window_bits' || key === 'client_max_window_bits') {
      // client_max_window_bits may come without a value (the client's offer named it without one).
      if (value === undefined && key === 'client_max_window_bits') continue;
      if (value === undefined || !/^\+?\d+$/.test(value) || Number(value) < 8 || Number(value) > 15) return null;
      bits[key === 'server_max_window_bits' ? 'server' : 'client'] = Number(value);
    } else {
      return null;
    }
  }
  return bits;
}
