import { afterEach, describe, expect, it, vi } from 'vitest';
import { probeCodexVersion, parseCodexVersion, compareVersions } from '../../src/codex/codex-version.js';
import { applyDotenv, describeOrigin, displayPath, loadEffectiveEnv, resolveCodexHome } from '../../src/codex/env.js';
import { loadWorld } from '../../src/codex/world.js';
import type { HostFs } from '../../src/core/host.js';
import { memoryFs, testHost } from '../helpers/host.js';

const DOTENV = '/home/user/.codex/.env';
const options = { timeoutMs: 5000, verbose: false };

describe('applyDotenv', () => {
  it('overrides the shell, ignores CODEX_* in any case, and records where each value comes from', () => {
    const shell = { HTTPS_PROXY: 'http://shell:1', CODEX_CA_CERTIFICATE: '/shell.pem', PATH: '/bin' };
    const content = [
      'HTTPS_PROXY=http://dotenv:2',
      'CODEX_CA_CERTIFICATE=/dotenv.pem',
      'codex_home=/elsewhere',
      'SSL_CERT_FILE=/corp.pem',
      'SSL_CERT_FILE=/corp2.pem',
      'NO PROXY=x',
    ].join('\n');
    const result = applyDotenv(shell, content, DOTENV);
    expect(result.env).toEqual({ HTTPS_PROXY: 'http://dotenv:2', CODEX_CA_CERTIFICATE: '/shell.pem', PATH: '/bin', SSL_CERT_FILE: '/corp2.pem' });
    expect(result.provenance).toEqual({
      PATH: { source: 'shell' },
      HTTPS_PROXY: { source: 'dotenv', line: 1, overridesShell: true },
      CODEX_CA_CERTIFICATE: { source: 'dotenv-ignored', line: 2, shellSet: true },
      codex_home: { source: 'dotenv-ignored', line: 3, shellSet: false },
      SSL_CERT_FILE: { source: 'dotenv', line: 5, overridesShell: false },
    });
    expect(result.dotenv).toEqual({
      path: DOTENV,
      status: 'loaded',
      applied: [
        { name: 'HTTPS_PROXY', line: 1, overridesShell: true },
        { name: 'SSL_CERT_FILE', line: 5, overridesShell: false },
      ],
      // Only CODEX_CA_CERTIFICATE keeps its value (a path, for the fix command); other CODEX_* may be secrets.
      ignored: [
        { name: 'CODEX_CA_CERTIFICATE', line: 2, value: '/dotenv.pem' },
        { name: 'codex_home', line: 3 },
      ],
      skipped: [{ line: 6, key: 'NO', reason: 'no `=` after the variable name' }],
    });
  });

  it('substitutes from the environment as Codex has built it so far', () => {
    const result = applyDotenv({ HOME: '/home/ann' }, 'DIR=${HOME}/certs\nSSL_CERT_FILE=${DIR}/corp.pem\n', DOTENV);
    expect(result.env.SSL_CERT_FILE).toBe('/home/ann/certs/corp.pem');
  });
});

describe('loadEffectiveEnv', () => {
  it.each([
    ['absent', {}, { status: 'absent' }],
    ['unreadable', { [DOTENV]: { readError: 'EACCES' } }, { status: 'unreadable', error: `EACCES: permission denied, open '${DOTENV}'` }],
    ['a directory', { [`${DOTENV}/x`]: 'y' }, { status: 'not-a-file', error: 'it is a directory, not a file' }],
  ] as const)('leaves the shell environment alone when .env is %s', async (_, files, dotenv) => {
    const host = testHost({ env: { A: '1' }, files: { ...files } });
    const result = await loadEffectiveEnv(host, '/home/user/.codex');
    expect(result.env).toEqual({ A: '1' });
    expect(result.dotenv).toEqual({ path: DOTENV, applied: [], ignored: [], skipped: [], ...dotenv });
  });

  it('says a FIFO or a device "is not a regular file", and does not open it', async () => {
    const host = testHost({ env: { A: '1' } });
    host.fs = {
      ...host.fs,
      stat: async (file) => (file === DOTENV ? { kind: 'other', size: 0 } : null),
      readFile: async () => expect.unreachable('a FIFO is not opened'),
    };
    const result = await loadEffectiveEnv(host, '/home/user/.codex');
    expect(result.dotenv).toMatchObject({ status: 'not-a-file', error: 'it is not a regular file' });
  });
});

describe('resolveCodexHome', () => {
  it.each<[string, Record<string, string>, string | undefined, Awaited<ReturnType<typeof resolveCodexHome>>]>([
    ['default', {}, undefined, { path: '/home/user/.codex', source: 'default', problem: null }],
    ['empty CODEX_HOME counts as unset', { CODEX_HOME: '' }, undefined, { path: '/home/user/.codex', source: 'default', problem: null }],
    ['CODEX_HOME', { CODEX_HOME: '/srv/codex' }, undefined, { path: '/srv/codex', source: 'CODEX_HOME', problem: null }],
    ['relative CODEX_HOME', { CODEX_HOME: 'codex' }, undefined, { path: '/work/codex', source: 'CODEX_HOME', problem: null }],
    [
      'missing CODEX_HOME',
      { CODEX_HOME: '/nope' },
      undefined,
      { path: '/nope', source: 'CODEX_HOME', problem: 'CODEX_HOME points to "/nope", but that path does not exist' },
    ],
    [
      'CODEX_HOME is a file',
      { CODEX_HOME: '/srv/file' },
      undefined,
      { path: '/srv/file', source: 'CODEX_HOME', problem: 'CODEX_HOME points to "/srv/file", but that path is not a directory', notADirectory: true },
    ],
    [
      'unreadable CODEX_HOME',
      { CODEX_HOME: '/locked' },
      undefined,
      { path: '/locked', source: 'CODEX_HOME', problem: `failed to read CODEX_HOME "/locked": EACCES: permission denied, stat '/locked'` },
    ],
    ['--codex-home wins', { CODEX_HOME: '/nope' }, '/srv/codex', { path: '/srv/codex', source: 'option', problem: null }],
    [
      '--codex-home must exist too',
      {},
      '/nope',
      { path: '/nope', source: 'option', problem: '--codex-home points to "/nope", but that path does not exist' },
    ],
  ])('%s', async (_, env, override, expected) => {
    const host = testHost({
      env,
      files: { '/srv/codex/config.toml': '', '/work/codex/config.toml': '', '/srv/file': 'x', '/locked': { statError: 'EACCES' } },
    });
    expect(await resolveCodexHome(host, override)).toEqual(expected);
  });
});

describe('loadWorld', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('applies $CODEX_HOME/.env and reads the codex version', async () => {
    const host = testHost({
      env: { CODEX_HOME: '/srv/codex', HTTPS_PROXY: 'http://shell:1' },
      files: { '/srv/codex/.env': 'HTTPS_PROXY=http://dotenv:2\n' },
      exec: (command, args) => {
        expect([command, ...args]).toEqual(['codex', '--version']);
        return { code: 0, stdout: 'codex-cli 0.131.2\n', stderr: '' };
      },
    });
    const world = await loadWorld(host, options);
    expect(world).toMatchObject({
      codexHome: '/srv/codex',
      codexHomeSource: 'CODEX_HOME',
      codexHomeProblem: null,
      env: { CODEX_HOME: '/srv/codex', HTTPS_PROXY: 'http://dotenv:2' },
      provenance: { HTTPS_PROXY: { source: 'dotenv', line: 1, overridesShell: true } },
      codexVersion: '0.131.2',
    });
    expect(world.dotenv.path).toBe('/srv/codex/.env');
  });

  it('reads no .env when CODEX_HOME is unusable, as Codex stops first', async () => {
    const host = testHost({ env: { CODEX_HOME: '/nope' }, files: { [DOTENV]: 'A=1' } });
    const world = await loadWorld(host, options);
    expect(world.codexHomeProblem).toBe('CODEX_HOME points to "/nope", but that path does not exist');
    expect(world.dotenv).toMatchObject({ status: 'not-read', error: 'CODEX_HOME points to "/nope", but that path does not exist' });
    expect(world.env).toEqual({ CODEX_HOME: '/nope' });
  });

  it('reads .env while codex --version is still running', async () => {
    let dotenvRead!: () => void;
    const read = new Promise<void>((resolve) => (dotenvRead = resolve));
    const files = memoryFs({ [DOTENV]: 'A=1\n' });
    const fs: HostFs = {
      ...files,
      readFile: async (path, max) => {
        const result = await files.readFile(path, max);
        if (path === DOTENV) dotenvRead();
        return result;
      },
    };
    // codex answers only once .env has been read: a loadWorld that waited for codex first would time out.
    const host = testHost({ fs, exec: async () => read.then(() => ({ code: 0, stdout: 'codex-cli 0.129.0', stderr: '' })) });
    const world = await loadWorld(host, options);
    expect(world.codexVersion).toBe('0.129.0');
    expect(world.env).toEqual({ A: '1' });
  });

  it('reads the macOS system proxy settings while codex --version is still running, and none on Linux', async () => {
    let scutilRan!: () => void;
    const ran = new Promise<void>((resolve) => (scutilRan = resolve));
    const exec = async (command: string) => {
      if (command === 'scutil') {
        scutilRan();
        return { code: 0, stdout: '<dictionary> {\n  HTTPSEnable : 1\n  HTTPSPort : 8443\n  HTTPSProxy : secure.corp\n}\n', stderr: '' };
      }
      // codex answers only once scutil has run: a loadWorld that read them one after the other would time out.
      return ran.then(() => ({ code: 0, stdout: 'codex-cli 0.131.0', stderr: '' }));
    };
    const world = await loadWorld(testHost({ platform: 'darwin', exec }), options);
    expect(world.codexVersion).toBe('0.131.0');
    expect(world.systemProxy).toMatchObject({ platform: 'darwin', error: null, https: 'secure.corp:8443' });
    expect((await loadWorld(testHost({ exec: () => ({ code: 0, stdout: 'codex-cli 0.131.0', stderr: '' }) }), options)).systemProxy).toBeNull();
  });

  it('gives up on codex --version after the timeout, even if the child never exits', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const host = testHost({ exec: () => new Promise(() => undefined) });
    const version = probeCodexVersion(host, 1500);
    await vi.advanceTimersByTimeAsync(1499);
    let settled = false;
    void version.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await version).toBeNull();
  });

  it('treats a missing or failing codex as unknown', async () => {
    expect(await probeCodexVersion(testHost())).toBeNull();
    expect(await probeCodexVersion(testHost({ exec: () => ({ code: 1, stdout: 'codex-cli 0.130.0', stderr: '' }) }))).toBeNull();
  });
});

describe('versions and words', () => {
  it.each([
    ['codex-cli 0.115.0', '0.115.0'],
    ['codex-cli 0.129.1-alpha.2\n', '0.129.1'],
    ['codex 1.2', null],
  ])('parseCodexVersion(%j)', (output, expected) => {
    expect(parseCodexVersion(output)).toBe(expected);
  });

  it('compares versions numerically', () => {
    expect(compareVersions('0.115.0', '0.99.9')).toBeGreaterThan(0);
    expect(compareVersions('0.128.9', '0.129.0')).toBeLessThan(0);
    expect(compareVersions('0.129.0', '0.129.0')).toBe(0);
  });

  it('says where a variable comes from', () => {
    expect(displayPath(DOTENV, '/home/user')).toBe('~/.codex/.env');
    expect(displayPath('/srv/codex/.env', '/home/user')).toBe('/srv/codex/.env');
    expect(describeOrigin('HTTPS_PROXY', { source: 'dotenv', line: 3, overridesShell: true }, '~/.codex/.env')).toBe(
      'HTTPS_PROXY comes from ~/.codex/.env (line 3), overriding the shell',
    );
    expect(describeOrigin('CODEX_CA_CERTIFICATE', { source: 'dotenv-ignored', line: 1, shellSet: false }, '~/.codex/.env')).toBe(
      'CODEX_CA_CERTIFICATE is set in ~/.codex/.env (line 1), where Codex ignores CODEX_* names; so it is not set for Codex',
    );
    expect(describeOrigin('SSL_CERT_FILE', { source: 'shell' }, '~/.codex/.env')).toBe('SSL_CERT_FILE comes from the shell environment');
    expect(describeOrigin('SSL_CERT_DIR', undefined, '~/.codex/.env')).toBe('SSL_CERT_DIR is not set');
  });
});
