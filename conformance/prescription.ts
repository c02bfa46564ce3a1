// Issue #12 item 4: the doctor's first fix action for a failing verdict, applied in the scenario world, so that
// Codex can be rerun on it. Environment changes go into the rerun's environment (a shell profile only takes effect in a
// new shell, which the rerun is) or into $CODEX_HOME/.env; file steps write what the action names.

import { X509Certificate } from 'node:crypto';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'smol-toml';
import type { CertificateSourceFormat, FixAction, FixStep, TomlValue } from '../src/core/types.js';

export type FixApplication =
  | { kind: 'applied'; action: FixAction; env: Record<string, string> }
  /** The first action is a request to IT: not the user's to make. */
  | { kind: 'it-request'; action: FixAction }
  /** The first action is a change the user makes by hand (upgrade Codex, ...): not applied here. */
  | { kind: 'manual'; action: FixAction }
  /** The deciding finding carries no action (yet): efficacy not measured. */
  | { kind: 'no-action' }
  | { kind: 'error'; message: string };

interface ReportLike {
  checks?: Array<{ id?: string; findings?: Array<{ level?: string; code?: string; hints?: Array<{ action?: FixAction }> }> }>;
}

/** The first action of the failing (or warning) finding `code` of check `checkId`: the fix for that verdict. */
export function fixActionFor(report: unknown, decidedBy: { checkId: string; code: string } | undefined): FixAction | undefined {
  if (!decidedBy) return undefined;
  const check = (report as ReportLike | null)?.checks?.find((c) => c.id === decidedBy.checkId);
  const finding = check?.findings?.find((f) => f.code === decidedBy.code && (f.level === 'fail' || f.level === 'warn'));
  return finding?.hints?.find((hint) => hint.action !== undefined)?.action;
}

/** A fix that makes Codex stream over HTTPS only: after it, the model stream arriving over HTTPS is Codex working. */
export function turnsWebSocketOff(action: FixAction | undefined): boolean {
  const steps = action?.kind === 'sequence' ? action.steps : action ? [action] : [];
  return steps.some((step) => step.kind === 'edit-config' && step.changes.some((c) => c.op === 'set' && c.path.at(-1) === 'supports_websockets' && c.value === false));
}

/** Applies one action in the world: files are written there, environment changes go into the returned env. */
export async function applyFix(
  action: FixAction | undefined,
  world: { env: Record<string, string>; codexHome: string; cwd: string },
): Promise<FixApplication> {
  if (!action) return { kind: 'no-action' };
  if (action.kind === 'it-request') return { kind: 'it-request', action };
  // A change made by hand (upgrade Codex, fix the clock): nothing to apply, so efficacy is not measured.
  if (action.kind === 'manual') return { kind: 'no-action' };
  const env = { ...world.env };
  try {
    for (const step of action.kind === 'sequence' ? action.steps : [action]) await applyStep(step, env, world);
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  return { kind: 'applied', action, env };
}

async function applyStep(step: FixStep, env: Record<string, string>, world: { codexHome: string; cwd: string }): Promise<void> {
  const dotenv = path.join(world.codexHome, '.env');
  switch (step.kind) {
    case 'set-env':
      if (step.target === 'codex-dotenv') await appendFile(dotenv, `${step.name}=${step.value}\n`);
      else env[step.name] = step.value;
      return;
    case 'copy-env': {
      const value = env[step.from];
      if (value === undefined) throw new Error(`copy-env: ${step.from} is not set`);
      if (step.target === 'codex-dotenv') await appendFile(dotenv, `${step.name}=${value}\n`);
      else env[step.name] = value;
      return;
    }
    case 'unset-env':
      if (step.target === 'codex-dotenv') {
        const text = await readFile(dotenv, 'utf8').catch(() => '');
        await writeFile(dotenv, text.split('\n').filter((line) => !line.startsWith(`${step.name}=`)).join('\n'));
      } else delete env[step.name];
      return;
    case 'convert-certificate':
      await writeFile(step.to, await pemOf(step.from, step.format), { flag: 'wx' });
      return;
    case 'write-bundle': {
      const parts = await Promise.all(step.sources.map((source) => readFile(source, 'utf8')));
      await writeFile(step.to, parts.map((p) => (p.endsWith('\n') ? p : `${p}\n`)).join(''), { flag: 'wx' });
      return;
    }
    case 'edit-config': {
      const config = parse(await readFile(step.file, 'utf8').catch(() => '')) as Record<string, TomlValue>;
      for (const change of step.changes) {
        const keys = [...change.path];
        const last = keys.pop();
        if (last === undefined) continue;
        let table: Record<string, TomlValue> = config;
        for (const key of keys) table = (table[key] ??= {}) as Record<string, TomlValue>;
        if (change.op === 'set') table[last] = change.value;
        else delete table[last];
      }
      await writeFile(step.file, stringify(config));
      return;
    }
    default:
      // A step kind added to FixAction after this harness: an error, never a silent no-op.
      throw new Error(`the harness cannot apply a ${(step as { kind: string }).kind} step yet`);
  }
}

async function pemOf(file: string, format: CertificateSourceFormat): Promise<string> {
  const bytes = await readFile(file);
  switch (format) {
    case 'der':
      return new X509Certificate(bytes).toString();
    case 'utf16': {
      const text = bytes.subarray(0, 2).equals(Buffer.from([0xff, 0xfe])) ? bytes.subarray(2).toString('utf16le') : bytes.toString('utf16le');
      return text;
    }
    default:
      throw new Error(`the harness cannot convert a ${format} certificate yet`);
  }
}
