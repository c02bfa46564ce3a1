// `npm run bench [-- name...]`: runs the benchmarks one after another (never in parallel: they time whole
// processes) and ends with every target and whether this machine met it. Missed targets do not fail the run;
// a benchmark that could not measure (a crash, a wrong answer) does.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineLine, printVerdicts, requireBuiltCli, scratchDir } from './lib.mjs';

const BENCHMARKS = ['cold-start', 'bundles', 'lab-runbook', 'bundle-runbook', 'report-sizes'];
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !BENCHMARKS.includes(name));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; the benchmarks are ${BENCHMARKS.join(', ')}`);
  process.exit(2);
}
requireBuiltCli();
const scratch = scratchDir('run-all');
const summaries = [];
for (const name of chosen.length ? chosen : BENCHMARKS) {
  console.log(`\n=== ${name} ${'='.repeat(Math.max(0, 70 - name.length))}`);
  const summaryFile = path.join(scratch, `${name}.json`);
  const script = fileURLToPath(new URL(`./${name}.mjs`, import.meta.url));
  const { status } = spawnSync(process.execPath, [script], { stdio: 'inherit', env: { ...process.env, BENCH_SUMMARY_FILE: summaryFile } });
  const verdicts = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')).verdicts : null;
  rmSync(summaryFile, { force: true });
  summaries.push({ name, status, verdicts });
}

console.log(`\n=== summary ${'='.repeat(63)}\n  ${machineLine()}`);
for (const { name, status, verdicts } of summaries) {
  console.log(`${name}:`);
  if (verdicts) printVerdicts(verdicts);
  else console.log(`  (no figures: the benchmark exited ${status}; see its output above)`);
}
const met = summaries.flatMap((s) => s.verdicts ?? []).filter((v) => v.met).length;
const total = summaries.flatMap((s) => s.verdicts ?? []).length;
console.log(`\n${met} of ${total} targets met on this machine. Targets are printed, never asserted: timings depend on the machine.`);
process.exitCode = summaries.every((s) => s.status === 0 && s.verdicts) ? 0 : 1;
