import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  __commonJS
} from "./chunk-JO3HUCP3.mjs";

// shared-module:/work/wt/lead/src/checks/index.ts
var require_checks = __commonJS({
  "shared-module:/work/wt/lead/src/checks/index.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/checks/index.ts"];
  }
});

// shared-module:/work/wt/lead/src/codex/pem.ts
var require_pem = __commonJS({
  "shared-module:/work/wt/lead/src/codex/pem.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/codex/pem.ts"];
  }
});

export {
  require_checks,
  require_pem
};
