// The prescription step: the fix behind a verdict is found in the report and applied in the world.
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { doctorVerdicts } from '../../conformance/doctor-verdict.js';
import { applyFix, fixActionFor, turnsWebSocketOff } from '../../conformance/prescription.js';
import { mintPublicPki } from '../../src/lab/pki.js';
import type { ConfigChange } from '../../src/core/types.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const report = {
  checks: [
    { id: 'env.precedence', status: 'warn', findings: [{ level: 'warn', code: 'ENV_PROXY_EMPTY_UPPER', hints: [{ text: 'x', action: { kind: 'unset-env', name: 'HTTPS_PROXY', target: 'shell-profile' } }] }] },
    { id: 'tls.auth', status: 'fail', error: { code: 'NET_CONNECTION_REFUSED' }, findings: [{ level: 'fail', code: 'NET_CONNECTION_REFUSED', hints: [{ text: 'y', action: { kind: 'it-request', topic: 'proxy-reachability' } }] }] },
    { id: 'oauth.token', status: 'skip', blockedBy: ['tls.auth'], findings: [] },
    { id: 'ws.upgrade', status: 'fail', error: { code: 'WS_UPGRADE_REFUSED' }, findings: [{ level: 'fail', code: 'WS_UPGRADE_REFUSED', hints: [{ text: 'z' }] }] },
  ],
};

describe('conformance: prescription', () => {
  it('takes the first action of the finding behind each verdict, following a skip to its blocker', () => {
    const verdicts = doctorVerdicts(report)!;
    expect(verdicts.login.decidedBy).toEqual({ checkId: 'tls.auth', code: 'NET_CONNECTION_REFUSED' });
    expect(fixActionFor(report, verdicts.login.decidedBy)).toEqual({ kind: 'it-request', topic: 'proxy-reachability' });
    expect(fixActionFor(report, verdicts.websocket.decidedBy)).toBeUndefined();
    expect(fixActionFor(report, { checkId: 'env.precedence', code: 'ENV_PROXY_EMPTY_UPPER' })).toMatchObject({ kind: 'unset-env' });
  });

  it('applies environment steps to the rerun and .env, and converts a DER certificate to a new PEM file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'conformance-fix-'));
    dirs.push(dir);
    const world = { env: { HTTPS_PROXY: '', https_proxy: 'http://127.0.0.1:3128' }, codexHome: dir, cwd: dir };
    const unset = await applyFix({ kind: 'unset-env', name: 'HTTPS_PROXY', target: 'shell-profile' }, world);
    expect(unset).toMatchObject({ kind: 'applied', env: { https_proxy: 'http://127.0.0.1:3128' } });
    expect(unset.kind === 'applied' && 'HTTPS_PROXY' in unset.env).toBe(false);

    const pki = mintPublicPki();
    const der = path.join(dir, 'root.cer');
    await writeFile(der, new X509Certificate(pki.root.pem).raw);
    const pem = path.join(dir, 'root.pem');
    const converted = await applyFix(
      {
        kind: 'sequence',
        steps: [
          { kind: 'convert-certificate', from: der, to: pem, format: 'der' },
          { kind: 'set-env', name: 'SSL_CERT_FILE', value: pem, target: 'codex-dotenv' },
        ],
      },
      world,
    );
    expect(converted.kind).toBe('applied');
    expect(new X509Certificate(await readFile(pem)).fingerprint256).toBe(new X509Certificate(pki.root.pem).fingerprint256);
    expect(await readFile(path.join(dir, '.env'), 'utf8')).toBe(`SSL_CERT_FILE=${pem}\n`);
    expect(await applyFix({ kind: 'it-request', topic: 'corporate-root' }, world)).toMatchObject({ kind: 'it-request' });
    expect(await applyFix(undefined, world)).toEqual({ kind: 'no-action' });
  });

  it('knows a fix that streams over HTTPS only, so its rerun judges the model stream, not an upgrade', () => {
    const off: ConfigChange = { op: 'set', path: ['model_providers', 'openai-https', 'supports_websockets'], value: false };
    const select: ConfigChange = { op: 'set', path: ['model_provider'], value: 'openai-https' };
    expect(turnsWebSocketOff({ kind: 'edit-config', file: '/c.toml', changes: [select, off] })).toBe(true);
    expect(turnsWebSocketOff({ kind: 'sequence', steps: [{ kind: 'unset-env', name: 'X', target: 'shell-profile' }, { kind: 'edit-config', file: '/c.toml', changes: [off] }] })).toBe(true);
    expect(turnsWebSocketOff({ kind: 'edit-config', file: '/c.toml', changes: [{ op: 'set', path: ['model_providers', 'openai-https', 'supports_websockets'], value: true }] })).toBe(false);
    expect(turnsWebSocketOff({ kind: 'unset-env', name: 'HTTPS_PROXY', target: 'shell-profile' })).toBe(false);
    expect(turnsWebSocketOff(undefined)).toBe(false);
  });
});
