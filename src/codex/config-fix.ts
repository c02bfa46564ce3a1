// Config fixes: a TOML snippet for one file, applied the way a user would (delete, then write the snippet).
import type { TomlTable } from 'smol-toml';
import { smolToml } from './toml.js';
import { deleteAt, mergeInto, setOwn } from './toml-table.js';
import { buildCodexConfig, type CodexConfig, type ConfigLayer, type ConfigLayerKind } from './config.js';

export interface ConfigFix {
  /** The layer whose file the snippet goes into (created if missing). */
  target: ConfigLayerKind;
  /** Keys or tables to delete first, per layer. */
  remove: { layer: ConfigLayerKind; key: string[] }[];
  /** TOML merged into the target file (tables merge, values replace). */
  snippet: string;
}

/**
 * Where a fix for a key of the `kind` source goes: its own file, except a pre-0.134.0 profile, which lives
 * in config.toml under [profiles.NAME] (so keys and snippets get that prefix).
 */
export function fixLocation(config: CodexConfig, kind: ConfigLayerKind): { target: ConfigLayerKind; prefix: string[] } {
  const source = config.sources.find((s) => s.kind === kind);
  return source && source.prefix.length > 0 ? { target: 'user', prefix: source.prefix } : { target: kind, prefix: [] };
}

/** The config after the user applied `fix`: used to test every snippet the doctor prints. */
export function applyConfigFix(config: CodexConfig, fix: ConfigFix): CodexConfig {
  const layers = config.layers.map((l) => ({ ...l, table: structuredClone(l.table) }));
  const layerOf = (kind: ConfigLayerKind): ConfigLayer => {
    // Before 0.134.0 the profile lives inside config.toml.
    const actual = kind === 'profile' && config.context.profileStyle === 'table' ? 'user' : kind;
    let layer = layers.find((l) => l.kind === actual);
    if (!layer) {
      layer = { kind: actual, file: `${actual} config.toml`, state: 'missing', table: {}, source: '' };
      layers.push(layer);
    }
    return layer;
  };
  for (const { layer, key } of fix.remove) deleteAt(layerOf(layer).table, key);
  const target = layerOf(fix.target);
  const { parse, stringify } = smolToml();
  const snippet = parse(fix.snippet);
  const merged: TomlTable = {};
  mergeInto(merged, target.table, [], target.file, new Map());
  mergeInto(merged, snippet, [], target.file, new Map());
  target.table = merged;
  target.state = 'loaded';
  delete target.problem;
  // Keep `source` in step so that lines can still be found.
  target.source = stringify(merged);
  for (const layer of layers) if (layer !== target && layer.state === 'loaded') layer.source = stringify(layer.table);
  return buildCodexConfig(layers, config.context);
}

/** A TOML snippet that sets `path` to `value` (tables of the path become `[headers]`). */
export function snippetFor(path: readonly string[], value: unknown): string {
  const root: TomlTable = {};
  let node = root;
  path.forEach((segment, i) => {
    if (i === path.length - 1) {
      setOwn(node, segment, value as TomlTable[string]);
      return;
    }
    const child: TomlTable = {};
    setOwn(node, segment, child);
    node = child;
  });
  return smolToml().stringify(root).trim();
}
