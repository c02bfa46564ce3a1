import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CODEX_RELEASES,
  codexHas,
  formatKey,
  isTable,
  redactProxyValue
} from "./chunk-ZSNKZDF6.mjs";

// src/codex/features.ts
function defaultOf(name, codexVersion) {
  switch (name) {
    case "system_proxy_fallback":
      return codexHas(codexVersion, CODEX_RELEASES.systemProxyFallback);
    case "respect_system_proxy":
    case "network_proxy":
      return false;
  }
}
function codexFeatures(config, codexVersion) {
  const table = isTable(config.merged.features) ? config.merged.features : {};
  const state = (name) => {
    const value = table[name];
    const file = config.provenance.get(formatKey(["features", name]));
    if (typeof value === "boolean" && file !== void 0) return { name, enabled: value, source: "config", file };
    return { name, enabled: defaultOf(name, codexVersion), source: "default" };
  };
  return { system_proxy_fallback: state("system_proxy_fallback"), respect_system_proxy: state("respect_system_proxy"), network_proxy: state("network_proxy") };
}
var LOGIN_RETRY_LOG_LINE = "oauth token connection failed; retrying with system proxy";
var CONNECT_CLASS_STAGES = /* @__PURE__ */ new Set(["dns", "tcp", "proxy-connect", "proxy-auth", "tls-handshake", "tls-verify"]);
function isConnectClassStage(stage) {
  return CONNECT_CLASS_STAGES.has(stage);
}
function loginSystemProxyRetry(features, system, first) {
  const feature = features.system_proxy_fallback;
  if (!feature.enabled) return { kind: "off", why: feature.source === "config" ? "config" : "release", ...feature.file !== void 0 && { file: feature.file } };
  if (system === null) return { kind: "nothing-to-retry", why: "platform" };
  if (system.error !== null) return { kind: "unknown", command: system.command };
  if (system.https === null) return { kind: "nothing-to-retry", why: "no-system-proxy" };
  const sameRoute = first.kind === "proxy" && (first.variable === "system" || sameHostPort(first.url.host, first.url.port, system.https));
  return { kind: "retries", via: redactProxyValue(system.https), sameRoute };
}
function sameHostPort(host, port, setting) {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(setting) ? setting : `http://${setting}`;
  if (!URL.canParse(withScheme)) return false;
  const url = new URL(withScheme);
  const settingPort = url.port === "" ? url.protocol === "https:" ? 443 : 80 : Number(url.port);
  return url.hostname.replace(/^\[|\]$/g, "").toLowerCase() === host.toLowerCase() && settingPort === port;
}

export {
  codexFeatures,
  LOGIN_RETRY_LOG_LINE,
  isConnectClassStage,
  loginSystemProxyRetry
};
