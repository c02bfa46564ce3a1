import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { parseCodexPem } from '../../src/codex/pem.js';
import { readCertificate } from '../../src/codex/certificate.js';
import { caBundleCheck } from '../../src/checks/ca-bundle.js';
import { testHost } from '../helpers/host.js';
import { runDoctorCheck } from '../helpers/run-check.js';
it('perf', async () => {
  const one = ['rsa-root.pem','ecdsa-p384-root.pem','trusted-certificate.pem'].map(f=>readFileSync('fixtures/bundles/'+f,'utf8').replace('TRUSTED ','').replace('END TRUSTED','END')).join('');
  const big = Buffer.from(one.repeat(3334));
  console.log('size', big.length);
  for (let k=0;k<3;k++){
  let t = performance.now();
  const r = parseCodexPem(big);
  const t1 = performance.now();
  let n=0; if (r.ok) for (const c of r.certificates) { if (readCertificate(c.der).ok) n++; }
  const t2 = performance.now();
  const rec = await runDoctorCheck(caBundleCheck, testHost({ env: { CODEX_CA_CERTIFICATE: '/b.pem' }, files: { '/b.pem': big } }));
  const t3 = performance.now();
  console.log('parse', (t1-t).toFixed(1), 'read', n, (t2-t1).toFixed(1), 'check', (t3-t2).toFixed(1), rec.status, JSON.stringify(rec).length);
  }
});
