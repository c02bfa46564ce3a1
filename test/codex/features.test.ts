import { describe, expect, it } from 'vitest';
import { loadCodexConfig } from '../../src/codex/config.js';
import { codexFeatures, isConnectClassStage, loginSystemProxyRetry, respectSystemProxyEffect } from '../../src/codex/features.js';
import { proxyFor } from '../../src/codex/proxy.js';
import type { SystemProxySettings } from '../../src/codex/system-proxy.js';
import { testHost } from '../helpers/host.js';

const HOME = '/home/user/.codex';
const USER = `${HOME}/config.toml`;
const TOKEN = 'https://auth.openai.com/oauth/token';

async function features(toml: string | null, codexVersion: string | null = '0.169.0') {
  const host = testHost({ files: { [HOME]: { directory: true }, ...(toml !== null && { [USER]: toml }) } });
  return codexFeatures(await loadCodexConfig(host, { codexHome: HOME, codexVersion }), codexVersion);
}

function system(https: string | null, error: string | null = null): SystemProxySettings {
  return { platform: 'darwin', command: 'scutil --proxy', error, https, noProxy: null, exceptions: [], pac: null };
}

describe('[features] as the installed Codex applies them', () => {
  it('system_proxy_fallback is on by default from 0.169.0 (and when the release is unknown), off before', async () => {
    expect((await features(null, '0.169.0')).system_proxy_fallback).toEqual({ name: 'system_proxy_fallback', enabled: true, source: 'default' });
    expect((await features(null, null)).system_proxy_fallback.enabled).toBe(true);
    expect((await features(null, '0.150.0')).system_proxy_fallback.enabled).toBe(false);
  });

  it('reads the flags from config.toml with the file that sets them', async () => {
    const f = await features('[features]\nsystem_proxy_fallback = false\nrespect_system_proxy = true\nnetwork_proxy = true\n');
    expect(f.system_proxy_fallback).toEqual({ name: 'system_proxy_fallback', enabled: false, source: 'config', file: USER });
    expect(f.respect_system_proxy).toEqual({ name: 'respect_system_proxy', enabled: true, source: 'config', file: USER });
    expect(f.network_proxy.enabled).toBe(true);
  });

  it('a value that is not a boolean keeps the default', async () => {
    expect((await features('[features]\nrespect_system_proxy = "yes"\n')).respect_system_proxy).toEqual({ name: 'respect_system_proxy', enabled: false, source: 'default' });
  });
});

describe('login retries the token exchange through the system proxy (system_proxy_fallback)', () => {
  const env = { HTTPS_PROXY: 'http://proxy.corp:8080' };
  const first = proxyFor('https', TOKEN, env, undefined, system('sys.corp:3128'));

  it('retries through a different system proxy on macOS/Windows', async () => {
    expect(loginSystemProxyRetry(await features(null), system('sys.corp:3128'), first)).toEqual({ kind: 'retries', via: 'sys.corp:3128', sameRoute: false });
  });

  it('changes nothing on Linux (no system proxy settings) or with none configured', async () => {
    expect(loginSystemProxyRetry(await features(null), null, first)).toEqual({ kind: 'nothing-to-retry', why: 'platform' });
    expect(loginSystemProxyRetry(await features(null), system(null), first)).toEqual({ kind: 'nothing-to-retry', why: 'no-system-proxy' });
  });

  it('is the same route when the first attempt already used the system proxy or the same host and port', async () => {
    const viaSystem = proxyFor('https', TOKEN, {}, undefined, system('sys.corp:3128'));
    expect(loginSystemProxyRetry(await features(null), system('sys.corp:3128'), viaSystem)).toMatchObject({ kind: 'retries', sameRoute: true });
    const same = proxyFor('https', TOKEN, { HTTPS_PROXY: 'http://SYS.corp:3128' }, undefined, system('sys.corp:3128'));
    expect(loginSystemProxyRetry(await features(null), system('http://sys.corp:3128'), same)).toMatchObject({ kind: 'retries', sameRoute: true });
  });

  it('is off when config.toml turns it off, or before 0.169.0', async () => {
    expect(loginSystemProxyRetry(await features('[features]\nsystem_proxy_fallback = false\n'), system('sys.corp:3128'), first)).toEqual({ kind: 'off', why: 'config', file: USER });
    expect(loginSystemProxyRetry(await features(null, '0.144.1'), system('sys.corp:3128'), first)).toEqual({ kind: 'off', why: 'release' });
  });

  it('is unknown when the settings could not be read', async () => {
    expect(loginSystemProxyRetry(await features(null), system(null, 'scutil failed'), first)).toEqual({ kind: 'unknown', command: 'scutil --proxy' });
  });

  it('never shows a password of the system setting', async () => {
    const retry = loginSystemProxyRetry(await features(null), system('http://bob:hunter2@sys.corp:3128'), first);
    expect(JSON.stringify(retry)).not.toContain('hunter2');
  });

  it('counts connect, proxy and TLS handshake failures as connect-class, not an HTTP answer', () => {
    expect(['dns', 'tcp', 'proxy-connect', 'proxy-auth', 'tls-handshake', 'tls-verify'].every((s) => isConnectClassStage(s as never))).toBe(true);
    expect(isConnectClassStage('http')).toBe(false);
    expect(isConnectClassStage('ws-upgrade')).toBe(false);
  });
});

describe('respect_system_proxy', () => {
  it('asks the OS first on macOS and Windows, falls back to the environment on Linux', async () => {
    const on = await features('[features]\nrespect_system_proxy = true\n');
    expect(respectSystemProxyEffect(on, 'darwin')).toEqual({ kind: 'os-first', file: USER });
    expect(respectSystemProxyEffect(on, 'win32')).toEqual({ kind: 'os-first', file: USER });
    expect(respectSystemProxyEffect(on, 'linux')).toEqual({ kind: 'env-fallback', file: USER });
    expect(respectSystemProxyEffect(await features(null), 'darwin')).toEqual({ kind: 'off' });
  });
});
