#!/usr/bin/env node
// The bin as built: dist/cli.js, in CommonJS (dist/package.json says so), which loads the bundle of cli.ts
// (dist/cli.mjs and its chunks) with require(). Node loads a CommonJS entry with its synchronous loader,
// and require() loads ESM synchronously too: ~3 ms less than an ESM entry, whose asynchronous loader first
// brings in node:fs/promises, readline and more (the offline --json run's own work is ~35 ms). Where
// require() cannot load ESM (Node 22.0-22.11 without a flag, or a top-level await), the bundle is imported.
const entry = './cli.mjs';
try {
  require(entry);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== 'ERR_REQUIRE_ESM' && code !== 'ERR_REQUIRE_ASYNC_MODULE') throw error;
  void import(entry);
}
