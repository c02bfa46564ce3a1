import { it } from 'vitest';
import { codexConfigCheck } from '../../src/checks/codex-config.js';
import { wsUpgradeCheck } from '../../src/checks/ws-upgrade.js';
import { testHost } from '../helpers/host.js';
import { runDoctorChecks } from '../helpers/run-check.js';
it('scratch', async () => {
  for (const toml of ['model_provider = "__proto__"\n', 'model_provider = "toString"\n', 'model_provider = "opnai"\n', 'model_provider = "x"\n[model_providers.x]\nbase_url = "not a url"\n', 'openai_base_url = "garbage"\n', 'openai_base_url = "gw.corp.example.com/v1"\n', '[profiles.w]\nopenai_base_url = "garbage"\n']) {
    const host = testHost({ files: { '/home/user/.codex/config.toml': toml } });
    const records = await runDoctorChecks([codexConfigCheck, wsUpgradeCheck], host, { timeoutMs: 10000, verbose: false, ...(toml.includes('profiles') ? { profile: 'w' } : {}) } as any);
    console.log(JSON.stringify(toml), JSON.stringify(records.map((r) => ({ id: r.id, status: r.status, error: r.error, summary: r.summary, findings: r.findings.filter(f => f.level !== 'info'), fixes: (r.data as any)?.fixes })), null, 1), 'polluted:', ({} as any).base_url);
  }
});
