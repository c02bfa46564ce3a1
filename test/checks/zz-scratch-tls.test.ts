import { it } from 'vitest';
import { tlsAuthCheck } from '../../src/checks/tls-auth.js';
import { oauthTokenCheck } from '../../src/checks/oauth-token.js';
import { wsUpgradeCheck } from '../../src/checks/ws-upgrade.js';
import { labHost, runWithNeeds, viaProxy } from './network-lab.js';

const show = (r: any) => console.log(JSON.stringify({ id: r.id, status: r.status, summary: r.summary, error: r.error, findings: r.findings.map((f: any) => [f.level, f.code, f.stage, f.detail, f.hints?.map((h: any) => h.command ?? h.text)]) }, null, 1));
const all = [tlsAuthCheck, oauthTokenCheck, wsUpgradeCheck];
const go = async (spec: any, env: any, opts: any = {}) => {
  const l = await labHost(spec, env);
  const t = performance.now();
  try { const m = await runWithNeeds(all, l.host, opts); for (const id of ['tls.auth','oauth.token','ws.upgrade']) show(m.get(id)); console.log('ms', performance.now()-t); } finally { await l.stop(); }
};
it('inspect trusted', () => go({ proxy: { mode: 'inspect' } }, (lab: any) => ({ ...viaProxy(lab.proxyUrl), CODEX_CA_CERTIFICATE: lab.files.corporateRoot })));
it('refuse ws 426', () => go({ proxy: { mode: 'inspect', refuseWebSocket: 426 } }, (lab: any) => ({ ...viaProxy(lab.proxyUrl), CODEX_CA_CERTIFICATE: lab.files.corporateRoot })));
it('strip', () => go({ proxy: { mode: 'inspect', refuseWebSocket: 'strip-upgrade' } }, (lab: any) => ({ ...viaProxy(lab.proxyUrl), CODEX_CA_CERTIFICATE: lab.files.corporateRoot })));
it('block at request', () => go({ proxy: { mode: 'inspect', blockPage: { hosts: ['auth.openai.com'], at: 'request' } } }, (lab: any) => ({ ...viaProxy(lab.proxyUrl), CODEX_CA_CERTIFICATE: lab.files.corporateRoot })));
it('hang', () => go({ proxy: { mode: 'inspect', failure: 'hang' } }, (lab: any) => ({ ...viaProxy(lab.proxyUrl), CODEX_CA_CERTIFICATE: lab.files.corporateRoot }), { timeoutMs: 1500 }));
it('auth 407', () => go({ proxy: { mode: 'connect', auth: { username: 'alice', password: 's3c@ret' } } }, (lab: any) => ({ ...viaProxy(lab.proxyUrl) })));
it('auth ok', () => go({ proxy: { mode: 'connect', auth: { username: 'alice', password: 's3c@ret' } } }, (lab: any) => ({ ...viaProxy(lab.proxyUrlWithCredentials) })));
it('https proxy ws', () => go({ proxy: { mode: 'connect', tls: true } }, (lab: any) => ({ ...viaProxy(lab.proxyUrl), CODEX_CA_CERTIFICATE: lab.files.corporateRoot })));
it('cloudflare', () => go({ origin: { hostFaults: { 'auth.openai.com': 'cloudflare-challenge' } } }, () => ({})));
