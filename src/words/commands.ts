// The ONE command builder: every shell command and config snippet shown to the user is rendered here from a
// FixAction (or a read-only look at a file), for the user's shell. A check never writes a command itself, so a
// report never mixes `unset X` with `Remove-Item Env:X`, and the text shown always does what the action does.
import { shellQuote as posixQuote } from '../codex/bundle-format.js';
import { trimEndMatches } from '../codex/rust-str.js';
import type { Host } from '../core/host.js';
import { copyLine, setLine, unsetLine, userShell, type ShellKind, type UserShell } from '../fix/shell.js';
import type { ConfigChange, FixAction, FixStep, TomlValue } from '../core/types.js';

/** How commands are written: bash and zsh alike (POSIX), fish, PowerShell, cmd.exe. */
export type ShellFamily = 'posix' | 'fish' | 'powershell' | 'cmd';

export function familyOf(kind: ShellKind): ShellFamily {
  return kind === 'bash' || kind === 'zsh' ? 'posix' : kind;
}

export interface CommandBuilderOptions {
  /** The user's shell and its profile (src/fix/shell.ts decides both from the platform and the environment). */
  shell: UserShell;
  homeDir: string;
  /** Absolute path of $CODEX_HOME/.env (where `codex-dotenv` settings live). */
  dotenvPath: string;
}

export class CommandBuilder {
  readonly shell: ShellFamily;
  readonly user: UserShell;
  private readonly homeDir: string;
  private readonly dotenvPath: string;

  constructor(options: CommandBuilderOptions) {
    this.user = options.shell;
    this.shell = familyOf(options.shell.kind);
    this.homeDir = options.homeDir;
    this.dotenvPath = options.dotenvPath;
  }

  static forHost(host: Pick<Host, 'platform' | 'env' | 'homeDir'>, dotenvPath: string): CommandBuilder {
    return new CommandBuilder({ shell: userShell(host), homeDir: host.homeDir, dotenvPath });
  }

  /** A value as one argument of this shell. */
  quote(value: string): string {
    switch (this.shell) {
      case 'posix':
        return posixQuote(value);
      case 'fish':
        return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/[\\']/g, '\\$&')}'`;
      case 'powershell':
        return /^[A-Za-z0-9_+=:,./\\-]+$/.test(value) && !/^[-@]/.test(value) ? value : `'${value.replaceAll("'", "''")}'`;
      case 'cmd':
        return /^[A-Za-z0-9_+=:,./\\-]+$/.test(value) ? value : `"${value.replaceAll('"', '""')}"`;
    }
  }

  /**
   * A path as an argument: under the home directory in POSIX shells and fish as `~/rest` (the tilde stays
   * outside the quotes, so the shell still expands it), elsewhere absolute.
   */
  path(file: string): string {
    if ((this.shell === 'posix' || this.shell === 'fish') && this.homeDir !== '/' && file.startsWith(`${this.homeDir}/`)) {
      return `~/${this.quote(file.slice(this.homeDir.length + 1))}`;
    }
    return this.quote(file);
  }

  /** Sets a variable for this shell session (the profile line is the same text, but for cmd's setx). */
  setEnv(name: string, value: string): string {
    return this.shell === 'cmd' ? `set "${name}=${value}"` : setLine(this.user.kind, name, value);
  }

  /** Gives `name` the current value of `from` without ever spelling the value out (it may hold a password). */
  copyEnv(name: string, from: string): string {
    return this.shell === 'cmd' ? `set "${name}=%${from}%"` : copyLine(this.user.kind, name, from);
  }

  unsetEnv(name: string): string {
    return this.shell === 'cmd' ? `set ${name}=` : unsetLine(this.user.kind, name);
  }

  /** Where this shell's settings belong, as the user would type it. */
  get profile(): string {
    return this.user.profile === null ? 'the user environment (setx)' : displayHome(this.user.profile, this.homeDir);
  }

  /** Creates a directory and its parents. */
  makeDirectory(dir: string): string {
    return this.shell === 'powershell' ? `New-Item -ItemType Directory -Force ${this.quote(dir)}` : this.shell === 'cmd' ? `mkdir ${this.quote(dir)}` : `mkdir -p ${this.path(dir)}`;
  }

  /** Makes a file readable (mode for POSIX, with sudo for a file the user does not own; Windows grants the current user read access). */
  makeReadable(file: string, mode: string, sudo = false): string {
    switch (this.shell) {
      case 'posix':
      case 'fish':
        return `${sudo ? 'sudo ' : ''}chmod ${mode} ${this.path(file)}`;
      case 'powershell':
        return `icacls ${this.quote(file)} /grant "$env:USERNAME:R"`;
      case 'cmd':
        return `icacls ${this.quote(file)} /grant "%USERNAME%:R"`;
    }
  }

  /** Prints line `from`, through line `to`, through the end ('$'), or through the next -----END line. */
  showLines(file: string, from: number, to: number | '$' | 'end-marker' = from): string {
    if (this.shell === 'posix' || this.shell === 'fish') {
      return `sed -n '${to === from ? `${from}p` : to === 'end-marker' ? `${from},/-----END/p` : `${from},${to}p`}' ${this.path(file)}`;
    }
    const count = to === '$' ? '' : ` -First ${to === 'end-marker' ? 40 : to - from + 1}`;
    return this.powershell(`Get-Content ${this.quote(file)} | Select-Object -Skip ${from - 1}${count}`);
  }

  /** Shows the first bytes of a file (what it really is). */
  showStart(file: string): string {
    return this.shell === 'posix' || this.shell === 'fish' ? `head -c 200 ${this.path(file)}` : this.powershell(`Format-Hex ${this.quote(file)} | Select-Object -First 12`);
  }

  /** Shows a file's (or a directory's own) size, owner and permissions. */
  listFile(file: string, directory = false): string {
    return this.shell === 'posix' || this.shell === 'fish' ? `ls -l${directory ? 'd' : ''} ${this.path(file)}` : this.powershell(`Get-Item ${this.quote(file)} | Format-List`);
  }

  /** Prints the numbered lines of a TOML file that open a table (`[a.b]`, `[[a]]`). */
  findTableHeaders(file: string): string {
    return this.shell === 'posix' || this.shell === 'fish' ? `grep -n '^[[:blank:]]*\\[' ${this.path(file)}` : this.powershell(`Select-String -Path ${this.quote(file)} -Pattern '^\\s*\\['`);
  }

  /** Prints the subject of the first certificate in a PEM file. */
  showCertificateSubject(file: string): string {
    return this.shell === 'posix' || this.shell === 'fish'
      ? `openssl x509 -in ${this.path(file)} -noout -subject`
      : this.powershell(`(New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 ${this.quote(file)}).Subject`);
  }

  /** What joins two commands so that the second runs after the first (PowerShell 5 has no `&&`). */
  get and(): string {
    return this.shell === 'powershell' ? '; ' : ' && ';
  }

  /** Writes the root named `cn` from the macOS System keychain or the Windows ROOT store to `out` as PEM; null elsewhere. */
  exportOsRoot(platform: NodeJS.Platform, cn: string, out: string): string | null {
    if (platform === 'darwin') return this.whenAbsent(out, `security find-certificate -a -p -c ${this.quote(cn)} /Library/Keychains/System.keychain > ${this.path(out)}`);
    if (platform !== 'win32') return null;
    const der = out.replace(/\.pem$/i, '.cer');
    return `certutil -user -store Root ${this.quote(cn)} ${this.quote(der)}${this.and}certutil -encode ${this.quote(der)} ${this.quote(out)}`;
  }

  /** Shows whether the macOS System keychain or the Windows ROOT store holds the root named `cn`; null elsewhere. */
  findOsRoot(platform: NodeJS.Platform, cn: string): string | null {
    if (platform === 'darwin') return `security find-certificate -a -c ${this.quote(cn)} -p /Library/Keychains/System.keychain`;
    return platform === 'win32' ? `certutil -user -store Root ${this.quote(cn)}` : null;
  }

  /** Looks a host name up with the system resolver. */
  resolveName(host: string): string {
    return this.shell === 'powershell' ? `Resolve-DnsName ${this.quote(host)}` : `nslookup ${this.quote(host)}`;
  }

  /** Shows the clock in UTC and whether it is synchronised. */
  showClock(): string {
    return this.shell === 'posix' || this.shell === 'fish' ? 'date -u' : 'w32tm /query /status';
  }

  /** Copies whatever a pipe or device yields into a new regular file. */
  copyStream(from: string, to: string): string {
    const dir = to.replace(/[\\/][^\\/]*$/, '');
    if (this.shell === 'posix' || this.shell === 'fish') return `mkdir -p ${this.path(dir)} && test ! -e ${this.path(to)} && cat ${this.path(from)} > ${this.path(to)}`;
    return this.powershell(`Get-Content ${this.quote(from)} | Set-Content -Encoding ascii ${this.quote(to)}`);
  }

  /** A PowerShell command line, wrapped for cmd.exe. */
  private powershell(command: string): string {
    return this.shell === 'cmd' ? `powershell -NoProfile -Command "${command.replaceAll('"', '\\"')}"` : command;
  }

  /** Prints the percent-encoded form of PASSWORD (a placeholder the user replaces). */
  percentEncode(): string {
    return this.shell === 'powershell' || this.shell === 'cmd'
      ? "[uri]::EscapeDataString('PASSWORD')"
      : `python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' 'PASSWORD'`;
  }

  /** Deletes the lines that set `name` from a NAME=value file ($CODEX_HOME/.env), keeping a .bak copy. */
  deleteDotenvLine(name: string, file = this.dotenvPath): string {
    const f = this.path(file);
    if (this.shell === 'powershell' || this.shell === 'cmd') {
      const ps = `Copy-Item ${this.quote(file)} ${this.quote(`${file}.bak`)}; (Get-Content ${this.quote(file)}) | Where-Object { $_ -notmatch '^\\s*(export\\s+)?${name}\\s*=' } | Set-Content ${this.quote(file)}`;
      return this.shell === 'cmd' ? `powershell -NoProfile -Command "${ps.replaceAll('"', '\\"')}"` : ps;
    }
    return `sed -i.bak -E '/^[[:space:]]*(export[[:space:]]+)?${name}[[:space:]]*=/d' ${f}`;
  }

  /** Appends NAME=value to a NAME=value file after deleting the old lines. */
  setDotenvLine(name: string, value: string, file = this.dotenvPath): string {
    // Codex's .env reader takes single quotes literally, with no escapes inside.
    const line = /^[A-Za-z0-9_@%+=:,./-]*$/.test(value) ? `${name}=${value}` : `${name}='${value}'`;
    if (this.shell === 'powershell' || this.shell === 'cmd') {
      const ps = `${this.deleteDotenvLine(name, file).replace(/^powershell -NoProfile -Command "|"$/g, '')}; Add-Content ${this.quote(file)} '${line.replaceAll("'", "''")}'`;
      return this.shell === 'cmd' ? `powershell -NoProfile -Command "${ps.replaceAll('"', '\\"')}"` : ps;
    }
    return `${this.deleteDotenvLine(name, file)} && printf '%s\\n' ${posixQuote(line)} >> ${this.path(file)}`;
  }

  /** The command for one step; null for a config edit, which is shown as a snippet instead. */
  step(step: FixStep): string | null {
    switch (step.kind) {
      case 'set-env':
        return step.target === 'codex-dotenv' ? this.setDotenvLine(step.name, step.value) : this.setEnv(step.name, step.value);
      case 'copy-env':
        return this.copyEnv(step.name, step.from);
      case 'unset-env':
        return step.target === 'codex-dotenv' ? this.deleteDotenvLine(step.name) : this.unsetEnv(step.name);
      case 'convert-certificate':
        return this.convert(step);
      case 'write-bundle':
        return this.whenAbsent(step.to, this.concatenateCertificates(step.sources, step.to));
      case 'edit-config':
        return null;
    }
  }

  /**
   * The whole action as one line for this shell; null when there is nothing to run (a config edit, an IT
   * request). In a sequence the config edits are shown as the snippet, and the command runs the other steps.
   */
  command(action: FixAction): string | null {
    switch (action.kind) {
      case 'sequence': {
        const parts = action.steps.flatMap((s) => (s.kind === 'edit-config' ? [] : [this.step(s)]));
        if (parts.length === 0 || parts.some((p) => p === null)) return null;
        return parts.join(this.and);
      }
      case 'it-request':
      case 'manual':
        return null;
      default:
        return this.step(action);
    }
  }

  /** The config.toml change an action makes, as the TOML to write (tables first-class, other keys kept). */
  snippet(action: FixAction): string | null {
    const edits = action.kind === 'sequence' ? action.steps.filter((s) => s.kind === 'edit-config') : action.kind === 'edit-config' ? [action] : [];
    if (edits.length === 0) return null;
    return edits.map((e) => configSnippet(displayHome(e.file, this.homeDir), e.changes)).join('\n');
  }

  private convert(step: Extract<FixStep, { kind: 'convert-certificate' }>): string {
    const { from, to } = step;
    const windows = this.shell === 'powershell' || this.shell === 'cmd';
    switch (step.format) {
      case 'der':
        // certutil writes PEM ("-----BEGIN CERTIFICATE-----") and refuses an existing output file.
        return windows ? `certutil -encode ${this.quote(from)} ${this.quote(to)}` : this.whenAbsent(to, `openssl x509 -inform der -in ${this.path(from)} -out ${this.path(to)}`);
      case 'base64-der':
        return windows
          ? `certutil -decode ${this.quote(from)} ${this.quote(`${to}.der`)} && certutil -encode ${this.quote(`${to}.der`)} ${this.quote(to)}`
          : this.whenAbsent(to, `base64 -d ${this.path(from)} | openssl x509 -inform der -out ${this.path(to)}`);
      case 'pkcs7':
        return this.whenAbsent(to, `openssl pkcs7${step.encoding === 'der' ? ' -inform der' : ''} -print_certs -in ${this.path(from)} -out ${this.path(to)}`);
      case 'utf16':
        return windows
          ? this.whenAbsent(to, `Get-Content ${this.quote(from)} | Set-Content -Encoding ascii ${this.quote(to)}`)
          : this.whenAbsent(to, `iconv -f UTF-16 -t UTF-8 ${this.path(from)} > ${this.path(to)}`);
      case 'utf8-bom':
        return windows
          ? this.whenAbsent(to, `Get-Content ${this.quote(from)} | Set-Content -Encoding ascii ${this.quote(to)}`)
          : this.whenAbsent(to, `tail -c +4 ${this.path(from)} > ${this.path(to)}`);
      case 'directory':
        return this.whenAbsent(to, this.concatenateCertificates([from], to, true));
    }
  }

  /** The CERTIFICATE blocks of the sources (every file of a directory), in order and once each, into `to`. */
  private concatenateCertificates(sources: string[], to: string, directory = false): string {
    if (this.shell === 'powershell' || this.shell === 'cmd') {
      const inputs = directory ? `(Get-ChildItem -File ${this.quote(sources[0]!)}).FullName` : sources.map((s) => this.quote(s)).join(', ');
      return `Get-Content ${inputs} | Set-Content -Encoding ascii ${this.quote(to)}`;
    }
    const inputs = directory ? `${this.path(trimEndMatches(sources[0]!, '/\\'))}/*` : sources.map((s) => this.path(s)).join(' ');
    // Each block once, without what precedes its dashes or indents its lines, and without CR: what the apply does.
    return `awk '/-----BEGIN (TRUSTED )?CERTIFICATE-----/{sub(/^.*-----BEGIN/, "-----BEGIN"); c=""; p=1} p{sub(/^[ \\t]+/, ""); sub(/\\r$/, ""); c=c $0 "\\n"} /-----END (TRUSTED )?CERTIFICATE-----/{p=0; if(!seen[c]++) printf "%s", c}' ${inputs} > ${this.path(to)}`;
  }

  /** Runs `command` only when `file` does not exist yet: a fix never writes over a file. */
  private whenAbsent(file: string, command: string): string {
    switch (this.shell) {
      case 'posix':
      case 'fish':
        return `test ! -e ${this.path(file)} && ${command}`;
      case 'powershell':
        return `if (-not (Test-Path ${this.quote(file)})) { ${command} }`;
      case 'cmd':
        return `if not exist ${this.quote(file)} powershell -NoProfile -Command "${command.replaceAll('"', '\\"')}"`;
    }
  }
}

function displayHome(file: string, homeDir: string): string {
  return homeDir !== '/' && file.startsWith(`${homeDir}/`) ? `~/${file.slice(homeDir.length + 1)}` : file;
}

/** config.toml changes as the TOML to write, under a comment naming the file (and what the change is, `note`). */
export function configSnippet(file: string, changes: readonly ConfigChange[], note?: string): string {
  return `# ${file}${note ? `: ${note}` : ''}\n${tomlLines(changes)}`;
}

/** `set` changes as `key = value` lines under their table header (top-level keys first); removals as comments saying so. */
function tomlLines(changes: readonly ConfigChange[]): string {
  const byTable = new Map<string, string[]>();
  for (const change of changes) {
    const table = change.path.slice(0, -1).map(tomlKey).join('.');
    const key = tomlKey(change.path[change.path.length - 1]!);
    const line = change.op === 'set' ? `${key} = ${tomlValue(change.value)}` : `# delete the line: ${key} = ...`;
    byTable.set(table, [...(byTable.get(table) ?? []), line]);
  }
  // Keys before the first header are top-level in TOML: they come first, whatever order the changes are in.
  const topLevel = byTable.get('');
  const tables = [...byTable].filter(([table]) => table !== '').map(([table, lines]) => [`[${table}]`, ...lines].join('\n'));
  return [...(topLevel ?? []), ...tables].join('\n');
}

function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}

export function tomlValue(value: TomlValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(', ')}]`;
  return `{ ${Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlValue(v)}`).join(', ')} }`;
}
