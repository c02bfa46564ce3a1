// The fixes of config.codex and sandbox.env as actions: a ConfigFix (keys to delete, TOML to write) becomes an
// edit-config per file, which `codex-doctor fix` applies keeping the rest of the file; what no edit can do safely
// (a file that does not parse, a value only the user knows) is a manual step naming the file.
import type { TomlTable } from 'smol-toml';
import type { ConfigFix } from '../codex/config-fix.js';
import type { CodexConfig, ConfigLayerKind } from '../codex/config.js';
import { dotenvPath } from '../codex/env.js';
import { smolToml } from '../codex/toml.js';
import type { ErrorCode } from '../core/codes.js';
import type { Host } from '../core/host.js';
import type { ConfigChange, Finding, FixAction, FixStep, Hint, ManualTopic, TomlValue } from '../core/types.js';
import { Speaker } from '../words/speaker.js';

/** The words for a config check run outside the runbook (tests): variables as if set in the shell. */
export function configSpeaker(config: CodexConfig, host: Pick<Host, 'platform' | 'env' | 'homeDir'>): Speaker {
  return new Speaker({ provenance: {}, dotenv: { path: dotenvPath(config.context.codexHome, host.platform) } }, host);
}

/** The file of a layer; null when the layer has no file name (nothing to edit). */
function fileOf(config: CodexConfig, kind: ConfigLayerKind): string | null {
  // Before 0.134.0 a profile lives inside config.toml (the fix's keys then carry the [profiles.NAME] prefix).
  const actual = kind === 'profile' && config.context.profileStyle === 'table' ? 'user' : kind;
  return config.layers.find((l) => l.kind === actual)?.file ?? (actual === 'user' ? `${config.context.codexHome}/config.toml` : null);
}

/** `a.b = 1` and `[a] c = [2]` as one `set` per value; null for what an edit cannot write (a date, an empty table). */
function setsOf(table: TomlTable, prefix: readonly string[] = []): ConfigChange[] | null {
  const changes: ConfigChange[] = [];
  for (const [key, value] of Object.entries(table)) {
    const path = [...prefix, key];
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
      const inner = setsOf(value as TomlTable, path);
      if (inner === null || inner.length === 0) return null;
      changes.push(...inner);
    } else {
      if (!isTomlValue(value)) return null;
      changes.push({ op: 'set', path, value });
    }
  }
  return changes;
}

function isTomlValue(value: unknown): value is TomlValue {
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isTomlValue);
  return value !== null && typeof value === 'object' && !(value instanceof Date) && Object.values(value).every(isTomlValue);
}

/** The ConfigFix as edit-config steps (deletions first, then the snippet's values), one per file; null when not expressible. */
export function configFixAction(config: CodexConfig, fix: ConfigFix): FixAction | null {
  let parsed: TomlTable;
  try {
    parsed = smolToml().parse(fix.snippet);
  } catch {
    return null;
  }
  const sets = setsOf(parsed);
  const target = fileOf(config, fix.target);
  if (sets === null || target === null) return null;
  const byFile = new Map<string, ConfigChange[]>();
  const add = (file: string, change: ConfigChange): void => void byFile.set(file, [...(byFile.get(file) ?? []), change]);
  for (const { layer, key } of fix.remove) {
    const file = fileOf(config, layer);
    if (file === null) return null;
    add(file, { op: 'remove', path: [...key] });
  }
  for (const change of sets) add(target, change);
  const steps = [...byFile].map(([file, changes]): FixStep => ({ kind: 'edit-config', file, changes }));
  if (steps.length === 0) return null;
  return steps.length === 1 ? steps[0]! : { kind: 'sequence', steps: steps as [FixStep, ...FixStep[]] };
}

/** What the user changes by hand when no edit can: a file to repair, a permission, or a key whose value only they know. */
const BY_HAND: Partial<Record<ErrorCode, ManualTopic>> = {
  CONFIG_SYNTAX_ERROR: 'repair-file',
  CONFIG_NOT_A_FILE: 'repair-file',
  CONFIG_TOO_LARGE: 'repair-file',
  CONFIG_TOO_DEEP: 'repair-file',
  CONFIG_NOT_UTF8: 'repair-file',
  CONFIG_UNREADABLE: 'file-permissions',
  SANDBOX_CA_FILE_MISSING: 'repair-file',
  SANDBOX_CA_FILE_UNREADABLE: 'file-permissions',
  OTEL_TLS_FILE_MISSING: 'repair-file',
  OTEL_TLS_FILE_UNREADABLE: 'file-permissions',
  OTEL_CA_INVALID: 'repair-file',
  OTEL_CLIENT_CERT_INVALID: 'repair-file',
  OTEL_CLIENT_KEY_INVALID: 'repair-file',
  OTEL_CLIENT_KEY_MISMATCH: 'repair-file',
};

/**
 * Every warn and fail finding gets its action: the hint that shows a fix's snippet carries that fix as an edit;
 * a finding with no such hint (or a fix no edit can express) gets a manual action on its first hint.
 */
export function withConfigActions(findings: Finding[], fixes: readonly ConfigFix[], config: CodexConfig): Finding[] {
  return findings.map((finding) => {
    if (finding.level === 'info' || finding.hints.some((h) => h.action !== undefined)) return finding;
    const hints = finding.hints.map((hint): Hint => {
      const fix = hint.snippet === undefined ? undefined : fixes.find((f) => f.snippet === hint.snippet);
      const action = fix && configFixAction(config, fix);
      return action ? { ...hint, action } : hint;
    });
    if (hints.some((h) => h.action !== undefined)) return { ...finding, hints: hints as [Hint, ...Hint[]] };
    const [first, ...rest] = finding.hints;
    return { ...finding, hints: [{ ...first, action: { kind: 'manual', topic: BY_HAND[finding.code] ?? 'edit-config-by-hand' } }, ...rest] };
  });
}
