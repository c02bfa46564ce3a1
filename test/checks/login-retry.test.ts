import { describe, expect, it } from 'vitest';
import { tlsAuthCheck } from '../../src/checks/tls-auth.js';
import { testHost } from '../helpers/host.js';
import { runDoctorCheck } from '../helpers/run-check.js';

// A macOS machine whose HTTPS_PROXY is a retired proxy (port 1 on loopback: refused at once) while the
// system settings name another one: a real login gets a second chance there, the model traffic does not.
const SCUTIL = '<dictionary> {\n  HTTPSEnable : 1\n  HTTPSPort : 3128\n  HTTPSProxy : 127.0.0.2\n}\n';

function host(codex: string, config?: string) {
  return testHost({
    platform: 'darwin',
    env: { HTTPS_PROXY: 'http://127.0.0.1:1' },
    systemStore: null,
    files: { '/home/user/.codex': { directory: true }, ...(config !== undefined && { '/home/user/.codex/config.toml': config }) },
    exec: (command) => (command === 'codex' ? { code: 0, stdout: `codex-cli ${codex}\n`, stderr: '' } : { code: 0, stdout: SCUTIL, stderr: '' }),
  });
}

describe('tls.auth after a connect-class failure, with [features] system_proxy_fallback', () => {
  it('says a real login retries through the system proxy while model traffic keeps the failing route', async () => {
    const record = await runDoctorCheck(tlsAuthCheck, host('0.169.0'));
    expect(record.status).toBe('fail');
    expect(record.error).toMatchObject({ code: 'PROXY_UNREACHABLE', stage: 'tcp' });
    const retry = record.findings.filter((f) => f.code === 'ENV_LOGIN_SYSTEM_PROXY_RETRY');
    expect(retry.map((f) => f.detail)).toEqual([
      'A real `codex login` does not stop here: Codex 0.169.0 retries the token exchange once through the macOS proxy setting 127.0.0.2:3128 ("oauth token connection failed; retrying with system proxy" in codex-login.log), so login may succeed that way while model traffic (API, WebSocket) still takes the route that failed here.',
    ]);
  });

  it('says nothing when config.toml turns the retry off', async () => {
    const record = await runDoctorCheck(tlsAuthCheck, host('0.169.0', '[features]\nsystem_proxy_fallback = false\n'));
    expect(record.findings.filter((f) => f.code === 'ENV_LOGIN_SYSTEM_PROXY_RETRY')).toEqual([]);
  });
});
