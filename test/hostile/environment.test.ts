// The hostile suite, file and environment half: values with long runs of blanks or slashes (a regex was
// quadratic on them), and files that hold them. Every case ends within --timeout + 1 s with staged findings,
// never a crash or a stack frame, and prints no secret.
import { describe, expect, it } from 'vitest';
import type { Host } from '../../src/core/host.js';
import { hostileHost, inEveryMode, STACK_FRAME } from './harness.js';

const TIMEOUT_MS = 4000;
/** Three runs one after the other, each allowed the deadline and a second. */
const TEST_TIMEOUT_MS = 3 * (TIMEOUT_MS + 1000);
const SECRET = 'sk-hostileenv0123456789';
const blanks = (n: number): string => ' '.repeat(n);

/** Each case: the Host, and for some checks the stage/code of the first finding that is not info. */
const CASES: Array<[string, () => Host, Record<string, string>]> = [
  [
    'HTTPS_PROXY with 100,000 blanks inside',
    () => hostileHost({ env: { HTTPS_PROXY: `http://127.0.0.1:3128${blanks(100_000)}x`, OPENAI_API_KEY: SECRET } }),
    { 'env.precedence': 'input/ENV_PROXY_INVALID_URL', 'ws.upgrade': 'proxy-connect/PROXY_SCHEME_UNSUPPORTED' },
  ],
  [
    'NO_PROXY with 50,000 blanks inside',
    () => hostileHost({ env: { NO_PROXY: `a${blanks(50_000)}b`, HTTPS_PROXY: 'http://127.0.0.1:9', OPENAI_API_KEY: SECRET } }),
    { 'tls.auth': 'tcp/PROXY_UNREACHABLE', 'ws.upgrade': 'tcp/PROXY_UNREACHABLE' },
  ],
  [
    'a .env line SSL_CERT_FILE=a + 300,000 blanks + b',
    () => hostileHost({ env: { OPENAI_API_KEY: SECRET }, files: { '/home/user/.codex/.env': `SSL_CERT_FILE=a${blanks(300_000)}b\nAPI_TOKEN=${SECRET}\n` } }),
    { 'env.precedence': 'parse/ENV_DOTENV_LINE_SKIPPED' },
  ],
  [
    'CODEX_HOME with 100,000 slashes inside',
    () => hostileHost({ env: { CODEX_HOME: `/home/user/.codex${'/'.repeat(100_000)}x`, OPENAI_API_KEY: SECRET } }),
    { 'env.precedence': 'input/ENV_CODEX_HOME_INVALID' },
  ],
  [
    'SSL_CERT_DIR with 100,000 trailing slashes',
    () => hostileHost({ env: { SSL_CERT_DIR: `/etc/ssl/certs${'/'.repeat(100_000)}`, OPENAI_API_KEY: SECRET } }),
    { 'env.precedence': 'input/ENV_SSL_CERT_DIR_REPLACES_OS' },
  ],
];

describe('hostile environment values and files', () => {
  it.each(CASES)('%s: ends in time with staged findings, no crash, no secret', async (_what, host, expected) => {
    const { report, outputs, elapsed } = await inEveryMode(host(), TIMEOUT_MS, { sequential: true });
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 1000);
    expect(report.checks.filter((c) => c.status === 'crash' || c.error?.code === 'RUN_DEADLINE').map((c) => c.id)).toEqual([]);
    const firstProblem = (id: string): string | undefined => {
      const finding = report.checks.find((c) => c.id === id)?.findings.find((f) => f.level !== 'info');
      return finding && `${finding.stage}/${finding.code}`;
    };
    expect(Object.fromEntries(Object.keys(expected).map((id) => [id, firstProblem(id)]))).toEqual(expected);
    for (const output of Object.values(outputs)) {
      expect(output).not.toMatch(STACK_FRAME);
      expect(output).not.toContain(SECRET);
      expect(output.length).toBeLessThan(256 * 1024);
    }
  }, TEST_TIMEOUT_MS);
});
