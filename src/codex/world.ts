// The Codex world: everything Codex itself would work out at start-up, computed once per run from
// the Host. Checks read it; they never re-derive Codex rules.
import type { RunOptions } from '../core/check.js';
import type { Host } from '../core/host.js';
import { probeCodexVersion } from './codex-version.js';
import { buildCodexConfig, configContext, readConfigLayers, type CodexConfig } from './config.js';
import { dotenvPath, loadEffectiveEnv, resolveCodexHome, withoutDotenv, type CodexHome, type DotenvReport, type VariableOrigin } from './env.js';
import { readSystemProxy, type SystemProxySettings } from './system-proxy.js';

export interface CodexWorld {
  /** $CODEX_HOME as Codex resolves it. */
  codexHome: string;
  /** Where codexHome came from (--codex-home, CODEX_HOME, or the ~/.codex default). */
  codexHomeSource: CodexHome['source'];
  /** Codex's words when CODEX_HOME is unusable (Codex then refuses to start); null when fine. */
  codexHomeProblem: string | null;
  /** Set when CODEX_HOME (or --codex-home) names an existing path that is not a directory. */
  codexHomeNotADirectory?: true;
  /** The environment Codex runs with: the process env with $CODEX_HOME/.env applied. */
  env: Readonly<Record<string, string>>;
  /** Where each variable of `env` comes from (plus CODEX_* names .env tried to set). */
  provenance: Readonly<Record<string, VariableOrigin>>;
  /** What happened to $CODEX_HOME/.env: applied, ignored and skipped lines, or why it was not read. */
  dotenv: DotenvReport;
  /** `codex --version` when a codex binary is on PATH, else null. */
  codexVersion: string | null;
  /** config.toml and its layers, merged as this Codex release merges them, with their problems. */
  config: CodexConfig;
  /** The macOS/Windows manual proxy settings Codex's HTTPS client falls back to; null on other platforms. */
  systemProxy: SystemProxySettings | null;
}

export async function loadWorld(host: Host, options: RunOptions): Promise<CodexWorld> {
  // `codex --version` can be slow on a cold start: it runs while the files are read.
  const codexVersion = probeCodexVersion(host);
  const systemProxy = readSystemProxy(host);
  const home = await resolveCodexHome(host, options.codexHome);
  // With an unusable CODEX_HOME, Codex stops before it reads .env.
  const effective =
    home.problem === null
      ? loadEffectiveEnv(host, home.path)
      : Promise.resolve(withoutDotenv(host.env, dotenvPath(home.path, host.platform), 'not-read', home.problem));
  const configLayers = readConfigLayers(host, home.path, options.profile);
  const [envResult, version, layers, system] = await Promise.all([effective, codexVersion, configLayers, systemProxy]);
  return {
    codexHome: home.path,
    codexHomeSource: home.source,
    codexHomeProblem: home.problem,
    ...(home.notADirectory && { codexHomeNotADirectory: true }),
    env: envResult.env,
    provenance: envResult.provenance,
    dotenv: envResult.dotenv,
    codexVersion: version,
    config: buildCodexConfig(layers, configContext(host, { codexHome: home.path, profile: options.profile, codexVersion: version })),
    systemProxy: system,
  };
}
