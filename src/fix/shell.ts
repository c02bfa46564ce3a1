// The user's shell and the profile file a new shell of it reads, and the profile lines that set or unset a
// variable there. Used by `codex-doctor fix` to apply set-env / unset-env to the shell profile.
import type { Host } from '../core/host.js';
import { shellQuote } from '../codex/bundle-format.js';

export type ShellKind = 'bash' | 'zsh' | 'fish' | 'powershell' | 'cmd';

export interface UserShell {
  kind: ShellKind;
  /** The file a new interactive shell reads; null for cmd, which has none. */
  profile: string | null;
}

/**
 * From the platform and $SHELL. On Windows without $SHELL (set by Git Bash, MSYS, Cygwin), PowerShell adds
 * the user's own module directory (Documents\PowerShell\Modules or Documents\WindowsPowerShell\Modules) to
 * PSModulePath when it starts, which cmd never does.
 */
export function userShell(host: Pick<Host, 'env' | 'platform' | 'homeDir'>): UserShell {
  const { env, platform, homeDir } = host;
  const shellName = (env.SHELL ?? '').split(/[\\/]/).pop()?.replace(/\.exe$/i, '') ?? '';
  const posix = (...parts: string[]): string => [homeDir, ...parts].join(platform === 'win32' ? '\\' : '/');
  if (platform === 'win32' && shellName === '') {
    const userModules = (env.PSModulePath ?? '').split(';').find((dir) => /[\\/](Windows)?PowerShell[\\/]Modules[\\/]?$/i.test(dir) && dir.toLowerCase().startsWith(homeDir.toLowerCase()));
    if (userModules === undefined) return { kind: 'cmd', profile: null };
    const documents = userModules.replace(/[\\/](Windows)?PowerShell[\\/]Modules[\\/]?$/i, '');
    const folder = /WindowsPowerShell/i.test(userModules) ? 'WindowsPowerShell' : 'PowerShell';
    return { kind: 'powershell', profile: `${documents}\\${folder}\\Microsoft.PowerShell_profile.ps1` };
  }
  switch (shellName) {
    case 'zsh':
      return { kind: 'zsh', profile: env.ZDOTDIR ? `${env.ZDOTDIR}/.zshrc` : posix('.zshrc') };
    case 'fish':
      return { kind: 'fish', profile: `${env.XDG_CONFIG_HOME || posix('.config')}/fish/config.fish` };
    case 'pwsh':
    case 'powershell':
      return { kind: 'powershell', profile: posix('.config', 'powershell', 'Microsoft.PowerShell_profile.ps1') };
    default:
      // macOS Terminal starts login shells, which read ~/.bash_profile and not ~/.bashrc.
      return { kind: 'bash', profile: posix(platform === 'darwin' ? '.bash_profile' : '.bashrc') };
  }
}

/** The line that sets `name` to `value` in this shell (in its profile, or typed at its prompt). */
export function setLine(shell: ShellKind, name: string, value: string): string {
  switch (shell) {
    case 'bash':
    case 'zsh':
      return `export ${name}=${posixQuote(value)}`;
    case 'fish':
      return `set -gx ${name} ${fishQuote(value)}`;
    case 'powershell':
      return `$env:${name} = ${powershellQuote(value)}`;
    case 'cmd':
      // setx: for every new window (this one keeps its value); it stores the text as given.
      return `setx ${name} "${value}"`;
  }
}

/** The line that gives `name` the value `from` has (never spelling the value out: it may hold a password). */
export function copyLine(shell: ShellKind, name: string, from: string): string {
  switch (shell) {
    case 'bash':
    case 'zsh':
      return `export ${name}="$${from}"`;
    case 'fish':
      return `set -gx ${name} $${from}`;
    case 'powershell':
      return `$env:${name} = $env:${from}`;
    case 'cmd':
      return `setx ${name} "%${from}%"`;
  }
}

/** The line that removes `name` from this shell's environment. */
export function unsetLine(shell: ShellKind, name: string): string {
  switch (shell) {
    case 'bash':
    case 'zsh':
      return `unset ${name}`;
    case 'fish':
      return `set -e ${name}`;
    case 'powershell':
      return `Remove-Item Env:${name} -ErrorAction SilentlyContinue`;
    case 'cmd':
      return `reg delete HKCU\\Environment /v ${name} /f`;
  }
}

/** The comment syntax of a profile (every shell here but cmd uses `#`). */
export function commentLine(text: string): string {
  return `# ${text}`;
}

export const posixQuote = shellQuote;

function fishQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

export function powershellQuote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
