// What `[features] system_proxy_fallback` and `respect_system_proxy` mean for this machine, in words: login
// retries its token exchange through the system proxy after a connect-class failure, model traffic never
// does (codex-behavior.md §5). The rules live in src/codex/features.ts; this file only speaks.
import { releaseForAdvice } from '../codex/codex-version.js';
import { ISSUER } from '../codex/endpoints.js';
import { codexFeatures, isConnectClassStage, LOGIN_RETRY_LOG_LINE, loginSystemProxyRetry, respectSystemProxyEffect } from '../codex/features.js';
import { describeProxyDecision, proxyFor } from '../codex/proxy.js';
import type { CodexWorld } from '../codex/world.js';
import type { Finding, Stage } from '../core/types.js';

const TOKEN_URL = `${ISSUER}/oauth/token`;

function osName(platform: NodeJS.Platform): string {
  return platform === 'darwin' ? 'macOS' : 'Windows';
}

/** env.precedence: what the flags change before anything is probed. */
export function loginFallbackFindings(world: CodexWorld, platform: NodeJS.Platform, override: string | undefined, show: (file: string) => string): Finding[] {
  const features = codexFeatures(world.config, world.codexVersion);
  const findings: Finding[] = [];
  const respect = respectSystemProxyEffect(features, platform);
  if (respect.kind === 'env-fallback') {
    findings.push({
      level: 'info',
      code: 'ENV_RESPECT_SYSTEM_PROXY_ENV_FALLBACK',
      stage: 'input',
      detail: `[features] respect_system_proxy = true${respect.file ? ` (${show(respect.file)})` : ''} reads the macOS or Windows proxy settings; on this platform Codex falls back to the environment, so it changes nothing here.`,
    });
  }
  if (override !== undefined) return findings;
  const first = proxyFor('https', TOKEN_URL, world.env, undefined, world.systemProxy);
  const retry = loginSystemProxyRetry(features, world.systemProxy, first);
  if (retry.kind === 'retries' && !retry.sameRoute) {
    findings.push({
      level: 'info',
      code: 'ENV_LOGIN_SYSTEM_PROXY_RETRY',
      stage: 'input',
      detail: `Login ${describeProxyDecision(first)}. If that token exchange fails to connect (a TLS handshake failure counts), Codex ${releaseForAdvice(world.codexVersion)} retries it once through the ${osName(platform)} proxy setting ${retry.via} ([features] system_proxy_fallback, on by default; codex-login.log says "${LOGIN_RETRY_LOG_LINE}"). Login can then succeed while model traffic (API over HTTPS, WebSocket), which never retries that way, still fails: the network checks here test the first route.`,
    });
  }
  return findings;
}

/** tls.auth: after a connect-class failure, whether a real login would get a second chance elsewhere. */
export function loginRetryAfterFailure(world: CodexWorld, stage: Stage, platform: NodeJS.Platform, override: string | undefined): Finding[] {
  if (override !== undefined || !isConnectClassStage(stage)) return [];
  const first = proxyFor('https', TOKEN_URL, world.env, undefined, world.systemProxy);
  const retry = loginSystemProxyRetry(codexFeatures(world.config, world.codexVersion), world.systemProxy, first);
  if (retry.kind !== 'retries' || retry.sameRoute) return [];
  return [
    {
      level: 'info',
      code: 'ENV_LOGIN_SYSTEM_PROXY_RETRY',
      stage,
      detail: `A real \`codex login\` does not stop here: Codex ${releaseForAdvice(world.codexVersion)} retries the token exchange once through the ${osName(platform)} proxy setting ${retry.via} ("${LOGIN_RETRY_LOG_LINE}" in codex-login.log), so login may succeed that way while model traffic (API, WebSocket) still takes the route that failed here.`,
    },
  ];
}
