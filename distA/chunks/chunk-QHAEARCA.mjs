import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  LOGIN_RETRY_LOG_LINE,
  codexFeatures,
  isConnectClassStage,
  loginSystemProxyRetry
} from "./chunk-NMJGY7J4.mjs";
import {
  ISSUER,
  proxyFor,
  releaseForAdvice
} from "./chunk-ZSNKZDF6.mjs";

// src/words/login-retry.ts
function osName(platform) {
  return platform === "darwin" ? "macOS" : "Windows";
}
function loginRetriesAfterFailure(stage, retry) {
  return {
    level: "info",
    code: "ENV_LOGIN_SYSTEM_PROXY_RETRY",
    stage,
    detail: `A real \`codex login\` does not stop here: Codex ${retry.release} retries the token exchange once through the ${osName(retry.platform)} proxy setting ${retry.via} ("${LOGIN_RETRY_LOG_LINE}" in codex-login.log), so login may succeed that way while model traffic (API, WebSocket) still takes the route that failed here.`
  };
}

// src/checks/login-retry.ts
var TOKEN_URL = `${ISSUER}/oauth/token`;
function loginRetryAfterFailure(world, stage, platform, override) {
  if (override !== void 0 || !isConnectClassStage(stage)) return [];
  const first = proxyFor("https", TOKEN_URL, world.env, void 0, world.systemProxy);
  const retry = loginSystemProxyRetry(codexFeatures(world.config, world.codexVersion), world.systemProxy, first);
  if (retry.kind !== "retries" || retry.sameRoute) return [];
  return [loginRetriesAfterFailure(stage, { release: releaseForAdvice(world.codexVersion), platform, via: retry.via })];
}

export {
  loginRetryAfterFailure
};
