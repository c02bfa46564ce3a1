// A small typed reader over a scenario's TOML tables: every value checked against what the loader expects, with
// the file and key path in every message, and unknown keys named with the nearest known one.
import { nearestKey } from '../codex/config-keys.js';
import { isErrorCode, type ErrorCode } from '../core/codes.js';

/** A malformed scenario: one sentence naming the file and the key. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

interface FieldOptions {
  required?: boolean;
}

export class Fields {
  readonly #table: Record<string, unknown>;
  readonly #label: string;
  readonly #prefix: string;
  readonly #used = new Set<string>();

  constructor(table: Record<string, unknown>, label: string, prefix: string) {
    this.#table = table;
    this.#label = label;
    this.#prefix = prefix;
  }

  /** `file: key.path` for messages. */
  where(key: string): string {
    return `${this.#label}: ${this.#prefix}${formatKeySegment(key)}`;
  }

  keys(): string[] {
    return Object.keys(this.#table);
  }

  #get(key: string, expected: string, options: FieldOptions): unknown {
    this.#used.add(key);
    const value = this.#table[key];
    if (value === undefined && options.required) throw new ScenarioError(`${this.where(key)}: missing (${expected})`);
    return value;
  }

  #wrong(key: string, expected: string, value: unknown): ScenarioError {
    return new ScenarioError(`${this.where(key)}: expected ${expected}, got ${describe(value)}`);
  }

  string(key: string, options: FieldOptions = {}): string | undefined {
    const value = this.#get(key, 'a string', options);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw this.#wrong(key, 'a string', value);
    return value;
  }

  boolean(key: string, options: FieldOptions = {}): boolean | undefined {
    const value = this.#get(key, 'true or false', options);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw this.#wrong(key, 'true or false', value);
    return value;
  }

  integer(key: string, options: FieldOptions & { min: number; max: number }): number | undefined {
    const expected = `an integer from ${options.min} to ${options.max}`;
    const value = this.#get(key, expected, options);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < options.min || value > options.max) throw this.#wrong(key, expected, value);
    return value;
  }

  oneOf<const T extends string | number>(key: string, values: readonly T[], options: FieldOptions = {}): T | undefined {
    const expected = `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
    const value = this.#get(key, expected, options);
    if (value === undefined) return undefined;
    if (!(values as readonly unknown[]).includes(value)) throw this.#wrong(key, expected, value);
    return value as T;
  }

  code(key: string): ErrorCode | undefined {
    const value = this.string(key);
    if (value !== undefined && !isErrorCode(value)) throw new ScenarioError(`${this.where(key)}: ${value} is not in the error-code catalogue`);
    return value as ErrorCode | undefined;
  }

  stringList(key: string, options: FieldOptions = {}): string[] | undefined {
    const value = this.#get(key, 'a list of strings', options);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw this.#wrong(key, 'a list of strings', value);
    return value as string[];
  }

  list<const T extends string>(key: string, values: readonly T[], options: FieldOptions = {}): T[] | undefined {
    const expected = `a list of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
    const value = this.#get(key, expected, options);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((v) => !(values as readonly unknown[]).includes(v))) throw this.#wrong(key, expected, value);
    return value as T[];
  }

  stringMap(key: string): Record<string, string> {
    const table = this.table(key);
    if (!table) return {};
    const map: Record<string, string> = {};
    for (const name of table.keys()) map[name] = table.string(name)!;
    table.done();
    return map;
  }

  table(key: string, options: FieldOptions = {}): Fields | undefined {
    const value = this.#get(key, 'a table', options);
    if (value === undefined) return undefined;
    if (!isTable(value)) throw this.#wrong(key, 'a table', value);
    return new Fields(value, this.#label, `${this.#prefix}${formatKeySegment(key)}.`);
  }

  /** An array of tables (`[[files]]`); absent is empty. */
  array(key: string): Fields[] {
    const value = this.#get(key, 'an array of tables', {});
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every(isTable)) throw this.#wrong(key, `an array of tables ([[${key}]])`, value);
    return value.map((entry, i) => new Fields(entry, this.#label, `${this.#prefix}${key}[${i}].`));
  }

  /** Every key must have been read: a misspelt key is an error, with the nearest real key. */
  done(): void {
    for (const key of Object.keys(this.#table)) {
      if (this.#used.has(key)) continue;
      const near = nearestKey(key, [...this.#used]);
      throw new ScenarioError(`${this.where(key)}: unknown key${near ? ` (did you mean ${near}?)` : ''}; known here: ${[...this.#used].join(', ')}`);
    }
  }
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function formatKeySegment(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isTable(value)) return 'a table';
  return JSON.stringify(value) ?? String(value);
}
