import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/net/reason-phrase.ts
import { STATUS_CODES } from "node:http";
function reasonPhrase(status) {
  return STATUS_CODES[status] ?? "";
}

export {
  reasonPhrase
};
