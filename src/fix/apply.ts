// `codex-doctor fix`, step two: a backup of every file the plan changes, then the changes; if any write
// fails, what was written is put back, so a fix is applied whole or not at all.
import type { Host } from '../core/host.js';
import { posixQuote, powershellQuote, type ShellKind } from './shell.js';
import type { FileChange, FixPlan } from './plan.js';

export interface AppliedFile {
  path: string;
  /** Where the previous content was saved; null for a file the fix created. */
  backup: string | null;
}

export type ApplyResult = { ok: true; files: AppliedFile[]; undo: string[] } | { ok: false; reason: string };

/** `config.toml` -> `config.toml.codex-doctor-20261203T141500Z.bak`, next to the file. */
export function backupPath(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${file}.codex-doctor-${stamp}.bak`;
}

export async function applyPlan(host: Host, plan: Pick<FixPlan, 'files' | 'shell'>): Promise<ApplyResult> {
  const writer = host.writer;
  if (!writer) return { ok: false, reason: 'this environment does not allow writing files' };
  const now = host.now();
  const applied: AppliedFile[] = [];
  const written: FileChange[] = [];
  try {
    // Backups first, all of them: nothing is changed until every previous content is safe. 0600: a profile
    // or a .env may hold a proxy password.
    for (const change of plan.files) {
      const backup = change.before === null ? null : backupPath(change.path, now);
      if (backup !== null) await writer.writeFile(backup, change.before!, { exclusive: true, mode: 0o600 });
      applied.push({ path: change.path, backup });
    }
    for (const change of plan.files) {
      // A new file never replaces one that appeared since the plan was made.
      await writer.writeFile(change.path, change.after, { exclusive: change.before === null, mode: 0o644 });
      written.push(change);
    }
  } catch (error) {
    for (const change of written.reverse()) {
      await (change.before === null ? writer.removeFile(change.path) : writer.writeFile(change.path, change.before, { exclusive: false })).catch(() => {});
    }
    for (const file of applied) if (file.backup !== null) await writer.removeFile(file.backup).catch(() => {});
    return { ok: false, reason: `${(error as Error).message}; nothing was changed` };
  }
  return { ok: true, files: applied, undo: undoCommands(plan.shell.kind, applied) };
}

/** The commands that put every file back as it was (restore backups, remove created files), for this shell. */
export function undoCommands(shell: ShellKind, files: readonly AppliedFile[]): string[] {
  return files.map(({ path, backup }) => {
    switch (shell) {
      case 'powershell':
        return backup === null ? `Remove-Item ${powershellQuote(path)}` : `Move-Item -Force ${powershellQuote(backup)} ${powershellQuote(path)}`;
      case 'cmd':
        return backup === null ? `del "${path}"` : `move /y "${backup}" "${path}"`;
      default:
        return backup === null ? `rm ${posixQuote(path)}` : `mv -f ${posixQuote(backup)} ${posixQuote(path)}`;
    }
  });
}
