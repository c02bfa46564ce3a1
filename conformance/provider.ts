// The model provider a user's config.toml selects, read by the harness itself (never through the doctor's
// model of Codex, which is what is under test): where Codex streams (host, Responses path, WebSocket or not),
// and the `-c` overrides that run the same provider over HTTPS only for the HTTPS column.

import { parse } from 'smol-toml';
import type { TomlValue } from '../src/core/types.js';

type Table = { [key: string]: TomlValue };

export interface ModelTarget {
  /** `openai` (built in) or the id of a `[model_providers.<id>]` table. */
  providerId: string;
  /** The provider's table as the user wrote it; null for the built-in provider. */
  table: Table | null;
  baseUrl: string;
  host: string;
  /** The base URL's path plus `/responses`: where the upgrade and the HTTPS stream go. */
  responsesPath: string;
  /** Whether Codex opens the Responses WebSocket (custom providers default to false). */
  websockets: boolean;
}

const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** The target of the config text (null or unparsable: Codex's defaults, as far as the harness needs them). */
export function modelTarget(configText: string | null): ModelTarget {
  let config: Table = {};
  try {
    config = configText ? (parse(configText) as Table) : {};
  } catch {
    // A config Codex refuses: every run fails on it before any request; the default target is as good as any.
  }
  const providerId = typeof config.model_provider === 'string' ? config.model_provider : 'openai';
  const providers = isTable(config.model_providers) ? config.model_providers : {};
  const entry = providerId !== 'openai' && isTable(providers[providerId]) ? (providers[providerId] as Table) : null;
  const baseUrl = entry
    ? typeof entry.base_url === 'string'
      ? entry.base_url
      : OPENAI_BASE_URL
    : typeof config.openai_base_url === 'string'
      ? config.openai_base_url
      : OPENAI_BASE_URL;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    url = new URL(OPENAI_BASE_URL);
  }
  return {
    providerId,
    table: entry,
    baseUrl,
    host: url.hostname.toLowerCase(),
    responsesPath: `${url.pathname.replace(/\/+$/, '')}/responses`,
    websockets: entry ? entry.supports_websockets === true : true,
  };
}

/** The provider id the HTTPS column runs under (its requests carry `probeHeader: https`). */
export const HTTPS_PROVIDER_ID = 'conformance_https';

/**
 * `-c` arguments that run the user's own provider over HTTPS only: a copy of its table (or of the built-in
 * provider) with `supports_websockets = false` and a header that tells its requests apart from the WebSocket
 * column's fallback.
 */
export function httpsOnlyArgs(target: ModelTarget, probeHeader: string): string[] {
  const base: Table = target.table ?? { name: 'conformance-https', base_url: target.baseUrl, env_key: 'OPENAI_API_KEY', wire_api: 'responses' };
  const headers = isTable(base.http_headers) ? base.http_headers : {};
  const provider: Table = { ...base, supports_websockets: false, http_headers: { ...headers, [probeHeader]: 'https' } };
  return ['-c', `model_provider=${tomlInline(HTTPS_PROVIDER_ID)}`, '-c', `model_providers.${HTTPS_PROVIDER_ID}=${tomlInline(provider)}`];
}

/** The variable the provider reads its API key from (where the fake key must be), if it names one. */
export function apiKeyVariable(target: ModelTarget): string | undefined {
  if (!target.table) return 'OPENAI_API_KEY';
  return typeof target.table.env_key === 'string' ? target.table.env_key : undefined;
}

/** A TOML value on one line (an inline table for a table). */
export function tomlInline(value: TomlValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(tomlInline).join(', ')}]`;
  if (value instanceof Date) return (value as Date).toISOString();
  return `{ ${Object.entries(value)
    .map(([key, v]) => `${JSON.stringify(key)} = ${tomlInline(v)}`)
    .join(', ')} }`;
}

function isTable(value: TomlValue | undefined): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
