// Starts a scenario's lab services (from the build) outside the doctor, prints one JSON line with what a
// person needs to test them by hand, and stops the lab when stdin closes. Usage: node lab-serve.mjs [scenario]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { requireBuiltCli, ROOT } from './lib.mjs';

requireBuiltCli();
const load = (file) => import(pathToFileURL(path.join(ROOT, 'dist', 'lab', file)).href);
const { DEFAULT_SCENARIO, SCENARIOS_DIR, loadScenario } = await load('scenario.mjs');
const { startLab } = await load('world.mjs');

const name = process.argv[2] ?? DEFAULT_SCENARIO;
const scenario = await loadScenario(path.join(SCENARIOS_DIR, `${name}.toml`));
const lab = await startLab(scenario.lab);
process.stdout.write(
  `${JSON.stringify({
    scenario: name,
    proxyUrl: lab.proxyUrl,
    proxyHostPort: lab.proxy ? `127.0.0.1:${lab.proxy.port}` : null,
    originPort: lab.origin.port,
    corporateRoot: lab.files.corporateRoot,
    dir: lab.files.dir,
  })}\n`,
);
// The parent closes stdin to stop the lab (and a killed parent closes it too).
process.stdin.resume();
process.stdin.on('end', () => lab.stop().then(() => process.exit(0)));
