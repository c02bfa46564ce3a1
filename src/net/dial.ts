// Where to connect: the Host's dial overrides (curl's --resolve, the lab's routing) first, then DNS.
// A host that is already an IP address is never looked up.
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import type { DialOverrides } from '../core/host.js';
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

/** Resolves without DNS when it can; throws Node's lookup error (ENOTFOUND, EAI_AGAIN) otherwise. */
export async function resolveTarget(target: HostPort, dial: DialOverrides, signal: AbortSignal): Promise<Resolved> {
  const override = dial.get(dialKey(target));
  if (override) return { address: override.address, port: override.port, source: 'override' };
  const host = bareHost(target.host);
  if (net.isIP(host) !== 0) return { address: host, port: target.port, source: 'literal' };
  // dns.lookup cannot be cancelled; abortable() lets the probe move on when the signal aborts.
  const { address } = await abortable<{ address: string }>(signal, (resolve, reject) => {
    lookup(host).then(resolve, reject);
    return () => {};
  });
  return { address, port: target.port, source: 'dns' };
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
