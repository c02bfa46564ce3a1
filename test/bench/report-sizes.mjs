// Ticket sizes (issue 13): for every failing lab scenario, the bytes of `--json` and of `--format markdown`.
// Targets: a typical failing JSON report under 12 KB, a typical Markdown ticket under 8 KB ("typical" being
// the median of the failing scenarios). Printed figures, like every benchmark here; test/render/ticket.test.ts
// asserts both bounds (sizes are deterministic, not timings).
import path from 'node:path';
import { cleanEnv, expectExit, machineLine, main, printVerdicts, reportToParent, requireBuiltCli, run, scratchDir, verdict } from './lib.mjs';

const JSON_TARGET = 12 * 1024;
const MARKDOWN_TARGET = 8 * 1024;

main(async () => {
  const cli = requireBuiltCli();
  const env = cleanEnv(path.join(scratchDir('report-sizes')));
  const scenarios = JSON.parse(expectExit(await run(process.execPath, [cli, 'lab', '--list', '--json'], { env }), [0], 'lab --list').stdout);
  const failing = scenarios.filter((s) => s.exitCode === 1);
  console.log(`report sizes, ${failing.length} failing lab scenarios; ${machineLine()}\n`);
  console.log(`  ${'scenario'.padEnd(34)} ${'json'.padStart(8)} ${'markdown'.padStart(9)}`);
  const sizes = [];
  for (const scenario of failing) {
    const json = expectExit(await run(process.execPath, [cli, 'lab', scenario.name, '--json'], { env }), [1], `${scenario.name} --json`).stdout;
    const markdown = expectExit(await run(process.execPath, [cli, 'lab', scenario.name, '--format', 'markdown'], { env }), [1], `${scenario.name} markdown`).stdout;
    const size = { json: Buffer.byteLength(json), markdown: Buffer.byteLength(markdown) };
    sizes.push(size);
    console.log(`  ${scenario.name.padEnd(34)} ${String(size.json).padStart(8)} ${String(size.markdown).padStart(9)}`);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const jsonMedian = median(sizes.map((s) => s.json));
  const markdownMedian = median(sizes.map((s) => s.markdown));
  const verdicts = [
    verdict('typical failing JSON report under 12 KB', jsonMedian < JSON_TARGET, `median ${jsonMedian} bytes, largest ${Math.max(...sizes.map((s) => s.json))}`),
    verdict('typical Markdown ticket under 8 KB', markdownMedian < MARKDOWN_TARGET, `median ${markdownMedian} bytes, largest ${Math.max(...sizes.map((s) => s.markdown))}`),
  ];
  console.log('');
  printVerdicts(verdicts);
  reportToParent('report-sizes', verdicts);
});
