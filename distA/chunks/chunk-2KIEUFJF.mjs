import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  __commonJS
} from "./chunk-JO3HUCP3.mjs";

// shared-module:/work/wt/lead/src/core/codes.ts
var require_codes = __commonJS({
  "shared-module:/work/wt/lead/src/core/codes.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.net-modules")]()["src/core/codes.ts"];
  }
});

export {
  require_codes
};
