// `npm run conformance`: the real Codex is the test oracle. For every release in releases.json and every lab
// scenario, one isolated world (world.ts in its own `unshare -n -m` namespace) runs Codex per transport and
// the doctor; this file compares, prints the table, writes docs/conformance.md, and fails on any new
// disagreement, on a recorded one that no longer happens, on a prescription that does not fix, and when the
// isolation it needs is not available.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import path from 'node:path';
import { alpnMismatches, alpnSummary, type AlpnObservation } from './alpn.js';
import { compareTransport, judge, renderTable, summaryLines, type KnownDisagreement, type Row } from './compare.js';
import { doctorVerdicts } from './doctor-verdict.js';
import { TRANSPORTS } from './observe.js';
import { fixResult, manualNote } from './prescription.js';
import type { WorldInput, WorldResult } from './world.js';

// Built to .conformance-build/bin/ (two levels down, like dist/lab/, so that the lab finds scenarios/ and fixtures/).
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const CACHE = path.join(ROOT, '.codex-cache');
const WORLD = path.join(ROOT, '.conformance-build', 'bin', 'world.mjs');

interface Options {
  releases: string[] | null;
  scenarios: string[] | null;
  jobs: number;
  write: boolean;
}

function options(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const list = (flag: string): string[] | null => value(flag)?.split(',').filter(Boolean) ?? null;
  return {
    releases: list('--release'),
    scenarios: list('--scenario'),
    // Codex mostly waits on the lab (retries, deadlines, reruns after a fix): a world uses about a quarter of a
    // core, so 6 at a time suit 2 cores.
    jobs: Number(value('--jobs') ?? Math.max(6, cpus().length)),
    // A partial run (some releases or scenarios) does not overwrite the committed table.
    write: !argv.includes('--no-write') && !argv.includes('--release') && !argv.includes('--scenario'),
  };
}

function fail(message: string): never {
  process.stderr.write(`conformance: ${message}\n`);
  process.exit(1);
}

/** Isolation is absolute: without root and namespaces the suite says so and fails. */
function preflight(): void {
  if (process.platform !== 'linux') fail(`needs Linux network namespaces; this is ${process.platform}. Nothing was checked.`);
  if (process.getuid?.() !== 0) fail('needs root (it runs Codex in private network and mount namespaces: unshare -n -m). Nothing was checked.');
  // bash: the user's shell, which `codex-doctor fix` writes a profile for and Codex is rerun from.
  for (const tool of ['unshare', 'ip', 'mount', 'tar', 'npm', 'bash']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) fail(`needs \`${tool}\` (Debian: util-linux, iproute2, mount, tar, bash). Nothing was checked.`);
  }
  const probe = spawnSync('unshare', ['-n', '-m', 'sh', '-c', 'ip link set lo up && mount --bind /etc/hostname /etc/hostname'], { encoding: 'utf8' });
  if (probe.status !== 0) fail(`private namespaces are not permitted here (unshare -n -m: ${probe.stderr.trim() || `exit ${probe.status}`}). Nothing was checked.`);
}

/** The release's Linux binary from `@openai/codex@X-linux-x64`, unpacked once into .codex-cache/X/. */
async function codexBinary(release: string): Promise<string> {
  const dir = path.join(CACHE, release);
  const found = await findBinary(dir);
  if (found) return found;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  process.stderr.write(`conformance: fetching @openai/codex@${release}-linux-x64 into ${path.relative(ROOT, dir)}/\n`);
  const packed = execFileSync('npm', ['pack', `@openai/codex@${release}-linux-x64`, '--pack-destination', dir, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop();
  if (!packed) fail(`npm pack @openai/codex@${release}-linux-x64 printed no file name`);
  execFileSync('tar', ['xzf', path.join(dir, packed), '-C', dir]);
  await rm(path.join(dir, packed));
  const binary = await findBinary(dir);
  if (!binary) fail(`no codex binary in @openai/codex@${release}-linux-x64 (looked for vendor/<target>/bin/codex and vendor/<target>/codex/codex)`);
  return binary;
}

async function findBinary(dir: string): Promise<string | null> {
  const vendor = path.join(dir, 'package', 'vendor');
  const targets = await readdir(vendor).catch(() => [] as string[]);
  for (const target of targets.filter((t) => t.startsWith('x86_64-unknown-linux'))) {
    for (const candidate of [path.join(vendor, target, 'bin', 'codex'), path.join(vendor, target, 'codex', 'codex')]) {
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** One world in its own namespaces; a world that crashes or says nothing is an error, never a pass. */
function runWorld(input: WorldInput, deadlineMs: number): Promise<WorldResult | { error: string }> {
  return new Promise((resolve) => {
    const child = spawn('unshare', ['-n', '-m', '--', process.execPath, WORLD, JSON.stringify(input)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr = (stderr + c).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
    child.once('close', (code) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as WorldResult);
      } catch {
        resolve({ error: `world exited ${code ?? 'by signal'} without a result: ${stderr.trim().split('\n').slice(-5).join(' | ')}` });
      }
    });
  });
}

async function pool<T, R>(items: readonly T[], jobs: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(jobs, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T);
      }
    }),
  );
  return results;
}

function rowsOf(result: WorldResult, release: string): Row[] {
  const verdicts = doctorVerdicts(result.doctor, result.modelHost);
  return TRANSPORTS.map((transport) => {
    const codex = result.codex[transport];
    const doctor = verdicts?.[transport] ?? null;
    const row: Row = { scenario: result.scenario, release, transport, codex, doctor, disagreement: compareTransport(codex, doctor) };
    const prescription = result.prescriptions?.[transport];
    if (!codex.works && prescription) {
      row.fix = fixResult(prescription);
      const note = manualNote(prescription);
      if (note) row.fixNote = note;
      const after = prescription.afterHand ?? prescription.afterIt ?? prescription.afterUser;
      const detail = [
        prescription.fixError && `codex-doctor fix: ${prescription.fixError}`,
        prescription.byHand && `by hand: ${prescription.byHand}`,
        after && `Codex after: ${after.evidence}`,
        result.fixRuns?.[0] && `plan: ${result.fixRuns[0].plan.join('; ')}`,
      ];
      row.fixEvidence = detail.filter(Boolean).join(' / ');
    }
    return row;
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const opts = options(process.argv.slice(2));
  preflight();
  const releases = opts.releases ?? (JSON.parse(await readFile(path.join(ROOT, 'conformance', 'releases.json'), 'utf8')) as { releases: Array<{ version: string }> }).releases.map((r) => r.version);
  const known = JSON.parse(await readFile(path.join(ROOT, 'conformance', 'known-disagreements.json'), 'utf8')) as { disagreements: KnownDisagreement[] };
  const scenarioDir = path.join(ROOT, 'scenarios');
  const scenarios = (await readdir(scenarioDir))
    .filter((f) => f.endsWith('.toml'))
    .map((f) => f.replace(/\.toml$/, ''))
    .filter((name) => !opts.scenarios || opts.scenarios.includes(name))
    .sort();
  if (scenarios.length === 0) fail('no scenario selected');

  const binaries = new Map<string, string>();
  for (const release of releases) binaries.set(release, await codexBinary(release));

  const jobs = releases.flatMap((release) => scenarios.map((scenario) => ({ release, scenario })));
  const errors: string[] = [];
  const alpnSeen: AlpnObservation[] = [];
  let done = 0;
  const results = await pool(jobs, opts.jobs, async ({ release, scenario }) => {
    const input: WorldInput = {
      scenarioFile: path.join(scenarioDir, `${scenario}.toml`),
      codexBinary: binaries.get(release)!,
      doctorCli: path.join(ROOT, 'dist', 'cli.js'),
      // Per Codex run: 0.169.0 shows every outcome within about 10 s; releases before 0.144 print no WebSocket cause and are judged at the deadline.
      timeoutMs: 20_000,
      prescribe: true,
    };
    // Baseline, doctor, the user's fix (two doctor runs) and rerun, IT's change, fix again and rerun.
    const result = await runWorld(input, 300_000);
    done += 1;
    if ('error' in result) {
      errors.push(`${scenario} @ ${release}: ${result.error}`);
      process.stderr.write(`  [${done}/${jobs.length}] ${scenario} @ ${release}: ERROR\n`);
      return [];
    }
    if (!result.codexVersion.includes(release)) errors.push(`${scenario} @ ${release}: the binary says "${result.codexVersion}"`);
    const rows = rowsOf(result, release);
    alpnSeen.push({ scenario, release, ...result.alpn });
    const marks = rows.map((r) => `${r.transport} ${r.codex.works ? 'works' : 'fails'}${r.disagreement ? ' (DISAGREE)' : ''}`).join(', ');
    process.stderr.write(`  [${done}/${jobs.length}] ${scenario} @ ${release}: ${marks}\n`);
    return rows;
  });
  const rows = results.flat();
  const { unexpected, vanished, unfixed } = judge(rows, known.disagreements);
  const table = renderTable(rows, known.disagreements);
  const summary = [...summaryLines(rows, known.disagreements), ...alpnSummary(alpnSeen)];
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  process.stdout.write(`\n${table}\n${summary.join('\n')}\n(${minutes} min)\n`);

  if (opts.write && errors.length === 0) {
    const knownList = known.disagreements.map(
      (k) => `- ${k.kind === 'fix' ? 'fix does not work' : 'verdict'}: \`${k.scenario}\` (${k.release === '*' ? 'every release' : k.release}, ${k.transport}): ${k.reason}`,
    );
    const doc = [
      '# Conformance: codex-doctor against the real Codex',
      '',
      'Generated by `npm run conformance` (see the README). Each row: one lab scenario run with the real Codex binary of',
      'that release in a private network namespace, per transport, and codex-doctor in the same world. "Codex" is what',
      'the binary did; "doctor" is the doctor\'s verdict for that host and transport. "fix", for a failing transport, is',
      "what Codex did after the fix the doctor gives first for it: `fixed` / `not-fixed` when that fix is the user's",
      '(the harness runs `codex-doctor fix --yes` in the same world, then Codex from a new shell), `it-fixed` /',
      "`it-not-fixed` when it is a request to IT that the lab plays (the root file IT mails, a proxy rule removed; then",
      '`codex-doctor fix --yes` again), `it-request` for a request the lab does not play, `hand-fixed` / `hand-not-fixed`',
      "when it is a change by hand that the lab plays as the action says, from what the scenario knows (the proxy login the",
      "network team gives, the proxy's real address, the config line the user meant, their own terminal outside Codex's",
      'sandbox; after `codex-doctor fix --yes` applied the report\'s other fixes, then Codex from a new shell), `manual` for',
      'a change by hand the lab does not play, `not-measured` when the finding carries no action.',
      '',
      ...summary.map((line) => `- ${line}`),
      '',
      '## Known disagreements',
      '',
      ...(knownList.length > 0 ? knownList : ['None.']),
      '',
      '## Results',
      '',
      table,
    ].join('\n');
    await writeFile(path.join(ROOT, 'docs', 'conformance.md'), doc);
  }

  const problems = [
    ...errors.map((m) => `world error: ${m}`),
    ...unexpected.map((r) => `NEW disagreement: ${r.scenario} @ ${r.release} ${r.transport}: Codex ${r.codex.works ? 'works' : 'fails'}${r.codex.cause ? ` (${r.codex.cause})` : ''}, doctor ${r.doctor ? `${r.doctor.works ? 'works' : 'fails'}${r.doctor.cause ? ` (${r.doctor.cause})` : ''} [${r.doctor.source}]` : 'gave no report'}; Codex: ${r.codex.evidence}`),
    ...alpnMismatches(alpnSeen).map((m) => `ALPN differs (the rule is src/codex/alpn.ts): ${m}`),
    ...vanished.map((k) => `recorded disagreement no longer happens (remove it from conformance/known-disagreements.json): ${k.scenario} @ ${k.release} ${k.transport}`),
    ...unfixed.map((r) => `the doctor's first fix did not make ${r.scenario} @ ${r.release} ${r.transport} work (${r.fix}), and this is not recorded: ${r.fixEvidence ?? ''}`),
  ];
  if (problems.length > 0) {
    process.stderr.write(`\nconformance FAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write('conformance passed: the doctor agrees with the real Codex on every observation above.\n');
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
