// main(argv, io): picks the mode (tui | text | json), wires the runner to a renderer, returns the exit code.
import { RUNBOOK } from './checks/index.js';
import { loadWorld, type CodexWorld } from './codex/world.js';
import type { RunOptions } from './core/check.js';
import { ExitCode, exitCodeFor } from './core/exit-codes.js';
import type { Host } from './core/host.js';
import { realHost } from './core/real-host.js';
import { Redactor } from './core/redact.js';
import { buildReport, reportedVariables } from './core/report.js';
import { userShell } from './fix/shell.js';
import { ticketFields } from './core/ticket.js';
import { loadEndpoints } from './codex/endpoints.js';
import { hostsCodexNeeds } from './codex/it-hosts.js';
import { planChecks, runChecks } from './core/runner.js';
import type { Report, RunEvent } from './core/types.js';
import { parseArgs, type DoctorFlags } from './options.js';
import { renderJson } from './render/json.js';
import type { TextStyle } from './render/text.js';
import { VERSION } from './version.js';

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
  /** The user's working directory, where a saved report goes (a lab Host's cwd is its temporary directory). */
  cwd?: string;
  /** The keyboard, for `fix` to ask before it changes anything. */
  prompt?: Prompt;
  /** Reads stdin up to maxBytes when it is a pipe or a file; undefined for a terminal (nothing was piped in). */
  readStdin?(maxBytes: number): Promise<string | undefined>;
}

export interface Prompt {
  /** Whether stdin is a terminal someone can answer on. */
  interactive(): boolean;
  /** Writes the question and resolves with the line typed (empty at end of input). */
  ask(question: string): Promise<string>;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  // Whatever reaches stderr (a usage error quoting an argument, the lab's messages) may hold a password
  // typed on the command line or set in the environment. The redactor is built on the first write: most runs
  // write nothing there.
  let stderrRedactor: Redactor | undefined;
  const { stderr, env } = io;
  const redactedStderr: OutStream = {
    write: (chunk: string) => stderr.write((stderrRedactor ??= Redactor.fromEnv({ ...env, ...argumentEntries(argv) })).text(chunk)),
    ...(stderr.isTTY !== undefined && { isTTY: stderr.isTTY }),
    ...(stderr.columns !== undefined && { columns: stderr.columns }),
  };
  io = { ...io, stderr: redactedStderr };
  const parsed = await parseArgs(argv, io.stdout.columns ?? 80);
  switch (parsed.kind) {
    case 'usage-error':
      io.stderr.write(`codex-doctor: ${parsed.message}\nRun codex-doctor --help for the options.\n`);
      return ExitCode.usage;
    case 'print':
      io.stdout.write(`${parsed.text}\n`);
      return ExitCode.ok;
    case 'doctor':
      return runDoctor({ host: machineHost(parsed.flags, io), flags: parsed.flags, io });
    case 'fix': {
      const host = machineHost(parsed.flags, io);
      // Loaded only for `fix`: nothing of it slows the doctor's own runs.
      const { runFix } = await import('./fix/command.js');
      return runFix({ host, flags: parsed.flags, yes: parsed.yes, dryRun: parsed.dryRun, io });
    }
    case 'explain': {
      const { runExplain } = await import('./explain/command.js');
      return runExplain(parsed, io, machineHost(parsed.flags, io));
    }
    case 'lab': {
      // The lab (servers, PKI) is loaded only when asked for. Its RSA key, the slowest part of a lab start,
      // is generated on the thread pool while the lab's modules load (startLab waits for it).
      if (!parsed.list) {
        void import('./lab/keys.js').then(({ labKeys, DEFAULT_KEY_BITS }) => labKeys.prepare([DEFAULT_KEY_BITS])).catch(() => {});
      }
      const { runLabCommand } = await import('./lab/command.js');
      return runLabCommand(parsed, io);
    }
  }
}

/** The real machine, with --resolve's dial overrides. */
function machineHost(flags: DoctorFlags, io: Io): Host {
  const dial = new Map(flags.resolve.map((r) => [`${r.host}:${r.port}`, { address: r.address, port: r.port }]));
  return realHost({ env: { ...io.env }, dial });
}

/** The command-line arguments as entries for the redactor (`--proxy=URL` read as URL). */
function argumentEntries(argv: readonly string[]): Record<string, string> {
  return Object.fromEntries(argv.map((arg, i) => [`argument ${i}`, arg.replace(/^--?[\w-]+=/, '')]));
}

/** A run that can be started (and restarted, by the TUI's `r`) with live events. */
export interface SavedReports {
  json: string;
  markdown: string;
}

export interface DoctorSession {
  /** The checks that will appear, in runbook order, before any of them starts. */
  planned: Array<{ id: string; title: string }>;
  strict: boolean;
  run(onEvent?: (event: RunEvent) => void, signal?: AbortSignal): Promise<Report>;
  /** Writes the JSON and the Markdown report next to the user (cwd), readable by the user only; returns both paths. */
  save(report: Report): Promise<SavedReports>;
}

export interface UnredactedRun {
  /** The run, unredacted, with the redactor for what is shown: `fix` writes the real values. */
  runUnredacted(signal?: AbortSignal): Promise<{ report: Report; redactor: Redactor }>;
}

export function createSession(host: Host, flags: DoctorFlags, saveDir = host.cwd): DoctorSession & UnredactedRun {
  const options: RunOptions = {
    timeoutMs: flags.timeoutMs,
    verbose: flags.verbose,
    ...(flags.codexHome !== undefined && { codexHome: flags.codexHome }),
    ...(flags.proxy !== undefined && { proxy: flags.proxy }),
    ...(flags.profile !== undefined && { profile: flags.profile }),
  };
  const selection = { only: flags.only, skip: flags.skip };
  const plan = planChecks(RUNBOOK, selection);
  const runUnredacted = async (onEvent?: (event: RunEvent) => void, signal?: AbortSignal): Promise<{ report: Report; redactor: Redactor }> => {
    const started = host.monotonic();
    const generatedAt = host.now();
    const worldPromise = loadWorld(host, options);
    const world = await worldPromise.catch(() => undefined);
    const redactor = Redactor.fromEnv({ ...host.env, ...world?.env, ...(options.proxy !== undefined && { '--proxy': options.proxy }) }).withConfig(
      world ? [world.config.merged, ...world.config.layers.map((layer) => layer.table)] : [],
      world?.config.layers.map((layer) => layer.source) ?? [],
    );
    const checks = await runChecks({
      checks: RUNBOOK,
      host,
      options,
      redactor,
      extra: { world: () => worldPromise },
      selection,
      ...(onEvent && { onEvent }),
      ...(signal && { signal }),
    });
    const interrupted = signal?.aborted === true;
    const hosts = world ? await loadEndpoints(host, world).then((endpoints) => hostsCodexNeeds(endpoints, world.config), () => []) : [];
    const report = buildReport({
      checks,
      ticket: ticketFields({ checks, hosts }),
      environment: await environmentSummary(host, world),
      generatedAt,
      durationMs: host.monotonic() - started,
      exitCode: interrupted ? ExitCode.interrupted : exitCodeFor(checks, flags.strict),
    });
    return { report, redactor };
  };
  return {
    planned: RUNBOOK.filter((c) => plan.has(c.id)).map((c) => ({ id: c.id, title: c.title })),
    strict: flags.strict,
    async run(onEvent, signal) {
      const { report, redactor } = await runUnredacted(onEvent, signal);
      return redactor.deep(report);
    },
    runUnredacted: (signal) => runUnredacted(undefined, signal),
    async save(report) {
      const stamp = report.generatedAt.replace(/[:.]/g, '-');
      // Imported here, not with the module: only a saved report needs them (see core/builtins.ts for the cost).
      const [{ writeFile }, { resolve }, { renderMarkdown }] = await Promise.all([import('node:fs/promises'), import('node:path'), import('./render/markdown.js')]);
      const saved = { json: resolve(saveDir, `codex-doctor-report-${stamp}.json`), markdown: resolve(saveDir, `codex-doctor-report-${stamp}.md`) };
      // 0600, and never over an existing file: the report names the user's files, proxy and network.
      await writeFile(saved.json, renderJson(report, { verbose: flags.verbose }), { mode: 0o600, flag: 'wx' });
      await writeFile(saved.markdown, renderMarkdown(report), { mode: 0o600, flag: 'wx' });
      return saved;
    },
  };
}

async function environmentSummary(host: Host, world: CodexWorld | undefined): Promise<Report['environment']> {
  const os = await host.osInfo?.().catch(() => undefined);
  // The shell the fix commands are written for (the words layer's command builder reads the same).
  const shell = userShell(host).kind;
  return {
    platform: host.platform,
    arch: host.arch,
    node: process.versions.node,
    doctorVersion: VERSION,
    codexVersion: world?.codexVersion ?? null,
    codexHome: world?.codexHome ?? '',
    variables: reportedVariables(world?.env ?? host.env),
    ...(host.lab !== undefined && { lab: host.lab }),
    ...(os && { os }),
    shell,
  };
}

export type Mode = 'tui' | 'text' | 'json' | 'markdown';

export function pickMode(flags: DoctorFlags, io: Io): Mode {
  if (flags.output === 'json') return 'json';
  if (flags.output === 'markdown') return 'markdown';
  if (flags.output === 'plain') return 'text';
  const ci = io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false';
  return io.stdout.isTTY === true && !ci ? 'tui' : 'text';
}

/** Runs the runbook on a host and renders it; shared by the real machine and the lab. */
export async function runDoctor(input: { host: Host; flags: DoctorFlags; io: Io; banner?: string }): Promise<number> {
  const { host, flags, io } = input;
  const session = createSession(host, flags, io.cwd ?? host.cwd);
  const mode = pickMode(flags, io);
  const banner = input.banner === undefined ? undefined : Redactor.fromEnv({ ...io.env, ...host.env }).text(input.banner);
  switch (mode) {
    case 'json': {
      const report = await session.run(undefined, io.signal);
      io.stdout.write(renderJson(report, { verbose: flags.verbose }));
      return report.exitCode;
    }
    case 'markdown': {
      const report = await session.run(undefined, io.signal);
      const { renderMarkdown } = await import('./render/markdown.js');
      io.stdout.write(renderMarkdown(report));
      return report.exitCode;
    }
    case 'tui': {
      // Ink and React are loaded only here, so --json and plain text start fast.
      const { runTui } = await import('./render/tui/run-tui.js');
      return runTui(session, io, { banner });
    }
    case 'text': {
      // chalk comes with the text renderer: --json never loads it.
      const { createTextRenderer } = await import('./render/text.js');
      const text = createTextRenderer(io.stdout, textStyle(io), { verbose: flags.verbose, planned: session.planned });
      if (banner) io.stdout.write(`${banner}\n`);
      text.header();
      const report = await session.run((e) => text.onEvent(e), io.signal);
      text.footer(report);
      return report.exitCode;
    }
  }
}

export function textStyle(io: Io): TextStyle {
  const env = io.env;
  let color: TextStyle['color'] = io.stdout.isTTY && env.TERM !== 'dumb' ? 1 : 0;
  if (env.NO_COLOR) color = 0;
  // FORCE_COLOR wins over NO_COLOR, as in Node itself.
  if (env.FORCE_COLOR !== undefined) {
    const force = env.FORCE_COLOR;
    color = force === '' || force === 'true' ? 1 : force === 'false' ? 0 : (Math.min(3, Math.max(0, Number.parseInt(force, 10) || 0)) as TextStyle['color']);
  }
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  const unicode = /utf-?8/i.test(locale) || Boolean(env.WT_SESSION) || env.TERM_PROGRAM === 'vscode';
  return { color, unicode, columns: io.stdout.columns ?? 100 };
}
