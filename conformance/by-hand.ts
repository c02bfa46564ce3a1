// What the user does by hand when the doctor's first fix is a manual step, played on the scenario world exactly
// as the action says and with what only the user (or the world) knows: the proxy login the network team gave,
// the proxy's real address, the config line they meant, their own terminal outside Codex. The step is done
// only where the action's data points at it (the variable to write, the file and line to change); an action
// without that data cannot be carried out and is measured as not fixed. Topics the lab cannot play return null.
// A password written here goes into the world's shell profile only: what this returns never holds it.

import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ByHand } from '../src/lab/scenario.js';
import type { Lab, LabSpec } from '../src/lab/world.js';
import type { EnvTarget } from '../src/core/types.js';
import type { ManualAction } from './prescription.js';

export type HandPlay =
  /** Done; `env`: the environment Codex is started with from now on (the user's own terminal). */
  | { kind: 'played'; what: string; env?: Record<string, string> }
  /** The action does not say enough to be carried out (no variable, no file or line): not fixed. */
  | { kind: 'vague'; what: string };

export interface HandWorld {
  lab: Lab;
  spec: LabSpec;
  byHand: ByHand;
  homeDir: string;
  codexHome: string;
  /** The environment Codex ran with, and the scenario's own part of it (what Codex's sandbox gave). */
  env: Record<string, string>;
  scenarioEnv: Readonly<Record<string, string>>;
}

/** An environment variable's name (an action naming `--proxy` names none). */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The profile the world's new shells read (bash -i): where the user writes a variable by hand. */
const PROFILE = '.bashrc';

export async function playByHand(action: ManualAction, world: HandWorld): Promise<HandPlay | null> {
  switch (action.topic) {
    case 'proxy-login':
    case 'encode-credentials':
    case 'edit-proxy-url': {
      const auth = world.spec.proxy?.auth;
      if (!world.lab.proxyUrl || !auth) return null;
      if (!action.variable || !VARIABLE_NAME.test(action.variable)) return { kind: 'vague', what: 'the action names no variable to write the proxy login into' };
      const url = world.lab.proxyUrl.replace('://', `://${encodeCredential(auth.username)}:${encodeCredential(auth.password)}@`);
      const where = await writeVariable(world, action.variable, action.target, url);
      return { kind: 'played', what: `the user wrote the proxy login the network team gave into ${action.variable} in ${where}` };
    }
    case 'find-proxy-address': {
      if (!world.lab.proxyUrl) return null;
      if (!action.variable || !VARIABLE_NAME.test(action.variable)) return { kind: 'vague', what: 'the action names no variable to write the proxy address into' };
      const where = await writeVariable(world, action.variable, action.target, world.lab.proxyUrl);
      return { kind: 'played', what: `the user wrote the proxy's address (${world.lab.proxyUrl}) into ${action.variable} in ${where}` };
    }
    case 'repair-file':
      return repairConfig(action, world);
    case 'run-outside-sandbox': {
      const outside = world.byHand.outsideEnv;
      if (!outside) return null;
      const own = Object.fromEntries(Object.entries(world.env).filter(([name]) => !(name in world.scenarioEnv)));
      return { kind: 'played', what: "the user ran it in their own terminal, outside Codex's sandbox", env: { ...own, ...outside } };
    }
    case 'system-clock':
      // The lab runs on the machine's own clock: the user finds it right and changes nothing.
      return { kind: 'played', what: 'the user checked the clock: it is right, nothing to change' };
    case 'retry-later':
      return { kind: 'played', what: 'the user retried later' };
    default:
      return null;
  }
}

/** The user types the line the action names (file and line) as they meant it; only config.toml is modelled. */
async function repairConfig(action: ManualAction, world: HandWorld): Promise<HandPlay | null> {
  const meant = world.byHand.configToml;
  const configFile = path.join(world.codexHome, 'config.toml');
  if (meant === undefined) return null;
  if (action.file === undefined) return { kind: 'vague', what: 'the action names no file to repair' };
  if (path.resolve(action.file) !== configFile) return { kind: 'vague', what: `the action names ${path.basename(action.file)}, not the config.toml the user got wrong` };
  if (action.line === undefined) return { kind: 'vague', what: 'the action names no line to repair' };
  const lines = (await readFile(configFile, 'utf8')).split('\n');
  const index = action.line - 1;
  const wanted = meant.split('\n')[index];
  if (index >= lines.length || wanted === undefined) return { kind: 'vague', what: `line ${action.line} is not in the file` };
  lines[index] = wanted;
  await writeFile(configFile, lines.join('\n'));
  return { kind: 'played', what: `the user retyped line ${action.line} of config.toml as they meant it` };
}

/** Percent-encodes what the doctor says to encode in a proxy user name or password: @ : / %. */
export function encodeCredential(value: string): string {
  return value.replace(/[%@:/]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Writes the variable where the action says: $CODEX_HOME/.env (its old line replaced), else the shell profile. */
async function writeVariable(world: HandWorld, name: string, target: EnvTarget | undefined, value: string): Promise<string> {
  if (target === 'codex-dotenv') {
    const file = path.join(world.codexHome, '.env');
    const kept = (await readFile(file, 'utf8').catch(() => '')).split('\n').filter((line) => line !== '' && !new RegExp(`^\\s*(export\\s+)?${name}\\s*=`).test(line));
    await writeFile(file, `${[...kept, `${name}='${value}'`].join('\n')}\n`, { mode: 0o600 });
    return '$CODEX_HOME/.env';
  }
  await appendFile(path.join(world.homeDir, PROFILE), `export ${name}='${value.replaceAll("'", "'\\''")}'\n`, { mode: 0o600 });
  return `~/${PROFILE}`;
}
