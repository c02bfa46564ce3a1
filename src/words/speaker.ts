// What every words function needs: the command builder for the user's shell, paths as the user types them,
// and where a variable comes from. A hint that fixes something is made only by `fix`, so its command (or
// TOML snippet) is always what the builder renders from its action.
import { displayPath, type VariableOrigin } from '../codex/env.js';
import type { Host } from '../core/host.js';
import type { EnvTarget, FixAction, Hint } from '../core/types.js';
import { copyEnv, envTarget, setEnv, unsetEnv } from '../fix/actions.js';
import type { UserShell } from '../fix/shell.js';
import { CommandBuilder } from './commands.js';

export interface SpeakerWorld {
  provenance: Readonly<Record<string, VariableOrigin>>;
  dotenv: { path: string };
}

export class Speaker {
  readonly commands: CommandBuilder;
  /** The .env path for sentences (`~/.codex/.env`). */
  readonly dotenv: string;

  constructor(
    private readonly world: SpeakerWorld,
    private readonly host: Pick<Host, 'platform' | 'env' | 'homeDir'>,
    shell?: UserShell,
  ) {
    this.commands = shell ? new CommandBuilder({ shell, homeDir: host.homeDir, dotenvPath: world.dotenv.path }) : CommandBuilder.forHost(host, world.dotenv.path);
    this.dotenv = displayPath(world.dotenv.path, host.homeDir);
  }

  /** The home directory (absolute), for paths written with `~`. */
  get home(): string {
    return this.host.homeDir;
  }

  get windows(): boolean {
    return this.commands.shell === 'powershell' || this.commands.shell === 'cmd';
  }

  /** A file path as the user would type it (~ for the home directory). */
  show(file: string): string {
    return displayPath(file, this.host.homeDir);
  }

  origin(name: string): string {
    const origin = this.world.provenance[name];
    if (origin?.source === 'dotenv') return `from ${this.dotenv} line ${origin.line}`;
    if (name === '--proxy') return 'from --proxy';
    return 'from the shell';
  }

  /** A hint that applies `action`: the command or snippet is rendered from it, never written by hand. */
  fix(text: string, action: FixAction): Hint {
    const command = this.commands.command(action);
    const snippet = this.commands.snippet(action);
    return { text, ...(command !== null && { command }), ...(snippet !== null && { snippet }), action };
  }

  /** A hint whose only fix is by hand or by IT, with a read-only command that shows what to look at. */
  manual(text: string, action: FixAction, look?: string): Hint {
    return { text, ...(look !== undefined && { command: look }), action };
  }

  /** How to get rid of a variable: delete its .env line, or unset it in the shell (the action says which). */
  removeHint(name: string, words: { before?: string; after?: string } = {}): Hint {
    const origin = this.world.provenance[name];
    // "Or unset ..." continues a sentence; "Keep one spelling. Unset ..." starts one.
    const opening = (core: string): string => (words.before && !/[.!?:]$/.test(words.before) ? core[0]!.toLowerCase() + core.slice(1) : core);
    const sentence = (core: string): string => `${words.before ? `${words.before} ` : ''}${opening(core)}${words.after ? ` ${words.after}` : ''}.`;
    const text =
      origin?.source === 'dotenv' && !name.startsWith('CODEX_')
        ? sentence(`Delete the ${name} line (line ${origin.line}) from ${this.dotenv}${origin.overridesShell ? ` and unset ${name} in the shell as well` : ''}`)
        : sentence(`Unset ${name} in the shell profile, CI or IDE settings that set it`);
    return this.fix(text, unsetEnv(name, this.world.provenance));
  }

  /** How to give a variable a new value, where it is set now. */
  setHint(name: string, value: string, text: string): Hint {
    // --proxy is the doctor's own flag, not a setting of Codex: trying the right address is the user's step.
    if (name === '--proxy') return { text, command: `codex-doctor --proxy ${this.commands.quote(value)}`, action: { kind: 'manual', topic: 'find-proxy-address' } };
    const origin = this.world.provenance[name];
    const where = origin?.source === 'dotenv' && !name.startsWith('CODEX_') ? ` It is set in ${this.dotenv} (line ${origin.line}).` : '';
    return this.fix(`${text}${where}`, setEnv(name, value, this.world.provenance));
  }

  /**
   * Moves a value from one variable to another: sets `to` (where `to` belongs), then removes `from` wherever
   * Codex would see it, as one fix.
   */
  moveHint(from: string, to: string, value: string, text: string): Hint {
    const origin = this.world.provenance[from];
    const where = origin?.source === 'dotenv' && !from.startsWith('CODEX_') ? ` ${from} is set in ${this.dotenv} (line ${origin.line}).` : '';
    const removal = unsetEnv(from, this.world.provenance);
    const steps = removal.kind === 'sequence' ? removal.steps : removal.kind === 'unset-env' ? [removal] : [];
    return this.fix(`${text}${where}`, { kind: 'sequence', steps: [setEnv(to, value, this.world.provenance), ...steps] });
  }

  /**
   * Where the user writes `name` by hand: $CODEX_HOME/.env when it is set there (it overrides the shell), else the
   * shell profile. `action`: the manual action's fields (the target only when it is not the shell profile).
   */
  handWritten(name: string): { name: string; where: string; action: { variable: string; target?: EnvTarget } } {
    const dotenv = envTarget(name, this.world.provenance) === 'codex-dotenv';
    return { name, where: dotenv ? ` in ${this.dotenv}` : '', action: { variable: name, ...(dotenv && { target: 'codex-dotenv' as const }) } };
  }

  /** The action that sets `name` where it is set now (a CODEX_* name always in the shell profile). */
  setting(name: string, value: string): FixAction {
    return setEnv(name, value, this.world.provenance);
  }

  /** The action that removes `name` everywhere Codex would see it. */
  unsetting(name: string): FixAction {
    return unsetEnv(name, this.world.provenance);
  }

  /** Gives `name` the value `from` has now, where `name` is set (the value is never written out). */
  copyHint(name: string, from: string, text: string): Hint {
    return this.fix(text, copyEnv(name, from, this.world.provenance));
  }
}
