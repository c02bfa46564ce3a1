// The command line: commands, flags and --help text. Parsing never exits or prints by itself;
// main() decides what to write and which exit code to return.
//
// The options are defined once, in OPTIONS below. yargs (the --help text, --version, every usage error)
// is loaded only when needed: the common command lines are read by hand from the same table
// (readPlainArgv), and anything it does not accept plainly goes to yargs, so that yargs words every usage error.
import type { Options as YargsOption } from 'yargs';
import { CHECK_IDS } from './checks/index.js';
import { nodeNet } from './core/builtins.js';
import { VERSION } from './version.js';

export type OutputMode = 'auto' | 'json' | 'plain' | 'markdown';

/** The values of --format (`--json` and `--plain` are its short forms). */
export const FORMATS = ['json', 'markdown', 'plain'] as const;

export interface DoctorFlags {
  output: OutputMode;
  only: string[];
  skip: string[];
  timeoutMs: number;
  strict: boolean;
  verbose: boolean;
  codexHome?: string;
  profile?: string;
  proxy?: string;
  /** --resolve host:port:address, curl's convention. */
  resolve: Array<{ host: string; port: number; address: string }>;
}

export type ParsedCommand =
  | { kind: 'doctor'; flags: DoctorFlags }
  | { kind: 'lab'; flags: DoctorFlags; scenario?: string; list: boolean }
  | { kind: 'fix'; flags: DoctorFlags; yes: boolean; dryRun: boolean }
  /** `explain "<error text>"`; without the text, it is read from stdin. */
  | { kind: 'explain'; flags: DoctorFlags; text?: string }
  | { kind: 'print'; text: string }
  | { kind: 'usage-error'; message: string };

export const DEFAULT_TIMEOUT_MS = 10_000;
/** The longest delay a Node timer takes (2^31-1 ms, ~24.8 days): a longer one fires after 1 ms. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

interface OptionSpec {
  type: 'boolean' | 'string' | 'number';
  describe: string;
  /** Repeatable, every value kept: yargs `array`, parseArgs `multiple`. */
  array?: true;
  default?: boolean | number | readonly string[];
  /** A one-letter short form. */
  alias?: string;
  /** The only values accepted. */
  choices?: readonly string[];
}

/** The options of every command, in --help order. */
const OPTIONS = {
  json: { type: 'boolean', describe: 'Print one redacted JSON report on stdout (same as --format json)' },
  plain: { type: 'boolean', describe: 'Plain text, even in a terminal (same as --format plain)' },
  format: { type: 'string', choices: FORMATS, describe: 'Output: json, markdown (a helpdesk ticket body) or plain' },
  only: { type: 'string', array: true, default: [], describe: 'Run only these checks (and what they need)' },
  skip: { type: 'string', array: true, default: [], describe: 'Skip these checks' },
  timeout: { type: 'number', default: DEFAULT_TIMEOUT_MS, describe: 'Deadline for the whole run, in ms' },
  strict: { type: 'boolean', default: false, describe: 'Exit 1 on warnings too' },
  'codex-home': { type: 'string', describe: 'Use this CODEX_HOME instead of the environment' },
  profile: { type: 'string', describe: 'Codex profile: reads $CODEX_HOME/NAME.config.toml' },
  proxy: { type: 'string', describe: 'Use this proxy URL for both transports instead of the environment' },
  resolve: {
    type: 'string',
    array: true,
    default: [],
    describe: 'host:port:address, like curl: dial address instead of resolving host (repeatable)',
  },
  verbose: { alias: 'v', type: 'boolean', default: false, describe: 'Show the evidence and info findings (with --json: every check\'s evidence and data too)' },
} as const satisfies Record<string, OptionSpec>;

/** `lab [scenario]`: its positional and its own options. */
const LAB_COMMAND = 'lab';
const SCENARIO = { type: 'string', describe: 'Scenario name (see --list)' } as const;
const LAB_OPTIONS = {
  list: { type: 'boolean', default: false, describe: 'List the scenarios' },
} as const satisfies Record<string, OptionSpec>;

/** `fix`: applies the runbook's fixes after showing them. */
const FIX_COMMAND = 'fix';
const FIX_OPTIONS = {
  yes: { alias: 'y', type: 'boolean', default: false, describe: 'Apply without asking (needed when stdin is not a terminal)' },
  'dry-run': { type: 'boolean', default: false, describe: 'Show the plan and change nothing' },
} as const satisfies Record<string, OptionSpec>;

/** `explain [text]`: the pasted Codex error. */
const EXPLAIN_COMMAND = 'explain';
const ERROR_TEXT = { type: 'string', describe: 'The Codex error text (read from stdin when left out)' } as const;

const ALL_OPTIONS: Readonly<Record<string, OptionSpec>> = { ...OPTIONS, ...LAB_OPTIONS, ...FIX_OPTIONS };
/** The options only one command takes. */
const COMMAND_OPTIONS: Readonly<Record<Command, readonly string[]>> = {
  doctor: [],
  lab: Object.keys(LAB_OPTIONS),
  fix: Object.keys(FIX_OPTIONS),
  explain: [],
};

const EPILOG = `Checks, in runbook order: ${CHECK_IDS.join(', ')}.
Exit codes: 0 all passed (warnings allowed), 1 a check failed (or warned, with --strict),
2 usage error, 3 the doctor itself crashed, 130 interrupted, 141 stdout closed early (| head).`;

type Command = 'doctor' | 'lab' | 'fix' | 'explain';

/** The commands, by their word on the command line. */
const COMMANDS: Readonly<Record<string, Command>> = { [LAB_COMMAND]: 'lab', [FIX_COMMAND]: 'fix', [EXPLAIN_COMMAND]: 'explain' };

export async function parseArgs(argv: readonly string[], columns = 80): Promise<ParsedCommand> {
  const common = parseCommonArgv(argv);
  return common ? toCommand(common.command, common.args) : parseWithYargs(argv, columns);
}

/**
 * The common command lines, read without yargs: known options, each non-repeatable one at most once, plain
 * values, and positionals only as `lab [scenario]` at the start. Anything else returns undefined for yargs
 * (help, version, usage errors, and the forms yargs reads in its own way: `--json false`, `--only a b`,
 * quoted values, `--`...), so both paths give the same result wherever this one answers.
 */
export function parseCommonArgv(argv: readonly string[]): { command: Command; args: Record<string, unknown> } | undefined {
  const parsed = readPlainArgv(argv);
  if (!parsed) return undefined;
  const command: Command = (argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]) && COMMANDS[argv[0]]) || 'doctor';
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    switch (token.kind) {
      case 'positional':
        // `lab [scenario]`, `explain [text]` and `fix`: the command word first, then at most one positional.
        if (command === 'doctor' || token.index > (command === 'fix' ? 0 : 1)) return undefined;
        // yargs reads a number-like positional as a number, and a leading dash as an option.
        if (command === 'explain' && token.index === 1 && !/^[^-\d\s]/.test(token.value)) return undefined;
        break;
      case 'option': {
        const spec = ALL_OPTIONS[token.name]!;
        if (seen.has(token.name) && !spec.array) return undefined;
        if (token.value !== undefined && !isPlainValue(spec, token.value)) return undefined;
        seen.add(token.name);
        break;
      }
    }
  }
  const foreign = Object.entries(COMMAND_OPTIONS).some(([owner, names]) => owner !== command && names.some((name) => seen.has(name)));
  if (foreign || (seen.has('json') && seen.has('plain'))) return undefined;
  if (seen.has('format') && (seen.has('json') || seen.has('plain'))) return undefined;

  const values = parsed.values;
  const args: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(ALL_OPTIONS)) {
    const value = values[name];
    args[name] = value === undefined ? spec.default : spec.type === 'number' ? Number(value) : value;
  }
  if (command === 'lab') args.scenario = parsed.positionals[1];
  if (command === 'explain') args.text = parsed.positionals[1];
  return { command, args };
}

/** A value both parsers read alike: numbers in plain digits, strings without a leading dash or quote, one of the choices. */
function isPlainValue(spec: OptionSpec, value: string): boolean {
  if (spec.choices && !spec.choices.includes(value)) return false;
  return spec.type === 'number' ? /^\d+$/.test(value) : !/^[-"']/.test(value);
}

/** Option names by their one-letter alias (`v` -> `verbose`). */
const BY_ALIAS: ReadonlyMap<string, string> = new Map(Object.entries(ALL_OPTIONS).flatMap(([name, spec]) => (spec.alias === undefined ? [] : [[spec.alias, name]])));

interface PlainArgv {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  /** In argv order; `index` is the position in argv (of the option's name when its value follows it). */
  tokens: Array<{ kind: 'positional'; index: number; value: string } | { kind: 'option'; index: number; name: string; value: string | undefined }>;
}

/**
 * The plain forms of a command line, read from the option table: `--name`, `--name=value`, `--name value` (a
 * value that does not start with `-`), `-v` for a one-letter alias, and positionals. Anything else (an unknown
 * or grouped short option, a value on a boolean, a missing value, `--`) is undefined, for yargs. By hand,
 * because node:util's parseArgs costs ~0.5 ms of a cold start to load, for forms this simple.
 */
function readPlainArgv(argv: readonly string[]): PlainArgv | undefined {
  const values: PlainArgv['values'] = {};
  const positionals: string[] = [];
  const tokens: PlainArgv['tokens'] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      tokens.push({ kind: 'positional', index: i, value: arg });
      continue;
    }
    const equals = arg.indexOf('=');
    const long = arg.startsWith('--');
    const name = long ? arg.slice(2, equals === -1 ? undefined : equals) : arg.length === 2 ? BY_ALIAS.get(arg[1]!) : undefined;
    if (name === undefined || !Object.hasOwn(ALL_OPTIONS, name)) return undefined;
    const spec = ALL_OPTIONS[name]!;
    let value = long && equals !== -1 ? arg.slice(equals + 1) : undefined;
    if (spec.type === 'boolean') {
      if (value !== undefined) return undefined;
      values[name] = true;
    } else {
      if (value === undefined) {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('-')) return undefined;
        value = next;
      }
      const previous = values[name];
      values[name] = spec.array ? [...(Array.isArray(previous) ? previous : []), value] : value;
    }
    tokens.push({ kind: 'option', index: i, name, value });
    if (value !== undefined && !(long && equals !== -1)) i++;
  }
  return { values, positionals, tokens };
}

function yargsOption(spec: OptionSpec): YargsOption {
  const { default: value, ...rest } = spec;
  return { ...rest, ...(value !== undefined && { default: Array.isArray(value) ? [...value] : value }) };
}

/** yargs: --help, --version and the exact wording of every usage error. */
export async function parseWithYargs(argv: readonly string[], columns = 80): Promise<ParsedCommand> {
  const { default: yargs } = await import('yargs');
  let command: Command = 'doctor';
  const parser = yargs([...argv])
    .scriptName('codex-doctor')
    .usage('$0 [options]\n\nFinds out why Codex cannot log in or stream behind a TLS-inspecting proxy.')
    .command('$0', 'Run the runbook against this machine', () => {}, () => {
      command = 'doctor';
    })
    .command(
      `${LAB_COMMAND} [scenario]`,
      'Run the runbook against an embedded corporate-proxy scenario on 127.0.0.1',
      (y) => y.positional('scenario', SCENARIO).options(mapOptions(LAB_OPTIONS)),
      () => {
        command = 'lab';
      },
    )
    .command(
      FIX_COMMAND,
      'Apply the fixes: shows each change, asks once, backs up every file it changes, then reruns the checks',
      (y) => y.options(mapOptions(FIX_OPTIONS)),
      () => {
        command = 'fix';
      },
    )
    .command(
      `${EXPLAIN_COMMAND} [text]`,
      'Explain a pasted Codex error: what it can mean, and which cause applies here',
      (y) => y.positional('text', ERROR_TEXT),
      () => {
        command = 'explain';
      },
    )
    .options(mapOptions(OPTIONS))
    .conflicts('json', 'plain')
    .conflicts('format', ['json', 'plain'])
    .epilog(EPILOG)
    .version(VERSION)
    .help()
    .strict()
    .wrap(Math.min(100, columns))
    .exitProcess(false);

  let failure: string | undefined;
  let printed: string | undefined;
  let args: Record<string, unknown> = {};
  parser.fail((message, error) => {
    failure = message || error?.message || 'invalid arguments';
  });
  parser.parse([...argv], {}, (error, parsedArgs, output) => {
    if (error) failure ??= error.message;
    if (output) printed = output;
    args = parsedArgs as Record<string, unknown>;
  });
  if (failure) return { kind: 'usage-error', message: failure };
  if (printed !== undefined) return { kind: 'print', text: printed };
  return toCommand(command, args);
}

function mapOptions(options: Readonly<Record<string, OptionSpec>>): Record<string, YargsOption> {
  return Object.fromEntries(Object.entries(options).map(([name, spec]) => [name, yargsOption(spec)]));
}

/** What both parsers hand over, checked the same way: repeats, empty values, check ids, timeout, --resolve, --proxy. */
function toCommand(command: Command, args: Record<string, unknown>): ParsedCommand {
  for (const [name, spec] of Object.entries(ALL_OPTIONS)) {
    const value = args[name];
    // yargs keeps every value of a repeated option in an array: which one was meant is not ours to guess.
    if (!spec.array && spec.type !== 'boolean' && Array.isArray(value)) {
      return { kind: 'usage-error', message: `--${name} given more than once: give it once.` };
    }
    // An empty value would be dropped without a word (--codex-home '' reads CODEX_HOME, --only '' runs every check).
    const values = spec.array ? ((value as string[] | undefined) ?? []) : typeof value === 'string' ? [value] : [];
    if (values.some((v) => v.split(',').every((part) => part.trim() === ''))) {
      return { kind: 'usage-error', message: `--${name} needs a value; it was given an empty one.` };
    }
  }
  const list = (name: string): string[] => ((args[name] as string[] | undefined) ?? []).flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const only = list('only');
  const skip = list('skip');
  const unknown = [...only, ...skip].filter((id) => !(CHECK_IDS as readonly string[]).includes(id));
  if (unknown.length > 0) {
    return { kind: 'usage-error', message: `Unknown check id: ${unknown.join(', ')}. Known: ${CHECK_IDS.join(', ')}.` };
  }
  const timeout = args.timeout as number;
  if (!Number.isFinite(timeout) || timeout <= 0) {
    return { kind: 'usage-error', message: '--timeout needs a positive number of milliseconds.' };
  }
  if (timeout > MAX_TIMEOUT_MS) {
    return { kind: 'usage-error', message: `--timeout ${timeout}: at most ${MAX_TIMEOUT_MS} ms (about 24 days).` };
  }
  const resolve: DoctorFlags['resolve'] = [];
  for (const entry of list('resolve')) {
    const parsed = parseResolve(entry);
    if (!parsed) return { kind: 'usage-error', message: `--resolve ${entry}: expected host:port:address, the address an IP address (e.g. auth.openai.com:443:127.0.0.1).` };
    resolve.push(parsed);
  }
  const proxy = args.proxy as string | undefined;
  if (proxy !== undefined && !URL.canParse(proxy.includes('://') ? proxy : `http://${proxy}`)) {
    return { kind: 'usage-error', message: `--proxy ${proxy}: not a URL (e.g. http://proxy.corp:8080).` };
  }

  const flags: DoctorFlags = {
    output: args.json ? 'json' : args.plain ? 'plain' : ((args.format as OutputMode | undefined) ?? 'auto'),
    only,
    skip,
    timeoutMs: timeout,
    strict: Boolean(args.strict),
    verbose: Boolean(args.verbose),
    resolve,
    ...optional('codexHome', args['codex-home']),
    ...optional('profile', args.profile),
    ...optional('proxy', proxy),
  };
  if (command === 'lab') {
    return { kind: 'lab', flags, list: Boolean(args.list), ...optional('scenario', args.scenario) };
  }
  if (command === 'fix') return { kind: 'fix', flags, yes: Boolean(args.yes), dryRun: Boolean(args['dry-run']) };
  if (command === 'explain') {
    const text = args.text === undefined ? undefined : String(args.text);
    return { kind: 'explain', flags, ...(text !== undefined && text !== '' && { text }) };
  }
  return { kind: 'doctor', flags };
}

function optional<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return typeof value === 'string' && value !== '' ? ({ [key]: value } as { [P in K]: string }) : {};
}

/** curl's --resolve: `host:port:address`, the address possibly a bracketed IPv6. */
export function parseResolve(entry: string): DoctorFlags['resolve'][number] | undefined {
  const match = /^([^:\s]+):(\d{1,5}):(?:\[([^\]\s]+)\]|([^\]\s]+))$/.exec(entry);
  if (!match) return undefined;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return undefined;
  const address = match[3] ?? match[4]!;
  // An IP address, as curl requires (a typo such as 127.0.0.l would otherwise be looked up in DNS).
  // node:net is loaded only here, when --resolve is given.
  const family = nodeNet().isIP(address);
  if (family === 0 || (match[3] !== undefined && family !== 6)) return undefined;
  return { host: match[1]!.toLowerCase(), port, address };
}
