import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  __commonJS
} from "./chunk-JO3HUCP3.mjs";

// shared-module:/work/wt/lead/src/version.ts
var require_version = __commonJS({
  "shared-module:/work/wt/lead/src/version.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/version.ts"];
  }
});

export {
  require_version
};
