// Every code the network checks can emit must come out of at least one test: a new code without a test
// that produces it (and asserts it, quoted) fails here.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/core/codes.js';

const NETWORK_PREFIXES = ['NET_', 'PROXY_', 'TLS_', 'OAUTH_', 'WS_'];

/** The tests that drive the probes, the classifier, the webpki emulation, the three checks and the hostile servers. */
const PRODUCING_TESTS = [
  '../net/classify.test.ts',
  '../net/socks.test.ts',
  '../net/tunnel.test.ts',
  '../net/tls-probe.test.ts',
  '../codex/webpki.test.ts',
  './tls-auth.test.ts',
  './oauth-token.test.ts',
  './ws-upgrade.test.ts',
  './platform-store.test.ts',
  './endpoints.test.ts',
  '../hostile/proxy-answers.test.ts',
  '../hostile/https-proxy.test.ts',
];

describe('network catalogue codes', () => {
  it('are each produced and asserted by at least one test', async () => {
    const sources = await Promise.all(PRODUCING_TESTS.map((file) => readFile(fileURLToPath(new URL(file, import.meta.url)), 'utf8')));
    const tested = sources.join('\n');
    const codes = Object.keys(CATALOGUE).filter((code) => NETWORK_PREFIXES.some((prefix) => code.startsWith(prefix)));
    expect(codes.length).toBeGreaterThan(40);
    const untested = codes.filter((code) => !tested.includes(`'${code}'`) && !tested.includes(`${code}'`));
    expect(untested).toEqual([]);
  });
});
