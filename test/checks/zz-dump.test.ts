import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { codexConfigCheck } from '../../src/checks/codex-config.js';
import { sandboxEnvCheck } from '../../src/checks/sandbox-env.js';
import { testHost } from '../helpers/host.js';
import { runDoctorChecks, TEST_OPTIONS } from '../helpers/run-check.js';
for (const name of (process.env.DUMP ?? '').split(',')) it(name, async () => {
  const dir = `fixtures/config/${name}`;
  const exp = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8'));
  const files: Record<string, any> = { ...exp.hostFiles, '/home/user/.codex/config.toml': readFileSync(`${dir}/config.toml`, 'utf8') };
  const host = testHost({ env: exp.env, files, ...(exp.codexVersion && { exec: () => ({ code: 0, stdout: `codex-cli ${exp.codexVersion}`, stderr: '' }) }) });
  const recs = await runDoctorChecks([codexConfigCheck, sandboxEnvCheck], host, { ...TEST_OPTIONS, ...(exp.profile && { profile: exp.profile }) });
  for (const r of recs) { console.log(`== ${r.id} ${r.status}: ${r.summary}`); for (const f of r.findings) { console.log(` ${f.level} ${f.code} [${f.stage}] ${f.detail}`); for (const h of f.hints ?? []) console.log(`   > ${h.text}${h.command ? `\n     $ ${h.command}` : ''}${h.snippet ? '\n     ' + h.snippet.replace(/\n/g, '\n     ') : ''}`); } for (const e of r.evidence) console.log('  [' + e.title + ']\n   ' + e.lines.join('\n   ')); }
});
