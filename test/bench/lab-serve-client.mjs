// Starts a scenario's lab in a child process (lab-serve.mjs) for the benchmarks that time the doctor against it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ROOT } from './lib.mjs';

const LAB_SERVE = fileURLToPath(new URL('./lab-serve.mjs', import.meta.url));

export /** Starts lab-serve.mjs and waits for its JSON line; stop() closes its stdin and waits for it to exit. */
async function startLabServe(env, scenario) {
  const child = spawn(process.execPath, [LAB_SERVE, scenario], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = await Promise.race([
    once(createInterface({ input: child.stdout }), 'line'),
    once(child, 'exit').then(([code]) => Promise.reject(new Error(`lab-serve.mjs exited ${code} before the lab was up`))),
  ]);
  const info = JSON.parse(line);
  if (!info.proxyHostPort) throw new Error(`scenario ${scenario} has no proxy: the by-hand runbook needs one`);
  return {
    info,
    async stop() {
      const exited = once(child, 'exit');
      child.stdin.end();
      await exited;
    },
  };
}
