// The command line: commands, flags and --help text. Parsing never exits or prints by itself;
// main() decides what to write and which exit code to return.
import yargs from 'yargs';
import { CHECK_IDS } from './checks/index.js';
import { VERSION } from './version.js';

export type OutputMode = 'auto' | 'json' | 'plain';

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
  | { kind: 'print'; text: string }
  | { kind: 'usage-error'; message: string };

export const DEFAULT_TIMEOUT_MS = 10_000;

const EPILOG = `Checks, in runbook order: ${CHECK_IDS.join(', ')}.
Exit codes: 0 all passed (warnings allowed), 1 a check failed (or warned, with --strict),
2 usage error, 3 the doctor itself crashed, 130 interrupted.`;

export function parseArgs(argv: readonly string[], columns = 80): ParsedCommand {
  let command = 'doctor' as 'doctor' | 'lab';
  const parser = yargs([...argv])
    .scriptName('codex-doctor')
    .usage('$0 [options]\n\nFinds out why Codex cannot log in or stream behind a TLS-inspecting proxy.')
    .command('$0', 'Run the runbook against this machine', () => {}, () => {
      command = 'doctor';
    })
    .command(
      'lab [scenario]',
      'Run the runbook against an embedded corporate-proxy scenario on 127.0.0.1',
      (y) =>
        y
          .positional('scenario', { type: 'string', describe: 'Scenario name (see --list)' })
          .option('list', { type: 'boolean', default: false, describe: 'List the scenarios' }),
      () => {
        command = 'lab';
      },
    )
    .option('json', { type: 'boolean', describe: 'Print one redacted JSON report on stdout' })
    .option('plain', { type: 'boolean', describe: 'Plain text, even in a terminal' })
    .option('only', { type: 'string', array: true, default: [], describe: 'Run only these checks (and what they need)' })
    .option('skip', { type: 'string', array: true, default: [], describe: 'Skip these checks' })
    .option('timeout', { type: 'number', default: DEFAULT_TIMEOUT_MS, describe: 'Deadline for the whole run, in ms' })
    .option('strict', { type: 'boolean', default: false, describe: 'Exit 1 on warnings too' })
    .option('codex-home', { type: 'string', describe: 'Use this CODEX_HOME instead of the environment' })
    .option('profile', { type: 'string', describe: 'Codex profile: reads $CODEX_HOME/NAME.config.toml' })
    .option('proxy', { type: 'string', describe: 'Use this proxy URL for both transports instead of the environment' })
    .option('resolve', {
      type: 'string',
      array: true,
      default: [],
      describe: 'host:port:address, like curl: dial address instead of resolving host (repeatable)',
    })
    .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'Show the evidence and info findings' })
    .conflicts('json', 'plain')
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
  const resolve: DoctorFlags['resolve'] = [];
  for (const entry of list('resolve')) {
    const parsed = parseResolve(entry);
    if (!parsed) return { kind: 'usage-error', message: `--resolve ${entry}: expected host:port:address (e.g. auth.openai.com:443:127.0.0.1).` };
    resolve.push(parsed);
  }
  const proxy = args.proxy as string | undefined;
  if (proxy !== undefined && !URL.canParse(proxy.includes('://') ? proxy : `http://${proxy}`)) {
    return { kind: 'usage-error', message: `--proxy ${proxy}: not a URL (e.g. http://proxy.corp:8080).` };
  }

  const flags: DoctorFlags = {
    output: args.json ? 'json' : args.plain ? 'plain' : 'auto',
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
  return { kind: 'doctor', flags };
}

function optional<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return typeof value === 'string' && value !== '' ? ({ [key]: value } as { [P in K]: string }) : {};
}

/** curl's --resolve: `host:port:address`, the address possibly a bracketed IPv6. */
export function parseResolve(entry: string): DoctorFlags['resolve'][number] | undefined {
  const match = /^([^:\s]+):(\d{1,5}):\[?([^\]\s]+)\]?$/.exec(entry);
  if (!match) return undefined;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return undefined;
  return { host: match[1]!.toLowerCase(), port, address: match[3]! };
}
