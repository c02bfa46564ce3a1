// `codex-doctor fix`, step one: the actions of a report turned into a plan of exact file changes, worked out
// completely before anything is written, so that a bad state (an unwritable profile, a config.toml that is
// not valid TOML, a target that exists) refuses the whole fix and changes nothing.
import type { Host } from '../core/host.js';
import type { CheckRecord, FixAction, FixStep, Hint, ItTopic, Report } from '../core/types.js';
import type { ErrorCode } from '../core/codes.js';
import { displayPath } from '../codex/env.js';
import { certificatesAt, pemBundle, withoutDuplicates } from './certificates.js';
import { copyLine, setLine, unsetLine, userShell, type UserShell } from './shell.js';
import { appendLines, editDotenv, editToml } from './text-edits.js';

/** Files this tool edits in place are never larger than this (a profile, a .env, a config.toml). */
const MAX_EDITED_FILE_BYTES = 1024 * 1024;

/** Where a fix came from: the finding, and the hint that carries the action. */
export interface FixSource {
  checkId: string;
  code: ErrorCode;
  hint: Pick<Hint, 'text' | 'command'>;
  action: FixAction;
}

/** One file the plan writes: its content before (null: a new file) and after. */
export interface FileChange {
  path: string;
  before: Buffer | null;
  after: Buffer;
}

/** What one step does, for the user to read: the file and the exact lines (`+ added`, `- removed`). */
export interface StepPlan {
  step: FixStep;
  file: string | null;
  summary: string;
  lines: string[];
}

export type PlanItem =
  | { kind: 'apply'; source: FixSource; steps: StepPlan[] }
  /** Not the tool's to apply: what to run by hand (cmd has no profile), with why. */
  | { kind: 'manual'; source: FixSource; reason: string; commands: string[] }
  | { kind: 'it-request'; source: FixSource; topic: ItTopic; hosts: string[] }
  | { kind: 'refused'; source: FixSource; reason: string };

export interface FixPlan {
  items: PlanItem[];
  /** Every file written, in the order of first change. */
  files: FileChange[];
  /**
   * What a NEW shell will see after the profile changes (null: unset): the rerun applies this to the
   * environment snapshot, since the running process never re-reads the profile.
   */
  env: Array<{ name: string; value: string | null }>;
  shell: UserShell;
  /** Warn and fail findings that carry no action: shown with their hint, never guessed at. */
  unactionable: Array<{ checkId: string; code: ErrorCode; hint: string }>;
}

export interface PlanContext {
  host: Host;
  codexHome: string;
}

/** The first action of every warn or fail finding, once each (the same action from two checks is one fix). */
export function fixSources(report: Pick<Report, 'checks'>): { sources: FixSource[]; unactionable: FixPlan['unactionable'] } {
  const sources: FixSource[] = [];
  const unactionable: FixPlan['unactionable'] = [];
  const seen = new Set<string>();
  const read: Array<{ source: FixSource; variables: string[] }> = [];
  const measured = new Set<string>();
  for (const check of report.checks) {
    for (const finding of findingsToFix(check)) {
      const hint = finding.hints.find((h) => h.action !== undefined);
      if (!hint?.action) {
        unactionable.push({ checkId: check.id, code: finding.code, hint: finding.hints[0].text });
        continue;
      }
      const key = JSON.stringify(hint.action);
      if (seen.has(key)) continue;
      seen.add(key);
      const source: FixSource = { checkId: check.id, code: finding.code, hint: { text: hint.text, ...(hint.command !== undefined && { command: hint.command }) }, action: hint.action };
      sources.push(source);
      if (finding.stage === 'input') read.push({ source, variables: variablesOf(hint.action) });
      else for (const name of [...variablesOf(hint.action), `ENV_${finding.code}`]) measured.add(name);
    }
  }
  // A fix decided from what a connection did beats one guessed from reading the same variable, or guessed for
  // the same problem (ENV_X beside X): applying both would undo the measured one (copying a dead HTTP_PROXY into
  // HTTPS_PROXY while unsetting it; an http:// URL for a proxy measured to speak TLS).
  const guessed = new Set(read.filter((r) => [...r.variables, r.source.code].some((name) => measured.has(name))).map((r) => r.source));
  return { sources: sources.filter((s) => !guessed.has(s)), unactionable };
}

/** The environment variables an action writes or reads. */
function variablesOf(action: FixAction): string[] {
  const steps = action.kind === 'sequence' ? action.steps : [action];
  return steps.flatMap((step) => {
    switch (step.kind) {
      case 'set-env':
      case 'unset-env':
        return [step.name];
      case 'copy-env':
        return [step.name, step.from];
      default:
        return [];
    }
  });
}

function findingsToFix(check: CheckRecord) {
  return check.findings.flatMap((f) => (f.level === 'info' ? [] : [f]));
}

/** Setting these the wrong way disables TLS verification: the fix never does that, whatever an action says. */
function disablesVerification(step: FixStep): boolean {
  if (step.kind === 'set-env') {
    const { name, value } = step;
    if (name === 'NODE_TLS_REJECT_UNAUTHORIZED') return value !== '1';
    if (name === 'PYTHONHTTPSVERIFY') return value === '0';
    return ['GIT_SSL_NO_VERIFY', 'CURL_INSECURE', 'CODEX_INSECURE'].includes(name);
  }
  if (step.kind === 'edit-config') {
    return step.changes.some((c) => {
      if (c.op !== 'set') return false;
      const key = c.path[c.path.length - 1] ?? '';
      return (/insecure|no_verify|skip_verify/i.test(key) && c.value === true) || (/verify/i.test(key) && !/no_|skip/i.test(key) && c.value === false);
    });
  }
  return false;
}

export async function planFix(context: PlanContext, sources: readonly FixSource[], unactionable: FixPlan['unactionable'] = []): Promise<FixPlan> {
  const { host } = context;
  const shell = userShell(host);
  const state = new Map<string, { before: Buffer | null; after: Buffer }>();
  const env = new Map<string, string | null>();
  const items: PlanItem[] = [];
  for (const source of sources) {
    const { action } = source;
    if (action.kind === 'it-request') {
      items.push({ kind: 'it-request', source, topic: action.topic, hosts: action.hosts ?? [] });
      continue;
    }
    if (action.kind === 'manual') {
      items.push({ kind: 'manual', source, reason: 'only you can make this change, by hand', commands: source.hint.command === undefined ? [] : [source.hint.command] });
      continue;
    }
    const steps = action.kind === 'sequence' ? action.steps : [action];
    if (shell.profile === null && steps.some((s) => (s.kind === 'set-env' || s.kind === 'unset-env' || s.kind === 'copy-env') && targetOf(s) === 'shell-profile')) {
      items.push({ kind: 'manual', source, reason: 'cmd has no profile to write: run these, then open a new window', commands: manualCommands(shell, steps) });
      continue;
    }
    // A step that cannot be applied undoes the action's earlier steps in the plan.
    const saved = new Map(state);
    const savedEnv = new Map(env);
    const planned: StepPlan[] = [];
    let refusal: string | undefined;
    for (const step of steps) {
      const result = disablesVerification(step)
        ? { ok: false as const, reason: 'it would disable TLS verification, which this tool never does' }
        : JSON.stringify(step).includes(REDACTED)
          ? { ok: false as const, reason: 'the action holds a redacted value, which must never be written to a file' }
          : await planStep(context, shell, state, env, step);
      if (!result.ok) {
        refusal = result.reason;
        break;
      }
      planned.push(result.plan);
    }
    if (refusal !== undefined) {
      state.clear();
      for (const [k, v] of saved) state.set(k, v);
      env.clear();
      for (const [k, v] of savedEnv) env.set(k, v);
      items.push({ kind: 'refused', source, reason: refusal });
    } else items.push({ kind: 'apply', source, steps: planned });
  }
  const files = [...state].filter(([, c]) => c.before === null || !c.before.equals(c.after)).map(([path, c]) => ({ path, ...c }));
  return { items, files, env: [...env].map(([name, value]) => ({ name, value })), shell, unactionable };
}

type StepResult = { ok: true; plan: StepPlan } | { ok: false; reason: string };
type FileState = Map<string, { before: Buffer | null; after: Buffer }>;

/** Codex ignores CODEX_* names in $CODEX_HOME/.env: those always go to the shell profile. */
function targetOf(step: Extract<FixStep, { kind: 'set-env' | 'unset-env' | 'copy-env' }>): 'shell-profile' | 'codex-dotenv' {
  return step.name.startsWith('CODEX_') ? 'shell-profile' : step.target;
}

function manualCommands(shell: UserShell, steps: readonly FixStep[]): string[] {
  return steps.flatMap((s) =>
    s.kind === 'set-env' ? [setLine(shell.kind, s.name, s.value)] : s.kind === 'unset-env' ? [unsetLine(shell.kind, s.name)] : s.kind === 'copy-env' ? [copyLine(shell.kind, s.name, s.from)] : [],
  );
}

async function planStep(context: PlanContext, shell: UserShell, state: FileState, env: Map<string, string | null>, step: FixStep): Promise<StepResult> {
  const { host } = context;
  const show = (path: string): string => displayPath(path, host.homeDir);
  switch (step.kind) {
    case 'set-env':
    case 'unset-env':
    case 'copy-env': {
      // copy-env: the value the source variable has now (a proxy URL may hold a password: the profile line refers to it).
      const value = step.kind === 'set-env' ? step.value : step.kind === 'copy-env' ? (host.env[step.from] ?? null) : null;
      if (step.kind === 'copy-env' && value === null) return { ok: false, reason: `${step.from} is not set, so there is no value to copy` };
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(step.name)) return { ok: false, reason: `"${step.name}" is not a variable name` };
      if (targetOf(step) === 'codex-dotenv') {
        const file = `${context.codexHome}${host.platform === 'win32' ? '\\' : '/'}.env`;
        const current = await currentText(context, state, file);
        if (!current.ok) return current;
        const edit = editDotenv(current.text, step.name, value);
        if (!edit.ok) return { ok: false, reason: `${show(file)}: ${edit.reason}` };
        state.set(file, { before: current.before, after: Buffer.from(edit.text, 'utf8') });
        const verb = value === null ? `remove ${step.name} from` : `set ${step.name} in`;
        return { ok: true, plan: { step, file, summary: `${verb} ${show(file)} (Codex reads it at every start)`, lines: edit.lines } };
      }
      const file = shell.profile!;
      const current = await currentText(context, state, file);
      if (!current.ok) return current;
      const line = step.kind === 'copy-env' ? copyLine(shell.kind, step.name, step.from) : value === null ? unsetLine(shell.kind, step.name) : setLine(shell.kind, step.name, value);
      const header = current.text.includes(PROFILE_MARK) && state.has(file) ? [] : ['', `${PROFILE_MARK} ${host.now().toISOString().slice(0, 10)}`];
      const lines = [...(current.text === '' ? header.slice(1) : header), line];
      state.set(file, { before: current.before, after: Buffer.from(appendLines(current.text, lines), 'utf8') });
      env.set(step.name, value);
      const verb = value === null ? `unset ${step.name}` : `set ${step.name}`;
      return { ok: true, plan: { step, file, summary: `${verb} in ${show(file)} (your ${shell.kind} profile; new shells read it)`, lines: lines.filter(Boolean).map((l) => `+ ${l}`) } };
    }
    case 'convert-certificate':
    case 'write-bundle': {
      const target = await newFile(context, state, step.to);
      if (!target.ok) return target;
      const read =
        step.kind === 'convert-certificate'
          ? await certificatesAt(host, step.from, step.format)
          : await readAll(host, step.sources);
      if (!read.ok) return { ok: false, reason: read.reason };
      const bundle = pemBundle(step.kind === 'write-bundle' ? withoutDuplicates(read.certificates) : read.certificates);
      if (!bundle.ok) return bundle;
      state.set(step.to, { before: null, after: bundle.bytes });
      const from = step.kind === 'convert-certificate' ? `${show(step.from)} (${step.format})` : step.sources.map(show).join(', ');
      return {
        ok: true,
        plan: {
          step,
          file: step.to,
          summary: `write ${show(step.to)}, a new PEM file with ${bundle.subjects.length} certificate(s) from ${from}`,
          lines: bundle.subjects.map((s) => `+ ${s}`),
        },
      };
    }
    case 'edit-config': {
      const current = await currentText(context, state, step.file);
      if (!current.ok) return current;
      const edit = editToml(current.text, step.changes);
      if (!edit.ok) return { ok: false, reason: `${show(step.file)}: ${edit.reason}` };
      state.set(step.file, { before: current.before, after: Buffer.from(edit.text, 'utf8') });
      return { ok: true, plan: { step, file: step.file, summary: `edit ${show(step.file)} (the rest of the file is kept as it is)`, lines: edit.lines } };
    }
  }
}

const REDACTED = '[redacted]';

/** Marks the lines this tool added to a profile, so that a reader knows where they came from. */
export const PROFILE_MARK = '# Added by codex-doctor fix on';

async function readAll(host: Host, sources: readonly string[]): Promise<{ ok: true; certificates: Buffer[] } | { ok: false; reason: string }> {
  if (sources.length === 0) return { ok: false, reason: 'the bundle has no source file' };
  const certificates: Buffer[] = [];
  for (const source of sources) {
    const read = await certificatesAt(host, source);
    if (!read.ok) return read;
    certificates.push(...read.certificates);
  }
  return { ok: true, certificates };
}

type Checked<T> = ({ ok: true } & T) | { ok: false; reason: string };

/**
 * Only under the home directory, CODEX_HOME or the working directory, as an absolute path without `..`; and
 * where it really lands (symbolic links resolved) too.
 */
async function allowedPath(context: PlanContext, file: string): Promise<Checked<object>> {
  const { host } = context;
  const win = host.platform === 'win32';
  const sep = win ? '\\' : '/';
  const normal = (p: string): string => (win ? p.replaceAll('/', '\\').toLowerCase() : p);
  const absolute = win ? /^[A-Za-z]:\\/.test(normal(file)) || normal(file).startsWith('\\\\') : file.startsWith('/');
  const parts = normal(file).split(sep);
  if (!absolute || parts.includes('..') || parts.includes('.')) return { ok: false, reason: `${file} is not an absolute, plain path` };
  const outside = { ok: false as const, reason: `${file} is outside your home directory, CODEX_HOME and the working directory, where this tool never writes` };
  const roots = [host.homeDir, context.codexHome, host.cwd].filter((r) => r !== '' && r !== sep);
  const under = (candidate: string, list: readonly string[]): boolean =>
    list.map(normal).some((root) => normal(candidate).startsWith(root.endsWith(sep) ? root : root + sep));
  if (!under(file, roots)) return outside;
  const real = async (p: string): Promise<string | null> => (host.writer ? host.writer.realPath(p).catch(() => null) : p);
  const [target, ...realRoots] = await Promise.all([real(file), ...roots.map(real)]);
  if (target === null || !under(target, realRoots.filter((r): r is string => r !== null))) {
    return { ok: false, reason: `${file} leads (through a symbolic link) outside your home directory, CODEX_HOME and the working directory, where this tool never writes` };
  }
  return { ok: true };
}

/** The text of a file to edit (as the plan so far left it), after checking it may be written. */
async function currentText(context: PlanContext, state: FileState, file: string): Promise<Checked<{ text: string; before: Buffer | null }>> {
  const planned = state.get(file);
  if (planned) return { ok: true, text: planned.after.toString('utf8'), before: planned.before };
  const allowed = await allowedPath(context, file);
  if (!allowed.ok) return allowed;
  const { host } = context;
  const show = displayPath(file, host.homeDir);
  const stat = await host.fs.stat(file).catch((error: unknown) => error as Error);
  if (stat instanceof Error) return { ok: false, reason: `${show} cannot be read (${stat.message})` };
  if (stat !== null && stat.kind !== 'file') return { ok: false, reason: `${show} exists and is not a regular file` };
  if (!(await host.writer?.writable(file))) return { ok: false, reason: `${show} cannot be written by you (check its permissions, or its directory's)` };
  if (stat === null) return { ok: true, text: '', before: null };
  const read = await host.fs.readFile(file, MAX_EDITED_FILE_BYTES).catch((error: unknown) => error as Error);
  if (read instanceof Error) return { ok: false, reason: `${show} cannot be read (${read.message})` };
  if (read.truncated) return { ok: false, reason: `${show} is larger than ${MAX_EDITED_FILE_BYTES} bytes; this tool does not edit it` };
  const text = read.bytes.toString('utf8');
  if (Buffer.from(text, 'utf8').equals(read.bytes) === false) return { ok: false, reason: `${show} is not UTF-8 text; this tool does not edit it` };
  return { ok: true, text, before: read.bytes };
}

/** A file the plan creates: it must not exist (nor be planned already), and its place must be writable. */
async function newFile(context: PlanContext, state: FileState, file: string): Promise<Checked<object>> {
  const { host } = context;
  const show = displayPath(file, host.homeDir);
  const allowed = await allowedPath(context, file);
  if (!allowed.ok) return allowed;
  const stat = await host.fs.stat(file).catch(() => ({ kind: 'other' as const, size: 0 }));
  if (stat !== null || state.has(file)) return { ok: false, reason: `${show} already exists; this tool never writes over a file (move it away, or convert by hand)` };
  if (!(await host.writer?.writable(file))) return { ok: false, reason: `${show} cannot be created by you (check the directory's permissions)` };
  return { ok: true };
}
