import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SHELL_ENVIRONMENT_POLICY,
  emulateShellEnvironment,
  globMatches,
  policyThatPasses,
  type ShellEnvironmentPolicy,
} from '../../src/codex/shell-env-policy.js';

const policy = (over: Partial<ShellEnvironmentPolicy>): ShellEnvironmentPolicy => ({ ...DEFAULT_SHELL_ENVIRONMENT_POLICY, ...over });
const verdicts = (env: Record<string, string>, p: ShellEnvironmentPolicy, platform: NodeJS.Platform = 'linux') =>
  Object.fromEntries([...emulateShellEnvironment(env, p, platform).verdicts].map(([n, v]) => [n, v.reaches ? `reaches:${v.decidedBy}` : `removed:${v.decidedBy}`]));

const ENV = {
  PATH: '/usr/bin',
  HOME: '/home/ann',
  SSL_CERT_FILE: '/etc/corp.pem',
  HTTPS_PROXY: 'http://proxy:3128',
  https_proxy: 'http://proxy:3128',
  OPENAI_API_KEY: 'sk-secret',
  GITHUB_TOKEN: 'ghp',
};

describe('globMatches', () => {
  it('matches the whole name, case-insensitively, with * and ?', () => {
    expect(globMatches('*PROXY*', 'https_proxy')).toBe(true);
    expect(globMatches('SSL_CERT_?ILE', 'ssl_cert_file')).toBe(true);
    expect(globMatches('SSL_CERT', 'SSL_CERT_FILE')).toBe(false);
    expect(globMatches('*_PROXY', 'HTTPS_PROXY_X')).toBe(false);
    // Regex characters in a name are literal.
    expect(globMatches('PROGRAMFILES(X86)', 'ProgramFiles(x86)')).toBe(true);
    expect(globMatches('A.B', 'AXB')).toBe(false);
  });
});

describe('emulateShellEnvironment', () => {
  it('passes everything by default: inherit all, default excludes ignored since 2025-12', () => {
    expect(verdicts(ENV, DEFAULT_SHELL_ENVIRONMENT_POLICY)).toEqual(Object.fromEntries(Object.keys(ENV).map((n) => [n, 'reaches:inherit'])));
  });

  it('inherit core keeps only the core names (case-insensitive) and says inherit removed the rest', () => {
    const result = verdicts({ ...ENV, path: '/bin', Lang: 'C' }, policy({ inherit: 'core' }));
    expect(result).toMatchObject({ PATH: 'reaches:inherit', path: 'reaches:inherit', Lang: 'reaches:inherit', HOME: 'reaches:inherit', SSL_CERT_FILE: 'removed:inherit', HTTPS_PROXY: 'removed:inherit' });
  });

  it('inherit core on Windows uses the Windows list', () => {
    const result = verdicts({ SystemRoot: 'C:\\Windows', HOME: 'C:\\Users\\ann', 'ProgramFiles(x86)': 'C:\\P' }, policy({ inherit: 'core' }), 'win32');
    expect(result).toEqual({ SystemRoot: 'reaches:inherit', HOME: 'removed:inherit', 'ProgramFiles(x86)': 'reaches:inherit' });
  });

  it('inherit none keeps nothing but set', () => {
    expect(verdicts(ENV, policy({ inherit: 'none', set: { NODE_EXTRA_CA_CERTS: '/x.pem' } }))).toMatchObject({ PATH: 'removed:inherit', NODE_EXTRA_CA_CERTS: 'reaches:set' });
  });

  it('default excludes drop *KEY*, *SECRET*, *TOKEN* when ignore_default_excludes = false', () => {
    expect(verdicts(ENV, policy({ ignoreDefaultExcludes: false }))).toMatchObject({ OPENAI_API_KEY: 'removed:default-excludes', GITHUB_TOKEN: 'removed:default-excludes', SSL_CERT_FILE: 'reaches:inherit' });
  });

  it('exclude names the first glob that removed a variable', () => {
    expect(verdicts(ENV, policy({ exclude: ['*_API_*', '*proxy*'] }))).toMatchObject({ HTTPS_PROXY: 'removed:exclude:*proxy*', https_proxy: 'removed:exclude:*proxy*', OPENAI_API_KEY: 'removed:exclude:*_API_*' });
  });

  it('set overrides an inherited value and survives exclude (it comes after)', () => {
    const out = emulateShellEnvironment(ENV, policy({ exclude: ['SSL_*'], set: { SSL_CERT_FILE: '/other.pem' } }), 'linux');
    expect(out.verdicts.get('SSL_CERT_FILE')).toEqual({ name: 'SSL_CERT_FILE', reaches: true, decidedBy: 'set', value: '/other.pem' });
    expect(out.env.SSL_CERT_FILE).toBe('/other.pem');
  });

  it('include_only keeps only matches, and removes set entries too', () => {
    expect(verdicts(ENV, policy({ includeOnly: ['PATH', 'HOME', 'SSL_*'], set: { FOO: 'bar' } }))).toMatchObject({ PATH: 'reaches:inherit', SSL_CERT_FILE: 'reaches:inherit', HTTPS_PROXY: 'removed:include_only', FOO: 'removed:include_only' });
  });

  it('filters: exclude filters act like exclude, include filters like include_only', () => {
    const p = policy({ filters: { '*PROXY*': 'exclude', 'PATH': 'include', 'SSL_*': 'include', 'HTTPS_*': 'include' } });
    expect(verdicts(ENV, p)).toMatchObject({ HTTPS_PROXY: 'removed:filters:*PROXY*', PATH: 'reaches:inherit', SSL_CERT_FILE: 'reaches:inherit', HOME: 'removed:filters' });
  });

  it('always removes the internal variables', () => {
    expect(verdicts({ CODEX_SANDBOX_NETWORK_DISABLED: '1', PATH: '/bin' }, DEFAULT_SHELL_ENVIRONMENT_POLICY)).toEqual({ CODEX_SANDBOX_NETWORK_DISABLED: 'removed:internal', PATH: 'reaches:inherit' });
  });
});

describe('policyThatPasses', () => {
  const needed = ['SSL_CERT_FILE', 'HTTPS_PROXY', 'https_proxy'];
  const reachesAll = (p: ShellEnvironmentPolicy): boolean => needed.every((n) => emulateShellEnvironment(ENV, p, 'linux').verdicts.get(n)?.reaches);

  it('turns inherit core into inherit all + include_only of what reached plus the needed names', () => {
    const { policy: fixed, unfixable } = policyThatPasses(ENV, policy({ inherit: 'core' }), needed, 'linux');
    expect(unfixable).toEqual([]);
    expect(fixed.inherit).toBe('all');
    expect(fixed.includeOnly).toEqual(['PATH', 'SHELL', 'TMPDIR', 'TEMP', 'TMP', 'HOME', 'LANG', 'LC_ALL', 'LC_CTYPE', 'LOGNAME', 'USER', ...needed]);
    expect(reachesAll(fixed)).toBe(true);
    // Nothing else gets through.
    expect(emulateShellEnvironment(ENV, fixed, 'linux').verdicts.get('OPENAI_API_KEY')?.reaches).toBe(false);
  });

  it('replaces an exclude glob by the other names it removes', () => {
    const { policy: fixed } = policyThatPasses(ENV, policy({ exclude: ['*PROXY*', '*_KEY'] }), needed, 'linux');
    expect(fixed.exclude).toEqual(['*_KEY']);
    const { policy: narrower } = policyThatPasses({ ...ENV, FTP_PROXY: 'x' }, policy({ exclude: ['*PROXY*'] }), needed, 'linux');
    expect(narrower.exclude).toEqual(['FTP_PROXY']);
    expect(reachesAll(narrower)).toBe(true);
  });

  it('adds names to include_only and to include filters', () => {
    expect(policyThatPasses(ENV, policy({ includeOnly: ['PATH'] }), needed, 'linux').policy.includeOnly).toEqual(['PATH', ...needed]);
    const filtered = policyThatPasses(ENV, policy({ filters: { PATH: 'include', '*PROXY*': 'exclude' } }), needed, 'linux').policy;
    expect(filtered.filters).toEqual({ PATH: 'include', SSL_CERT_FILE: 'include', HTTPS_PROXY: 'include', https_proxy: 'include' });
    expect(reachesAll(filtered)).toBe(true);
  });

  it('reports what no policy can pass', () => {
    const { unfixable } = policyThatPasses({ CODEX_SANDBOX: 'seatbelt' }, DEFAULT_SHELL_ENVIRONMENT_POLICY, ['CODEX_SANDBOX'], 'linux');
    expect(unfixable).toEqual([{ name: 'CODEX_SANDBOX', decidedBy: 'internal' }]);
  });

  it('leaves a passing policy alone', () => {
    const p = policy({ exclude: ['*_KEY'] });
    expect(policyThatPasses(ENV, p, needed, 'linux').policy).toEqual({ ...p, exclude: ['*_KEY'], includeOnly: [], filters: {} });
  });
});
