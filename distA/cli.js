#!/usr/bin/env node
"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var bin_exports = {};
__export(bin_exports, {
  cacheTaken: () => cacheTaken,
  codeCache: () => codeCache,
  codeCacheUsed: () => codeCacheUsed
});
module.exports = __toCommonJS(bin_exports);
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
var import_node_url = require("node:url");
var import_node_vm = require("node:vm");
const NET_SPECIFIER = "codex-doctor-net:";
const layers = /* @__PURE__ */ new Map();
function layer(name) {
  const loaded = layers.get(name);
  if (loaded) return loaded;
  const file = (0, import_node_path.join)(__dirname, `${name}.cjs`);
  const source = (0, import_node_fs.readFileSync)(file, "latin1");
  const label = `// codex-doctor ${name} `;
  const build = source.slice(label.length, label.length + 64);
  let cachedData;
  try {
    const cache = (0, import_node_fs.readFileSync)((0, import_node_path.join)(__dirname, `${name}.cache`));
    if (cache.subarray(0, 64).toString("latin1") === build) cachedData = cache.subarray(64);
  } catch {
  }
  const script = new import_node_vm.Script(source, { filename: (0, import_node_url.pathToFileURL)(file).href, ...cachedData && { cachedData } });
  const module2 = { exports: {} };
  const entry = { script, cachedData, exports: module2.exports };
  layers.set(name, entry);
  try {
    script.runInThisContext()(module2.exports, require, module2, file, __dirname, importForTheScripts);
  } catch (error) {
    layers.delete(name);
    throw error;
  }
  entry.exports = module2.exports;
  return entry;
}
function netModules() {
  if (!layers.has("net")) for (const flag of NET_V8_FLAGS) require("node:v8").setFlagsFromString(flag);
  return layer("net").exports;
}
const NET_V8_FLAGS = ["--liftoff-only", "--no-opt"];
function importForTheScripts(specifier) {
  if (specifier.startsWith(NET_SPECIFIER)) return Promise.resolve().then(() => netModules()[specifier.slice(NET_SPECIFIER.length)]);
  return import(specifier);
}
globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.net-modules")] = netModules;
layer("core");
const codeCacheUsed = cacheTaken("core");
function cacheTaken(name) {
  const loaded = layers.get(name);
  return loaded ? loaded.cachedData !== void 0 && !loaded.script.cachedDataRejected : null;
}
function codeCache(name) {
  return layers.get(name)?.script.createCachedData() ?? null;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  cacheTaken,
  codeCache,
  codeCacheUsed
});
