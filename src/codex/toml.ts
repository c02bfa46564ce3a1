// smol-toml, loaded on first use rather than imported: most runs have no config.toml to parse and write no
// snippet built from one, and importing the library (9 modules) costs several milliseconds of the offline
// --json start-up. require() is synchronous, so parsing and writing TOML stay plain function calls; it loads
// the package's single-file CommonJS build.
import { createRequire } from 'node:module';
import type * as SmolToml from 'smol-toml';

let loaded: typeof SmolToml | undefined;

export function smolToml(): typeof SmolToml {
  loaded ??= createRequire(import.meta.url)('smol-toml') as typeof SmolToml;
  return loaded;
}
