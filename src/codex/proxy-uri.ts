// http::Uri, as far as proxy values need it: the parts of a proxy URL both Codex transports read.
import { clip } from '../core/bound.js';
import type { ProxyCredentials, ProxyUrl } from './proxy.js';
import { rustTrim } from './rust-str.js';

export interface ParsedUri {
  scheme: string | null;
  authority: { userinfo: string | null; host: string; port: number | null } | null;
}

const AUTHORITY_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@[\]%]*$/;

/**
 * The subset of http::Uri's parser that decides whether a proxy value is usable: `scheme://authority[/...]`,
 * a bare authority (`proxy:8080`), or a path. Rejects blanks, quotes and other characters http::Uri refuses,
 * an empty host, more than one colon outside brackets, and a port that is not a number up to 65535.
 */
export function parseUri(value: string): ParsedUri | { error: string } {
  if (value === '') return { error: 'it is empty' };
  if (/[\s"<>\\^`{|}]|[^\x21-\x7e]/.test(value)) {
    return { error: 'it contains blanks, quotes or other characters a URL cannot hold (percent-encode them)' };
  }
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(value);
  let scheme: string | null = null;
  let authorityText: string;
  if (schemeMatch) {
    scheme = schemeMatch[1]!.toLowerCase();
    const rest = value.slice(schemeMatch[0].length);
    const end = rest.search(/[/?#]/);
    authorityText = end === -1 ? rest : rest.slice(0, end);
    if (authorityText === '') return { error: 'there is no host in it' };
  } else if (value.startsWith('/')) {
    return { scheme: null, authority: null };
  } else {
    if (/[/?#]/.test(value)) return { error: 'without a scheme it must be just host:port' };
    authorityText = value;
  }
  if (!AUTHORITY_CHARS.test(authorityText)) return { error: 'its host part holds characters a URL cannot hold' };
  const at = authorityText.lastIndexOf('@');
  const userinfo = at === -1 ? null : authorityText.slice(0, at);
  const hostPort = authorityText.slice(at + 1);
  if (hostPort.includes('%')) return { error: 'its host part holds a % sign' };
  let host: string;
  let portText: string | null = null;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close === -1) return { error: 'an IPv6 address is not closed with ]' };
    host = hostPort.slice(0, close + 1);
    const rest = hostPort.slice(close + 1);
    if (rest !== '') {
      if (!rest.startsWith(':')) return { error: 'unexpected text after the IPv6 address' };
      portText = rest.slice(1);
    }
  } else {
    const colons = hostPort.split(':').length - 1;
    if (colons > 1) return { error: 'it has more than one colon (a password with : / @ must be percent-encoded)' };
    const colon = hostPort.indexOf(':');
    host = colon === -1 ? hostPort : hostPort.slice(0, colon);
    if (colon !== -1) portText = hostPort.slice(colon + 1);
  }
  if (host === '') return { error: 'there is no host in it' };
  let port: number | null = null;
  if (portText !== null && portText !== '') {
    port = parseU16(portText);
    if (port === null) return { error: 'the port is not a number from 0 to 65535 (a password with : / @ # ? must be percent-encoded)' };
  }
  return { scheme, authority: { userinfo, host, port } };
}

export function splitUserinfo(
  userinfo: string,
  decode: (text: string) => string | null,
): { username: string; hasPassword: boolean } | null {
  const colon = userinfo.indexOf(':');
  const username = decode(colon === -1 ? userinfo : userinfo.slice(0, colon));
  const password = colon === -1 ? '' : decode(userinfo.slice(colon + 1));
  if (username === null || password === null) return null;
  return { username, hasPassword: password !== '' };
}

export function beforeFirstAt(userinfo: string): string {
  const at = userinfo.indexOf('@');
  return at === -1 ? userinfo : userinfo.slice(0, at);
}

/**
 * A proxy value whose user name or password holds an unencoded `@`: the two clients then send different
 * credentials (HTTPS cuts at the first `@`, WebSocket at the last). Null when there is none. Only the user
 * names are returned; a password never is.
 */
export function unencodedAtInUserinfo(value: string): { https: ProxyCredentials; websocket: ProxyCredentials } | null {
  const uri = parseUri(rustTrim(value));
  if ('error' in uri || uri.authority === null || uri.authority.userinfo === null || !uri.authority.userinfo.includes('@')) return null;
  const { userinfo } = uri.authority;
  return { https: splitUserinfo(beforeFirstAt(userinfo), lossyPercentDecode)!, websocket: splitUserinfo(userinfo, lossyPercentDecode)! };
}

export function lossyPercentDecode(text: string): string {
  return Buffer.from(text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1').toString('utf8');
}

export function strictPercentDecode(text: string): string | null {
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) return null;
  const bytes = Buffer.from(text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A real host name is far shorter; a longer one is shown cut (it is echoed in many findings). */
const MAX_SHOWN_PART = 100;

export function proxyUrl(scheme: string, host: string, port: number, credentials: { username: string; hasPassword: boolean } | undefined): ProxyUrl {
  // The user name is part of the credentials: never shown, like the password.
  const userinfo = credentials ? '[redacted]@' : '';
  return { scheme, host: stripBrackets(host), port, display: `${scheme}://${userinfo}${clip(host, MAX_SHOWN_PART)}:${port}` };
}

export function hostOf(target: URL): string {
  return stripBrackets(target.hostname);
}

export function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

export function parseU16(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const n = Number(text);
  return n <= 65535 ? n : null;
}
