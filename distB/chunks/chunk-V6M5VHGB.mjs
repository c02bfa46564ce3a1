import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  __commonJS
} from "./chunk-JO3HUCP3.mjs";

// shared-module:/work/wt/lead/src/core/exit-codes.ts
var require_exit_codes = __commonJS({
  "shared-module:/work/wt/lead/src/core/exit-codes.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/core/exit-codes.ts"];
  }
});

// shared-module:/work/wt/lead/src/main.ts
var require_main = __commonJS({
  "shared-module:/work/wt/lead/src/main.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/main.ts"];
  }
});

export {
  require_exit_codes,
  require_main
};
