import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caBundleCheck } from '../../src/checks/ca-bundle.js';
import { envPrecedence } from '../../src/checks/env-precedence.js';
import type { FixAction } from '../../src/core/types.js';
import type { ShellKind } from '../../src/fix/shell.js';
import { websocketOffAction, websocketOffSnippet } from '../../src/words/network-hints.js';
import { smolToml } from '../../src/codex/toml.js';
import { editToml } from '../../src/fix/text-edits.js';
import { CommandBuilder } from '../../src/words/commands.js';
import { testHost } from '../helpers/host.js';
import { runDoctorChecks } from '../helpers/run-check.js';

const builder = (kind: ShellKind): CommandBuilder => new CommandBuilder({ shell: { kind, profile: null }, homeDir: '/home/ann', dotenvPath: '/home/ann/.codex/.env' });

describe('one action, rendered for each shell', () => {
  const set: FixAction = { kind: 'set-env', name: 'CODEX_CA_CERTIFICATE', value: "/home/ann/My Certs/it's.pem", target: 'shell-profile' };
  const unset: FixAction = { kind: 'unset-env', name: 'SSL_CERT_FILE', target: 'shell-profile' };
  const copy: FixAction = { kind: 'copy-env', name: 'HTTPS_PROXY', from: 'https_proxy', target: 'shell-profile' };

  it.each([
    ['bash', `export CODEX_CA_CERTIFICATE='/home/ann/My Certs/it'\\''s.pem'`, 'unset SSL_CERT_FILE', 'export HTTPS_PROXY="$https_proxy"'],
    ['fish', `set -gx CODEX_CA_CERTIFICATE '/home/ann/My Certs/it\\'s.pem'`, 'set -e SSL_CERT_FILE', 'set -gx HTTPS_PROXY $https_proxy'],
    ['powershell', `$env:CODEX_CA_CERTIFICATE = '/home/ann/My Certs/it''s.pem'`, 'Remove-Item Env:SSL_CERT_FILE -ErrorAction SilentlyContinue', '$env:HTTPS_PROXY = $env:https_proxy'],
    ['cmd', `set "CODEX_CA_CERTIFICATE=/home/ann/My Certs/it's.pem"`, 'set SSL_CERT_FILE=', 'set "HTTPS_PROXY=%https_proxy%"'],
  ] as const)('%s', (shell, setLine, unsetLine, copyLine) => {
    const b = builder(shell);
    expect(b.command(set)).toBe(setLine);
    expect(b.command(unset)).toBe(unsetLine);
    expect(b.command(copy)).toBe(copyLine);
  });

  it('edits $CODEX_HOME/.env for a variable that lives there, keeping a backup', () => {
    const b = builder('bash');
    expect(b.command({ kind: 'unset-env', name: 'SSL_CERT_DIR', target: 'codex-dotenv' })).toBe(
      "sed -i.bak -E '/^[[:space:]]*(export[[:space:]]+)?SSL_CERT_DIR[[:space:]]*=/d' ~/.codex/.env",
    );
    expect(b.command({ kind: 'set-env', name: 'NO_PROXY', value: 'localhost', target: 'codex-dotenv' })).toBe(
      "sed -i.bak -E '/^[[:space:]]*(export[[:space:]]+)?NO_PROXY[[:space:]]*=/d' ~/.codex/.env && printf '%s\\n' NO_PROXY=localhost >> ~/.codex/.env",
    );
  });

  it('converts only to a path that does not exist yet, in every shell', () => {
    const der: FixAction = { kind: 'convert-certificate', from: '/home/ann/Downloads/corp.cer', to: '/home/ann/Downloads/corp.pem', format: 'der' };
    expect(builder('bash').command(der)).toBe('test ! -e ~/Downloads/corp.pem && openssl x509 -inform der -in ~/Downloads/corp.cer -out ~/Downloads/corp.pem');
    // certutil refuses an existing output file by itself.
    expect(builder('powershell').command(der)).toBe('certutil -encode /home/ann/Downloads/corp.cer /home/ann/Downloads/corp.pem');
    const utf16: FixAction = { kind: 'convert-certificate', from: 'C:\\certs\\corp.cer', to: 'C:\\certs\\corp.pem', format: 'utf16' };
    expect(builder('powershell').command(utf16)).toBe('if (-not (Test-Path C:\\certs\\corp.pem)) { Get-Content C:\\certs\\corp.cer | Set-Content -Encoding ascii C:\\certs\\corp.pem }');
  });

  it('joins a sequence with the shell\'s own separator', () => {
    const sequence: FixAction = {
      kind: 'sequence',
      steps: [
        { kind: 'convert-certificate', from: 'C:\\c\\corp.cer', to: 'C:\\c\\corp.pem', format: 'der' },
        { kind: 'set-env', name: 'CODEX_CA_CERTIFICATE', value: 'C:\\c\\corp.pem', target: 'shell-profile' },
      ],
    };
    expect(builder('powershell').command(sequence)).toBe("certutil -encode C:\\c\\corp.cer C:\\c\\corp.pem; $env:CODEX_CA_CERTIFICATE = 'C:\\c\\corp.pem'");
    expect(builder('cmd').command(sequence)).toBe('certutil -encode C:\\c\\corp.cer C:\\c\\corp.pem && set "CODEX_CA_CERTIFICATE=C:\\c\\corp.pem"');
  });

  it('renders a config edit as TOML, never as a command', () => {
    const edit: FixAction = { kind: 'edit-config', file: '/home/ann/.codex/config.toml', changes: [{ op: 'set', path: ['features', 'respect_system_proxy'], value: false }] };
    expect(builder('bash').command(edit)).toBeNull();
    expect(builder('bash').snippet(edit)).toBe('# ~/.codex/config.toml\n[features]\nrespect_system_proxy = false');
  });
});

describe('streaming over HTTPS only: one provider table for the action and the snippet', () => {
  const builtIn = { id: 'openai', builtIn: true, baseUrl: 'https://chatgpt.com/backend-api/codex' };
  const custom = { id: 'corp', builtIn: false, baseUrl: 'https://llm.corp.example/v1' };

  it.each([
    ['the built-in provider', builtIn],
    ['a custom provider', custom],
  ])('the snippet for %s is the TOML that applying the action writes', (_what, provider) => {
    const action = websocketOffAction(provider, '/home/ann/.codex/config.toml');
    const applied = editToml('', action.changes);
    expect(applied.ok).toBe(true);
    const { parse } = smolToml();
    expect(parse(websocketOffSnippet(provider))).toEqual(parse(applied.ok ? applied.text : ''));
    // The fix's own snippet (from the action) and the advice's snippet differ only in the comment naming the file.
    expect(builder('bash').snippet(action)?.split('\n').slice(1)).toEqual(websocketOffSnippet(provider).split('\n').slice(1));
  });

  it('keeps top-level keys above the first table, whatever order the changes come in', () => {
    const edit: FixAction = {
      kind: 'edit-config',
      file: '/home/ann/.codex/config.toml',
      changes: [
        { op: 'set', path: ['model_providers', 'x', 'supports_websockets'], value: false },
        { op: 'set', path: ['model_provider'], value: 'x' },
      ],
    };
    expect(builder('bash').snippet(edit)).toBe('# ~/.codex/config.toml\nmodel_provider = "x"\n[model_providers.x]\nsupports_websockets = false');
  });
});

describe('a DER bundle speaks one shell in every command', () => {
  const der = new X509Certificate(readFileSync(new URL('../../fixtures/bundles/rsa-root.pem', import.meta.url))).raw;

  async function commands(platform: NodeJS.Platform, bundle: string, home: string, env: Record<string, string> = {}): Promise<string[]> {
    const host = testHost({ platform, homeDir: home, cwd: home, env: { CODEX_CA_CERTIFICATE: bundle, SSL_CERT_FILE: bundle, NODE_TLS_REJECT_UNAUTHORIZED: '0', ...env }, files: { [bundle]: der } });
    const records = await runDoctorChecks([envPrecedence, caBundleCheck], host);
    expect(records.find((r) => r.id === 'ca.bundle')?.error?.code).toBe('CA_FORMAT_DER');
    return records.flatMap((r) => r.findings.flatMap((f) => (f.hints ?? []).flatMap((h) => (h.command === undefined ? [] : [h.command]))));
  }

  it('on Linux: POSIX commands only, and the fix ends in an export line', async () => {
    const all = await commands('linux', '/home/ann/Downloads/corp.cer', '/home/ann');
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const command of all) expect(command).not.toMatch(/\$env:|Remove-Item|certutil|Get-Content/);
    expect(all).toContain('test ! -e ~/Downloads/corp.pem && openssl x509 -inform der -in ~/Downloads/corp.cer -out ~/Downloads/corp.pem && export CODEX_CA_CERTIFICATE=/home/ann/Downloads/corp.pem');
    expect(all).toContain('unset SSL_CERT_FILE');
    expect(all).toContain('unset NODE_TLS_REJECT_UNAUTHORIZED');
  });

  it('on a simulated Windows host: PowerShell commands only', async () => {
    // PowerShell adds the user's own module directory to PSModulePath; cmd does not.
    const all = await commands('win32', 'C:\\Users\\ann\\Downloads\\corp.cer', 'C:\\Users\\ann', { PSModulePath: 'C:\\Users\\ann\\Documents\\WindowsPowerShell\\Modules;C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules' });
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const command of all) expect(command).not.toMatch(/^(export|unset|test|sed|awk|chmod|head) |&& (export|unset) /);
    expect(all).toContain("certutil -encode C:\\Users\\ann\\Downloads\\corp.cer C:\\Users\\ann\\Downloads\\corp.pem; $env:CODEX_CA_CERTIFICATE = 'C:\\Users\\ann\\Downloads\\corp.pem'");
    expect(all).toContain('Remove-Item Env:SSL_CERT_FILE -ErrorAction SilentlyContinue');
    expect(all).toContain('Remove-Item Env:NODE_TLS_REJECT_UNAUTHORIZED -ErrorAction SilentlyContinue');
  });

  it('on a simulated Windows host in cmd.exe: cmd commands only', async () => {
    const all = await commands('win32', 'C:\\Users\\ann\\Downloads\\corp.cer', 'C:\\Users\\ann');
    for (const command of all) expect(command).not.toMatch(/^(export|unset|test|sed|awk|chmod|head|Remove-Item) |\$env:|&& (export|unset) /);
    expect(all).toContain('certutil -encode C:\\Users\\ann\\Downloads\\corp.cer C:\\Users\\ann\\Downloads\\corp.pem && set "CODEX_CA_CERTIFICATE=C:\\Users\\ann\\Downloads\\corp.pem"');
    expect(all).toContain('set SSL_CERT_FILE=');
  });
});

describe('read-only looks at a file, for each shell', () => {
  it.each([
    ['bash', "ls -ld ~/'My Certs'", "grep -n '^[[:blank:]]*\\[' ~/.codex/config.toml", "openssl x509 -in ~/'My Certs/it'\\''s.pem' -noout -subject"],
    [
      'powershell',
      "Get-Item '/home/ann/My Certs' | Format-List",
      "Select-String -Path /home/ann/.codex/config.toml -Pattern '^\\s*\\['",
      "(New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 '/home/ann/My Certs/it''s.pem').Subject",
    ],
  ] as const)('%s', (shell, list, headers, subject) => {
    const b = builder(shell);
    expect(b.listFile('/home/ann/My Certs', true)).toBe(list);
    expect(b.findTableHeaders('/home/ann/.codex/config.toml')).toBe(headers);
    expect(b.showCertificateSubject("/home/ann/My Certs/it's.pem")).toBe(subject);
  });

  it("the table-header search finds Codex's table headers when run by sh", async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { execFileSync } = await import('node:child_process');
    const path = await import('node:path');
    const os = await import('node:os');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'codex-doctor-headers-'));
    const file = path.join(dir, 'config.toml');
    await writeFile(file, 'model = "o3"\n[features]\n  [[mcp_servers.a.b]]\nx = "[not a header]"\n');
    const command = new CommandBuilder({ shell: { kind: 'bash', profile: null }, homeDir: dir, dotenvPath: path.join(dir, '.env') }).findTableHeaders(file);
    expect(execFileSync('sh', ['-c', command], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dir } })).toBe('2:[features]\n3:  [[mcp_servers.a.b]]\n');
  });
});
