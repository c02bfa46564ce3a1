// The words of config.codex (and what sandbox.env says about config keys): where a key is, how Codex treats
// a key it does not know, a URL as the user may see it. The check decides (which problem, which fix); this
// file only speaks.
import { unknownKeyLine, unknownKeysWarning } from '../codex/codex-messages.js';
import { CODEX_RELEASES, codexHas, releaseForAdvice } from '../codex/codex-version.js';
import type { UnknownConfigKey } from '../codex/config.js';
import { isTable } from '../codex/config-keys.js';
import { redactUrl } from '../core/redact.js';

/** `~/.codex/config.toml:3:7` or `~/.codex/config.toml (line 3)`. */
export function place(at: { file: string; line?: number; column?: number }, show: (f: string) => string): string {
  if (at.line !== undefined && at.column !== undefined) return `${show(at.file)}:${at.line}:${at.column}`;
  return at.line !== undefined ? `${show(at.file)} (line ${at.line})` : show(at.file);
}

/**
 * How Codex treats a key it does not know: from 0.169.0 it warns at start, one line per key (quoted here as
 * Codex prints it for a value; a whole table is named in the same warning); before, it says nothing.
 */
export function codexIgnores(
  unknown: Pick<UnknownConfigKey, 'layer' | 'file' | 'value'>,
  key: string,
  show: (f: string) => string,
  codexVersion: string | null,
  pronoun: 'it' | 'them' = 'it',
): string {
  const release = releaseForAdvice(codexVersion);
  if (!codexHas(codexVersion, CODEX_RELEASES.unknownKeysWarned)) return `Codex ${release} ignores ${pronoun} silently (0.169.0 and later warn about ${pronoun})`;
  const warning = unknownKeysWarning('N');
  return isTable(unknown.value)
    ? `Codex ${release} ignores ${pronoun} and names ${pronoun} in its start-up warning ("${warning}")`
    : `Codex ${release} ignores ${pronoun} and warns at start ("${warning}", then "${unknownKeyLine(unknown.layer, show(unknown.file), key)}")`;
}

/** A URL for a message: redacted, and as written (URL parsing adds a `/` to a bare origin). */
export function showUrl(url: string): string {
  const redacted = redactUrl(url);
  return redacted === `${url}/` ? url : redacted;
}

/** A snippet that starts with a bare key must go before the file's first [table], or TOML files it under that table. */
export function topLevelNote(snippet: string): string {
  return /^[A-Za-z0-9_"'-]+\s*=/.test(snippet) ? ' (top-level keys go above the first [table] of the file)' : '';
}
