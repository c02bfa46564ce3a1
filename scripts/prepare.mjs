// npm's `prepare`: build dist/ when the build tools are installed (a clone after `npm install`). A global
// install straight from a clone (`npm install -g .`) installs only the runtime dependencies: an already
// built dist/ is then used as it is, and without one the install stops with the line that works instead of
// `sh: 1: tsc: not found`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const installed = (name) => {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
};

// npm pack and npm publish run `prepare` too, after `prepack` has built dist/.
if (process.env.npm_command === 'pack' || process.env.npm_command === 'publish') process.exit(0);
if (installed('typescript') && installed('esbuild')) {
  // The npm that runs this script, so that the build uses the same one.
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(result.status ?? 1);
}
if (existsSync(new URL('../dist/cli.js', import.meta.url))) process.exit(0);
process.stderr.write(
  [
    'codex-doctor: dist/ is not built, and the build needs the dev dependencies, which a global install leaves out.',
    'From a clone, install them and build first:    npm install && npm install -g .',
    'Or install the packed tarball (dist/ inside):   npm pack && npm install -g ./codex-doctor-*.tgz',
    '',
  ].join('\n'),
);
process.exit(1);
