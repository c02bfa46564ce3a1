// The words of `[features] system_proxy_fallback` and `respect_system_proxy`: login retries its token exchange
// through the system proxy after a connect-class failure, model traffic never does (codex-behavior.md §5).
// checks/login-retry.ts decides when each applies.
import { LOGIN_RETRY_LOG_LINE } from '../codex/features.js';
import type { Finding, Stage } from '../core/types.js';

function osName(platform: NodeJS.Platform): string {
  return platform === 'darwin' ? 'macOS' : 'Windows';
}

/** respect_system_proxy on a platform without system settings to read (`file`: where it is set, as shown). */
export function respectSystemProxyEnvFallback(file: string | null): Finding {
  return {
    level: 'info',
    code: 'ENV_RESPECT_SYSTEM_PROXY_ENV_FALLBACK',
    stage: 'input',
    detail: `[features] respect_system_proxy = true${file ? ` (${file})` : ''} reads the macOS or Windows proxy settings; on this platform Codex falls back to the environment, so it changes nothing here.`,
  };
}

/** How the retry goes: the release that does it, the platform, and the system proxy it retries through. */
export interface LoginRetry {
  release: string;
  platform: NodeJS.Platform;
  via: string;
}

/** env.precedence: login takes `firstRoute` (a route clause), and retries through the system proxy. */
export function loginRetriesThroughSystemProxy(firstRoute: string, retry: LoginRetry): Finding {
  return {
    level: 'info',
    code: 'ENV_LOGIN_SYSTEM_PROXY_RETRY',
    stage: 'input',
    detail: `Login ${firstRoute}. If that token exchange fails to connect (a TLS handshake failure counts), Codex ${retry.release} retries it once through the ${osName(retry.platform)} proxy setting ${retry.via} ([features] system_proxy_fallback, on by default; codex-login.log says "${LOGIN_RETRY_LOG_LINE}"). Login can then succeed while model traffic (API over HTTPS, WebSocket), which never retries that way, still fails: the network checks here test the first route.`,
  };
}

/** tls.auth: the connection failed at `stage`, and a real login would retry through the system proxy. */
export function loginRetriesAfterFailure(stage: Stage, retry: LoginRetry): Finding {
  return {
    level: 'info',
    code: 'ENV_LOGIN_SYSTEM_PROXY_RETRY',
    stage,
    detail: `A real \`codex login\` does not stop here: Codex ${retry.release} retries the token exchange once through the ${osName(retry.platform)} proxy setting ${retry.via} ("${LOGIN_RETRY_LOG_LINE}" in codex-login.log), so login may succeed that way while model traffic (API, WebSocket) still takes the route that failed here.`,
  };
}
