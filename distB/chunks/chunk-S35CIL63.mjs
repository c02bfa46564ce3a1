import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/words/endpoint-words.ts
function endpointName(endpoint, route) {
  const port = endpoint.target.port === 443 ? "" : `:${endpoint.target.port}`;
  return `${endpoint.target.host}${port} (${endpoint.purpose}, ${route})`;
}
function bundleUnusableHint(words, fix) {
  const text = "Make the CA bundle load first: ca.bundle says what is wrong with the file and how to fix it.";
  return [fix ? words.fix(text, fix) : words.manual(text, { kind: "manual", topic: "repair-file" })];
}
function fallbackNote(bundle) {
  return ` Codex's model API client could not load ${bundle}, logged a warning and fell back to the system roots: this verdict is with those roots.`;
}
function nonEssentialNote(endpoint) {
  return endpoint.essential ? "" : ` Codex still starts; only ${endpoint.purpose} is affected.`;
}
function endpointsLine(rows) {
  return rows.map((r) => `${r.host} ${r.transport} ${r.status}${r.code && r.status !== "pass" ? ` (${r.code})` : ""}`).join(", ");
}

export {
  endpointName,
  bundleUnusableHint,
  fallbackNote,
  nonEssentialNote,
  endpointsLine
};
