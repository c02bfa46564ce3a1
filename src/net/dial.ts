// Where to connect: the Host's dial overrides (curl's --resolve, the lab's routing) first, then DNS.
// A host that is already an IP address is never looked up. A loopback-only Host (the lab) never looks
// anything up: what it does not route, and is not a loopback address, is refused.
import net from 'node:net';
import { getBuiltinModule } from '../core/builtins.js';
import type { Host } from '../core/host.js';
import { abortable } from './wait.js';

export interface HostPort {
  host: string;
  port: number;
}

export interface Resolved {
  address: string;
  port: number;
  /** literal: the host is an IP address; override: from host.dial; dns: looked up. */
  source: 'literal' | 'override' | 'dns';
}

/** `[::1]` (as URL.hostname gives it) -> `::1`. */
export function bareHost(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

export function dialKey(target: HostPort): string {
  return `${bareHost(target.host).toLowerCase()}:${target.port}`;
}

/** How a Host lets connections go: its overrides, and whether anything else is refused. */
export type DialRules = Pick<Host, 'dial' | 'loopbackOnly'>;

/** A loopback-only Host (the lab) refused a destination it does not route: nothing was looked up or dialed. */
export class DialRefusedError extends Error {
  override readonly name = 'DialRefusedError';
  constructor(readonly destination: string) {
    super(`refused to connect to ${destination}: not a loopback address, and not routed by this host`);
  }
}

/** A name DNS cannot carry (over 253 characters, or a label over 63): nothing is looked up. */
export class InvalidHostNameError extends Error {
  override readonly name = 'InvalidHostNameError';
  constructor(readonly length: number, why: string) {
    super(`${length} characters, ${why}`);
  }
}

const MAX_NAME_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

function checkHostName(host: string): void {
  if (host.length > MAX_NAME_LENGTH) throw new InvalidHostNameError(host.length, `longer than the ${MAX_NAME_LENGTH} DNS allows`);
  if (host.split('.').some((label) => label.length > MAX_LABEL_LENGTH)) throw new InvalidHostNameError(host.length, `with a part longer than the ${MAX_LABEL_LENGTH} DNS allows`);
}

/**
 * Resolves without DNS when it can; throws Node's lookup error (ENOTFOUND, EAI_AGAIN) otherwise,
 * InvalidHostNameError for a name no DNS can carry, or DialRefusedError when the Host is loopback-only and the destination is neither routed nor loopback.
 */
export async function resolveTarget(target: HostPort, rules: DialRules, signal: AbortSignal): Promise<Resolved> {
  const override = rules.dial.get(dialKey(target));
  if (override) return { address: override.address, port: override.port, source: 'override' };
  const host = bareHost(target.host);
  if (net.isIP(host) === 0) checkHostName(host);
  if (rules.loopbackOnly && !isLoopbackAddress(host)) throw new DialRefusedError(`${target.host}:${target.port}`);
  if (net.isIP(host) !== 0) return { address: host, port: target.port, source: 'literal' };
  // dns.lookup cannot be cancelled; abortable() lets the probe move on when the signal aborts. node:dns loads
  // with the first name looked up (~1 ms): through a proxy given by address, none is.
  const { lookup } = getBuiltinModule('node:dns/promises') as typeof import('node:dns/promises');
  const { address } = await abortable<{ address: string }>(signal, (resolve, reject) => {
    lookup(host).then(resolve, reject);
    return () => {};
  });
  return { address, port: target.port, source: 'dns' };
}

/** Built on first use: only a loopback-only Host (the lab) asks. */
let loopback: net.BlockList | undefined;

/** 127.0.0.0/8 or ::1 (also IPv4-mapped); never a name (`localhost` would need a lookup). */
export function isLoopbackAddress(host: string): boolean {
  const family = net.isIP(host);
  if (family === 0) return false;
  if (!loopback) {
    loopback = new net.BlockList();
    loopback.addSubnet('127.0.0.0', 8, 'ipv4');
    loopback.addAddress('::1', 'ipv6');
  }
  return loopback.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/** A connected TCP socket; rejects with Node's socket error, or the abort reason. */
export function connectTcp(resolved: Resolved, signal: AbortSignal): Promise<net.Socket> {
  return abortable<net.Socket>(signal, (resolve, reject) => {
    const socket = net.connect({ host: resolved.address, port: resolved.port });
    let connected = false;
    const onConnect = (): void => {
      connected = true;
      // Later errors are observed by whichever stage waits on the socket next (it also watches 'close').
      socket.on('error', () => {});
      resolve(socket);
    };
    socket.once('connect', onConnect);
    socket.once('error', reject);
    return () => {
      socket.off('connect', onConnect);
      socket.off('error', reject);
      if (!connected) socket.destroy();
    };
  });
}
