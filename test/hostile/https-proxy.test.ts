// An https:// proxy whose own certificate the doctor cannot verify: the proxy is named, its chain shown, the
// CA it needs said, and nothing is sent through it (not even CONNECT).
import { describe, expect, it } from 'vitest';
import { tlsAuthCheck } from '../../src/checks/tls-auth.js';
import { labHost, runWithNeeds, viaProxy } from '../checks/network-lab.js';

describe('an https:// proxy with a certificate Codex does not trust', () => {
  it('blames the proxy, not auth.openai.com, and says which CA its certificate needs', async () => {
    const { lab, host, stop } = await labHost({ proxy: { mode: 'connect', tls: true } }, (l) => viaProxy(l.proxyUrl));
    const connects: string[] = [];
    lab.proxy?.events.on('connect', (event: { host: string }) => connects.push(event.host));
    try {
      const record = (await runWithNeeds([tlsAuthCheck], host)).get('tls.auth')!;
      expect(record.error).toMatchObject({ code: 'PROXY_TLS_UNTRUSTED', stage: 'proxy-connect' });
      const detail = record.error!.detail;
      expect(detail).toMatch(/^The https:\/\/ proxy 127\.0\.0\.1:\d+ presented a certificate that does not verify against the roots Codex trusts for HTTPS \(/);
      expect(detail).toMatch(/Its chain: \[0\] .+ => .+ \(not trusted\)\./);
      expect(detail).toMatch(/Its certificate needs the CA ".+" among those roots; nothing was sent through the proxy\.$/);
      expect(detail).not.toContain('auth.openai.com');
      const hints = record.findings.find((f) => f.level === 'fail')?.hints ?? [];
      expect(hints[0]?.text).toMatch(/127\.0\.0\.1:\d+/);
      expect(JSON.stringify(hints)).not.toContain('about auth.openai.com');
      expect(connects).toEqual([]);
    } finally {
      await stop();
    }
  });
});
