import { it } from 'vitest';
import { tlsAuthCheck } from '../../src/checks/tls-auth.js';
import { labHost, runWithNeeds, viaProxy } from './network-lab.js';

const show = (r: any) => console.log(JSON.stringify({ status: r.status, summary: r.summary, error: r.error, findings: r.findings.map((f: any) => [f.level, f.code, f.stage, f.detail, f.hints?.map((h: any) => h.command ?? h.text)]) , evidence: r.evidence}, null, 1));

it('direct', async () => {
  const l = await labHost({});
  try { show((await runWithNeeds([tlsAuthCheck], l.host)).get('tls.auth')); } finally { await l.stop(); }
});
it('inspect trusted', async () => {
  const l = await labHost({ proxy: { mode: 'inspect' } }, (lab) => ({ ...viaProxy(lab.proxyUrl), CODEX_CA_CERTIFICATE: lab.files.corporateRoot }));
  try { show((await runWithNeeds([tlsAuthCheck], l.host)).get('tls.auth')); } finally { await l.stop(); }
});
it('inspect sha1 trusted', async () => {
  const l = await labHost({ proxy: { mode: 'inspect' }, corporateCa: { product: 'fortinet', signature: 'sha1' } }, (lab) => ({ ...viaProxy(lab.proxyUrl), CODEX_CA_CERTIFICATE: lab.files.corporateRoot }));
  try { show((await runWithNeeds([tlsAuthCheck], l.host)).get('tls.auth')); } finally { await l.stop(); }
});
it('inspect missing', async () => {
  const l = await labHost({ proxy: { mode: 'inspect' } }, (lab) => ({ ...viaProxy(lab.proxyUrl), NODE_EXTRA_CA_CERTS: lab.files.corporateRoot }));
  try { show((await runWithNeeds([tlsAuthCheck], l.host)).get('tls.auth')); } finally { await l.stop(); }
});
