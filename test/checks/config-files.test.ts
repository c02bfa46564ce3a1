// config.codex and sandbox.env on files Codex cannot use (a directory, a huge or non-UTF-8 config, TLS files
// that are missing, unreadable or not PEM): each finding names the file, and its fix is the user's by hand.
import { describe, expect, it } from 'vitest';
import { codexConfigCheck } from '../../src/checks/codex-config.js';
import { sandboxEnvCheck } from '../../src/checks/sandbox-env.js';
import type { CheckRecord } from '../../src/core/types.js';
import { mintCorporateCa } from '../../src/lab/pki.js';
import { testHost, type MemoryEntry } from '../helpers/host.js';
import { runDoctorChecks } from '../helpers/run-check.js';

const CONFIG = '/home/user/.codex/config.toml';

async function run(files: Record<string, MemoryEntry>, env: Record<string, string> = {}): Promise<CheckRecord[]> {
  return runDoctorChecks([codexConfigCheck, sandboxEnvCheck], testHost({ env, files: { '/home/user/.codex': { directory: true }, ...files } }));
}

const manualOf = (records: CheckRecord[], code: string) => records.flatMap((r) => r.findings).find((f) => f.code === code)?.hints?.find((h) => h.action)?.action;

describe('config files Codex cannot read', () => {
  it.each([
    ['a directory', { [`${CONFIG}/x`]: 'x' }, 'CONFIG_NOT_A_FILE'],
    ['far larger than a config', { [CONFIG]: `# ${'x'.repeat(1024 * 1024 + 10)}\n` }, 'CONFIG_TOO_LARGE'],
    ['not UTF-8', { [CONFIG]: Buffer.from([0x6d, 0x6f, 0x64, 0x65, 0x6c, 0x20, 0x3d, 0x20, 0x22, 0xff, 0xfe, 0x22, 0x0a]) }, 'CONFIG_NOT_UTF8'],
  ] as const)('fails for a config.toml that is %s, with a repair by hand', async (_what, files, code) => {
    const records = await run(files);
    expect(records[0]?.error?.code).toBe(code);
    expect(manualOf(records, code)).toEqual({ kind: 'manual', topic: 'repair-file' });
  });
});

describe('TLS files named in the config', () => {
  const otel = (tls: string): string => `[otel.exporter.otlp-http]\nendpoint = "https://otel.internal.example.com:4318"\nprotocol = "binary"\n\n[otel.exporter.otlp-http.tls]\n${tls}\n`;

  it('warns about a missing or unreadable OTEL file, and client files that are not PEM', async () => {
    const missing = await run({ [CONFIG]: otel('ca-certificate = "/home/user/certs/none.pem"') });
    expect(manualOf(missing, 'OTEL_TLS_FILE_MISSING')).toEqual({ kind: 'manual', topic: 'repair-file' });
    const unreadable = await run({ [CONFIG]: otel('ca-certificate = "/home/user/certs/ca.pem"'), '/home/user/certs/ca.pem': { readError: 'EACCES' } });
    expect(manualOf(unreadable, 'OTEL_TLS_FILE_UNREADABLE')).toEqual({ kind: 'manual', topic: 'file-permissions' });
    const garbage = await run({
      [CONFIG]: otel('client-certificate = "/home/user/certs/client.pem"\nclient-private-key = "/home/user/certs/client-key.pem"'),
      '/home/user/certs/client.pem': 'not a certificate\n',
      '/home/user/certs/client-key.pem': 'not a key\n',
    });
    expect(manualOf(garbage, 'OTEL_CLIENT_CERT_INVALID')).toEqual({ kind: 'manual', topic: 'repair-file' });
    const badKey = await run({
      [CONFIG]: otel('client-certificate = "/home/user/certs/client.pem"\nclient-private-key = "/home/user/certs/client-key.pem"'),
      '/home/user/certs/client.pem': mintCorporateCa({ intermediate: null }).identityFor('otel-client.corp.example.com').leaf.pem,
      '/home/user/certs/client-key.pem': 'not a key\n',
    });
    expect(manualOf(badKey, 'OTEL_CLIENT_KEY_INVALID')).toEqual({ kind: 'manual', topic: 'repair-file' });
  });

  it('warns when a CA variable that reaches the sandbox names a file nobody can read', async () => {
    const records = await run(
      { [CONFIG]: 'sandbox_mode = "workspace-write"\n\n[sandbox_workspace_write]\nnetwork_access = true\n', '/etc/ssl/corp.pem': { readError: 'EACCES' } },
      { NODE_EXTRA_CA_CERTS: '/etc/ssl/corp.pem', PATH: '/usr/bin:/bin' },
    );
    expect(manualOf(records, 'SANDBOX_CA_FILE_UNREADABLE')).toEqual({ kind: 'manual', topic: 'file-permissions' });
  });
});
