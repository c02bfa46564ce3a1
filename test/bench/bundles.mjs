// Parsing and linting big CA bundles (issue 2): `codex-doctor --json --only ca.bundle` on 1,000 and 10,000
// distinct certificates, whole process, time and peak memory, next to `openssl storeutl -noout -certs` on the
// same file. Targets: 10k no slower than openssl, under 200 MB, memory growing linearly with the count.
import { statSync } from 'node:fs';
import path from 'node:path';
import {
  cleanEnv, expectExit, machineLine, main, mb, NATIVE_PEAK_METHOD, printVerdicts, ratio, reportToParent, requireBuiltCli, ROOT, run, scratchDir, stats, timeLine, verdict,
} from './lib.mjs';
import { bundle, CACHE } from './bundle-files.mjs';

const SIZES = [1_000, 10_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MAX_MB = 200;
/**
 * Marginal MB per 1k certificates at 10k may exceed the figure at 1k by this factor and still count as linear
 * (V8's heap grows in steps, so small sizes look dearer per certificate; superlinear growth would show here).
 */
const LINEAR_SLACK = 1.5;

main(async () => {
  const cli = requireBuiltCli();
  const scratch = scratchDir('bundles');
  const env = cleanEnv(scratch);
  console.log(`CA bundles: \`node dist/cli.js --json --only ca.bundle\` (CODEX_CA_CERTIFICATE=bundle) vs \`openssl storeutl -noout -certs bundle\``);
  console.log(`  ${machineLine()}; whole processes from spawn to exit, 1 warm-up then ${RUNS} interleaved runs per size`);
  console.log(`  peak memory: doctor = process.resourceUsage().maxRSS at exit (a --import preload; getrusage, exact);`);
  console.log(`               openssl = ${NATIVE_PEAK_METHOD}`);
  console.log(`  bundles: distinct self-signed RSA-2048/SHA-256 CA certificates (16 keys), minted with the lab PKI, cached in ${CACHE}\n`);

  const baseline = await measure(cli, env, scratch, await bundle(1), 1, 1);
  const rows = [];
  for (const count of SIZES) rows.push({ count, ...(await measure(cli, env, scratch, await bundle(count), count, RUNS)) });

  for (const row of rows) {
    console.log(`${row.count.toLocaleString('en-US')} certificates (${(row.bytes / 1024 / 1024).toFixed(1)} MB PEM), doctor counted ${row.counted}, openssl found ${row.opensslFound}:`);
    console.log(timeLine('codex-doctor --only ca.bundle', row.doctor.time));
    console.log(timeLine('openssl storeutl -noout -certs', row.openssl.time));
    console.log(`  time ratio doctor/openssl (medians): ${ratio(row.doctor.time.median, row.openssl.time.median)}`);
    console.log(`  peak memory: doctor ${mb(row.doctor.peakKiB)}, openssl ${mb(row.openssl.peakKiB)} (max over runs)`);
    console.log(`  doctor over a 1-certificate bundle (${mb(baseline.doctor.peakKiB)}, ${baseline.doctor.time.median.toFixed(0)} ms): ` +
      `+${perThousand((row.doctor.peakKiB - baseline.doctor.peakKiB) / 1024, row.count)} MB and +${perThousand(row.doctor.time.median - baseline.doctor.time.median, row.count)} ms per 1k certificates\n`);
  }

  const [small, big] = rows;
  const growth = (row) => (row.doctor.peakKiB - baseline.doctor.peakKiB) / (row.count / 1000);
  const linear = growth(big) <= LINEAR_SLACK * Math.max(growth(small), 1024);
  const verdicts = [
    verdict('all certificates parsed', rows.every((row) => row.counted === row.count), rows.map((row) => `${row.counted}/${row.count}`).join(', ')),
    verdict('10k bundle no slower than openssl storeutl', big.doctor.time.median <= big.openssl.time.median,
      `${big.doctor.time.median.toFixed(0)} vs ${big.openssl.time.median.toFixed(0)} ms (${ratio(big.doctor.time.median, big.openssl.time.median)})`),
    verdict(`10k bundle under ${MAX_MB} MB`, big.doctor.peakKiB < MAX_MB * 1024, mb(big.doctor.peakKiB)),
    verdict('memory grows linearly (not faster)', linear,
      `${(growth(small) / 1024).toFixed(1)} MB per 1k certificates at 1k, ${(growth(big) / 1024).toFixed(1)} at 10k (linear or better: the 10k figure at most ${LINEAR_SLACK}x the 1k one)`),
  ];
  printVerdicts(verdicts);
  reportToParent('bundles', verdicts);
});

/** Runs both tools on one bundle `runs` times (after one warm-up each); checks that both saw every certificate. */
async function measure(cli, env, scratch, file, count, runs) {
  const doctorEnv = { ...env, CODEX_CA_CERTIFICATE: file };
  // The timed runs print the report users get; the warm-up's --verbose report lists every certificate, to count them.
  const doctor = (verbose = false) => run(process.execPath, [cli, '--json', ...(verbose ? ['--verbose'] : []), '--only', 'ca.bundle'], { env: doctorEnv, memory: 'node', scratch });
  const openssl = () => run('openssl', ['storeutl', '-noout', '-certs', file], { env, memory: 'native', scratch });
  const results = { doctor: [], openssl: [] };
  let warmUp;
  for (let i = -1; i < runs; i++) {
    const d = expectExit(await doctor(i < 0), [0, 1], `the doctor on ${count} certificates`);
    const o = expectExit(await openssl(), [0], `openssl storeutl on ${count} certificates`);
    if (i >= 0) results.doctor.push(d), results.openssl.push(o);
    else warmUp = d;
  }
  const report = JSON.parse(warmUp.stdout);
  const caBundle = report.checks.find((check) => check.id === 'ca.bundle');
  return {
    bytes: statSync(file).size,
    counted: certificateCount(caBundle),
    opensslFound: Number(/Total found: (\d+)/.exec(results.openssl[0].stdout + results.openssl[0].stderr)?.[1] ?? NaN),
    doctor: summary(results.doctor),
    openssl: summary(results.openssl),
  };
}

function summary(results) {
  const peaks = results.map((r) => r.peakKiB).filter((kib) => kib !== null);
  return { time: stats(results.map((r) => r.wallMs)), peakKiB: peaks.length ? Math.max(...peaks) : null };
}

/** A report lists at most this many entries (src/core/bound.ts MAX_LIST_LENGTH). */
const MAX_LISTED = 500;

/** The certificates the ca.bundle check parsed and described, NaN when its count and its (bounded) list disagree. */
function certificateCount(check) {
  const counted = check?.data?.counts?.certificates;
  const listed = check?.data?.certificates?.length;
  return typeof counted === 'number' && listed === Math.min(counted, MAX_LISTED) ? counted : NaN;
}

const perThousand = (delta, count) => (delta / (count / 1000)).toFixed(1);

/** A bundle of `count` distinct certificates, minted once and cached across runs. */
