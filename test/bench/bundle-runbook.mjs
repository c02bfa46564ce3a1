// The whole runbook through a proxy with a huge CA bundle (issue #10 item 2, issue #11 item 4): 1k, 10k and 30k
// distinct certificates plus the corporate root in CODEX_CA_CERTIFICATE, `node dist/cli.js --json` against one
// running lab (inspecting proxy on 127.0.0.1). Targets: 30k finishes inside the default deadline with every
// network check run, and the cost grows linearly with the bundle (no TLS context of the whole set is built).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ecBundle } from './bundle-files.mjs';
import { startLabServe } from './lab-serve-client.mjs';
import { cleanEnv, expectExit, machineLine, main, printVerdicts, reportToParent, requireBuiltCli, run, scratchDir, stats, timeLine, verdict } from './lib.mjs';

const SIZES = [1_000, 10_000, 30_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DEFAULT_DEADLINE_MS = 10_000;
/** The cost per 1k certificates at 30k may exceed the figure at 1k by this factor and still count as linear. */
const LINEAR_SLACK = 1.5;
const NETWORK_CHECKS = ['tls.auth', 'oauth.token', 'ws.upgrade'];

main(async () => {
  const cli = requireBuiltCli();
  const scratch = scratchDir('bundle-runbook');
  const home = path.join(scratch, 'home');
  mkdirSync(home);
  const env = cleanEnv(home);
  console.log('whole runbook through the lab proxy with CODEX_CA_CERTIFICATE = N distinct EC CA certificates (30k: 14.7 MB, as in issue #10) + the corporate root');
  console.log(`  ${machineLine()}; whole processes, 1 warm-up then ${RUNS} runs per size; default deadline ${DEFAULT_DEADLINE_MS} ms\n`);
  const lab = await startLabServe(env, 'zscaler-healthy');
  const rows = [];
  try {
    const corporate = readFileSync(lab.info.corporateRoot, 'utf8');
    const sized = async (count) => {
      const file = path.join(scratch, `bundle-${count}.pem`);
      writeFileSync(file, count === 0 ? corporate : readFileSync(ecBundle(count), 'utf8') + corporate);
      return file;
    };
    for (const count of [0, ...SIZES]) {
      const file = await sized(count);
      const userEnv = { ...env, HTTPS_PROXY: lab.info.proxyUrl, CODEX_CA_CERTIFICATE: file };
      const times = [];
      let report;
      for (let i = 0; i <= RUNS; i++) {
        const result = expectExit(await run(process.execPath, [cli, '--json'], { env: userEnv, timeoutMs: 120_000 }), [0, 1], `codex-doctor --json with ${count} extra certificates`);
        report = JSON.parse(result.stdout);
        if (i > 0) times.push(result.wallMs);
      }
      const network = report.checks.filter((c) => NETWORK_CHECKS.includes(c.id)).map((c) => `${c.id}=${c.status}`);
      rows.push({ count, time: stats(times), network, allPass: network.every((n) => n.endsWith('=pass')) });
      console.log(timeLine(`${count.toLocaleString('en-US')} + 1 certificates`, stats(times), 28) + `  [${network.join(', ')}]`);
    }
  } finally {
    await lab.stop();
  }
  const [base, ...sizes] = rows;
  const perThousand = (row) => (row.time.median - base.time.median) / (row.count / 1000);
  for (const row of sizes) console.log(`  ${row.count.toLocaleString('en-US')}: +${perThousand(row).toFixed(1)} ms per 1k certificates over the 1-certificate bundle (${base.time.median.toFixed(0)} ms)`);
  const [small, , big] = sizes;
  const verdicts = [
    verdict('30k bundle: the whole runbook through the proxy inside the default deadline', big.time.max < DEFAULT_DEADLINE_MS && big.allPass,
      `${big.time.median.toFixed(0)} ms median, ${big.time.max.toFixed(0)} ms max; ${big.network.join(', ')}`),
    verdict('whole-runbook cost linear in bundle size (1k, 10k, 30k)', perThousand(big) <= LINEAR_SLACK * Math.max(perThousand(small), 1),
      sizes.map((row) => `${perThousand(row).toFixed(1)} ms/1k at ${row.count / 1000}k`).join(', ')),
  ];
  printVerdicts(verdicts);
  reportToParent('bundle-runbook', verdicts);
});
