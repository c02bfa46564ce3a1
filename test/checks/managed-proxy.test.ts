import { describe, expect, it } from 'vitest';
import { codexConfigCheck } from '../../src/checks/codex-config.js';
import { sandboxEnvCheck } from '../../src/checks/sandbox-env.js';
import { codexFeatures } from '../../src/codex/features.js';
import { loadCodexConfig } from '../../src/codex/config.js';
import { MANAGED_CA_BUNDLE, managedNetworkProxy, withManagedProxy } from '../../src/codex/managed-network-proxy.js';
import { testHost } from '../helpers/host.js';
import { runDoctorChecks } from '../helpers/run-check.js';

const HOME = '/home/user/.codex';
const USER = `${HOME}/config.toml`;
const MANAGED = [
  '[features]',
  'network_proxy = true',
  '',
  '[permissions.corp.network]',
  'proxy_url = "http://127.0.0.1:3130"',
  'mitm = true',
  'domains = ["pypi.org", "registry.npmjs.org"]',
  '',
].join('\n');
const ENV = { HTTPS_PROXY: 'http://alice:pw-Secret1@proxy.corp:8080', SSL_CERT_FILE: '/etc/corp.pem', NO_PROXY: '.corp' };

async function sandboxRecord(toml: string) {
  const host = testHost({ env: ENV, files: { [HOME]: { directory: true }, [USER]: toml, '/etc/corp.pem': 'pem' } });
  const records = await runDoctorChecks([codexConfigCheck, sandboxEnvCheck], host);
  return records.find((r) => r.id === 'sandbox.env')!;
}

describe('the managed network proxy in the sandbox env emulation', () => {
  it('gives sandboxed commands Codex proxy, CA bundle and CODEX_NETWORK_PROXY_ACTIVE instead of the user variables', async () => {
    const host = testHost({ files: { [HOME]: { directory: true }, [USER]: MANAGED } });
    const config = await loadCodexConfig(host, { codexHome: HOME, codexVersion: '0.169.0' });
    const proxy = managedNetworkProxy(config, codexFeatures(config, '0.169.0'));
    expect(proxy).toMatchObject({ active: true, profiles: [{ name: 'corp', file: USER, proxyUrl: 'http://127.0.0.1:3130', mitm: true, domains: ['pypi.org', 'registry.npmjs.org'] }] });
    const child = withManagedProxy(ENV, proxy);
    expect(child).toMatchObject({
      HTTPS_PROXY: 'http://127.0.0.1:3130',
      https_proxy: 'http://127.0.0.1:3130',
      ALL_PROXY: 'http://127.0.0.1:3130',
      NO_PROXY: 'localhost,127.0.0.1,::1',
      SSL_CERT_FILE: MANAGED_CA_BUNDLE,
      NODE_EXTRA_CA_CERTS: MANAGED_CA_BUNDLE,
      CODEX_CA_CERTIFICATE: MANAGED_CA_BUNDLE,
      CODEX_NETWORK_PROXY_ACTIVE: '1',
    });
  });

  it('is off without the feature, or without a [permissions.<name>.network] profile', async () => {
    const host = testHost({ files: { [HOME]: { directory: true }, [USER]: MANAGED.replace('network_proxy = true', 'network_proxy = false') } });
    const config = await loadCodexConfig(host, { codexHome: HOME, codexVersion: '0.169.0' });
    expect(managedNetworkProxy(config, codexFeatures(config, '0.169.0'))).toMatchObject({ active: false, why: 'feature-off' });
    const bare = testHost({ files: { [HOME]: { directory: true }, [USER]: '[features]\nnetwork_proxy = true\n' } });
    const bareConfig = await loadCodexConfig(bare, { codexHome: HOME, codexVersion: '0.169.0' });
    expect(managedNetworkProxy(bareConfig, codexFeatures(bareConfig, '0.169.0'))).toMatchObject({ active: false, why: 'no-profile' });
    expect(withManagedProxy(ENV, managedNetworkProxy(bareConfig, codexFeatures(bareConfig, '0.169.0')))).toEqual(ENV);
  });

  it('says so in sandbox.env: which variables Codex replaces, the domains, and whose policy refuses', async () => {
    const record = await sandboxRecord(MANAGED);
    const finding = record.findings.find((f) => f.code === 'SANDBOX_MANAGED_PROXY');
    expect(finding?.detail).toBe(
      'Codex\'s managed network proxy is on ([features] network_proxy, [permissions.corp.network] (~/.codex/config.toml)): sandboxed commands get its proxy http://127.0.0.1:3130 in HTTPS_PROXY, HTTP_PROXY, ALL_PROXY (both spellings) and the tools\' proxy variables, NO_PROXY=localhost,127.0.0.1,::1, CODEX_NETWORK_PROXY_ACTIVE=1 and, since it inspects TLS (mitm), Codex\'s own CA bundle in CODEX_CA_CERTIFICATE, SSL_CERT_FILE, NODE_EXTRA_CA_CERTS, REQUESTS_CA_BUNDLE and the other CA variables, instead of your HTTPS_PROXY, NO_PROXY, SSL_CERT_FILE. Only pypi.org, registry.npmjs.org are allowed; a refused destination reads "destination denied by application network policy" or "Codex blocked this request": that is Codex\'s policy, not the corporate proxy.',
    );
    const variables = (record.data as { variables: Array<{ name: string; state: string; value?: string }> }).variables;
    expect(variables.find((v) => v.name === 'HTTPS_PROXY')).toEqual({ name: 'HTTPS_PROXY', kind: 'proxy', state: 'managed', value: 'http://127.0.0.1:3130' });
    expect(variables.find((v) => v.name === 'SSL_CERT_FILE')).toMatchObject({ state: 'managed', value: MANAGED_CA_BUNDLE });
    expect(record.findings.map((f) => f.code)).not.toContain('SANDBOX_TOOL_CA_UNSET');
    expect(JSON.stringify(record)).not.toContain('pw-Secret1');
  });

  it('leaves the emulation as it was when the managed proxy is off', async () => {
    const record = await sandboxRecord('');
    expect(record.findings.map((f) => f.code)).not.toContain('SANDBOX_MANAGED_PROXY');
    const variables = (record.data as { variables: Array<{ name: string; state: string }> }).variables;
    expect(variables.find((v) => v.name === 'HTTPS_PROXY')?.state).toBe('reaches');
  });
});
