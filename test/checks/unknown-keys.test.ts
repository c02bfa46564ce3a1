import { describe, expect, it } from 'vitest';
import { assessCodexConfig } from '../../src/checks/codex-config.js';
import { loadCodexConfig } from '../../src/codex/config.js';
import { testHost } from '../helpers/host.js';

const HOME = '/home/user/.codex';
const USER = `${HOME}/config.toml`;

async function unknownKeyDetail(toml: string, codexVersion: string | null): Promise<string | undefined> {
  const host = testHost({ files: { [HOME]: { directory: true }, [USER]: toml } });
  const result = await assessCodexConfig(await loadCodexConfig(host, { codexHome: HOME, codexVersion }), host);
  return result.findings.find((f) => f.code === 'CONFIG_UNKNOWN_KEY')?.detail;
}

describe('an unknown config key: what Codex says, the nearest key, and what the mistake costs', () => {
  const toml = '[features]\nrespect_system_proxies = true\n';

  it('quotes the warning Codex 0.169.0 prints, then adds the real key and the cost', async () => {
    expect(await unknownKeyDetail(toml, '0.169.0')).toBe(
      '~/.codex/config.toml (line 2): `features.respect_system_proxies` is not a Codex key; Codex 0.169.0 ignores it and warns at start ("Codex is ignoring N unrecognized configuration settings. Check for typos or deprecated settings.", then "user (~/.codex/config.toml): `features.respect_system_proxies` is ignored."). The real key is `features.respect_system_proxy`; until it is fixed, Codex does not ask the macOS or Windows proxy settings first (PAC included) and routes by the environment.',
    );
  });

  it('says older releases ignore it silently', async () => {
    expect(await unknownKeyDetail(toml, '0.144.1')).toBe(
      '~/.codex/config.toml (line 2): `features.respect_system_proxies` is not a Codex key; Codex 0.144.1 ignores it silently (0.169.0 and later warn about it). The real key is `features.respect_system_proxy`; until it is fixed, Codex does not ask the macOS or Windows proxy settings first (PAC included) and routes by the environment.',
    );
  });

  it('assumes 0.169.0 when codex is not on PATH, and knows the new [features] keys', async () => {
    expect(await unknownKeyDetail(toml, null)).toContain('Codex 0.169.0 ignores it and warns at start');
    expect(await unknownKeyDetail('[features]\nsystem_proxy_fallbak = false\n', null)).toContain(
      'The real key is `features.system_proxy_fallback`; until it is fixed, the login retry through the system proxy keeps its default (on from 0.169.0).',
    );
    expect(await unknownKeyDetail('[features]\nsystem_proxy_fallback = false\nnetwork_proxy = true\n', null)).toBeUndefined();
  });
});

describe('config.codex reports the network [features] as the installed release applies them', () => {
  it('lists each flag with its value and whether config.toml or the release default set it', async () => {
    const host = testHost({ files: { [HOME]: { directory: true }, [USER]: '[features]\nrespect_system_proxy = true\n' } });
    const result = await assessCodexConfig(await loadCodexConfig(host, { codexHome: HOME, codexVersion: '0.169.0' }), host);
    expect((result.data as { features: unknown }).features).toEqual({
      system_proxy_fallback: { enabled: true, source: 'default' },
      respect_system_proxy: { enabled: true, source: 'config' },
      network_proxy: { enabled: false, source: 'default' },
    });
  });
});

describe('a [features] network flag of the wrong type', () => {
  it('is a value Codex refuses, as for respect_system_proxy', async () => {
    const host = testHost({ files: { [HOME]: { directory: true }, [USER]: '[features]\nsystem_proxy_fallback = "no"\nnetwork_proxy = 1\n' } });
    const result = await assessCodexConfig(await loadCodexConfig(host, { codexHome: HOME, codexVersion: '0.169.0' }), host);
    const invalid = result.findings.filter((f) => f.code === 'CONFIG_INVALID_VALUE');
    expect(invalid.map((f) => f.level)).toEqual(['fail', 'fail']);
    expect(invalid.map((f) => f.detail).join('\n')).toMatch(/features\.system_proxy_fallback[\s\S]*features\.network_proxy/);
  });
});
