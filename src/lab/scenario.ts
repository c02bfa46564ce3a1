// A scenario: one TOML file in scenarios/ that rebuilds a corporate-proxy situation on 127.0.0.1 (the lab
// services), the user's side of it (env, files, config.toml) and the diagnosis a correct doctor gives.
// The loader validates everything up front so that a malformed scenario is one clear sentence naming the
// file and the key, never a stack trace.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, TomlError } from 'smol-toml';
import { CHECK_IDS } from '../checks/index.js';
import { nearestKey } from '../codex/config-keys.js';
import { isErrorCode, type ErrorCode } from '../core/codes.js';
import { STAGES, type Stage, type Status } from '../core/types.js';
import type { JsonReport } from '../render/json.js';
import type { OriginHostFault, OriginTlsVersions, OriginWebSocketMode } from './origin.js';
import { CORPORATE_PRODUCTS, type CorporateProduct, type DistinguishedName, type LeafOptions, type RsaKeyBits, type SignatureHash, type Validity } from './pki.js';
import type { BlockPage, ProxyAuth, ProxyAuthScheme, ProxyFailure, ProxyMode, WebSocketRefusal } from './proxy.js';
import type { DirectAccess, LabSpec } from './world.js';
import { Fields, ScenarioError } from './scenario-fields.js';

/** scenarios/ at the package root: dist/lab/scenario.js and src/lab/scenario.ts are both two levels down. */
export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
/** fixtures/ at the package root, for scenario files that copy a static oddity. */
export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** What `codex-doctor lab` runs without a scenario name: the README quick start's first command. */
export const DEFAULT_SCENARIO = 'zscaler-healthy';

export interface Scenario {
  name: string;
  title: string;
  /** One paragraph: the situation it reproduces and the ticket it resembles. */
  description: string;
  /** The scenario file, for messages. */
  file: string;
  /** The run's deadline when the user gives no --timeout (a proxy that never answers). */
  timeoutMs?: number;
  lab: LabSpec;
  /** The whole environment Codex starts with (with placeholders); the developer's env never leaks in. */
  env: Readonly<Record<string, string>>;
  files: readonly ScenarioFile[];
  /** $CODEX_HOME/config.toml (with placeholders). */
  configToml?: string;
  /** What only the user knows, for a change by hand (the conformance suite plays the doctor's manual first fix with it). */
  byHand?: ByHand;
  expect: ScenarioExpectation;
}

/** `[by_hand]`: the config.toml the user meant to write; the environment of the user's own terminal, outside Codex. */
export interface ByHand {
  configToml?: string;
  outsideEnv?: Readonly<Record<string, string>>;
}

export type DerSource = 'corporate-root' | 'public-root';
const DER_SOURCES = ['corporate-root', 'public-root'] as const satisfies readonly DerSource[];

export type TextEncoding = 'utf-8' | 'utf-16le';
const TEXT_ENCODINGS = ['utf-8', 'utf-16le'] as const satisfies readonly TextEncoding[];

/** A file written into the lab's temporary directory before the doctor runs. */
export interface ScenarioFile {
  /** Relative to the lab directory, or starting with a directory placeholder such as `${home}`. */
  path: string;
  source:
    | { kind: 'content'; text: string; encoding: TextEncoding }
    /** A certificate of the run's PKI in binary DER (a `.cer` exported from Windows). */
    | { kind: 'der'; of: DerSource }
    /** A static file under fixtures/, copied byte for byte. */
    | { kind: 'fixture'; path: string };
}

export interface CheckExpectation {
  status: Status;
  /** fail/crash: error.code; warn: the first warning's code. */
  code?: ErrorCode;
  /** fail/crash: error.stage; warn: the first warning's stage. */
  stage?: Stage;
  /** Codes that must appear among the findings (any level). */
  findings: readonly ErrorCode[];
  /** skip: the checks named in blockedBy. */
  blockedBy?: readonly string[];
}

export interface ScenarioExpectation {
  exitCode: number;
  /** Per check id; the suite requires one for every check in the report. */
  checks: Readonly<Record<string, CheckExpectation>>;
  /** Codex's verdict per host and transport, as the network checks' `endpoints` must report it. */
  endpoints: readonly EndpointExpectation[];
}

export interface EndpointExpectation {
  host: string;
  transport: 'https' | 'wss';
  status: Status;
  code?: ErrorCode;
  /** The route's first word: `direct`, `proxy` or `unusable`. */
  route?: 'direct' | 'proxy' | 'unusable';
}

export { ScenarioError };

// --- placeholders ------------------------------------------------------------------------------------------

/** Placeholders usable in env values, file paths, file contents and config.toml, filled in at run time. */
export const PLACEHOLDERS = {
  'lab.proxyUrl': 'the proxy URL, `http://127.0.0.1:PORT` (`https://` for a TLS proxy)',
  'lab.proxyUrlWithCredentials': 'the proxy URL with the user:password the proxy wants',
  'lab.proxyHostPort': 'the proxy as `127.0.0.1:PORT`, without a scheme',
  'lab.corporateRoot': 'the corporate root, PEM file',
  'lab.corporateRootDer': 'the corporate root, DER file',
  'lab.publicRoot': "the lab's public root, PEM file",
  'lab.systemStore': "the file standing in for the OS trust store",
  dir: 'the lab directory (the working directory)',
  home: 'HOME',
  codexHome: '$HOME/.codex, where config.toml is written',
  'pem.corporateRoot': 'the corporate root as PEM text',
  'pem.corporateRootTrusted': 'the corporate root as an OpenSSL TRUSTED CERTIFICATE block (with a trust trailer)',
  'pem.corporateIntermediate': 'the corporate intermediate as PEM text',
  'pem.publicRoot': "the lab's public root as PEM text",
  'pem.crl': 'a well-formed X509 CRL block',
} as const satisfies Record<string, string>;

export type PlaceholderName = keyof typeof PLACEHOLDERS;
/** null: the lab has no such thing (no proxy, no intermediate); using it is an error. */
export type PlaceholderValues = Readonly<Record<PlaceholderName, string | null>>;

const PLACEHOLDER = /\$\{([^}]*)\}/g;

function isPlaceholder(name: string): name is PlaceholderName {
  return Object.hasOwn(PLACEHOLDERS, name);
}

/** Replaces every `${name}`; throws a ScenarioError naming the placeholder the lab cannot fill. */
export function fillPlaceholders(text: string, values: PlaceholderValues, where: string): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => {
    if (!isPlaceholder(name)) throw new ScenarioError(`${where}: unknown placeholder \${${name}}`);
    const value = values[name];
    if (value === null) throw new ScenarioError(`${where}: \${${name}} has no value in this lab (${PLACEHOLDERS[name]})`);
    return value;
  });
}

function checkPlaceholders(text: string, where: string): void {
  for (const [, name = ''] of text.matchAll(PLACEHOLDER)) {
    if (!isPlaceholder(name)) {
      const near = nearestKey(name, Object.keys(PLACEHOLDERS));
      throw new ScenarioError(
        `${where}: unknown placeholder \${${name}}${near ? ` (did you mean \${${near}}?)` : ''}; known: ${Object.keys(PLACEHOLDERS).join(', ')}`,
      );
    }
  }
}

// --- loading ----------------------------------------------------------------------------------------------

/** Every scenario in `dir`, sorted by name. */
export async function loadScenarios(dir = SCENARIOS_DIR): Promise<Scenario[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new ScenarioError(`cannot read the scenario directory ${dir}: ${(error as Error).message}`);
  }
  const files = names.filter((n) => n.endsWith('.toml')).sort();
  const scenarios = await Promise.all(files.map((f) => loadScenario(path.join(dir, f))));
  return scenarios.sort((a, b) => a.name.localeCompare(b.name));
}

export async function loadScenario(file: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ScenarioError(`cannot read ${file}: ${(error as Error).message}`);
  }
  return parseScenario(text, file);
}

/** Parses and validates one scenario file's text. The file's base name must be the scenario's name. */
export function parseScenario(text: string, file: string): Scenario {
  const label = path.basename(file);
  let table: Record<string, unknown>;
  try {
    table = parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const [first = error.message] = error.message.split('\n');
      throw new ScenarioError(`${label}:${error.line}:${error.column}: not valid TOML: ${first.replace(/^Invalid TOML document: /, '')}`);
    }
    throw error;
  }
  const top = new Fields(table, label, '');
  const name = top.string('name', { required: true })!;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) throw new ScenarioError(`${label}: name "${name}" must be kebab-case (a-z, 0-9, -)`);
  const expectedName = label.replace(/\.toml$/, '');
  if (name !== expectedName) throw new ScenarioError(`${label}: name "${name}" must match the file name (${expectedName})`);
  const title = top.string('title', { required: true })!;
  const description = top.string('description', { required: true })!.trim().replace(/\s+/g, ' ');
  const timeoutMs = top.integer('timeout_ms', { min: 100, max: 120_000 });
  const lab = labSpec(top.table('lab'));
  const env = top.stringMap('env');
  for (const [key, value] of Object.entries(env)) checkPlaceholders(value, `${label}: env.${key}`);
  const files = top.array('files').map((entry, i) => scenarioFile(entry, `${label}: files[${i}]`));
  const configToml = top.string('config_toml');
  // A deliberately broken config.toml is a scenario of its own: it says so with config_toml_invalid.
  const configInvalid = top.boolean('config_toml_invalid') ?? false;
  if (configToml !== undefined) {
    checkPlaceholders(configToml, `${label}: config_toml`);
    const problem = tomlProblem(configToml);
    if (problem !== null && !configInvalid) {
      throw new ScenarioError(`${label}: config_toml is not valid TOML (${problem}); set config_toml_invalid = true if that is the point`);
    }
    if (problem === null && configInvalid) throw new ScenarioError(`${label}: config_toml_invalid = true, but config_toml parses`);
  } else if (configInvalid) {
    throw new ScenarioError(`${label}: config_toml_invalid = true without a config_toml`);
  }
  const byHand = byHandFields(top.table('by_hand'), label);
  const expect = expectation(top.table('expect', { required: true })!);
  top.done();
  return {
    name,
    title,
    description,
    file,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    lab,
    env,
    files,
    ...(configToml === undefined ? {} : { configToml }),
    ...(byHand && { byHand }),
    expect,
  };
}

function byHandFields(fields: Fields | undefined, label: string): ByHand | undefined {
  if (!fields) return undefined;
  const configToml = fields.string('config_toml');
  if (configToml !== undefined) {
    checkPlaceholders(configToml, `${label}: by_hand.config_toml`);
    const problem = tomlProblem(configToml);
    if (problem !== null) throw new ScenarioError(`${label}: by_hand.config_toml is not valid TOML (${problem}): it is what the user meant to write`);
  }
  const outsideEnv = fields.table('outside_env') ? fields.stringMap('outside_env') : undefined;
  for (const [key, value] of Object.entries(outsideEnv ?? {})) checkPlaceholders(value, `${label}: by_hand.outside_env.${key}`);
  fields.done();
  return { ...(configToml !== undefined && { configToml }), ...(outsideEnv && { outsideEnv }) };
}

/** The first line of smol-toml's message, or null when the text parses. */
function tomlProblem(text: string): string | null {
  try {
    parse(text);
    return null;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    return `line ${error.line}, column ${error.column}: ${(error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '')}`;
  }
}

function scenarioFile(entry: Fields, where: string): ScenarioFile {
  const filePath = entry.string('path', { required: true })!;
  checkPlaceholders(filePath, `${where}.path`);
  if (path.isAbsolute(filePath) || filePath.split(/[\\/]/).includes('..')) {
    throw new ScenarioError(`${where}.path: "${filePath}" must stay inside the lab directory (relative, no ..)`);
  }
  const content = entry.string('content');
  const der = entry.oneOf('der', DER_SOURCES);
  const fixture = entry.string('fixture');
  const encoding = entry.oneOf('encoding', TEXT_ENCODINGS);
  entry.done();
  const given = [content, der, fixture].filter((v) => v !== undefined).length;
  if (given !== 1) throw new ScenarioError(`${where}: give exactly one of content, der, fixture`);
  if (encoding !== undefined && content === undefined) throw new ScenarioError(`${where}: encoding applies to content only`);
  if (content !== undefined) {
    checkPlaceholders(content, `${where}.content`);
    return { path: filePath, source: { kind: 'content', text: content, encoding: encoding ?? 'utf-8' } };
  }
  if (der !== undefined) return { path: filePath, source: { kind: 'der', of: der } };
  if (fixture!.split(/[\\/]/).includes('..') || path.isAbsolute(fixture!)) {
    throw new ScenarioError(`${where}.fixture: "${fixture}" must be a path inside fixtures/`);
  }
  return { path: filePath, source: { kind: 'fixture', path: fixture! } };
}

// --- the lab spec -------------------------------------------------------------------------------------------

const HOST_FAULTS = ['block-page', 'cloudflare-challenge'] as const satisfies readonly OriginHostFault[];
const TLS_VERSIONS = ['modern', 'legacy-only'] as const satisfies readonly OriginTlsVersions[];
const WEBSOCKET_MODES = ['accept', 'unauthorized'] as const satisfies readonly OriginWebSocketMode[];
const SIGNATURES = ['sha256', 'sha1'] as const satisfies readonly SignatureHash[];
const KEY_BITS = [1024, 2048] as const satisfies readonly RsaKeyBits[];
const VALIDITIES = ['valid', 'expired', 'not-yet-valid'] as const satisfies readonly Validity[];
const PRODUCTS = Object.keys(CORPORATE_PRODUCTS) as CorporateProduct[];
const PROXY_MODES = ['inspect', 'connect'] as const satisfies readonly ProxyMode[];
const AUTH_SCHEMES = ['Basic', 'Negotiate', 'NTLM'] as const satisfies readonly ProxyAuthScheme[];
const WS_REFUSALS = [400, 403, 405, 426, 'close', 'strip-upgrade'] as const satisfies readonly WebSocketRefusal[];
const BLOCK_AT = ['connect', 'request'] as const satisfies readonly BlockPage['at'][];
const FAILURES = ['hang', 'close', 'bad-gateway', 'codex-policy'] as const satisfies readonly ProxyFailure[];
const STORE_ROOTS = ['public', 'corporate'] as const;
const DIRECT_ACCESS = ['open', 'refused'] as const satisfies readonly DirectAccess[];
const OPENAI_HOST_NAMES = ['auth.openai.com', 'api.openai.com', 'chatgpt.com'] as const;

function labSpec(fields: Fields | undefined): LabSpec {
  if (!fields) return {};
  const origin = fields.table('origin');
  const corporateCa = fields.table('corporateCa');
  const proxy = fields.table('proxy');
  const systemStore = fields.list('systemStore', STORE_ROOTS);
  const direct = fields.oneOf('direct', DIRECT_ACCESS);
  fields.done();
  return {
    ...(direct ? { direct } : {}),
    ...(origin ? { origin: originSpec(origin) } : {}),
    ...(corporateCa ? { corporateCa: corporateCaSpec(corporateCa) } : {}),
    ...(proxy ? { proxy: proxySpec(proxy) } : {}),
    ...(systemStore ? { systemStore } : {}),
  };
}

function originSpec(fields: Fields): NonNullable<LabSpec['origin']> {
  const faults = fields.table('hostFaults');
  const hostFaults: Record<string, OriginHostFault> = {};
  if (faults) {
    for (const host of faults.keys()) {
      if (!(OPENAI_HOST_NAMES as readonly string[]).includes(host)) {
        throw new ScenarioError(`${faults.where(host)}: the lab serves ${OPENAI_HOST_NAMES.join(', ')}, not ${host}`);
      }
      hostFaults[host] = faults.oneOf(host, HOST_FAULTS)!;
    }
    faults.done();
  }
  const tlsVersions = fields.oneOf('tlsVersions', TLS_VERSIONS);
  const webSocket = fields.oneOf('webSocket', WEBSOCKET_MODES);
  const leaf = fields.table('leaf');
  fields.done();
  return {
    ...(faults ? { hostFaults } : {}),
    ...(tlsVersions ? { tlsVersions } : {}),
    ...(webSocket ? { webSocket } : {}),
    ...(leaf ? { leaf: leafSpec(leaf) } : {}),
  };
}

function leafSpec(fields: Fields): LeafOptions {
  const keyBits = fields.oneOf('keyBits', KEY_BITS);
  const validity = fields.oneOf('validity', VALIDITIES);
  const san = fields.boolean('san');
  const sendIntermediate = fields.boolean('sendIntermediate');
  fields.done();
  return {
    ...(keyBits ? { keyBits } : {}),
    ...(validity ? { validity } : {}),
    ...(san === undefined ? {} : { san }),
    ...(sendIntermediate === undefined ? {} : { sendIntermediate }),
  };
}

function corporateCaSpec(fields: Fields): NonNullable<LabSpec['corporateCa']> {
  const product = fields.oneOf('product', PRODUCTS);
  const subjectFields = fields.table('subject');
  let subject: DistinguishedName | undefined;
  if (subjectFields) {
    const organization = subjectFields.string('organization');
    const organizationalUnit = subjectFields.string('organizationalUnit');
    const country = subjectFields.string('country');
    subject = {
      commonName: subjectFields.string('commonName', { required: true })!,
      ...(organization === undefined ? {} : { organization }),
      ...(organizationalUnit === undefined ? {} : { organizationalUnit }),
      ...(country === undefined ? {} : { country }),
    };
    subjectFields.done();
  }
  const signature = fields.oneOf('signature', SIGNATURES);
  const keyBits = fields.oneOf('keyBits', KEY_BITS);
  const validity = fields.oneOf('validity', VALIDITIES);
  const basicConstraints = fields.boolean('basicConstraints');
  const intermediate = fields.boolean('intermediate');
  const leaf = fields.table('leaf');
  fields.done();
  return {
    ...(product ? { product } : {}),
    ...(subject ? { subject } : {}),
    ...(signature ? { signature } : {}),
    ...(keyBits ? { keyBits } : {}),
    ...(validity ? { validity } : {}),
    ...(basicConstraints === undefined ? {} : { basicConstraints }),
    ...(intermediate === undefined ? {} : { intermediate }),
    ...(leaf ? { leaf: leafSpec(leaf) } : {}),
  };
}

function proxySpec(fields: Fields): NonNullable<LabSpec['proxy']> {
  const mode = fields.oneOf('mode', PROXY_MODES, { required: true })!;
  const authFields = fields.table('auth');
  let auth: ProxyAuth | undefined;
  if (authFields) {
    const realm = authFields.string('realm');
    const schemes = authFields.list('schemes', AUTH_SCHEMES);
    auth = {
      username: authFields.string('username', { required: true })!,
      password: authFields.string('password', { required: true })!,
      ...(realm === undefined ? {} : { realm }),
      ...(schemes ? { schemes } : {}),
    };
    authFields.done();
  }
  const refuseWebSocket = fields.oneOf('refuseWebSocket', WS_REFUSALS);
  const blockFields = fields.table('blockPage');
  let blockPage: BlockPage | undefined;
  if (blockFields) {
    blockPage = { hosts: blockFields.list('hosts', OPENAI_HOST_NAMES, { required: true })!, at: blockFields.oneOf('at', BLOCK_AT, { required: true })! };
    blockFields.done();
    if (mode === 'connect' && blockPage.at === 'request') {
      throw new ScenarioError(`${fields.where('blockPage')}: a CONNECT-only proxy cannot see requests; use at = "connect"`);
    }
  }
  const failure = fields.oneOf('failure', FAILURES);
  const tls = fields.boolean('tls');
  fields.done();
  return {
    mode,
    ...(auth ? { auth } : {}),
    ...(refuseWebSocket === undefined ? {} : { refuseWebSocket }),
    ...(blockPage ? { blockPage } : {}),
    ...(failure ? { failure } : {}),
    ...(tls === undefined ? {} : { tls }),
  };
}

// --- expectations -----------------------------------------------------------------------------------------

const STATUSES = ['pass', 'warn', 'fail', 'skip', 'crash'] as const satisfies readonly Status[];
const EXIT_CODES = [0, 1, 3, 130] as const;

function expectation(fields: Fields): ScenarioExpectation {
  const exitCode = fields.oneOf('exit', EXIT_CODES, { required: true })!;
  const checkTables = fields.table('checks', { required: true })!;
  const checks: Record<string, CheckExpectation> = {};
  for (const id of checkTables.keys()) {
    if (!(CHECK_IDS as readonly string[]).includes(id)) {
      const near = nearestKey(id, CHECK_IDS);
      throw new ScenarioError(`${checkTables.where(id)}: unknown check id${near ? ` (did you mean ${near}?)` : ''}; known: ${CHECK_IDS.join(', ')}`);
    }
    checks[id] = checkExpectation(checkTables.table(id)!);
  }
  checkTables.done();
  const endpoints = fields.array('endpoints').map(endpointExpectation);
  fields.done();
  return { exitCode, checks, endpoints };
}

function endpointExpectation(fields: Fields): EndpointExpectation {
  const host = fields.string('host', { required: true })!;
  const transport = fields.oneOf('transport', ['https', 'wss'] as const, { required: true })!;
  const status = fields.oneOf('status', STATUSES, { required: true })!;
  const code = fields.code('code');
  const route = fields.oneOf('route', ['direct', 'proxy', 'unusable'] as const);
  fields.done();
  return { host, transport, status, ...(code === undefined ? {} : { code }), ...(route === undefined ? {} : { route }) };
}

function checkExpectation(fields: Fields): CheckExpectation {
  const status = fields.oneOf('status', STATUSES, { required: true })!;
  const code = fields.code('code');
  const stage = fields.oneOf('stage', STAGES);
  const findings = (fields.stringList('findings') ?? []).map((c, i) => {
    if (!isErrorCode(c)) throw new ScenarioError(`${fields.where(`findings[${i}]`)}: ${c} is not in the error-code catalogue`);
    return c;
  });
  const blockedBy = fields.stringList('blocked_by');
  fields.done();
  if ((code !== undefined || stage !== undefined) && (status === 'pass' || status === 'skip')) {
    throw new ScenarioError(`${fields.where('code')}: code and stage name the failure or first warning; a ${status} has none (use findings)`);
  }
  if (blockedBy !== undefined && status !== 'skip') throw new ScenarioError(`${fields.where('blocked_by')}: only a skip is blocked`);
  return {
    status,
    ...(code === undefined ? {} : { code }),
    ...(stage === undefined ? {} : { stage }),
    findings,
    ...(blockedBy === undefined ? {} : { blockedBy }),
  };
}

/** How a `--json` report differs from the scenario's expectations, one sentence per difference (empty: it matches). */
export function expectationMismatches(expected: ScenarioExpectation, report: JsonReport): string[] {
  const problems: string[] = [];
  if (report.exitCode !== expected.exitCode) problems.push(`exit code ${report.exitCode}, expected ${expected.exitCode}`);
  for (const record of report.checks) {
    const want = expected.checks[record.id];
    if (!want) {
      problems.push(`${record.id}: ${record.status} (${primary(record) ?? 'no code'}), but the scenario expects nothing for it`);
      continue;
    }
    const got = `${record.status}${primary(record) ? ` ${primary(record)}` : ''}: ${record.summary}`;
    if (record.status !== want.status) problems.push(`${record.id}: expected ${want.status}, got ${got}`);
    const first = record.error ?? record.findings.find((f) => f.level === 'warn');
    if (want.code !== undefined && first?.code !== want.code) problems.push(`${record.id}: expected code ${want.code}, got ${got}`);
    if (want.stage !== undefined && first?.stage !== want.stage) {
      problems.push(`${record.id}: expected stage ${want.stage}, got ${first?.stage ?? 'none'} (${got})`);
    }
    const codes = new Set(record.findings.map((f) => f.code));
    for (const code of want.findings) {
      if (!codes.has(code)) problems.push(`${record.id}: expected a ${code} finding, got [${[...codes].join(', ')}]`);
    }
    if (want.blockedBy !== undefined && [...(record.blockedBy ?? [])].sort().join() !== [...want.blockedBy].sort().join()) {
      problems.push(`${record.id}: expected blocked by ${want.blockedBy.join(', ')}, got ${record.blockedBy?.join(', ') ?? 'nothing'}`);
    }
  }
  for (const id of Object.keys(expected.checks)) {
    if (!report.checks.some((c) => c.id === id)) problems.push(`${id}: expected in the report, but it is not there`);
  }
  const rows = report.checks.flatMap((c) => (c.endpoints ?? []).map((row) => ({ ...row, check: c.id })));
  for (const want of expected.endpoints) {
    const name = `${want.host} ${want.transport}`;
    const got = rows.filter((r) => r.host === want.host && r.transport === want.transport);
    if (got.length === 0) problems.push(`endpoint ${name}: expected, but no network check reports it`);
    for (const row of got) {
      const seen = `${row.status}${row.code ? ` ${row.code}` : ''} (${row.check}, ${row.route})`;
      if (row.status !== want.status) problems.push(`endpoint ${name}: expected ${want.status}, got ${seen}`);
      if (want.code !== undefined && row.code !== want.code) problems.push(`endpoint ${name}: expected code ${want.code}, got ${seen}`);
      if (want.route !== undefined && row.route.split(' ')[0] !== want.route) problems.push(`endpoint ${name}: expected route ${want.route}, got ${seen}`);
    }
  }
  return problems;
}

function primary(record: JsonReport['checks'][number]): string | undefined {
  return record.error?.code ?? record.findings.find((f) => f.level === 'warn')?.code;
}
