// The command line has two readers of one option table: a plain one for the common command lines,
// yargs for everything else (--help, --version, usage errors). Wherever the fast one answers, it must answer
// exactly what yargs answers; and it must answer the common lines, or yargs would be loaded on every run.
import { describe, expect, it } from 'vitest';
import { parseArgs, parseCommonArgv, parseWithYargs } from '../src/options.js';

/** Command lines both readers are compared on: accepted ones, and the forms only yargs may read. */
const COMMAND_LINES: string[][] = [
  [], ['--json'], ['--plain'], ['--json', '--skip', 'tls.auth,oauth.token,ws.upgrade'], ['--only', 'ca.bundle', '--only', 'env.precedence'],
  ['--only=ca.bundle'], ['--only', ''], ['--only', ' ca.bundle , env.precedence '], ['--skip=tls.auth', '--json', '-v'], ['--verbose', '--strict'],
  ['--timeout', '3000'], ['--timeout=3000'], ['--timeout', '007'], ['--timeout', '0'], ['--timeout', '1e3'], ['--timeout', '-5'], ['--timeout=-5'],
  ['--timeout', 'abc'], ['--timeout', ''], ['--timeout', '5', '--timeout', '7'], ['--timeout'],
  ['--resolve', 'auth.openai.com:443:127.0.0.1'], ['--resolve', 'a:443:[::1]', '--resolve', 'b:443:127.0.0.1'], ['--resolve', 'auth.openai.com:127.0.0.1'],
  ['--resolve', 'a:443:1.2.3.4', 'b:443:1.2.3.4'], ['--proxy', 'http://proxy:8080'], ['--proxy', 'proxy.corp:8080'], ['--proxy', 'http://[bad'], ['--proxy='],
  ['--proxy', '"http://q:1"'], ['--proxy="http://q:1"'], ['--proxy', 'a', '--proxy', 'b'], ['--codex-home', '/x'], ['--codex-home='], ['--codexHome', '/x'],
  ['--profile', 'work'], ['--profile', '123'], ['-v'], ['-vv'], ['--strict', '--strict'], ['--json', '--json'],
  ['--only', 'tls.nope'], ['--skip', 'ca.bundle,bogus'], ['--json', '--plain'], ['--frobnicate'], ['-x'], ['foo'], ['--list'], ['--Json'],
  ['--json', 'false'], ['--json=false'], ['--no-json'], ['--verbose=true'], ['--', 'x'], ['--json', '--'],
  ['lab'], ['lab', 'zscaler-healthy'], ['lab', 'zscaler-healthy', '--json'], ['lab', '--list'], ['lab', '--list', '--json'], ['lab', '123'], ['lab', 'true'],
  ['lab', 'a', 'b'], ['--json', 'lab', 'x'], ['lab', '--', 'x'], ['lab', 'x', '--list', '--strict', '--timeout', '50'], ['lab', '--only', 'ca.bundle', 'scen'],
  ['lab', 'scen', '--only', 'a', 'b'], ['--help'], ['--version'], ['lab', '--help'], ['--help', '--json'],
  ['--codex-home', '/a', '--codex-home', '/b'], ['--profile', 'a', '--profile=b'], ['--codex-home', ''], ['--profile', ''], ['--skip', ','],
  ['--timeout', '99999999999'], ['--timeout', '2147483647'], ['--timeout', '2147483648'], ['--resolve', 'auth.openai.com:443:127.0.0.l'],
  ['--resolve', 'a:443:[127.0.0.1]'], ['--resolve', 'a:443:::1'], ['--resolve', 'a:443:proxy.corp'],
  ['fix'], ['fix', '--yes'], ['fix', '-y'], ['fix', '--dry-run', '--json'], ['fix', '--yes', '--plain', '--only', 'ca.bundle'], ['fix', 'x'],
  ['fix', '--list'], ['--yes'], ['--dry-run'], ['lab', '--yes'], ['lab', 'x', '--dry-run'], ['fix', '--help'], ['fix', '--yes', '--yes'], ['fix', '--dry-run=false'],
  ['--format', 'markdown'], ['--format=json'], ['--format', 'plain', '-v'], ['--format', 'md'], ['--format'], ['--format', 'json', '--json'],
  ['--format', 'markdown', '--plain'], ['--format', 'json', '--format', 'plain'], ['lab', 'root-missing', '--format', 'markdown'],
  ['explain', 'invalid peer certificate: UnknownIssuer'], ['explain'], ['explain', 'Reconnecting... 5/5', '--json'], ['explain', '407'],
  ['explain', '--', '-x'], ['explain', 'a', 'b'], ['explain', 'Token exchange failed', '--format', 'markdown'], ['explain', '-v', 'x'],
  ['explain', ' leading space'], ['explain', '--list'],
  ['explain', '--yes'], ['fix', 'some text'],
];

describe('command line readers', () => {
  it.each(COMMAND_LINES.map((argv) => [argv]))('%j: the fast reader answers as yargs does', async (argv) => {
    expect(await parseArgs(argv)).toEqual(await parseWithYargs(argv));
  });

  it('reads the common command lines without yargs', () => {
    for (const argv of [[], ['--json'], ['--json', '--skip', 'tls.auth,oauth.token,ws.upgrade'], ['--plain', '-v', '--timeout', '3000'], ['lab', 'zscaler-healthy', '--json'], ['lab', '--list'], ['fix', '--yes'], ['fix', '--dry-run', '--json'], ['--format', 'markdown'], ['explain', 'Reconnecting... 5/5'], ['explain', '--json']]) {
      expect(parseCommonArgv(argv), JSON.stringify(argv)).toBeDefined();
    }
  });

  it('leaves help, version, usage errors and the forms yargs reads its own way to yargs', () => {
    for (const argv of [['--help'], ['--version'], ['--frobnicate'], ['--json', '--plain'], ['--only', 'a', 'b'], ['--json', 'false'], ['--proxy', '"x"'], ['--timeout', '-5'], ['--', 'x'], ['--list']]) {
      expect(parseCommonArgv(argv), JSON.stringify(argv)).toBeUndefined();
    }
  });
});

describe('values that would be dropped or misread silently are usage errors', () => {
  it.each([
    [['--codex-home', '/a', '--codex-home', '/b'], '--codex-home given more than once: give it once.'],
    [['--proxy', 'http://a:1', '--proxy', 'http://b:2'], '--proxy given more than once: give it once.'],
    [['--profile', 'a', '--profile', 'b'], '--profile given more than once: give it once.'],
    [['--timeout', '5', '--timeout', '7'], '--timeout given more than once: give it once.'],
    [['--codex-home', ''], '--codex-home needs a value; it was given an empty one.'],
    [['--only', ''], '--only needs a value; it was given an empty one.'],
    [['--skip', ' , '], '--skip needs a value; it was given an empty one.'],
    // A longer one overflows Node's timers, which then fire after 1 ms.
    [['--timeout', '99999999999'], '--timeout 99999999999: at most 2147483647 ms (about 24 days).'],
    [['--resolve', 'auth.openai.com:443:127.0.0.l'], '--resolve auth.openai.com:443:127.0.0.l: expected host:port:address, the address an IP address (e.g. auth.openai.com:443:127.0.0.1).'],
    [['--resolve', 'a:443:[127.0.0.1]'], '--resolve a:443:[127.0.0.1]: expected host:port:address, the address an IP address (e.g. auth.openai.com:443:127.0.0.1).'],
  ])('%j', async (argv, message) => {
    expect(await parseArgs(argv)).toEqual({ kind: 'usage-error', message });
  });

  it('accepts the limits themselves', async () => {
    expect(await parseArgs(['--timeout', '2147483647'])).toMatchObject({ kind: 'doctor', flags: { timeoutMs: 2147483647 } });
    expect(await parseArgs(['--resolve', 'a:443:[::1]', '--resolve', 'b:443:192.0.2.1'])).toMatchObject({
      kind: 'doctor',
      flags: { resolve: [{ host: 'a', port: 443, address: '::1' }, { host: 'b', port: 443, address: '192.0.2.1' }] },
    });
  });
});
