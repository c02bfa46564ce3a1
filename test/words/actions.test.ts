// Every catalogued code that can warn or fail is produced by a test whose findings are checked for a fix action:
// the checks' tests run through test/helpers/run-check.ts and the scenario suite through test/scenarios.test.ts,
// both of which assert on every warn and fail that one of its hints carries an action (test/helpers/findings.ts).
// A new code that warns or fails without such a test (or without an action) fails here or there.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { networkHints, oauthHints, type HintContext } from '../../src/words/network-hints.js';
import { routeFrom } from '../../src/checks/network.js';
import { proxyFor } from '../../src/codex/proxy.js';
import { CATALOGUE, type ErrorCode } from '../../src/core/codes.js';
import { Speaker } from '../../src/words/speaker.js';
import { INFO_ONLY } from '../helpers/findings.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A crash is the doctor's own bug: reported as `crash`, with no fix for the user to apply. */
const NOT_A_FINDING_TO_FIX = new Set(['RUN_CRASH']);

/** The helpers that assert an action on every warn and fail they produce: the runner helper, the network lab, env.precedence's runner, the hostile harness, or findings.ts itself. */
const ASSERTING_HELPERS = /from '(\.\.\/helpers\/|\.\/)(run-check|network-lab|env-precedence|findings|harness)\.js'/;

/** Test files whose checks run through an asserting helper. */
async function producingSources(): Promise<string[]> {
  const files = (await readdir(path.join(ROOT, 'test'), { recursive: true })).filter((f) => /\.test\.tsx?$/.test(f)).map((f) => path.join(ROOT, 'test', f));
  const sources = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  const tests = sources.filter((s) => ASSERTING_HELPERS.test(s));
  // Every lab scenario runs through the scenario suite, and every config fixture through sandbox-env.test.ts's
  // runner helper: both assert the same on what they produce.
  const read = async (dir: string, pattern: RegExp): Promise<string[]> =>
    Promise.all((await readdir(path.join(ROOT, dir), { recursive: true })).filter((f) => pattern.test(f)).map((f) => readFile(path.join(ROOT, dir, f), 'utf8')));
  return [...tests, ...(await read('scenarios', /\.toml$/)), ...(await read('fixtures/config', /expected\.json$/))];
}

/** The codes of a failed probe: classify() produces many of them only from raw errors, so their hints are walked here. */
const NETWORK_CODES = Object.keys(CATALOGUE).filter((code) => /^(NET|PROXY|TLS|OAUTH|WS|LAB)_/.test(code) && !INFO_ONLY.has(code)) as ErrorCode[];

/** Every route a probe can take, for both of Codex's transports, on Linux (bash) and Windows (PowerShell). */
function contexts(): HintContext[] {
  const url = { https: 'https://auth.openai.com/oauth/token', websocket: 'wss://chatgpt.com/backend-api/codex/responses' } as const;
  const envs: Record<string, string>[] = [
    {},
    { HTTPS_PROXY: 'http://proxy.corp.example:3128' },
    { HTTPS_PROXY: 'http://alice:s3cret@proxy.corp.example:3128' },
    { HTTPS_PROXY: 'https://proxy.corp.example:3128' },
    { ALL_PROXY: 'socks5://proxy.corp.example:1080' },
    { HTTPS_PROXY: '', https_proxy: 'http://proxy.corp.example:3128' },
  ];
  return (['linux', 'win32'] as const).flatMap((platform) =>
    envs.flatMap((env) =>
      (['https', 'websocket'] as const).map((transport): HintContext => {
        const route = routeFrom(proxyFor(transport, url[transport], env), env, undefined);
        const words = new Speaker({ provenance: {}, dotenv: { path: '/home/u/.codex/.env' } }, { platform, env: platform === 'win32' ? { PSModulePath: 'C:\\Users\\u\\Documents\\PowerShell\\Modules' } : { SHELL: '/bin/bash' }, homeDir: platform === 'win32' ? 'C:\\Users\\u' : '/home/u' });
        const target = transport === 'https' ? { host: 'auth.openai.com', port: 443 } : { host: 'chatgpt.com', port: 443 };
        return { target, route, transport, platform, words, provider: { id: 'openai', builtIn: true, baseUrl: 'https://chatgpt.com/backend-api/codex' }, configFile: '/home/u/.codex/config.toml' };
      }),
    ),
  );
}

describe('fix actions of every check', () => {
  it('every network code, on every route and transport, gets a hint with an action', () => {
    expect(NETWORK_CODES.length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const context of contexts()) {
      for (const code of NETWORK_CODES) {
        const hints = oauthHints(code, context, new URL('https://auth.openai.com/oauth/token')) ?? networkHints(code, context);
        if (!hints.some((h) => h.action !== undefined)) missing.push(`${code} ${context.platform} ${context.transport} ${context.route.kind}`);
        // Never a placeholder to copy: a command is rendered from a real action.
        for (const h of hints) expect(h.command ?? '', code).not.toMatch(/USER:PASSWORD|proxy\.example\.corp/);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every catalogued code that can warn or fail is produced by a test that checks its action', async () => {
    const produced = (await producingSources()).join('\n');
    const codes = Object.keys(CATALOGUE).filter((code) => !INFO_ONLY.has(code) && !NOT_A_FINDING_TO_FIX.has(code) && !NETWORK_CODES.includes(code as ErrorCode));
    expect(codes.length).toBeGreaterThan(60);
    const quoted = (code: string): boolean => produced.includes(`'${code}'`) || produced.includes(`"${code}"`) || produced.includes(`${code}'`);
    expect(codes.filter((code) => !quoted(code))).toEqual([]);
  });

  it('lists as info-only only codes of the catalogue', () => {
    expect([...INFO_ONLY].filter((code) => !Object.hasOwn(CATALOGUE, code))).toEqual([]);
  });
});
