// `codex-doctor lab [scenario] [--list]`: rebuilds a corporate-proxy situation on 127.0.0.1, runs the real
// doctor against it through the Host seam with the normal output (TUI, plain or JSON), and cleans up.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ExitCode } from '../core/exit-codes.js';
import { runDoctor, type Io } from '../main.js';
import { DEFAULT_TIMEOUT_MS, type DoctorFlags, type ParsedCommand } from '../options.js';
import { startScenario } from './host.js';
import { DEFAULT_SCENARIO, loadScenario, loadScenarios, SCENARIOS_DIR, ScenarioError, type Scenario } from './scenario.js';

/** `dir`: where the scenario files are (the package's scenarios/; tests pass their own). */
export async function runLabCommand(parsed: Extract<ParsedCommand, { kind: 'lab' }>, io: Io, dir = SCENARIOS_DIR): Promise<number> {
  const routing = routingFlags(parsed.flags);
  if (routing.length > 0) {
    io.stderr.write(
      `codex-doctor lab: ${routing.join(' and ')} cannot be used with lab: the lab routes every connection itself, on 127.0.0.1. ` +
        'Put the proxy in a scenario instead ([lab.proxy], and HTTPS_PROXY = "${lab.proxyUrl}" under [env]).\n',
    );
    return ExitCode.usage;
  }
  try {
    if (parsed.list) return await listScenarios(parsed.flags, io, dir);
    const name = parsed.scenario ?? DEFAULT_SCENARIO;
    const file = path.join(dir, `${name}.toml`);
    if (!/^[a-z0-9-]+$/.test(name) || !existsSync(file)) {
      io.stderr.write(`codex-doctor lab: unknown scenario "${name}". The scenarios are:\n`);
      io.stderr.write(await scenarioTable(dir).catch((error: unknown) => `  (${(error as Error).message})\n`));
      return ExitCode.usage;
    }
    return await runScenario(await loadScenario(file), { flags: parsed.flags, io });
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    io.stderr.write(`codex-doctor lab: ${error.message}\n`);
    return ExitCode.usage;
  }
}

/** The flags that would route connections outside the lab (it refuses them: nothing leaves this machine). */
function routingFlags(flags: DoctorFlags): string[] {
  return [...(flags.proxy !== undefined ? ['--proxy'] : []), ...(flags.resolve.length > 0 ? ['--resolve'] : [])];
}

/** Starts the scenario's lab, runs the doctor on it with the normal renderers, and always stops the lab. */
export async function runScenario(scenario: Scenario, input: { flags: DoctorFlags; io: Io }): Promise<number> {
  const { io } = input;
  // A scenario's own deadline (a proxy that never answers) applies unless the user chose one.
  const flags: DoctorFlags =
    scenario.timeoutMs !== undefined && input.flags.timeoutMs === DEFAULT_TIMEOUT_MS ? { ...input.flags, timeoutMs: scenario.timeoutMs } : input.flags;
  const running = await startScenario(scenario);
  try {
    if (io.signal?.aborted) return ExitCode.interrupted;
    const banner = `codex-doctor lab: scenario ${scenario.name} (${scenario.title}). Simulated on 127.0.0.1; nothing leaves this machine.`;
    return await runDoctor({ host: running.host, flags, io, banner });
  } finally {
    await running.stop();
  }
}

async function listScenarios(flags: DoctorFlags, io: Io, dir: string): Promise<number> {
  if (flags.output === 'json') {
    const scenarios = await loadScenarios(dir);
    const list = scenarios.map((s) => ({ name: s.name, title: s.title, description: s.description, exitCode: s.expect.exitCode }));
    io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return ExitCode.ok;
  }
  const table = await scenarioTable(dir, flags.verbose ? (io.stdout.columns ?? 100) : null);
  io.stdout.write(`Lab scenarios (run one with: codex-doctor lab <name>; default: ${DEFAULT_SCENARIO}):\n${table}`);
  return ExitCode.ok;
}

/** One line per scenario; with `describeWidth` (--verbose), its description wrapped below. */
async function scenarioTable(dir: string, describeWidth: number | null = null): Promise<string> {
  const scenarios = await loadScenarios(dir);
  const width = Math.max(...scenarios.map((s) => s.name.length));
  return scenarios
    .map((s) => {
      const line = `  ${s.name.padEnd(width)}  ${s.title}\n`;
      return describeWidth === null ? line : `${line}${wrap(s.description, Math.max(40, describeWidth - 6)).map((l) => `      ${l}\n`).join('')}\n`;
    })
    .join('');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') lines.push(current);
  return lines;
}
