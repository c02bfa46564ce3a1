import { it } from 'vitest';
import { envPrecedence } from '../../src/checks/env-precedence.js';
import { loadWorld } from '../../src/codex/world.js';
import { Redactor } from '../../src/core/redact.js';
import { runChecks } from '../../src/core/runner.js';
import { testHost } from '../helpers/host.js';

it('scratch', async () => {
  const host = testHost({
    env: { SSL_CERT_FILE: '/etc/corp.pem', HTTPS_PROXY: 'https://alice:s3cret@proxy.corp:8443', https_proxy: 'http://other:3128', HTTP_PROXY: 'http://proxy.corp:8080', NO_PROXY: 'localhost,.openai.com', NODE_TLS_REJECT_UNAUTHORIZED: '0', NODE_EXTRA_CA_CERTS: '~/corp.pem', OPENAI_API_KEY: 'sk-abcdefghijklmnop' },
    files: { '/home/user/.codex/.env': 'CODEX_CA_CERTIFICATE=/etc/corp.pem\nALL_PROXY=socks5://bob:pw@socks:1080\nBAD=C:\\Users\\x\n' },
    exec: () => ({ code: 0, stdout: 'codex-cli 0.120.0\n', stderr: '' }),
  });
  const options = { timeoutMs: 5000, verbose: false };
  const world = loadWorld(host, options);
  const w = await world;
  const redactor = Redactor.fromEnv({ ...host.env, ...w.env });
  const records = await runChecks({ checks: [envPrecedence], host, options, redactor, extra: { world: () => world } });
  console.log(JSON.stringify(records[0], null, 1));
});
