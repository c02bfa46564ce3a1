// What `[features] system_proxy_fallback` and `respect_system_proxy` mean for this machine: login retries its
// token exchange through the system proxy after a connect-class failure, model traffic never does
// (codex-behavior.md §5). The rules live in src/codex/features.ts, the words in src/words/login-retry.ts;
// this file decides which finding applies.
import { releaseForAdvice } from '../codex/codex-version.js';
import { ISSUER } from '../codex/endpoints.js';
import { codexFeatures, isConnectClassStage, loginSystemProxyRetry, respectSystemProxyEffect } from '../codex/features.js';
import { describeProxyDecision, proxyFor } from '../codex/proxy.js';
import type { CodexWorld } from '../codex/world.js';
import type { Finding, Stage } from '../core/types.js';
import { loginRetriesAfterFailure, loginRetriesThroughSystemProxy, respectSystemProxyEnvFallback } from '../words/login-retry.js';

const TOKEN_URL = `${ISSUER}/oauth/token`;

/** env.precedence: what the flags change before anything is probed. */
export function loginFallbackFindings(world: CodexWorld, platform: NodeJS.Platform, override: string | undefined, show: (file: string) => string): Finding[] {
  const features = codexFeatures(world.config, world.codexVersion);
  const findings: Finding[] = [];
  const respect = respectSystemProxyEffect(features, platform);
  if (respect.kind === 'env-fallback') findings.push(respectSystemProxyEnvFallback(respect.file ? show(respect.file) : null));
  if (override !== undefined) return findings;
  const first = proxyFor('https', TOKEN_URL, world.env, undefined, world.systemProxy);
  const retry = loginSystemProxyRetry(features, world.systemProxy, first);
  if (retry.kind === 'retries' && !retry.sameRoute) {
    findings.push(loginRetriesThroughSystemProxy(describeProxyDecision(first), { release: releaseForAdvice(world.codexVersion), platform, via: retry.via }));
  }
  return findings;
}

/** tls.auth: after a connect-class failure, whether a real login would get a second chance elsewhere. */
export function loginRetryAfterFailure(world: CodexWorld, stage: Stage, platform: NodeJS.Platform, override: string | undefined): Finding[] {
  if (override !== undefined || !isConnectClassStage(stage)) return [];
  const first = proxyFor('https', TOKEN_URL, world.env, undefined, world.systemProxy);
  const retry = loginSystemProxyRetry(codexFeatures(world.config, world.codexVersion), world.systemProxy, first);
  if (retry.kind !== 'retries' || retry.sameRoute) return [];
  return [loginRetriesAfterFailure(stage, { release: releaseForAdvice(world.codexVersion), platform, via: retry.via })];
}
