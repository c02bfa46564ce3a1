// The manual system proxy settings that Codex's HTTPS client reads on macOS and Windows
// (codex-behavior.md §5; hyper-util client::proxy mac.rs and win.rs, `Matcher::from_system`): they fill
// in the HTTPS proxy (and on Windows NO_PROXY) where the environment leaves it empty. No PAC/WPAD: that is
// only the opt-in `[features] respect_system_proxy`. The WebSocket client never reads them.
// Parsers are pure functions of the commands' text; `readSystemProxy` is the one Host call.
import { execWithin } from '../core/exec-within.js';
import type { Host } from '../core/host.js';

export type SystemProxyPlatform = 'darwin' | 'win32';

export interface SystemProxySettings {
  platform: SystemProxyPlatform;
  /** The command whose output was read, for the report and for the user to run. */
  command: string;
  /** Why the settings could not be read (then every other field is empty); null when read. */
  error: string | null;
  /** What hyper-util puts into its https slot: `host:port`, `host`, or (Windows) a URL; null when none. */
  https: string | null;
  /** Windows ProxyOverride as hyper-util turns it into a NO_PROXY list; null on macOS (not read there). */
  noProxy: string | null;
  /** macOS ExceptionsList: shown because users expect it to work, but hyper-util does not apply it. */
  exceptions: string[];
  /** The PAC file URL (or WPAD discovery) configured: Codex ignores it unless respect_system_proxy is on. */
  pac: string | null;
}

export const SYSTEM_PROXY_TIMEOUT_MS = 1500;
const WINDOWS_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';

export function systemProxyCommand(platform: SystemProxyPlatform): { command: string; args: string[]; display: string } {
  switch (platform) {
    case 'darwin':
      return { command: 'scutil', args: ['--proxy'], display: 'scutil --proxy' };
    case 'win32':
      return { command: 'reg', args: ['query', WINDOWS_KEY], display: `reg query "${WINDOWS_KEY}"` };
  }
}

/** Reads the settings on macOS and Windows; null on other platforms (Codex reads none there). */
export async function readSystemProxy(host: Pick<Host, 'platform' | 'exec'>, timeoutMs = SYSTEM_PROXY_TIMEOUT_MS): Promise<SystemProxySettings | null> {
  const platform = host.platform;
  if (platform !== 'darwin' && platform !== 'win32') return null;
  const { command, args, display } = systemProxyCommand(platform);
  const failed = (error: string): SystemProxySettings => ({ platform, command: display, error, https: null, noProxy: null, exceptions: [], pac: null });
  const outcome = await execWithin(host, command, args, { timeoutMs });
  switch (outcome.kind) {
    case 'timeout':
      return failed(`${display} did not answer within ${timeoutMs} ms`);
    case 'aborted':
      return failed(`${display} was stopped`);
    case 'error':
      return failed(outcome.message);
    case 'exited': {
      const { result } = outcome;
      if (result.code !== 0) return failed(result.code === null ? `${command} could not be run` : `${display} exited with ${result.code}`);
      return platform === 'darwin' ? parseScutilProxy(result.stdout) : parseWindowsInternetSettings(result.stdout);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// macOS: `scutil --proxy` prints the SCDynamicStore proxies dictionary hyper-util reads.

/** hyper-util mac.rs: HTTPSEnable = 1 and HTTPSProxy give `host:port` (or `host` without HTTPSPort). */
export function parseScutilProxy(text: string): SystemProxySettings {
  const values = new Map<string, string>();
  const exceptions: string[] = [];
  let inExceptions = false;
  for (const line of text.split(/\r?\n/)) {
    if (inExceptions) {
      if (/^\s*}/.test(line)) inExceptions = false;
      else {
        const item = /^\s*\d+\s*:\s*(.*?)\s*$/.exec(line);
        if (item) exceptions.push(item[1]!);
      }
      continue;
    }
    const entry = /^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (!entry) continue;
    if (entry[1] === 'ExceptionsList' && entry[2]!.startsWith('<array>')) inExceptions = true;
    else values.set(entry[1]!, entry[2]!);
  }
  const enabled = (key: string): boolean => Number(values.get(key)) === 1;
  let https: string | null = null;
  const host = values.get('HTTPSProxy');
  if (enabled('HTTPSEnable') && host !== undefined) {
    const port = values.get('HTTPSPort');
    https = port !== undefined && /^-?\d+$/.test(port) ? `${host}:${port}` : host;
  }
  const pacUrl = values.get('ProxyAutoConfigURLString');
  const pac = enabled('ProxyAutoConfigEnable') && pacUrl ? pacUrl : enabled('ProxyAutoDiscoveryEnable') ? 'WPAD (automatic proxy discovery)' : null;
  return { platform: 'darwin', command: systemProxyCommand('darwin').display, error: null, https, noProxy: null, exceptions, pac };
}

// ---------------------------------------------------------------------------------------------------------
// Windows: `reg query` of the WinINET Internet Settings key hyper-util opens.

/** hyper-util win.rs: ProxyEnable != 0, then ProxyServer and ProxyOverride. */
export function parseWindowsInternetSettings(text: string): SystemProxySettings {
  const values = new Map<string, { type: string; data: string }>();
  for (const line of text.split(/\r?\n/)) {
    // `    Name    REG_TYPE    data` (four blanks between the columns; a name may hold blanks).
    const entry = /^ {4}(\S(?:.*?\S)?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (entry) values.set(entry[1]!, { type: entry[2]!, data: entry[3] ?? '' });
  }
  // get_string / get_u32 of the registry crate: a value of another type reads as absent.
  const string = (name: string): string | undefined => {
    const value = values.get(name);
    return value && (value.type === 'REG_SZ' || value.type === 'REG_EXPAND_SZ') ? value.data : undefined;
  };
  const enable = values.get('ProxyEnable');
  const base = { platform: 'win32' as const, command: systemProxyCommand('win32').display, error: null, exceptions: [] };
  const pac = string('AutoConfigURL') || null;
  if (enable?.type !== 'REG_DWORD' || !(Number.parseInt(enable.data, 16) > 0)) return { ...base, https: null, noProxy: null, pac };
  const server = string('ProxyServer');
  const override = string('ProxyOverride');
  return {
    ...base,
    https: server === undefined ? null : windowsHttpsProxy(server),
    noProxy: override === undefined ? null : normaliseProxyOverride(override),
    pac,
  };
}

/**
 * The https slot from a ProxyServer value: `https=host:port;http=...` per scheme (https, else socks as
 * socks5://), or a plain `host:port` that serves every scheme.
 */
export function windowsHttpsProxy(value: string): string | null {
  let perScheme = false;
  let https: string | null = null;
  let socks: string | null = null;
  for (const part of value.split(';').map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const scheme = part.slice(0, eq).trim();
    // A single proxy URI with `=` in it is not a per-scheme entry.
    if (!/^[A-Za-z]+$/.test(scheme)) continue;
    perScheme = true;
    const proxy = part.slice(eq + 1).trim();
    if (proxy === '') continue;
    switch (scheme.toLowerCase()) {
      case 'https':
        https = proxy;
        break;
      case 'socks': {
        const sep = proxy.indexOf('://');
        socks = sep === -1 ? `socks5://${proxy}` : proxy.slice(0, sep).toLowerCase() === 'socks' ? `socks5://${proxy.slice(sep + 3)}` : proxy;
        break;
      }
    }
  }
  if (!perScheme) return value;
  return https ?? socks;
}

/** hyper-util normalize_proxy_override: `;` -> `,`, `10.*` -> `10.0.0.0/8`, `*.` dropped (`<local>` stays, matching nothing). */
export function normaliseProxyOverride(value: string): string {
  return value
    .split(';')
    .map((entry) => {
      const trimmed = entry.trim();
      return ipv4WildcardToCidr(trimmed) ?? trimmed;
    })
    .join(',')
    .replaceAll('*.', '');
}

function ipv4WildcardToCidr(value: string): string | null {
  const parts = value.split('.');
  const wildcard = parts.indexOf('*');
  if (wildcard <= 0 || wildcard > 3 || parts.slice(wildcard).some((p) => p !== '*')) return null;
  const octets = [0, 0, 0, 0];
  for (let i = 0; i < wildcard; i += 1) {
    const part = parts[i]!;
    if (!/^\+?\d+$/.test(part) || Number(part) > 255) return null;
    octets[i] = Number(part);
  }
  return `${octets.join('.')}/${wildcard * 8}`;
}
