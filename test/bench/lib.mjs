// Shared helpers of the benchmarks: where the built doctor is, a clean environment, running a child process
// with its wall time and peak memory, and min/median/max. Benchmarks print figures; they never fail on them.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = path.join(ROOT, 'dist', 'cli.js');

/** The built CLI; exits with a clear message when the project was not built. */
export function requireBuiltCli() {
  if (!existsSync(CLI)) {
    console.error(`${path.relative(process.cwd(), CLI) || CLI} is missing: build first with \`npm run build\`.`);
    process.exit(2);
  }
  return CLI;
}

/** A scratch directory removed when the benchmark exits. */
export function scratchDir(label) {
  const dir = mkdtempSync(path.join(tmpdir(), `codex-doctor-bench-${label}-`));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** PATH directories of this machine, minus any that hold a `codex` binary (the doctor would run it). */
function pathWithoutCodex() {
  const dirs = [path.dirname(process.execPath), ...(process.env.PATH ?? '').split(path.delimiter)].filter(Boolean);
  const isExecutable = (file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  return [...new Set(dirs)].filter((dir) => !isExecutable(path.join(dir, 'codex'))).join(path.delimiter);
}

/** HOME in a scratch dir, a PATH without codex, no proxy or CA variables, no colours: nothing else. */
export function cleanEnv(home, extra = {}) {
  return { PATH: pathWithoutCodex(), HOME: home, LANG: 'C.UTF-8', NO_COLOR: '1', ...extra };
}

// --- peak memory ------------------------------------------------------------------------------------------

/**
 * A preload for node children: at exit it writes process.resourceUsage().maxRSS (getrusage ru_maxrss, the
 * kernel's own peak RSS of the process, in KiB) to a file. Exact, and stdout stays untouched.
 */
export function maxRssPreload(dir) {
  const file = path.join(dir, 'max-rss-preload.mjs');
  writeFileSync(
    file,
    `import { writeFileSync } from 'node:fs';\n` +
      `process.on('exit', () => { if (process.env.BENCH_MAX_RSS_FILE) writeFileSync(process.env.BENCH_MAX_RSS_FILE, String(process.resourceUsage().maxRSS)); });\n`,
  );
  return pathToFileURL(file).href;
}

/** /usr/bin/time on Linux (GNU or BusyBox: both print ru_maxrss with -f %M); a shell's `time` cannot. */
const GNU_TIME = process.platform === 'linux' && existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** How peak memory of a non-node child is measured here, for the printed notes. */
export const NATIVE_PEAK_METHOD = GNU_TIME
  ? 'GNU /usr/bin/time -f %M (getrusage ru_maxrss of the child, exact)'
  : process.platform === 'linux'
    ? '/proc/<pid>/status VmHWM polled every 2 ms (a lower bound: growth in the last 2 ms before exit is missed)'
    : 'not measured (needs Linux /proc or GNU time)';

// --- running a child --------------------------------------------------------------------------------------

/**
 * Runs a command to completion and returns { code, wallMs, stdout, stderr, peakKiB, peakMethod }.
 * memory: 'node' (the command is node; the maxRSS preload is added), 'native' (GNU time or /proc polling),
 * or undefined (not measured: nothing extra around the child, for pure timing).
 * until: a RegExp; once stdout or stderr matches, the child is stopped (SIGTERM) as a person would press Ctrl-C, and
 * `matched` is true (for a curl that has its answer but would otherwise wait for the server to close).
 */
export function run(command, args, { env, cwd = ROOT, memory, scratch, input, until, timeoutMs = 120_000 } = {}) {
  let argv = [command, ...args];
  let childEnv = env;
  let rssFile;
  let timeFile;
  if (memory === 'node') {
    rssFile = path.join(scratch, `rss-${process.hrtime.bigint()}`);
    argv = [command, '--import', maxRssPreload(scratch), ...args];
    childEnv = { ...env, BENCH_MAX_RSS_FILE: rssFile };
  } else if (memory === 'native' && GNU_TIME) {
    timeFile = path.join(scratch, `time-${process.hrtime.bigint()}`);
    argv = [GNU_TIME, '-o', timeFile, '-f', '%M', ...argv];
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(argv[0], argv.slice(1), { cwd, env: childEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let matched = false;
    const watch = (chunks) => (chunk) => {
      chunks.push(chunk);
      if (until && !matched && until.test(Buffer.concat(chunks).toString('utf8'))) {
        matched = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', watch(out));
    child.stderr.on('data', watch(err));
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
    let polledKiB = 0;
    const poll =
      memory === 'native' && !GNU_TIME && process.platform === 'linux'
        ? setInterval(() => (polledKiB = Math.max(polledKiB, vmHwmKiB(child.pid))), 2)
        : undefined;
    const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      clearTimeout(killer);
      if (poll) clearInterval(poll);
      let peakKiB = null;
      if (rssFile && existsSync(rssFile)) peakKiB = Number(readFileSync(rssFile, 'utf8'));
      // GNU time may put "Command exited with non-zero status N" first; the figure is the last line.
      else if (timeFile && existsSync(timeFile)) peakKiB = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) || null;
      else if (poll) peakKiB = polledKiB || null;
      resolve({ code, signal, matched, wallMs, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), peakKiB });
    });
  });
}

function vmHwmKiB(pid) {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process is gone or not started yet
  }
}

/** Fails loudly when a measured command did not do its job (a fast failure is not a benchmark result). */
export function expectExit(result, codes, what) {
  if (!codes.includes(result.code)) {
    const tail = (result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n');
    throw new Error(`${what} exited ${result.code ?? result.signal} (expected ${codes.join(' or ')}):\n${tail}`);
  }
  return result;
}

// --- statistics and printing ------------------------------------------------------------------------------

export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { n: sorted.length, min: sorted[0], median, max: sorted[sorted.length - 1] };
}

/**
 * Runs each named sample function `warmups` times, then `runs` rounds interleaved (a, b, a, b...) so that
 * machine load drifts over all of them alike. Returns name -> array of results.
 */
export async function interleaved(samplers, { runs, warmups }) {
  const results = Object.fromEntries(Object.keys(samplers).map((name) => [name, []]));
  for (let i = 0; i < warmups; i++) for (const sample of Object.values(samplers)) await sample();
  for (let i = 0; i < runs; i++) for (const [name, sample] of Object.entries(samplers)) results[name].push(await sample());
  return results;
}

export const ms = (value) => `${value.toFixed(0)} ms`;
export const mb = (kib) => (kib === null || kib === undefined ? 'n/a' : `${(kib / 1024).toFixed(1)} MB`);
export const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

export function timeLine(label, s, width = 34) {
  return `  ${label.padEnd(width)} min ${ms(s.min).padStart(8)}  median ${ms(s.median).padStart(8)}  max ${ms(s.max).padStart(8)}  (n=${s.n})`;
}

/** `target: ... MET` or `MISSED`, the one line run-all collects for its summary. */
export function verdict(target, met, detail) {
  return { target, met, detail };
}

export function printVerdicts(verdicts) {
  for (const v of verdicts) console.log(`  [${v.met ? 'MET   ' : 'MISSED'}] ${v.target}: ${v.detail}`);
}

/** Machine context printed with every run: figures on a busy 2-core box are not figures on a laptop. */
export function machineLine() {
  const load = existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a';
  return `node ${process.version}, ${process.platform}/${process.arch}, load average ${load}`;
}

/** Writes a script's verdicts for run-all (when it asked for them). */
export function reportToParent(name, verdicts) {
  if (process.env.BENCH_SUMMARY_FILE) writeFileSync(process.env.BENCH_SUMMARY_FILE, JSON.stringify({ name, verdicts }));
}

/** Runs a benchmark's main and turns any error into one message and exit code 1. */
export function main(fn) {
  fn().catch((error) => {
    console.error(`benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
