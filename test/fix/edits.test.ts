// The minimal file edits behind `codex-doctor fix`: config.toml keeps its comments and order, .env lines are
// read back as dotenvy reads them, certificates come out of every shape as PEM, the shell decides the profile.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDotenv } from '../../src/codex/dotenv.js';
import { certificatesAt, certificatesInBytes, pemBundle } from '../../src/fix/certificates.js';
import { userShell } from '../../src/fix/shell.js';
import { editDotenv, editToml } from '../../src/fix/text-edits.js';
import { tempHost } from '../helpers/host.js';

describe('editToml', () => {
  const config = `# my settings
model = "o3" # the one I like

[features]
# keep this
web_search = true

[shell_environment_policy]
inherit = "core"
`;

  it('replaces one line, keeping comments, order and the rest', () => {
    const edit = editToml(config, [{ op: 'set', path: ['shell_environment_policy', 'inherit'], value: 'all' }]);
    expect(edit).toMatchObject({ ok: true, text: config.replace('inherit = "core"', 'inherit = "all"') });
  });

  it('adds a key at the end of its table, and a missing table at the end of the file', () => {
    const edit = editToml(config, [
      { op: 'set', path: ['features', 'system_proxy_fallback'], value: true },
      { op: 'set', path: ['model_providers', 'corp', 'supports_websockets'], value: false },
    ]);
    expect(edit.ok && edit.text).toBe(
      config.replace('web_search = true\n', 'web_search = true\nsystem_proxy_fallback = true\n') + '\n[model_providers.corp]\nsupports_websockets = false\n',
    );
  });

  it('removes a key, and writes strings TOML reads back exactly', () => {
    const edit = editToml(config, [{ op: 'remove', path: ['model'] }, { op: 'set', path: ['openai_base_url'], value: 'https://a.example/"v1"\\' }]);
    expect(edit.ok && edit.text).toBe(config.replace('model = "o3" # the one I like\n', 'openai_base_url = "https://a.example/\\"v1\\"\\\\"\n'));
  });

  it('refuses a file that is not valid TOML, and a key in a form it does not edit', () => {
    expect(editToml('model = \n', [{ op: 'set', path: ['model'], value: 'o3' }])).toMatchObject({ ok: false, reason: expect.stringContaining('not valid TOML') });
    expect(editToml('features.web_search = true\n', [{ op: 'set', path: ['features', 'web_search'], value: false }])).toMatchObject({ ok: false });
  });
});

describe('editDotenv', () => {
  const read = (text: string): Record<string, string> =>
    Object.fromEntries([...readDotenv(text, () => undefined)].flatMap((i) => (i.kind === 'entry' ? [[i.key, i.value]] : [])));

  it('replaces the assignment in place, quoting what needs it, and keeps the rest', () => {
    const text = '# proxy\nHTTPS_PROXY=http://old:1\nOTHER=x\n';
    const edit = editDotenv(text, 'HTTPS_PROXY', "http://u:p w'd@proxy:8080");
    expect(edit.ok && read(edit.text)).toEqual({ HTTPS_PROXY: "http://u:p w'd@proxy:8080", OTHER: 'x' });
    expect(edit.ok && edit.text.startsWith('# proxy\nHTTPS_PROXY=')).toBe(true);
  });

  it('removes every assignment of the name', () => {
    const edit = editDotenv('A=1\nexport A=2\nB=3\n', 'A', null);
    expect(edit).toMatchObject({ ok: true, text: 'B=3\n', lines: ['- A=1', '- export A=2'] });
  });
});

describe('certificates out of every shape', () => {
  const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/bundles/${name}`, import.meta.url));
  const pem = fixture('rsa-root.pem').toString('utf8');
  const der = new X509Certificate(pem).raw;

  it('DER, PKCS#7 (DER and PEM) and UTF-16 files give their certificates', () => {
    expect(certificatesInBytes(der, 'der')).toEqual({ ok: true, certificates: [der] });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pem, 'utf16le')]);
    expect(certificatesInBytes(utf16, 'utf16')).toEqual({ ok: true, certificates: [der] });
    // The fixtures were made with openssl (see fixtures/bundles/README.md).
    for (const name of ['bundle.p7b', 'bundle-der.p7b']) {
      const ecdsa = new X509Certificate(fixture('ecdsa-p384-root.pem')).raw;
      expect(certificatesInBytes(fixture(name), 'pkcs7'), name).toEqual({ ok: true, certificates: [der, ecdsa] });
    }
    expect(certificatesInBytes(fixture('utf16le-bom.pem'), 'utf16')).toEqual({ ok: true, certificates: [der] });
    expect(certificatesInBytes(der, 'utf16')).toMatchObject({ ok: false });
    const bundle = pemBundle([der]);
    expect(bundle.ok && bundle.bytes.toString()).toBe(pem.replace(/\r\n/g, '\n').trimEnd() + '\n');
  });

  it('a directory gives each certificate of its files once', async () => {
    const t = await tempHost();
    try {
      await t.write('certs/a.pem', pem);
      await t.write('certs/b.crt', pem);
      await t.write('certs/readme.txt', 'not a certificate');
      expect(await certificatesAt(t.host, `${t.dir}/certs`, 'directory')).toEqual({ ok: true, certificates: [der] });
    } finally {
      await t.cleanup();
    }
  });
});

describe('userShell: which profile a new shell reads', () => {
  it.each([
    [{ SHELL: '/bin/bash' }, 'linux', { kind: 'bash', profile: '/home/u/.bashrc' }],
    [{ SHELL: '/bin/bash' }, 'darwin', { kind: 'bash', profile: '/home/u/.bash_profile' }],
    [{ SHELL: '/bin/zsh', ZDOTDIR: '/home/u/.zsh' }, 'darwin', { kind: 'zsh', profile: '/home/u/.zsh/.zshrc' }],
    [{ SHELL: '/usr/bin/fish' }, 'linux', { kind: 'fish', profile: '/home/u/.config/fish/config.fish' }],
    [{ PSModulePath: 'C:\\Users\\u\\Documents\\PowerShell\\Modules;C:\\Program Files\\PowerShell\\Modules' }, 'win32', { kind: 'powershell', profile: 'C:\\Users\\u\\Documents\\PowerShell\\Microsoft.PowerShell_profile.ps1' }],
    [{ PSModulePath: 'C:\\Program Files\\WindowsPowerShell\\Modules' }, 'win32', { kind: 'cmd', profile: null }],
  ] as const)('%j on %s', (env, platform, expected) => {
    const homeDir = platform === 'win32' ? 'C:\\Users\\u' : '/home/u';
    expect(userShell({ env, platform, homeDir })).toEqual(expected);
  });
});
