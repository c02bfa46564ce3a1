import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  OidTable,
  TAG,
  children,
  contextTag,
  decodeTime,
  integerBitLength,
  nodeCrypto,
  nodeNet,
  nodeTls,
  parseCodexPem,
  readTlv,
  smallInteger
} from "./chunk-QRNDIB45.mjs";

// src/codex/ca-selection.ts
var CA_VARIABLES = ["CODEX_CA_CERTIFICATE", "SSL_CERT_FILE"];
function selectCaBundle(env, cwd, platform = "linux") {
  for (const variable of CA_VARIABLES) {
    const raw = env[variable];
    if (raw !== void 0 && raw !== "") return { kind: "variable", variable, raw, path: resolveAgainst(cwd, raw, platform) };
  }
  return { kind: "system" };
}
function resolveAgainst(cwd, raw, platform = "linux") {
  if (isAbsolutePath(raw, platform)) return raw;
  const sep = platform === "win32" ? "\\" : "/";
  return cwd.endsWith(sep) || cwd.endsWith("/") ? `${cwd}${raw}` : `${cwd}${sep}${raw}`;
}
function isAbsolutePath(value, platform) {
  if (platform === "win32") return /^[A-Za-z]:[\\/]/.test(value) || value.startsWith("\\\\") || value.startsWith("//");
  return value.startsWith("/");
}
var LINUX_ROOT_FILES = [
  "/etc/ssl/certs/ca-certificates.crt",
  "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
  "/etc/pki/tls/certs/ca-bundle.crt",
  "/etc/ssl/ca-bundle.pem",
  "/etc/pki/tls/cacert.pem",
  "/etc/ssl/cert.pem",
  "/opt/etc/ssl/certs/ca-certificates.crt",
  "/etc/ssl/certs/cacert.pem"
];
var LINUX_ROOT_DIRS = ["/etc/ssl/certs", "/etc/pki/tls/certs", "/etc/security/certificates"];
function nativeRootLocations(env, platform, systemStore, cwd = "/") {
  const file = env.SSL_CERT_FILE;
  const dir = env.SSL_CERT_DIR;
  if (file !== void 0 || dir !== void 0) {
    const replacedBy = [];
    if (file !== void 0) replacedBy.push("SSL_CERT_FILE");
    if (dir !== void 0) replacedBy.push("SSL_CERT_DIR");
    const dirParts = dir === void 0 ? [] : dir.split(platform === "win32" ? ";" : ":");
    return {
      kind: "env",
      file: file === void 0 ? null : { raw: file, path: file === "" ? "" : resolveAgainst(cwd, file, platform) },
      dirs: dirParts.map((raw) => ({ raw, path: raw === "" ? "" : resolveAgainst(cwd, raw, platform) })),
      replacedBy
    };
  }
  if (systemStore) return { kind: "files", fileCandidates: [...systemStore.files], dirs: [...systemStore.dirs], overridden: true };
  switch (platform) {
    case "darwin":
      return {
        kind: "platform-store",
        platform,
        description: "macOS keychain trust settings (user, admin and system domains)"
      };
    case "win32":
      return {
        kind: "platform-store",
        platform,
        description: "Windows current user's ROOT certificate store (server-auth, time-valid certificates)"
      };
    default:
      return { kind: "files", fileCandidates: [...LINUX_ROOT_FILES], dirs: [...LINUX_ROOT_DIRS], overridden: false };
  }
}
function isHashFileName(name) {
  return /^[0-9A-Fa-f]{8}\.[0-9]$/.test(name);
}

// src/codex/rust-str.ts
function isWhitespaceCode(code) {
  return code >= 9 && code <= 13 || code === 32 || code === 133 || code === 160 || code === 5760 || code >= 8192 && code <= 8202 || code === 8232 || code === 8233 || code === 8239 || code === 8287 || code === 12288;
}
function rustTrimStart(s) {
  let start = 0;
  while (start < s.length && isWhitespaceCode(s.charCodeAt(start))) start++;
  return s.slice(start);
}
function rustTrimEnd(s) {
  let end = s.length;
  while (end > 0 && isWhitespaceCode(s.charCodeAt(end - 1))) end--;
  return s.slice(0, end);
}
function rustTrim(s) {
  return rustTrimEnd(rustTrimStart(s));
}
function trimEndMatches(s, chars) {
  let end = s.length;
  while (end > 0 && chars.includes(s.charAt(end - 1))) end--;
  return s.slice(0, end);
}

// src/codex/dotenv.ts
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

// src/codex/env.ts
var MAX_DOTENV_BYTES = 1024 * 1024;
function displayPath(path, homeDir) {
  if (homeDir === "" || homeDir === "/") return path;
  if (path === homeDir) return "~";
  for (const sep of ["/", "\\"]) if (path.startsWith(homeDir + sep)) return `~${path.slice(homeDir.length)}`;
  return path;
}

// src/codex/bundle-format.ts
function shellQuote(value) {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

// src/fix/actions.ts
function envTarget(name, provenance) {
  return !name.startsWith("CODEX_") && provenance[name]?.source === "dotenv" ? "codex-dotenv" : "shell-profile";
}
function setEnv(name, value, provenance) {
  return { kind: "set-env", name, value, target: envTarget(name, provenance) };
}
function copyEnv(name, from, provenance) {
  return { kind: "copy-env", name, from, target: envTarget(name, provenance) };
}
function unsetEnv(name, provenance) {
  const origin = provenance[name];
  if (origin?.source === "dotenv" && !name.startsWith("CODEX_")) {
    const dotenv = { kind: "unset-env", name, target: "codex-dotenv" };
    return origin.overridesShell ? { kind: "sequence", steps: [dotenv, { kind: "unset-env", name, target: "shell-profile" }] } : dotenv;
  }
  return { kind: "unset-env", name, target: "shell-profile" };
}

// src/fix/shell.ts
function userShell(host) {
  const { env, platform, homeDir } = host;
  const shellName = (env.SHELL ?? "").split(/[\\/]/).pop()?.replace(/\.exe$/i, "") ?? "";
  const posix = (...parts) => [homeDir, ...parts].join(platform === "win32" ? "\\" : "/");
  if (platform === "win32" && shellName === "") {
    const userModules = (env.PSModulePath ?? "").split(";").find((dir) => /[\\/](Windows)?PowerShell[\\/]Modules[\\/]?$/i.test(dir) && dir.toLowerCase().startsWith(homeDir.toLowerCase()));
    if (userModules === void 0) return { kind: "cmd", profile: null };
    const documents = userModules.replace(/[\\/](Windows)?PowerShell[\\/]Modules[\\/]?$/i, "");
    const folder = /WindowsPowerShell/i.test(userModules) ? "WindowsPowerShell" : "PowerShell";
    return { kind: "powershell", profile: `${documents}\\${folder}\\Microsoft.PowerShell_profile.ps1` };
  }
  switch (shellName) {
    case "zsh":
      return { kind: "zsh", profile: env.ZDOTDIR ? `${env.ZDOTDIR}/.zshrc` : posix(".zshrc") };
    case "fish":
      return { kind: "fish", profile: `${env.XDG_CONFIG_HOME || posix(".config")}/fish/config.fish` };
    case "pwsh":
    case "powershell":
      return { kind: "powershell", profile: posix(".config", "powershell", "Microsoft.PowerShell_profile.ps1") };
    default:
      return { kind: "bash", profile: posix(platform === "darwin" ? ".bash_profile" : ".bashrc") };
  }
}
function setLine(shell, name, value) {
  switch (shell) {
    case "bash":
    case "zsh":
      return `export ${name}=${posixQuote(value)}`;
    case "fish":
      return `set -gx ${name} ${fishQuote(value)}`;
    case "powershell":
      return `$env:${name} = ${powershellQuote(value)}`;
    case "cmd":
      return `setx ${name} "${value}"`;
  }
}
function copyLine(shell, name, from) {
  switch (shell) {
    case "bash":
    case "zsh":
      return `export ${name}="$${from}"`;
    case "fish":
      return `set -gx ${name} $${from}`;
    case "powershell":
      return `$env:${name} = $env:${from}`;
    case "cmd":
      return `setx ${name} "%${from}%"`;
  }
}
function unsetLine(shell, name) {
  switch (shell) {
    case "bash":
    case "zsh":
      return `unset ${name}`;
    case "fish":
      return `set -e ${name}`;
    case "powershell":
      return `Remove-Item Env:${name} -ErrorAction SilentlyContinue`;
    case "cmd":
      return `reg delete HKCU\\Environment /v ${name} /f`;
  }
}
var posixQuote = shellQuote;
function fishQuote(value) {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}
function powershellQuote(value) {
  return `'${value.replaceAll("'", "''")}'`;
}

// src/words/commands.ts
function familyOf(kind) {
  return kind === "bash" || kind === "zsh" ? "posix" : kind;
}
var CommandBuilder = class _CommandBuilder {
  shell;
  user;
  homeDir;
  dotenvPath;
  constructor(options) {
    this.user = options.shell;
    this.shell = familyOf(options.shell.kind);
    this.homeDir = options.homeDir;
    this.dotenvPath = options.dotenvPath;
  }
  static forHost(host, dotenvPath) {
    return new _CommandBuilder({ shell: userShell(host), homeDir: host.homeDir, dotenvPath });
  }
  /** A value as one argument of this shell. */
  quote(value) {
    switch (this.shell) {
      case "posix":
        return shellQuote(value);
      case "fish":
        return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/[\\']/g, "\\$&")}'`;
      case "powershell":
        return /^[A-Za-z0-9_+=:,./\\-]+$/.test(value) && !/^[-@]/.test(value) ? value : `'${value.replaceAll("'", "''")}'`;
      case "cmd":
        return /^[A-Za-z0-9_+=:,./\\-]+$/.test(value) ? value : `"${value.replaceAll('"', '""')}"`;
    }
  }
  /**
   * A path as an argument: under the home directory in POSIX shells and fish as `~/rest` (the tilde stays
   * outside the quotes, so the shell still expands it), elsewhere absolute.
   */
  path(file) {
    if ((this.shell === "posix" || this.shell === "fish") && this.homeDir !== "/" && file.startsWith(`${this.homeDir}/`)) {
      return `~/${this.quote(file.slice(this.homeDir.length + 1))}`;
    }
    return this.quote(file);
  }
  /** Sets a variable for this shell session (the profile line is the same text, but for cmd's setx). */
  setEnv(name, value) {
    return this.shell === "cmd" ? `set "${name}=${value}"` : setLine(this.user.kind, name, value);
  }
  /** Gives `name` the current value of `from` without ever spelling the value out (it may hold a password). */
  copyEnv(name, from) {
    return this.shell === "cmd" ? `set "${name}=%${from}%"` : copyLine(this.user.kind, name, from);
  }
  unsetEnv(name) {
    return this.shell === "cmd" ? `set ${name}=` : unsetLine(this.user.kind, name);
  }
  /** Where this shell's settings belong, as the user would type it. */
  get profile() {
    return this.user.profile === null ? "the user environment (setx)" : displayHome(this.user.profile, this.homeDir);
  }
  /** Creates a directory and its parents. */
  makeDirectory(dir) {
    return this.shell === "powershell" ? `New-Item -ItemType Directory -Force ${this.quote(dir)}` : this.shell === "cmd" ? `mkdir ${this.quote(dir)}` : `mkdir -p ${this.path(dir)}`;
  }
  /** Makes a file readable (mode for POSIX, with sudo for a file the user does not own; Windows grants the current user read access). */
  makeReadable(file, mode, sudo = false) {
    switch (this.shell) {
      case "posix":
      case "fish":
        return `${sudo ? "sudo " : ""}chmod ${mode} ${this.path(file)}`;
      case "powershell":
        return `icacls ${this.quote(file)} /grant "$env:USERNAME:R"`;
      case "cmd":
        return `icacls ${this.quote(file)} /grant "%USERNAME%:R"`;
    }
  }
  /** Prints line `from`, through line `to`, through the end ('$'), or through the next -----END line. */
  showLines(file, from, to = from) {
    if (this.shell === "posix" || this.shell === "fish") {
      return `sed -n '${to === from ? `${from}p` : to === "end-marker" ? `${from},/-----END/p` : `${from},${to}p`}' ${this.path(file)}`;
    }
    const count = to === "$" ? "" : ` -First ${to === "end-marker" ? 40 : to - from + 1}`;
    return this.powershell(`Get-Content ${this.quote(file)} | Select-Object -Skip ${from - 1}${count}`);
  }
  /** Shows the first bytes of a file (what it really is). */
  showStart(file) {
    return this.shell === "posix" || this.shell === "fish" ? `head -c 200 ${this.path(file)}` : this.powershell(`Format-Hex ${this.quote(file)} | Select-Object -First 12`);
  }
  /** Shows a file's (or a directory's own) size, owner and permissions. */
  listFile(file, directory = false) {
    return this.shell === "posix" || this.shell === "fish" ? `ls -l${directory ? "d" : ""} ${this.path(file)}` : this.powershell(`Get-Item ${this.quote(file)} | Format-List`);
  }
  /** Prints the numbered lines of a TOML file that open a table (`[a.b]`, `[[a]]`). */
  findTableHeaders(file) {
    return this.shell === "posix" || this.shell === "fish" ? `grep -n '^[[:blank:]]*\\[' ${this.path(file)}` : this.powershell(`Select-String -Path ${this.quote(file)} -Pattern '^\\s*\\['`);
  }
  /** Prints the subject of the first certificate in a PEM file. */
  showCertificateSubject(file) {
    return this.shell === "posix" || this.shell === "fish" ? `openssl x509 -in ${this.path(file)} -noout -subject` : this.powershell(`(New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 ${this.quote(file)}).Subject`);
  }
  /** What joins two commands so that the second runs after the first (PowerShell 5 has no `&&`). */
  get and() {
    return this.shell === "powershell" ? "; " : " && ";
  }
  /** Writes the root named `cn` from the macOS System keychain or the Windows ROOT store to `out` as PEM; null elsewhere. */
  exportOsRoot(platform, cn, out) {
    if (platform === "darwin") return this.whenAbsent(out, `security find-certificate -a -p -c ${this.quote(cn)} /Library/Keychains/System.keychain > ${this.path(out)}`);
    if (platform !== "win32") return null;
    const der = out.replace(/\.pem$/i, ".cer");
    return `certutil -user -store Root ${this.quote(cn)} ${this.quote(der)}${this.and}certutil -encode ${this.quote(der)} ${this.quote(out)}`;
  }
  /** Shows whether the macOS System keychain or the Windows ROOT store holds the root named `cn`; null elsewhere. */
  findOsRoot(platform, cn) {
    if (platform === "darwin") return `security find-certificate -a -c ${this.quote(cn)} -p /Library/Keychains/System.keychain`;
    return platform === "win32" ? `certutil -user -store Root ${this.quote(cn)}` : null;
  }
  /** Looks a host name up with the system resolver. */
  resolveName(host) {
    return this.shell === "powershell" ? `Resolve-DnsName ${this.quote(host)}` : `nslookup ${this.quote(host)}`;
  }
  /** Shows the clock in UTC and whether it is synchronised. */
  showClock() {
    return this.shell === "posix" || this.shell === "fish" ? "date -u" : "w32tm /query /status";
  }
  /** Copies whatever a pipe or device yields into a new regular file. */
  copyStream(from, to) {
    const dir = to.replace(/[\\/][^\\/]*$/, "");
    if (this.shell === "posix" || this.shell === "fish") return `mkdir -p ${this.path(dir)} && test ! -e ${this.path(to)} && cat ${this.path(from)} > ${this.path(to)}`;
    return this.powershell(`Get-Content ${this.quote(from)} | Set-Content -Encoding ascii ${this.quote(to)}`);
  }
  /** A PowerShell command line, wrapped for cmd.exe. */
  powershell(command) {
    return this.shell === "cmd" ? `powershell -NoProfile -Command "${command.replaceAll('"', '\\"')}"` : command;
  }
  /** Prints the percent-encoded form of PASSWORD (a placeholder the user replaces). */
  percentEncode() {
    return this.shell === "powershell" || this.shell === "cmd" ? "[uri]::EscapeDataString('PASSWORD')" : `python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' 'PASSWORD'`;
  }
  /** Deletes the lines that set `name` from a NAME=value file ($CODEX_HOME/.env), keeping a .bak copy. */
  deleteDotenvLine(name, file = this.dotenvPath) {
    const f = this.path(file);
    if (this.shell === "powershell" || this.shell === "cmd") {
      const ps = `Copy-Item ${this.quote(file)} ${this.quote(`${file}.bak`)}; (Get-Content ${this.quote(file)}) | Where-Object { $_ -notmatch '^\\s*(export\\s+)?${name}\\s*=' } | Set-Content ${this.quote(file)}`;
      return this.shell === "cmd" ? `powershell -NoProfile -Command "${ps.replaceAll('"', '\\"')}"` : ps;
    }
    return `sed -i.bak -E '/^[[:space:]]*(export[[:space:]]+)?${name}[[:space:]]*=/d' ${f}`;
  }
  /** Appends NAME=value to a NAME=value file after deleting the old lines. */
  setDotenvLine(name, value, file = this.dotenvPath) {
    const line = /^[A-Za-z0-9_@%+=:,./-]*$/.test(value) ? `${name}=${value}` : `${name}='${value}'`;
    if (this.shell === "powershell" || this.shell === "cmd") {
      const ps = `${this.deleteDotenvLine(name, file).replace(/^powershell -NoProfile -Command "|"$/g, "")}; Add-Content ${this.quote(file)} '${line.replaceAll("'", "''")}'`;
      return this.shell === "cmd" ? `powershell -NoProfile -Command "${ps.replaceAll('"', '\\"')}"` : ps;
    }
    return `${this.deleteDotenvLine(name, file)} && printf '%s\\n' ${shellQuote(line)} >> ${this.path(file)}`;
  }
  /** The command for one step; null for a config edit, which is shown as a snippet instead. */
  step(step) {
    switch (step.kind) {
      case "set-env":
        return step.target === "codex-dotenv" ? this.setDotenvLine(step.name, step.value) : this.setEnv(step.name, step.value);
      case "copy-env":
        return this.copyEnv(step.name, step.from);
      case "unset-env":
        return step.target === "codex-dotenv" ? this.deleteDotenvLine(step.name) : this.unsetEnv(step.name);
      case "convert-certificate":
        return this.convert(step);
      case "write-bundle":
        return this.whenAbsent(step.to, this.concatenateCertificates(step.sources, step.to));
      case "edit-config":
        return null;
    }
  }
  /**
   * The whole action as one line for this shell; null when there is nothing to run (a config edit, an IT
   * request). In a sequence the config edits are shown as the snippet, and the command runs the other steps.
   */
  command(action) {
    switch (action.kind) {
      case "sequence": {
        const parts = action.steps.flatMap((s) => s.kind === "edit-config" ? [] : [this.step(s)]);
        if (parts.length === 0 || parts.some((p) => p === null)) return null;
        return parts.join(this.and);
      }
      case "it-request":
      case "manual":
        return null;
      default:
        return this.step(action);
    }
  }
  /** The config.toml change an action makes, as the TOML to write (tables first-class, other keys kept). */
  snippet(action) {
    const edits = action.kind === "sequence" ? action.steps.filter((s) => s.kind === "edit-config") : action.kind === "edit-config" ? [action] : [];
    if (edits.length === 0) return null;
    return edits.map((e) => configSnippet(displayHome(e.file, this.homeDir), e.changes)).join("\n");
  }
  convert(step) {
    const { from, to } = step;
    const windows = this.shell === "powershell" || this.shell === "cmd";
    switch (step.format) {
      case "der":
        return windows ? `certutil -encode ${this.quote(from)} ${this.quote(to)}` : this.whenAbsent(to, `openssl x509 -inform der -in ${this.path(from)} -out ${this.path(to)}`);
      case "base64-der":
        return windows ? `certutil -decode ${this.quote(from)} ${this.quote(`${to}.der`)} && certutil -encode ${this.quote(`${to}.der`)} ${this.quote(to)}` : this.whenAbsent(to, `base64 -d ${this.path(from)} | openssl x509 -inform der -out ${this.path(to)}`);
      case "pkcs7":
        return this.whenAbsent(to, `openssl pkcs7${step.encoding === "der" ? " -inform der" : ""} -print_certs -in ${this.path(from)} -out ${this.path(to)}`);
      case "utf16":
        return windows ? this.whenAbsent(to, `Get-Content ${this.quote(from)} | Set-Content -Encoding ascii ${this.quote(to)}`) : this.whenAbsent(to, `iconv -f UTF-16 -t UTF-8 ${this.path(from)} > ${this.path(to)}`);
      case "utf8-bom":
        return windows ? this.whenAbsent(to, `Get-Content ${this.quote(from)} | Set-Content -Encoding ascii ${this.quote(to)}`) : this.whenAbsent(to, `tail -c +4 ${this.path(from)} > ${this.path(to)}`);
      case "directory":
        return this.whenAbsent(to, this.concatenateCertificates([from], to, true));
    }
  }
  /** The CERTIFICATE blocks of the sources (every file of a directory), in order and once each, into `to`. */
  concatenateCertificates(sources, to, directory = false) {
    if (this.shell === "powershell" || this.shell === "cmd") {
      const inputs2 = directory ? `(Get-ChildItem -File ${this.quote(sources[0])}).FullName` : sources.map((s) => this.quote(s)).join(", ");
      return `Get-Content ${inputs2} | Set-Content -Encoding ascii ${this.quote(to)}`;
    }
    const inputs = directory ? `${this.path(trimEndMatches(sources[0], "/\\"))}/*` : sources.map((s) => this.path(s)).join(" ");
    return `awk '/-----BEGIN (TRUSTED )?CERTIFICATE-----/{sub(/^.*-----BEGIN/, "-----BEGIN"); c=""; p=1} p{sub(/^[ \\t]+/, ""); sub(/\\r$/, ""); c=c $0 "\\n"} /-----END (TRUSTED )?CERTIFICATE-----/{p=0; if(!seen[c]++) printf "%s", c}' ${inputs} > ${this.path(to)}`;
  }
  /** Runs `command` only when `file` does not exist yet: a fix never writes over a file. */
  whenAbsent(file, command) {
    switch (this.shell) {
      case "posix":
      case "fish":
        return `test ! -e ${this.path(file)} && ${command}`;
      case "powershell":
        return `if (-not (Test-Path ${this.quote(file)})) { ${command} }`;
      case "cmd":
        return `if not exist ${this.quote(file)} powershell -NoProfile -Command "${command.replaceAll('"', '\\"')}"`;
    }
  }
};
function displayHome(file, homeDir) {
  return homeDir !== "/" && file.startsWith(`${homeDir}/`) ? `~/${file.slice(homeDir.length + 1)}` : file;
}
function configSnippet(file, changes, note) {
  return `# ${file}${note ? `: ${note}` : ""}
${tomlLines(changes)}`;
}
function tomlLines(changes) {
  const byTable = /* @__PURE__ */ new Map();
  for (const change of changes) {
    const table = change.path.slice(0, -1).map(tomlKey).join(".");
    const key = tomlKey(change.path[change.path.length - 1]);
    const line = change.op === "set" ? `${key} = ${tomlValue(change.value)}` : `# delete the line: ${key} = ...`;
    byTable.set(table, [...byTable.get(table) ?? [], line]);
  }
  const topLevel = byTable.get("");
  const tables = [...byTable].filter(([table]) => table !== "").map(([table, lines]) => [`[${table}]`, ...lines].join("\n"));
  return [...topLevel ?? [], ...tables].join("\n");
}
function tomlKey(key) {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}
function tomlValue(value) {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(", ")}]`;
  return `{ ${Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlValue(v)}`).join(", ")} }`;
}

// src/words/speaker.ts
var Speaker = class {
  constructor(world, host, shell) {
    this.world = world;
    this.host = host;
    this.commands = shell ? new CommandBuilder({ shell, homeDir: host.homeDir, dotenvPath: world.dotenv.path }) : CommandBuilder.forHost(host, world.dotenv.path);
    this.dotenv = displayPath(world.dotenv.path, host.homeDir);
  }
  world;
  host;
  commands;
  /** The .env path for sentences (`~/.codex/.env`). */
  dotenv;
  /** The home directory (absolute), for paths written with `~`. */
  get home() {
    return this.host.homeDir;
  }
  get windows() {
    return this.commands.shell === "powershell" || this.commands.shell === "cmd";
  }
  /** A file path as the user would type it (~ for the home directory). */
  show(file) {
    return displayPath(file, this.host.homeDir);
  }
  origin(name) {
    const origin = this.world.provenance[name];
    if (origin?.source === "dotenv") return `from ${this.dotenv} line ${origin.line}`;
    if (name === "--proxy") return "from --proxy";
    return "from the shell";
  }
  /** A hint that applies `action`: the command or snippet is rendered from it, never written by hand. */
  fix(text, action) {
    const command = this.commands.command(action);
    const snippet = this.commands.snippet(action);
    return { text, ...command !== null && { command }, ...snippet !== null && { snippet }, action };
  }
  /** A hint whose only fix is by hand or by IT, with a read-only command that shows what to look at. */
  manual(text, action, look) {
    return { text, ...look !== void 0 && { command: look }, action };
  }
  /** How to get rid of a variable: delete its .env line, or unset it in the shell (the action says which). */
  removeHint(name, words = {}) {
    const origin = this.world.provenance[name];
    const opening = (core) => words.before && !/[.!?:]$/.test(words.before) ? core[0].toLowerCase() + core.slice(1) : core;
    const sentence = (core) => `${words.before ? `${words.before} ` : ""}${opening(core)}${words.after ? ` ${words.after}` : ""}.`;
    const text = origin?.source === "dotenv" && !name.startsWith("CODEX_") ? sentence(`Delete the ${name} line (line ${origin.line}) from ${this.dotenv}${origin.overridesShell ? ` and unset ${name} in the shell as well` : ""}`) : sentence(`Unset ${name} in the shell profile, CI or IDE settings that set it`);
    return this.fix(text, unsetEnv(name, this.world.provenance));
  }
  /** How to give a variable a new value, where it is set now. */
  setHint(name, value, text) {
    if (name === "--proxy") return { text, command: `codex-doctor --proxy ${this.commands.quote(value)}`, action: { kind: "manual", topic: "find-proxy-address" } };
    const origin = this.world.provenance[name];
    const where = origin?.source === "dotenv" && !name.startsWith("CODEX_") ? ` It is set in ${this.dotenv} (line ${origin.line}).` : "";
    return this.fix(`${text}${where}`, setEnv(name, value, this.world.provenance));
  }
  /**
   * Moves a value from one variable to another: sets `to` (where `to` belongs), then removes `from` wherever
   * Codex would see it, as one fix.
   */
  moveHint(from, to, value, text) {
    const origin = this.world.provenance[from];
    const where = origin?.source === "dotenv" && !from.startsWith("CODEX_") ? ` ${from} is set in ${this.dotenv} (line ${origin.line}).` : "";
    const removal = unsetEnv(from, this.world.provenance);
    const steps = removal.kind === "sequence" ? removal.steps : removal.kind === "unset-env" ? [removal] : [];
    return this.fix(`${text}${where}`, { kind: "sequence", steps: [setEnv(to, value, this.world.provenance), ...steps] });
  }
  /**
   * Where the user writes `name` by hand: $CODEX_HOME/.env when it is set there (it overrides the shell), else the
   * shell profile. `action`: the manual action's fields (the target only when it is not the shell profile).
   */
  handWritten(name) {
    const dotenv = envTarget(name, this.world.provenance) === "codex-dotenv";
    return { name, where: dotenv ? ` in ${this.dotenv}` : "", action: { variable: name, ...dotenv && { target: "codex-dotenv" } } };
  }
  /** The action that sets `name` where it is set now (a CODEX_* name always in the shell profile). */
  setting(name, value) {
    return setEnv(name, value, this.world.provenance);
  }
  /** The action that removes `name` everywhere Codex would see it. */
  unsetting(name) {
    return unsetEnv(name, this.world.provenance);
  }
  /** Gives `name` the value `from` has now, where `name` is set (the value is never written out). */
  copyHint(name, from, text) {
    return this.fix(text, copyEnv(name, from, this.world.provenance));
  }
};

// src/codex/config-keys.ts
var renames = (patterns, real, area, only) => patterns.map((pattern) => ({ pattern, real, area, ...only && { only } }));
var under = (prefix, names) => names.map((n) => [...prefix, n]);
var SEP = ["shell_environment_policy"];
var SWW = ["sandbox_workspace_write"];
var PROVIDER = ["model_providers", "*"];
var OTEL_TLS = ["otel", "*", "*", "tls"];
var MISSPELLINGS = [
  // sandbox: the blog article's [shell_environment] + [shell_environment.include], and friends
  ...renames(under([], ["shell_environment", "shell_env", "shell_env_policy", "shell_environment_policies", "env_policy", "environment_policy"]), SEP, "sandbox"),
  ...renames(under(SEP, ["include", "includes", "include_list", "allow", "allowlist", "passthrough", "pass_through", "keep"]), [...SEP, "include_only"], "sandbox"),
  ...renames(under(SEP, ["excludes", "deny", "denylist", "remove"]), [...SEP, "exclude"], "sandbox"),
  ...renames(under(SEP, ["env", "vars", "variables", "override", "overrides", "sets"]), [...SEP, "set"], "sandbox"),
  ...renames(under(SWW, ["network", "network_enabled", "allow_network", "networking", "enable_network", "internet"]), [...SWW, "network_access"], "sandbox"),
  ...renames(under([], ["sandbox_workspace", "workspace_write", "sandbox_write", "sandbox-workspace-write", "sandbox_settings"]), SWW, "sandbox", "table"),
  ...renames([["network", "enabled"], ["network", "network_access"], ["sandbox", "network_access"]], [...SWW, "network_access"], "sandbox"),
  ...renames([["sandbox"], ["sandbox_policy"]], ["sandbox_mode"], "sandbox", "value"),
  ...renames([["sandbox", "mode"]], ["sandbox_mode"], "sandbox"),
  // network: features, providers, base URLs
  ...renames(under(["features"], ["respect_system_proxies", "use_system_proxy", "system_proxy", "respect_proxy", "respect_os_proxy"]), ["features", "respect_system_proxy"], "network"),
  ...renames([["respect_system_proxy"], ["respect_system_proxies"]], ["features", "respect_system_proxy"], "network"),
  ...renames([["model_provider"]], ["model_providers"], "network", "table"),
  ...renames(under([], ["providers", "model-providers", "modelProviders", "model_provider_list"]), ["model_providers"], "network"),
  ...renames(under(PROVIDER, ["baseurl", "base-url", "baseUrl", "url", "endpoint", "api_base", "base_uri"]), [...PROVIDER, "base_url"], "network"),
  ...renames(under(PROVIDER, ["headers", "http-headers", "httpHeaders", "extra_headers", "custom_headers"]), [...PROVIDER, "http_headers"], "network"),
  ...renames(under(PROVIDER, ["supports_websocket", "websockets", "websocket", "use_websockets", "supports-websockets"]), [...PROVIDER, "supports_websockets"], "network"),
  ...renames(under(PROVIDER, ["env_var", "api_key_env", "api_key_env_var", "env-key", "key_env"]), [...PROVIDER, "env_key"], "network"),
  ...renames(under([], ["openai_base_uri", "openai_api_base", "openai_base", "openai_api_base_url", "openai_url", "base_url", "api_base_url"]), ["openai_base_url"], "network"),
  ...renames(under([], ["chatgpt_base_uri", "chatgpt_url"]), ["chatgpt_base_url"], "network"),
  // a CA file in config.toml: Codex has no such key, only the environment variable
  ...renames([["ca_certificate"], ["ca_file"], ["ca_bundle"], ["ssl_cert_file"], ["codex_ca_certificate"], ["login", "ca_certificate"], ["tls", "ca_certificate"]], { env: "CODEX_CA_CERTIFICATE" }, "network"),
  // auth
  ...renames([["auth", "cli_auth_credentials_store"], ["credentials_store"], ["auth_credentials_store"]], ["cli_auth_credentials_store"], "auth"),
  // mcp
  ...renames(under([], ["mcp_server", "mcpServers", "mcp-servers", "mcp"]), ["mcp_servers"], "mcp"),
  // otel: tls keys are kebab-case
  ...renames(under(OTEL_TLS, ["ca_certificate", "ca_cert", "ca", "ca_file"]), [...OTEL_TLS, "ca-certificate"], "otel"),
  ...renames(under(OTEL_TLS, ["client_certificate", "client_cert", "cert", "certificate"]), [...OTEL_TLS, "client-certificate"], "otel"),
  ...renames(under(OTEL_TLS, ["client_private_key", "client_key", "private_key", "key", "client-key"]), [...OTEL_TLS, "client-private-key"], "otel"),
  ...renames([["otel", "exporters"]], ["otel", "exporter"], "otel")
];
var OTEL_SLOTS = ["exporter", "trace_exporter", "metrics_exporter"];
var TOP_LEVEL = [
  ["model_provider", "network"],
  ["model_providers", "network"],
  ["openai_base_url", "network"],
  ["chatgpt_base_url", "network"],
  ["features", "network"],
  ["cli_auth_credentials_store", "auth"],
  ["sandbox_mode", "sandbox"],
  ["sandbox_workspace_write", "sandbox"],
  ["shell_environment_policy", "sandbox"],
  ["otel", "otel"],
  ["mcp_servers", "mcp"]
];
var OTHER_TOP_LEVEL = [
  "model",
  "review_model",
  "approval_policy",
  "profile",
  "profiles",
  "projects",
  "notify",
  "history",
  "tui",
  "file_opener",
  "model_reasoning_effort",
  "model_reasoning_summary",
  "model_verbosity",
  "model_context_window",
  "model_auto_compact_token_limit",
  "hide_agent_reasoning",
  "show_raw_agent_reasoning",
  "disable_response_storage",
  "instructions",
  "developer_instructions",
  "model_instructions_file",
  "experimental_instructions_file",
  "forced_login_method",
  "forced_chatgpt_workspace_id",
  "project_doc_max_bytes",
  "project_doc_fallback_filenames",
  "tools",
  "web_search",
  "mcp_oauth_credentials_store",
  "preferred_auth_method",
  "windows_wsl_setup_acknowledged",
  "skills",
  "service_tier",
  "sqlite_home",
  "realtime",
  "tool_output_token_limit",
  "suppress_unstable_features_warning",
  "notice",
  "personality",
  "log_dir",
  "permissions",
  "default_permissions"
];
var SECTIONS = [
  {
    path: [],
    keys: [...TOP_LEVEL.map(([k]) => k), ...OTHER_TOP_LEVEL],
    complete: false,
    area: "network",
    walk: ["shell_environment_policy", "sandbox_workspace_write", "features", "model_providers", "otel", "mcp_servers"]
  },
  { path: SEP, keys: ["inherit", "ignore_default_excludes", "exclude", "set", "include_only", "filters", "experimental_use_profile"], complete: true, area: "sandbox" },
  { path: SWW, keys: ["writable_roots", "network_access", "exclude_tmpdir_env_var", "exclude_slash_tmp"], complete: true, area: "sandbox" },
  { path: ["features"], keys: ["respect_system_proxy", "system_proxy_fallback", "network_proxy", "unbounded_connection_retries"], complete: false, area: "network" },
  { path: ["model_providers"], keys: [], complete: false, area: "network", walk: ["*"] },
  { path: PROVIDER, keys: [
    "name",
    "base_url",
    "env_key",
    "env_key_instructions",
    "wire_api",
    "query_params",
    "http_headers",
    "env_http_headers",
    "request_max_retries",
    "stream_max_retries",
    "stream_idle_timeout_ms",
    "requires_openai_auth",
    "supports_websockets",
    "experimental_bearer_token",
    "websocket_connect_timeout_ms"
  ], complete: false, area: "network" },
  { path: ["otel"], keys: ["environment", "exporter", "trace_exporter", "metrics_exporter", "log_user_prompt"], complete: false, area: "otel", walk: OTEL_SLOTS },
  ...OTEL_SLOTS.map((slot) => ({ path: ["otel", slot], keys: ["otlp-http", "otlp-grpc"], complete: false, area: "otel", walk: ["otlp-http", "otlp-grpc"] })),
  { path: ["otel", "*", "otlp-http"], keys: ["endpoint", "protocol", "headers", "tls"], complete: true, area: "otel", walk: ["tls"] },
  { path: ["otel", "*", "otlp-grpc"], keys: ["endpoint", "headers", "tls"], complete: true, area: "otel", walk: ["tls"] },
  { path: OTEL_TLS, keys: ["ca-certificate", "client-certificate", "client-private-key"], complete: true, area: "otel" },
  { path: ["mcp_servers"], keys: [], complete: false, area: "mcp", walk: ["*"] },
  { path: ["mcp_servers", "*"], keys: [
    "command",
    "args",
    "env",
    "env_vars",
    "cwd",
    "url",
    "bearer_token_env_var",
    "http_headers",
    "env_http_headers",
    "startup_timeout_sec",
    "startup_timeout_ms",
    "tool_timeout_sec",
    "enabled",
    "required",
    "enabled_tools",
    "disabled_tools",
    "scopes",
    "oauth_resource"
  ], complete: false, area: "mcp" }
];
function isTable(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
function nearestKey(name, candidates) {
  const norm = (s) => s.toLowerCase().replace(/-/g, "_");
  const limit = name.length >= 8 ? 2 : 1;
  let best;
  for (const candidate of candidates) {
    if (Math.abs(name.length - candidate.length) > limit) continue;
    const distance = editDistance(norm(name), norm(candidate));
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  return best !== void 0 && best.distance <= limit ? best.key : void 0;
}
function editDistance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[a.length][b.length];
}
function formatKey(path) {
  return path.map((s) => /^[A-Za-z0-9_-]+$/.test(s) ? s : JSON.stringify(s)).join(".");
}

// src/core/exec-within.ts
async function execWithin(host, command, args, options) {
  const { timeoutMs, signal } = options;
  if (signal?.aborted) return { kind: "aborted" };
  let timer;
  let onAbort;
  const gaveUp = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ kind: "timeout", timeoutMs }), timeoutMs);
    timer.unref?.();
    if (signal) {
      onAbort = () => resolve({ kind: "aborted" });
      signal.addEventListener("abort", onAbort, { once: true });
    }
  });
  const run = host.exec(command, args, { timeoutMs }).then(
    (result) => ({ kind: "exited", result }),
    (error) => ({ kind: "error", message: error instanceof Error ? error.message : String(error) })
  );
  try {
    return await Promise.race([run, gaveUp]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}

// src/codex/codex-version.ts
var CODEX_RELEASES = {
  /** CODEX_CA_CERTIFICATE / SSL_CERT_FILE bundles for login, HTTPS and WebSocket. */
  customCa: "0.115.0",
  /** A configured bundle switches HTTPS from the platform TLS library to rustls (+ Mozilla roots). */
  rustlsHttps: "0.129.0",
  /** The OPENAI_BASE_URL variable is ignored from here on; config.toml's openai_base_url replaces it. */
  openaiBaseUrlEnvIgnored: "0.119.0",
  // Checked against the real 0.169.0 binary (§11). Where the first release with the behaviour is not
  // pinned down, 0.169.0 is the first one observed: older releases get the older advice.
  /** Unknown config keys are warned about at start ("Codex is ignoring N unrecognized configuration settings"). */
  unknownKeysWarned: "0.169.0",
  /** The browser login callback's redirect_uri names 127.0.0.1 instead of localhost. */
  loopbackLoginCallback: "0.169.0",
  /** Device-code login errors read `Error logging in: {e}`. */
  deviceLoginErrorPrefix: "0.169.0",
  /** After the WebSocket-to-HTTPS fallback, a failing HTTPS transport is retried without end. */
  unboundedRetries: "0.169.0",
  /** `[features] system_proxy_fallback` exists and is on by default. */
  systemProxyFallback: "0.169.0"
};
var ASSUMED_CODEX_RELEASE = "0.169.0";
function releaseForAdvice(version) {
  return version ?? ASSUMED_CODEX_RELEASE;
}
function codexHas(version, release) {
  return versionAtLeast(releaseForAdvice(version), release);
}
function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
function versionAtLeast(version, minimum) {
  return compareVersions(version, minimum) >= 0;
}

// src/codex/endpoints.ts
var ISSUER = "https://auth.openai.com";
var TOKEN_ENDPOINT = `${ISSUER}/oauth/token`;
var CLIENT_ID = "app_EMoamEEZ73f0CkXaXp7hrann";
var LOGIN_CALLBACK_PORTS = [1455, 1457];
function loginRedirectUri(codexVersion, port = LOGIN_CALLBACK_PORTS[0]) {
  const host = codexHas(codexVersion, CODEX_RELEASES.loopbackLoginCallback) ? "127.0.0.1" : "localhost";
  return `http://${host}:${port}/auth/callback`;
}
var API_KEY_BASE_URL = "https://api.openai.com/v1";
var CHATGPT_BASE_URL = "https://chatgpt.com/backend-api/codex";
var WEBSOCKET_BETA_HEADER = { "OpenAI-Beta": "responses_websockets=2026-02-06" };
var BUILT_IN_PROVIDER = "openai";
var OSS_PROVIDER_PORTS = { ollama: 11434, lmstudio: 1234 };
function isOssProvider(id) {
  return Object.hasOwn(OSS_PROVIDER_PORTS, id);
}
var AUTH_JSON_MAX_BYTES = 1024 * 1024;
async function readAuthMode(host, codexHome) {
  const path = `${trimEndMatches(codexHome, "/\\")}${host.platform === "win32" ? "\\" : "/"}auth.json`;
  const assumed = (why) => ({
    mode: "chatgpt",
    source: "assumed",
    note: `${why}; assuming ChatGPT login (the browser login flow), so the API base is ${CHATGPT_BASE_URL}.`
  });
  let text;
  try {
    const stat = await host.fs.stat(path);
    if (!stat) return assumed(`${path} does not exist (not logged in yet, or credentials in the keyring)`);
    if (stat.kind !== "file") return assumed(`${path} is not a file`);
    text = (await host.fs.readFile(path, AUTH_JSON_MAX_BYTES)).bytes.toString("utf8");
  } catch (error) {
    return assumed(`${path} cannot be read (${error.code ?? "error"})`);
  }
  const found = authJsonMode(text);
  if (found === void 0) return assumed(`${path} has no auth_mode`);
  return {
    mode: found.mode,
    source: "auth.json",
    note: found.via === "auth_mode" ? `auth_mode in ${path} is ${found.mode === "chatgpt" ? "ChatGPT login" : "API key"}.` : `${path} has no auth_mode but holds an API key (an older API-key login): API key.`
  };
}
function authJsonMode(text) {
  let document;
  try {
    const parsed = JSON.parse(text);
    if (!parsed || typeof parsed !== "object") return void 0;
    document = parsed;
  } catch {
    return void 0;
  }
  const value = document["auth_mode"];
  if (value === void 0 || value === null) {
    const key = document["OPENAI_API_KEY"];
    return typeof key === "string" && key !== "" ? { mode: "apikey", via: "OPENAI_API_KEY" } : void 0;
  }
  if (typeof value !== "string") return void 0;
  const normalised = value.toLowerCase().replace(/[^a-z]/g, "");
  if (normalised === "chatgpt" || normalised === "chatgptauthtokens") return { mode: "chatgpt", via: "auth_mode" };
  if (normalised === "apikey") return { mode: "apikey", via: "auth_mode" };
  return void 0;
}
function honouredOpenAiBaseUrl(env, codexVersion) {
  const value = env.OPENAI_BASE_URL;
  if (value === void 0 || value.trim() === "") return void 0;
  if (codexVersion === null || codexVersion === void 0 || versionAtLeast(codexVersion, CODEX_RELEASES.openaiBaseUrlEnvIgnored)) return void 0;
  return value;
}
function ossBaseUrl(id, env) {
  const url = env.CODEX_OSS_BASE_URL;
  if (url !== void 0 && url.trim() !== "") return { baseUrl: url, source: "CODEX_OSS_BASE_URL" };
  const portText = env.CODEX_OSS_PORT;
  const port = portText !== void 0 && /^\+?\d+$/.test(portText) && Number(portText) <= 65535 ? Number(portText) : null;
  return port === null ? { baseUrl: `http://localhost:${OSS_PROVIDER_PORTS[id]}/v1`, source: "default" } : { baseUrl: `http://localhost:${port}/v1`, source: "CODEX_OSS_PORT" };
}
function codexEndpoints(authMode, config = {}, environment = {}) {
  const problems = [];
  const env = environment.env ?? {};
  const providerId = config.modelProvider ?? BUILT_IN_PROVIDER;
  const providers = config.modelProviders ?? {};
  const entry = providerId === BUILT_IN_PROVIDER || isOssProvider(providerId) || !Object.hasOwn(providers, providerId) ? void 0 : providers[providerId];
  let provider;
  if (entry) {
    const baseUrl = entry.baseUrl ?? defaultBaseUrl(authMode.mode);
    provider = {
      id: providerId,
      builtIn: false,
      local: false,
      baseUrl,
      baseUrlSource: entry.baseUrl ? "model_providers" : "default",
      supportsWebsockets: entry.supportsWebsockets ?? false,
      httpHeaders: entry.httpHeaders ?? {}
    };
  } else if (isOssProvider(providerId)) {
    const { baseUrl, source } = ossBaseUrl(providerId, env);
    provider = { id: providerId, builtIn: true, local: true, baseUrl, baseUrlSource: source, supportsWebsockets: false, httpHeaders: {} };
  } else {
    if (providerId !== BUILT_IN_PROVIDER) {
      problems.push({
        kind: "unknown-provider",
        providerId,
        message: `model_provider = ${JSON.stringify(providerId)} names no [${formatKey(["model_providers", providerId])}] table and no built-in provider (${BUILT_IN_PROVIDERS.join(", ")}); Codex refuses to start ("Model provider \`${providerId}\` not found").`
      });
    }
    const fromEnv = honouredOpenAiBaseUrl(env, environment.codexVersion);
    provider = {
      id: BUILT_IN_PROVIDER,
      builtIn: true,
      local: false,
      baseUrl: fromEnv ?? config.openaiBaseUrl ?? defaultBaseUrl(authMode.mode),
      baseUrlSource: fromEnv !== void 0 ? "OPENAI_BASE_URL" : config.openaiBaseUrl ? "openai_base_url" : "default",
      supportsWebsockets: true,
      httpHeaders: {}
    };
  }
  if (!isHttpUrl(provider.baseUrl)) {
    problems.push({
      kind: "invalid-base-url",
      providerId: provider.id,
      baseUrl: provider.baseUrl,
      source: provider.baseUrlSource,
      message: `The base URL ${JSON.stringify(provider.baseUrl)} (${baseUrlOrigin(provider)}) is not an http:// or https:// URL: Codex cannot send a model request to it.`
    });
  }
  return {
    issuer: ISSUER,
    tokenEndpoint: TOKEN_ENDPOINT,
    authMode,
    provider,
    websocket: websocketPlan(provider),
    problems
  };
}
var BUILT_IN_PROVIDERS = [BUILT_IN_PROVIDER, ...Object.keys(OSS_PROVIDER_PORTS)];
function isHttpUrl(value) {
  return URL.canParse(value) && ["http:", "https:"].includes(new URL(value).protocol);
}
function baseUrlOrigin(provider) {
  switch (provider.baseUrlSource) {
    case "model_providers":
      return `base_url of [${formatKey(["model_providers", provider.id])}]`;
    case "openai_base_url":
      return "openai_base_url in config.toml";
    case "OPENAI_BASE_URL":
    case "CODEX_OSS_BASE_URL":
    case "CODEX_OSS_PORT":
      return `the ${provider.baseUrlSource} variable`;
    case "default":
      return `Codex's default for ${provider.id}`;
  }
}
function defaultBaseUrl(mode) {
  switch (mode) {
    case "chatgpt":
      return CHATGPT_BASE_URL;
    case "apikey":
      return API_KEY_BASE_URL;
  }
}
function websocketUrl(baseUrl) {
  if (!URL.canParse(baseUrl)) return null;
  const url = new URL(baseUrl);
  if (url.protocol === "https:") url.protocol = "wss:";
  else if (url.protocol === "http:") url.protocol = "ws:";
  else return null;
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/responses`;
  return url.toString();
}
function websocketPlan(provider) {
  const url = websocketUrl(provider.baseUrl);
  if (provider.local) {
    return {
      url,
      enabled: false,
      reason: `model_provider = "${provider.id}" is Codex's built-in local model server at ${provider.baseUrl}: the model API does not go to OpenAI, and Codex opens no WebSocket for it.`
    };
  }
  if (!provider.supportsWebsockets) {
    const why = provider.builtIn ? "supports_websockets is off for this provider" : `[model_providers.${provider.id}] does not set supports_websockets = true (custom providers default to false)`;
    return { url, enabled: false, reason: `${why}: Codex streams over HTTPS only.` };
  }
  if (url === null) return { url, enabled: false, reason: `The base URL ${provider.baseUrl} cannot become a WebSocket URL.` };
  return { url, enabled: true, reason: `Codex streams over ${url} and falls back to HTTPS after 5 failed attempts.` };
}
function tokenRequestBody(code, codeVerifier, codexVersion) {
  return new URLSearchParams({
    grant_type: "authorization_code",
    code,
    redirect_uri: loginRedirectUri(codexVersion),
    client_id: CLIENT_ID,
    code_verifier: codeVerifier
  }).toString();
}
function endpointConfigOf(config) {
  const providers = /* @__PURE__ */ Object.create(null);
  for (const [id, p] of Object.entries(config.modelProviders)) {
    providers[id] = {
      ...p.name !== void 0 && { name: p.name },
      ...p.baseUrl !== void 0 && { baseUrl: p.baseUrl },
      ...p.supportsWebsockets !== void 0 && { supportsWebsockets: p.supportsWebsockets },
      httpHeaders: p.httpHeaders
    };
  }
  return {
    ...config.modelProvider && { modelProvider: config.modelProvider.value },
    ...config.openaiBaseUrl && { openaiBaseUrl: config.openaiBaseUrl.value },
    modelProviders: providers
  };
}
var loaded = /* @__PURE__ */ new WeakMap();
async function sessionAuthMode(host, codexHome, env) {
  const apiKey = (variable, why) => ({
    mode: "apikey",
    source: variable,
    note: `${variable} is set${why}: Codex uses the API key, so the API base is ${API_KEY_BASE_URL}.`
  });
  if (nonBlank(env.CODEX_API_KEY)) return apiKey("CODEX_API_KEY", " (read before auth.json)");
  const fromFile = await readAuthMode(host, codexHome);
  if (fromFile.source === "auth.json" || !nonBlank(env.OPENAI_API_KEY)) return fromFile;
  return apiKey("OPENAI_API_KEY", " and auth.json records no login");
}
function nonBlank(value) {
  return value !== void 0 && value.trim() !== "";
}
function loadEndpoints(host, world) {
  let endpoints = loaded.get(world);
  if (!endpoints) {
    endpoints = sessionAuthMode(host, world.codexHome, world.env).then(
      (mode) => codexEndpoints(mode, endpointConfigOf(world.config), { env: world.env, codexVersion: world.codexVersion })
    );
    loaded.set(world, endpoints);
  }
  return endpoints;
}
var MODELS_URL = `${CHATGPT_BASE_URL}/models`;
function codexContacts(endpoints, config) {
  const contacts = [];
  const add = (client, url, purpose, essential, extra = {}) => {
    if (!URL.canParse(url)) return;
    const parsed = new URL(url);
    const transport = parsed.protocol === "https:" ? "https" : parsed.protocol === "wss:" ? "wss" : null;
    if (transport === null || parsed.hostname === "") return;
    const port = parsed.port === "" ? 443 : Number(parsed.port);
    contacts.push({ client, transport, url: parsed.href, host: parsed.hostname.toLowerCase(), port, purpose, essential, ...extra });
  };
  add("login", endpoints.tokenEndpoint, "login", true);
  const usable = endpoints.problems.length === 0;
  if (usable && !endpoints.provider.local) {
    add("model-api", `${endpoints.provider.baseUrl.replace(/\/+$/, "")}/responses`, "model API", true);
    if (endpoints.provider.builtIn && endpoints.authMode.mode === "apikey") add("model-api", MODELS_URL, "model list", false);
    if (endpoints.websocket.enabled && endpoints.websocket.url !== null) add("websocket", endpoints.websocket.url, "streaming", true);
  }
  for (const server of config.mcpUrlServers) add("mcp", server.url, `MCP server "${server.name}"`, false);
  for (const exporter of config.otelExporters) {
    if (exporter.endpoint === void 0) continue;
    const caFile = exporter.tls.caCertificate?.path;
    add("otel", exporter.endpoint, `OTEL ${exporter.slot} (${exporter.kind})`, false, caFile === void 0 ? {} : { caFile });
  }
  return contacts;
}

// src/core/redact.ts
function queryStart(value, reading = "after-userinfo") {
  const schemeEnd = value.indexOf("://");
  const authorityStart = schemeEnd === -1 ? 0 : schemeEnd + 3;
  const from = reading === "after-userinfo" ? Math.max(authorityStart, value.lastIndexOf("@") + 1) : authorityStart;
  const offset = value.slice(from).search(/[?#]/);
  return offset === -1 ? -1 : from + offset;
}
function splitQuery(rest) {
  const hash = rest.indexOf("#");
  return hash === -1 ? { query: rest, fragment: null } : { query: rest.slice(0, hash), fragment: rest.slice(hash + 1) };
}
function redactProxyValue(value) {
  const start = queryStart(value);
  const head = start < 0 ? value : value.slice(0, start);
  const schemeEnd = head.indexOf("://");
  const authorityStart = schemeEnd === -1 ? 0 : schemeEnd + 3;
  const at = head.lastIndexOf("@");
  const shownHead = at >= authorityStart ? `${head.slice(0, authorityStart)}[redacted]${head.slice(at)}` : head;
  if (start < 0) return shownHead;
  const { query, fragment } = splitQuery(value.slice(start));
  const pairs = query.slice(1).split("&").map((pair) => pair === "" ? "" : pair.includes("=") ? `${pair.slice(0, pair.indexOf("="))}=[redacted]` : "[redacted]");
  return `${shownHead}${query === "" ? "" : `?${pairs.join("&")}`}${fragment === null ? "" : "#[redacted]"}`;
}
function withoutUserinfo(url) {
  const bare = new URL(url);
  bare.username = "";
  bare.password = "";
  return bare;
}

// src/codex/codex-messages.ts
var DEVICE_CODE_URL = `${ISSUER}/api/accounts/deviceauth/usercode`;
function sendError(url) {
  return `error sending request for url (${url})`;
}
function tokenExchangeFailed(url) {
  return `Token exchange failed: ${sendError(url)}`;
}
function deviceLoginFailed(error, codexVersion) {
  return codexHas(codexVersion, CODEX_RELEASES.deviceLoginErrorPrefix) ? `Error logging in: ${error}` : error;
}
var WEBSOCKET_FALLBACK_WARNING = "warning: Falling back from WebSockets to HTTPS transport.";
var RECONNECTING_FOREVER = "Reconnecting... waiting for network";
var AFTER_WEBSOCKET_FAILURE = `Codex retries ("Reconnecting... n/5") and then falls back to HTTPS streaming ("${WEBSOCKET_FALLBACK_WARNING}").`;
function unboundedRetriesNote(codexVersion) {
  if (!codexHas(codexVersion, CODEX_RELEASES.unboundedRetries)) return null;
  return `If model requests over HTTPS fail as well, Codex ${releaseForAdvice(codexVersion)} retries them without end ("${RECONNECTING_FOREVER}"): \`codex exec\` in CI then hangs until the job's timeout instead of exiting with an error, so look for a timed-out step, not a failed one.`;
}
var APPLICATION_POLICY_TEXTS = ["destination denied by application network policy", "application network permission was revoked"];
var MANAGED_PROXY_TEXTS = ["CODEX_NETWORK_POLICY_DECISION", "Codex blocked this request"];
function codexPolicyText(text) {
  const lower = text.toLowerCase();
  for (const quote of APPLICATION_POLICY_TEXTS) if (lower.includes(quote)) return { source: "application-policy", quote };
  for (const quote of MANAGED_PROXY_TEXTS) {
    const at = lower.indexOf(quote.toLowerCase());
    if (at !== -1) return { source: "managed-proxy", quote: firstLineFrom(text, text.indexOf("Codex blocked") !== -1 ? text.indexOf("Codex blocked") : at) };
  }
  return null;
}
function firstLineFrom(text, at) {
  const rest = text.slice(at, at + 200);
  const end = rest.search(/[\r\n]/);
  return end === -1 ? rest : rest.slice(0, end);
}

// src/core/codes.ts
var CATALOGUE = {
  // --- runner: the doctor itself ---
  RUN_CRASH: "The doctor hit an internal error in this check (a codex-doctor bug, not your network).",
  RUN_DEADLINE: "The check was still waiting when the run deadline (--timeout) passed; the stage says where.",
  // --- ca.bundle: the CA file Codex reads ---
  CA_BUNDLE_OK: "The CA bundle Codex selects loads, as Codex would load it.",
  CA_SYSTEM_ROOTS: "No CA variable is set: Codex uses the system roots.",
  CA_NO_SYSTEM_ROOTS: "No system root certificates were found where Codex looks for them.",
  CA_FILE_NOT_FOUND: "The CA file named by the variable does not exist.",
  CA_IS_DIRECTORY: "The CA variable names a directory; Codex needs a PEM file.",
  CA_UNREADABLE: "The CA file exists but cannot be read (permissions or I/O error).",
  CA_NOT_A_REGULAR_FILE: "The CA variable names a named pipe or a device; the doctor does not read it, and Codex needs a regular PEM file at every start.",
  CA_EMPTY_FILE: "The CA file is empty.",
  CA_TOO_LARGE: "The CA file is far larger than any certificate bundle; it is not a bundle.",
  CA_NO_CERTIFICATES: 'Codex finds no CERTIFICATE block in the file ("no certificates found in PEM file").',
  CA_FORMAT_DER: "The file is a binary DER certificate, which Codex cannot read; convert it to PEM.",
  CA_FORMAT_PKCS7: "The file is a PKCS#7 (.p7b) container, which Codex cannot read; extract its certificates to PEM.",
  CA_FORMAT_PKCS12: "The file is a PKCS#12 (.pfx/.p12) container, which Codex cannot read; extract its certificates to PEM.",
  CA_FORMAT_UTF16: "The file is UTF-16 text (typical of PowerShell exports); Codex reads UTF-8 only.",
  CA_PEM_ILLEGAL_SECTION_START: "A BEGIN line is malformed; Codex rejects the whole file.",
  CA_PEM_MISSING_SECTION_END: "A PEM section never ends; Codex rejects the whole file.",
  CA_PEM_BASE64: "A PEM section holds invalid base64; Codex rejects the whole file.",
  CA_PEM_BAD_CRL: "A CRL in the bundle is malformed; Codex rejects the whole file.",
  CA_TRUSTED_DER_LENGTH: "A TRUSTED CERTIFICATE block has an invalid DER length; Codex rejects the whole file.",
  CA_REGISTER_FAILED: "A certificate parses as PEM but the TLS library rejects it; Codex rejects the whole file.",
  CA_TRUSTED_NORMALISED: "TRUSTED CERTIFICATE blocks were read as plain certificates; their OpenSSL trust settings are ignored.",
  CA_CRL_SKIPPED: "CRLs in the bundle are skipped by Codex.",
  CA_PRIVATE_KEY_SKIPPED: "The bundle contains a private key; Codex skips it, but a private key does not belong in a CA bundle.",
  CA_OTHER_SKIPPED: "Blocks other than certificates (CSRs, public keys, unknown labels) are skipped by Codex.",
  CA_CERT_EXPIRED: "A certificate in the bundle has expired; OpenSSL-based tools reject it, and what it issued has most likely expired too.",
  CA_CERT_NOT_YET_VALID: "A certificate in the bundle is not valid yet (check the clock).",
  CA_CERT_NOT_CA: "A certificate in the bundle is not a CA (a leaf); it cannot anchor the proxy chain.",
  CA_WEAK_SIGNATURE: "A certificate is signed with SHA-1 or MD5, which rustls rejects.",
  CA_WEAK_RSA_KEY: "A certificate has an RSA key under 2048 bits, which rustls rejects.",
  CA_DUPLICATE: "The same certificate appears more than once in the bundle.",
  CA_CERT_UNREADABLE: "A certificate block decodes but is not a readable X.509 certificate.",
  CA_FORMAT_UTF8_BOM: "The file starts with a UTF-8 byte-order mark; Codex does not see the first BEGIN line behind it and drops that block.",
  CA_FORMAT_BASE64_DER: "The file holds base64 certificate data without BEGIN/END lines; Codex finds no certificates in it.",
  CA_FORMAT_OTHER: "The file is not PEM text (binary data, a CRL, or text without PEM blocks); Codex finds no certificates in it.",
  CA_PEM_IGNORED_BLOCK: "A BEGIN marker does not start its line (indented or after other text); Codex silently skips that block.",
  CA_NOT_UTF8: "The file is not valid UTF-8; Codex replaces the invalid bytes before reading it.",
  CA_IGNORED_BY_CODEX: "The installed Codex predates custom CA support (0.115.0) and never reads the CA variable as a bundle.",
  // --- env.precedence: which variables Codex reads ---
  ENV_CA_SELECTED: "Which CA variable Codex uses and what each transport trusts.",
  ENV_SSL_CERT_FILE_REPLACES_OS: "SSL_CERT_FILE replaces the OS trust store for Codex; a root in the OS store is no longer trusted.",
  ENV_SSL_CERT_EMPTY: "SSL_CERT_FILE or SSL_CERT_DIR is set to an empty string: WebSocket TLS then loads no OS roots.",
  ENV_CODEX_VAR_IN_DOTENV: "A CODEX_* variable in $CODEX_HOME/.env is ignored by Codex.",
  ENV_DOTENV_OVERRIDES: "A variable in $CODEX_HOME/.env overrides the shell value for Codex.",
  ENV_DOTENV_UNREADABLE: "$CODEX_HOME/.env exists but cannot be read.",
  ENV_CA_VARS_DIFFER: "CODEX_CA_CERTIFICATE and SSL_CERT_FILE name different files; SSL_CERT_FILE is then never loaded as the bundle.",
  ENV_VALUE_QUOTED: "A path variable contains literal quotes, which Codex keeps as part of the path.",
  ENV_VALUE_WHITESPACE: "A path variable has leading or trailing whitespace, which Codex keeps as part of the path.",
  ENV_VALUE_TILDE: "A path variable starts with ~, which Codex does not expand.",
  ENV_VALUE_RELATIVE: "A path variable is relative; Codex resolves it against its working directory.",
  ENV_OTHER_CA_VAR_DIFFERS: "A CA variable for other tools (Node, Python) names a different file than Codex uses.",
  ENV_INSECURE_WORKAROUND: "A setting that disables TLS verification is present; it does not help Codex and weakens other tools.",
  ENV_PROXY_SELECTED: "Which proxy each Codex transport uses.",
  ENV_PROXY_CASE_CONFLICT: "Upper- and lower-case forms of a proxy variable disagree; the upper-case one wins.",
  ENV_PROXY_EMPTY_UPPER: "An upper-case proxy variable is set but empty, which hides its lower-case twin: Codex uses neither, on HTTPS and WebSocket alike (checked on 0.169.0).",
  ENV_PROXY_SCHEME_UNSUPPORTED: "A proxy URL uses a scheme Codex cannot use for one of its transports.",
  ENV_PROXY_HTTP_ONLY: "Only HTTP_PROXY is set: Codex HTTPS ignores it while WebSocket uses it.",
  ENV_NO_PROXY_BYPASS: "NO_PROXY makes Codex bypass the proxy for an OpenAI host.",
  ENV_PROXY_INVALID_URL: "A proxy variable is not a valid URL.",
  ENV_CODEX_HOME_INVALID: "CODEX_HOME does not name an existing directory.",
  ENV_CODEX_TOO_OLD: "The installed Codex predates custom CA support (0.115.0).",
  // env.precedence, added with the check:
  ENV_SSL_CERT_DIR_REPLACES_OS: "SSL_CERT_DIR replaces the OS trust store as Codex's native roots; a root only in the OS store is no longer trusted.",
  ENV_DOTENV_LINE_SKIPPED: "A line of $CODEX_HOME/.env is malformed; Codex skips it without a word.",
  ENV_CODEX_VERSION: "Which Codex release is installed (or that none answered), which decides the advice.",
  ENV_CODEX_HTTPS_NOT_RUSTLS: "Codex 0.115-0.128 adds the CA bundle to the platform TLS library for HTTPS; rustls and the Mozilla roots come with 0.129.0.",
  // env.precedence, spec review (OS store, proxies, OPENAI_BASE_URL, system proxy):
  ENV_SSL_CERT_POINTS_AT_OS_STORE: "SSL_CERT_FILE or SSL_CERT_DIR names the OS trust store itself: Codex trusts the same roots as without it.",
  ENV_PROXY_UNENCODED_AT: "A proxy URL has an unencoded @ in its user name or password: Codex HTTPS cuts the credentials at the first @, WebSocket at the last.",
  ENV_OPENAI_BASE_URL_IGNORED: "OPENAI_BASE_URL is set, but Codex 0.119.0 and later ignore it; openai_base_url in config.toml replaces it.",
  ENV_OPENAI_BASE_URL_USED: "OPENAI_BASE_URL sets the built-in provider's base URL (Codex before 0.119.0).",
  ENV_SYSTEM_PROXY: "The macOS or Windows manual proxy settings, which Codex HTTPS uses where the environment sets no HTTPS proxy.",
  ENV_SYSTEM_PROXY_UNREAD: "The macOS or Windows system proxy settings could not be read; HTTPS verdicts assume none.",
  ENV_SYSTEM_PROXY_HTTPS_ONLY: "Codex HTTPS goes through the system proxy setting, but WebSocket does not read it and connects directly.",
  ENV_SYSTEM_PROXY_PAC_IGNORED: "The system proxy comes from a PAC file or automatic discovery, which Codex does not read: it connects directly.",
  ENV_RESPECT_SYSTEM_PROXY_PAC: "[features] respect_system_proxy is on (macOS/Windows): PAC/WPAD answers can route Codex differently than the doctor models.",
  ENV_RESPECT_SYSTEM_PROXY_ENV_FALLBACK: "[features] respect_system_proxy is on, but outside macOS and Windows Codex falls back to the environment: it changes nothing.",
  ENV_LOGIN_SYSTEM_PROXY_RETRY: "After a connect-class failure login retries the token exchange once through the system proxy ([features] system_proxy_fallback, on by default in 0.169.0); model traffic never does, so login can work while streaming fails.",
  ENV_INSIDE_CODEX_SANDBOX: "CODEX_NETWORK_PROXY_ACTIVE=1: the doctor runs inside a Codex sandbox behind Codex's managed network proxy; its variables are not the ones Codex itself starts with.",
  // --- network (tls.auth, oauth.token, ws.upgrade): reaching a host ---
  NET_ROUTE: "How the connection is routed: direct or through which proxy, and to which address.",
  NET_DNS_NOT_FOUND: "The host name does not resolve from this machine (ENOTFOUND).",
  NET_DNS_FAILED: "The DNS lookup failed (resolver unreachable or a temporary failure, EAI_AGAIN).",
  NET_CONNECTION_REFUSED: "Nothing accepts connections at that address and port (ECONNREFUSED).",
  NET_UNREACHABLE: "There is no route to the address (ENETUNREACH, EHOSTUNREACH): a firewall or missing proxy.",
  NET_TIMEOUT: "The connection attempt got no answer in time (ETIMEDOUT or packets silently dropped).",
  NET_CONNECTION_RESET: "The connection was reset or closed by the peer or something on the path (ECONNRESET).",
  NET_ERROR: "Another socket-level error; the raw cause names it.",
  NET_CODEX_POLICY_DENIED: "Codex's own network policy refused the destination (its managed proxy, or `destination denied by application network policy` / `application network permission was revoked`), not the corporate proxy.",
  NET_RETRIES_UNBOUNDED: "Codex 0.169.0 retries failing model traffic without end after the HTTPS fallback: a CI run of `codex exec` hangs until its timeout instead of failing.",
  NET_BUNDLE_UNUSABLE: "Codex's client for this host cannot open a TLS connection because its CA bundle does not load (login and MCP fail hard, the WebSocket fails to configure).",
  // --- network: the HTTP proxy in between ---
  PROXY_UNREACHABLE: "The proxy does not accept connections (unknown host, refused or unreachable).",
  PROXY_NO_RESPONSE: "The proxy accepted the connection but never answered the CONNECT request.",
  PROXY_CLOSED: "The proxy closed the connection without answering the CONNECT request.",
  PROXY_HEADERS_TOO_LARGE: "The proxy answered CONNECT with a header block that never ends (over 64 KB); the doctor stopped reading.",
  PROXY_NOT_HTTP: "The proxy did not answer in its protocol (HTTP CONNECT, or SOCKS5 for a socks5:// URL): wrong port or wrong kind of proxy.",
  PROXY_AUTH_REQUIRED: "The proxy demands authentication (407) and the proxy URL carries no credentials.",
  PROXY_AUTH_REJECTED: "The proxy refused the credentials from the proxy URL (407).",
  PROXY_AUTH_SCHEME_UNSUPPORTED: "The proxy offers only authentication schemes Codex cannot answer (Negotiate, NTLM); Codex sends Basic only.",
  PROXY_BLOCKED: "The proxy refused to open a tunnel to the host (403 or a block page): a policy blocks it.",
  PROXY_UPSTREAM_FAILED: "The proxy could not reach the host itself (502, 503 or 504).",
  PROXY_CONNECT_REJECTED: "The proxy answered CONNECT with another non-success status.",
  PROXY_TLS_UNTRUSTED: "The https:// proxy's own certificate does not verify against the roots Codex trusts for HTTPS; nothing was sent through it.",
  PROXY_SCHEME_UNSUPPORTED: "The proxy URL uses a scheme this Codex transport cannot use (socks5 for HTTPS, https:// for WebSocket).",
  // --- network: TLS to the host, as Codex would verify it ---
  TLS_HANDSHAKE_RESET: "The connection was closed or reset during the TLS handshake (often a firewall filtering on the server name).",
  TLS_NOT_TLS: "The other end did not answer in TLS (a plain-HTTP port, or a proxy that mangles the tunnel).",
  TLS_ALERT: "The other end aborted the TLS handshake with an alert.",
  TLS_HANDSHAKE_TIMEOUT: "The TLS handshake started but never completed.",
  TLS_PROTOCOL_TOO_OLD: "The server offers only TLS below 1.2, which rustls refuses.",
  TLS_HANDSHAKE_FAILED: "The TLS handshake failed for another reason; the raw cause names it.",
  TLS_CHAIN_VERIFIED: "The presented chain verifies against the roots Codex trusts for this transport.",
  TLS_NOT_INTERCEPTED: "The presented chain verifies against the public roots: nothing on the path re-signs this connection.",
  TLS_INTERCEPTED: "Something on the path re-signs this connection (TLS inspection); the issuer names the product when known.",
  TLS_KNOWN_BAD_ROOT: "The chain is issued by a known-compromised root (Superfish, eDellRoot, DSDTestProvider): remove that root.",
  TLS_UNKNOWN_ISSUER: "The chain does not lead to a root Codex trusts for this transport (rustls: UnknownIssuer).",
  TLS_BAD_SIGNATURE: "A certificate in the chain is signed with SHA-1 or MD5, which rustls rejects (BadSignature) although OpenSSL accepts it.",
  TLS_WEAK_KEY: "A certificate in the chain has an RSA key under 2048 bits, which rustls rejects although OpenSSL accepts it.",
  TLS_NOT_VALID_FOR_NAME: "The server certificate has no subjectAltName for the host; rustls has no Common Name fallback (NotValidForName).",
  TLS_EXPIRED: "A certificate in the chain has expired (rustls: Expired).",
  TLS_NOT_YET_VALID: "A certificate in the chain is not valid yet (rustls: NotValidYet); check the clock.",
  TLS_PATH_TOO_LONG: "The chain runs through more intermediate certificates than webpki follows (6): rustls refuses it (MaximumPathDepthExceeded) even with a trusted root.",
  TLS_CA_AS_END_ENTITY: "The server presents a CA certificate as its own, which webpki refuses (CaUsedAsEndEntity).",
  TLS_ISSUER_NOT_CA: "An issuing certificate lacks basicConstraints CA:TRUE, which webpki refuses (EndEntityUsedAsCa).",
  TLS_EKU_NO_SERVER_AUTH: "The server certificate has an extended key usage without serverAuth, which webpki refuses.",
  TLS_VERIFY_FAILED: "Node/OpenSSL rejects the chain for a reason outside the webpki rules; the raw cause names it.",
  TLS_TRANSPORTS_DISAGREE: "HTTPS and WebSocket trust different roots and reach different verdicts on this chain.",
  // macOS keychains / Windows ROOT store, read through `security` / PowerShell
  TLS_PLATFORM_STORE_UNREAD: "The chain needs a root that is not public, and the doctor could not read the macOS keychains or Windows ROOT store where Codex would also look: check the store for the issuer.",
  // --- oauth.token: the login token exchange ---
  OAUTH_PATH_OK: "The token endpoint answered a deliberately invalid code with OpenAI's JSON error: login can reach it.",
  OAUTH_BLOCK_PAGE: "An HTML page came back instead of OpenAI's JSON: a proxy or filter serves a block or notice page.",
  OAUTH_PROXY_DENIED: "The inspecting proxy refused the token request itself (403) after opening the tunnel.",
  OAUTH_PROXY_AUTH: "The inspecting proxy demands authentication (407) for the token request itself.",
  OAUTH_CLOUDFLARE_CHALLENGE: "Cloudflare answered with a bot challenge instead of passing the request on.",
  OAUTH_TIMEOUT: "The token request was sent but no answer came back in time.",
  OAUTH_TLS_FAILED: "TLS failed on the connection that carries the token request.",
  OAUTH_SERVER_ERROR: "The token endpoint answered with a 5xx status: a server or gateway problem on the way.",
  OAUTH_UNEXPECTED_RESPONSE: "The token endpoint answered with something that is neither OpenAI's JSON nor a known block page.",
  // --- ws.upgrade: the Responses WebSocket ---
  WS_UPGRADE_OK: "The WebSocket upgrade got 101 (or OpenAI's own 401/403): streaming over WebSocket can work.",
  WS_DISABLED: "The provider has supports_websockets = false: Codex streams over HTTPS and opens no WebSocket.",
  WS_UPGRADE_REFUSED: "Something on the path answered the upgrade with 400, 403, 405 or 426: WebSocket is blocked.",
  WS_UPGRADE_STRIPPED: "The upgrade came back as a plain HTTP answer: a proxy strips the WebSocket headers.",
  WS_HANDSHAKE_INVALID: "The upgrade got 101 without a valid WebSocket handshake (missing or wrong Sec-WebSocket-Accept or Upgrade): something on the path answers in the server's place.",
  WS_CLOSED: "The connection was closed during the upgrade without an HTTP answer.",
  WS_TIMEOUT: "The upgrade request was sent but no answer came back in time.",
  WS_UNEXPECTED_RESPONSE: "The upgrade got another status than 101 or an OpenAI error.",
  WS_ENDPOINT_INVALID: "The provider configuration gives Codex no usable model API (config.codex names the problem and the fix), so there is no WebSocket to test.",
  // --- lab: the simulated network of `codex-doctor lab` ---
  LAB_ROUTE_REFUSED: "A lab run tried to connect outside 127.0.0.1 and the lab's routing table; the lab refuses instead of resolving the name or leaving this machine.",
  // --- config.codex: config.toml and its layers (issue 4) ---
  CONFIG_LOADED: "Which config files Codex reads (system, user, project, profile).",
  CONFIG_SYNTAX_ERROR: "A config file is not valid TOML (file, line and column given); Codex refuses to start.",
  CONFIG_UNREADABLE: "A config file exists but cannot be read; Codex refuses to start.",
  CONFIG_NOT_A_FILE: "A config file path is a directory or another non-file; Codex refuses to start.",
  CONFIG_TOO_LARGE: "A config file is far larger than any config file; it was not read.",
  CONFIG_TOO_DEEP: "A config file nests tables far deeper than any Codex setting (a table header with hundreds of dotted parts); it was not read.",
  CONFIG_NOT_UTF8: "A config file is not UTF-8 text; Codex refuses to start.",
  CONFIG_INVALID_VALUE: "A key Codex knows has a value of the wrong type or an unknown variant; Codex refuses the config.",
  CONFIG_PROFILE_NOT_FOUND: "The profile chosen with --profile does not exist where the installed Codex looks for it.",
  CONFIG_PROFILE_KEY_REMOVED: 'A top-level `profile = "x"` key, an error since Codex 0.134.0 (a profile is now the file NAME.config.toml).',
  CONFIG_PROFILE_KEY_LEGACY: 'A top-level `profile = "x"` key: the installed Codex still reads it, Codex 0.134.0 and later refuse it.',
  CONFIG_PROFILE_KEY_VERSION_UNKNOWN: 'A top-level `profile = "x"` key with the Codex release unknown: valid before 0.134.0, an error (Codex refuses to start) from 0.134.0.',
  CONFIG_POLICY_CONFLICT: "[shell_environment_policy] mixes `filters` with `exclude` or `include_only`; Codex rejects the config.",
  CONFIG_PROJECT_KEY_IGNORED: "A project .codex/config.toml sets a key Codex takes only from user or system config; it is ignored there.",
  CONFIG_UNKNOWN_KEY: "A key Codex does not know and ignores (0.169.0 warns about it at start, older releases say nothing); the real key and what the mistake costs are named.",
  CONFIG_CA_KEY_UNSUPPORTED: "config.toml names a CA file, but Codex has no such setting: only CODEX_CA_CERTIFICATE or SSL_CERT_FILE select a bundle.",
  CONFIG_PROVIDER: "Which model provider and base URLs Codex uses, and the file that sets them.",
  CONFIG_MCP_URL_SERVER: "An MCP server reached over HTTP: the same CA and proxy settings as for Codex apply to it.",
  // config.codex: the provider Codex would use (standards review)
  CONFIG_PROVIDER_NOT_FOUND: "model_provider names neither a [model_providers.<id>] table nor a built-in provider (openai, ollama, lmstudio); Codex refuses to start.",
  CONFIG_BASE_URL_INVALID: "The model API base URL Codex would use (base_url, openai_base_url, OPENAI_BASE_URL or CODEX_OSS_BASE_URL) is not an http(s) URL; no model request can be sent.",
  // --- sandbox.env: what commands in Codex's sandbox get (issue 4) ---
  SANDBOX_NETWORK_DISABLED: "Sandboxed commands have no network (read-only, or workspace-write without network_access): CA and proxy settings cannot matter there.",
  SANDBOX_NETWORK_ENABLED: "Sandboxed commands have network access, so the CA and proxy variables they get matter.",
  SANDBOX_NETWORK_ACCESS_UNUSED: "[sandbox_workspace_write] network_access is set, but sandbox_mode is not workspace-write, so it has no effect.",
  SANDBOX_VARS_REACH: "Every CA and proxy variable that is set reaches sandboxed commands.",
  SANDBOX_VAR_REMOVED: "A CA or proxy variable that is set does not reach sandboxed commands; the policy step that removes it is named.",
  SANDBOX_VAR_SET_OVERRIDE: "[shell_environment_policy] set gives sandboxed commands another value than Codex itself has.",
  SANDBOX_CA_FILE_MISSING: "A CA variable that reaches sandboxed commands names a file that does not exist.",
  SANDBOX_CA_FILE_UNREADABLE: "A CA variable that reaches sandboxed commands names a path that cannot be read as a file (or, for SSL_CERT_DIR, a directory).",
  SANDBOX_SHELL_ENVIRONMENT_TABLE: "A [shell_environment] table (copied from a blog post): Codex ignores it; the real table is [shell_environment_policy].",
  SANDBOX_UNKNOWN_KEY: "A sandbox key Codex does not know and ignores (0.169.0 warns about it at start); the real key and what the mistake costs are named.",
  SANDBOX_TOOL_CA_UNSET: "Codex uses a custom CA, but none of the CA variables the tools in the sandbox read (Node, Python, curl, git...) is set.",
  SANDBOX_MANAGED_PROXY: "Codex's managed network proxy is on: sandboxed commands get its proxy (and with mitm its CA bundle) and CODEX_NETWORK_PROXY_ACTIVE instead of your variables; its domain policy, not the corporate proxy, refuses destinations.",
  // --- config.codex: the OTEL exporter's own TLS settings (issue 4) ---
  OTEL_EXPORTER: "An OTEL exporter endpoint and the TLS files it uses.",
  OTEL_EXPORTER_UNKNOWN: "An [otel] exporter that is neither otlp-http nor otlp-grpc; Codex does not configure it as written.",
  OTEL_CA_REPLACES_ROOTS: "The OTEL exporter's ca-certificate REPLACES the built-in roots for that connection (CODEX_CA_CERTIFICATE adds to them).",
  OTEL_TLS_FILE_MISSING: "A file named in the OTEL exporter tls settings does not exist.",
  OTEL_TLS_FILE_UNREADABLE: "A file named in the OTEL exporter tls settings cannot be read.",
  OTEL_CA_INVALID: "The OTEL ca-certificate file holds no certificate Codex can use.",
  OTEL_CLIENT_PAIR_INCOMPLETE: "Only one of client-certificate and client-private-key is set; mutual TLS needs both.",
  OTEL_CLIENT_CERT_INVALID: "The OTEL client-certificate file is not a readable PEM certificate.",
  OTEL_CLIENT_KEY_INVALID: "The OTEL client-private-key file is not a readable PEM private key.",
  OTEL_CLIENT_KEY_MISMATCH: "The OTEL client-private-key does not belong to the client-certificate."
};
function isErrorCode(value) {
  return Object.hasOwn(CATALOGUE, value);
}

// src/checks/network-checks.ts
var TLS_AUTH = { id: "tls.auth", title: "TLS to auth.openai.com and every HTTPS host", needs: ["env.precedence"], softNeeds: ["ca.bundle"] };
var OAUTH_TOKEN = { id: "oauth.token", title: "Token exchange with auth.openai.com", needs: [], softNeeds: ["tls.auth"] };
var WS_UPGRADE = { id: "ws.upgrade", title: "WebSocket upgrade for streaming", needs: ["env.precedence"], softNeeds: ["ca.bundle"] };
function lazyCheck(meta, load) {
  return {
    ...meta,
    async run(ctx) {
      return (await load()).run(ctx);
    }
  };
}
var tlsAuth = lazyCheck(TLS_AUTH, async () => (await import("./tls-auth-WC566BQL.mjs")).tlsAuthCheck);
var oauthToken = lazyCheck(OAUTH_TOKEN, async () => (await import("./oauth-token-LNJXIXHX.mjs")).oauthTokenCheck);
var wsUpgrade = lazyCheck(WS_UPGRADE, async () => (await import("./ws-upgrade-RZXPBKHF.mjs")).wsUpgradeCheck);

// src/codex/certificate.ts
var SIGNATURES = {
  "1.2.840.113549.1.1.2": { name: "md2WithRSAEncryption", hash: "md2" },
  "1.2.840.113549.1.1.4": { name: "md5WithRSAEncryption", hash: "md5" },
  "1.2.840.113549.1.1.5": { name: "sha1WithRSAEncryption", hash: "sha1" },
  "1.3.14.3.2.29": { name: "sha1WithRSA", hash: "sha1" },
  "1.2.840.113549.1.1.14": { name: "sha224WithRSAEncryption", hash: "sha224" },
  "1.2.840.113549.1.1.11": { name: "sha256WithRSAEncryption", hash: "sha256" },
  "1.2.840.113549.1.1.12": { name: "sha384WithRSAEncryption", hash: "sha384" },
  "1.2.840.113549.1.1.13": { name: "sha512WithRSAEncryption", hash: "sha512" },
  "1.2.840.113549.1.1.10": { name: "rsassaPss", hash: null },
  "1.2.840.10045.4.1": { name: "ecdsa-with-SHA1", hash: "sha1" },
  "1.2.840.10045.4.3.1": { name: "ecdsa-with-SHA224", hash: "sha224" },
  "1.2.840.10045.4.3.2": { name: "ecdsa-with-SHA256", hash: "sha256" },
  "1.2.840.10045.4.3.3": { name: "ecdsa-with-SHA384", hash: "sha384" },
  "1.2.840.10045.4.3.4": { name: "ecdsa-with-SHA512", hash: "sha512" },
  "1.2.840.10040.4.3": { name: "dsa_with_SHA1", hash: "sha1" },
  "2.16.840.1.101.3.4.3.2": { name: "dsa_with_SHA256", hash: "sha256" },
  "1.3.101.112": { name: "ED25519", hash: null },
  "1.3.101.113": { name: "ED448", hash: null }
};
var HASHES = {
  "1.3.14.3.2.26": "sha1",
  "2.16.840.1.101.3.4.2.4": "sha224",
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
  "1.2.840.113549.2.5": "md5"
};
var CURVES = {
  "1.2.840.10045.3.1.7": { curve: "P-256", bits: 256, openssl: "prime256v1" },
  "1.3.132.0.34": { curve: "P-384", bits: 384, openssl: "secp384r1" },
  "1.3.132.0.35": { curve: "P-521", bits: 521, openssl: "secp521r1" },
  "1.3.132.0.10": { curve: "secp256k1", bits: 256, openssl: "secp256k1" }
};
var OID = {
  rsaEncryption: "1.2.840.113549.1.1.1",
  rsassaPss: "1.2.840.113549.1.1.10",
  ecPublicKey: "1.2.840.10045.2.1",
  ed25519: "1.3.101.112",
  ed448: "1.3.101.113",
  dsa: "1.2.840.10040.4.1",
  basicConstraints: "2.5.29.19",
  subjectAltName: "2.5.29.17",
  extKeyUsage: "2.5.29.37"
};
var WEBPKI_EXTENSIONS = new Set(["15", "17", "19", "30", "31", "37"].map((n) => `2.5.29.${n}`));
var OIDS = new OidTable([
  ...Object.keys(SIGNATURES),
  ...Object.keys(HASHES),
  ...Object.keys(CURVES),
  ...Object.values(OID),
  ...WEBPKI_EXTENSIONS,
  "2.5.29.14",
  "2.5.29.35",
  "2.5.29.32",
  "1.3.6.1.5.5.7.1.1",
  "1.3.6.1.5.5.7.3.1",
  "1.3.6.1.5.5.7.3.2"
]);
function readCertificate(der) {
  const structure = parseStructure(der);
  if (structure) return { ok: true, facts: { der, fingerprint256: fingerprint256(der), ...structure } };
  let x509;
  try {
    x509 = new (nodeCrypto()).X509Certificate(der);
  } catch (error) {
    return { ok: false, der, reason: error.message };
  }
  return { ok: true, facts: factsFromOpenSsl(der, x509) };
}
function fingerprint256(der) {
  return nodeCrypto().hash("sha256", der, "hex").toUpperCase().replace(/..(?!$)/g, "$&:");
}
function factsFromOpenSsl(der, x509) {
  const key = x509.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const type = (() => {
    switch (key.asymmetricKeyType) {
      case "rsa":
      case "rsa-pss":
        return "rsa";
      case "ec":
        return "ec";
      case "ed25519":
        return "ed25519";
      case "ed448":
        return "ed448";
      case "dsa":
        return "dsa";
      default:
        return "unknown";
    }
  })();
  const curve = details.namedCurve ? Object.values(CURVES).find((c) => c.openssl === details.namedCurve) ?? null : null;
  return {
    der,
    subject: oneLine(x509.subject),
    issuer: oneLine(x509.issuer),
    selfIssued: x509.subject === x509.issuer,
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    version: 3,
    serialNumber: x509.serialNumber,
    basicConstraints: x509.ca ? { ca: true, pathLength: null, critical: false } : null,
    isCa: x509.ca,
    publicKey: { type, bits: details.modulusLength ?? curve?.bits ?? null, curve: curve?.curve ?? details.namedCurve ?? null },
    signature: { oid: "unknown", name: "unknown", hash: null },
    fingerprint256: x509.fingerprint256,
    hasSubjectAltName: x509.subjectAltName !== void 0,
    extendedKeyUsage: x509.keyUsage ?? null,
    criticalExtensions: [],
    webpkiRejection: "BadEncoding"
  };
}
function oneLine(name) {
  return name.split("\n").filter(Boolean).join(", ");
}
function parseStructure(der) {
  const cert = readTlv(der, 0);
  if (!cert || cert.tag !== TAG.SEQUENCE || cert.end !== der.length) return null;
  const top = children(der, cert);
  if (!top || top.length !== 3) return null;
  const [tbs, outerAlg, signatureValue] = top;
  if (tbs.tag !== TAG.SEQUENCE || outerAlg.tag !== TAG.SEQUENCE || signatureValue.tag !== TAG.BIT_STRING) return null;
  const fields = children(der, tbs);
  if (!fields) return null;
  let i = 0;
  let version = 1;
  if (fields[0]?.tag === contextTag(0)) {
    const inner = readTlv(der, fields[0].contentStart, fields[0].end);
    const v = inner && inner.end === fields[0].end ? smallInteger(der, inner) : null;
    if (v === null || v > 2) return null;
    version = v + 1;
    i = 1;
  }
  const [serial, innerAlg, issuer, validity, subject, spki, ...rest] = fields.slice(i);
  if (!serial || serial.tag !== TAG.INTEGER || serial.end === serial.contentStart) return null;
  if (!innerAlg || innerAlg.tag !== TAG.SEQUENCE || !issuer || issuer.tag !== TAG.SEQUENCE) return null;
  if (!validity || validity.tag !== TAG.SEQUENCE || !subject || subject.tag !== TAG.SEQUENCE || !spki || spki.tag !== TAG.SEQUENCE) return null;
  const times = children(der, validity);
  if (!times || times.length !== 2) return null;
  const notBefore = decodeTime(der, times[0]);
  const notAfter = decodeTime(der, times[1]);
  if (!notBefore || !notAfter) return null;
  const issuerName = formatName(der, issuer);
  const subjectName = formatName(der, subject);
  if (issuerName === null || subjectName === null) return null;
  if (rest.length > 1 || rest.length === 1 && (rest[0].tag !== contextTag(3) || version !== 3)) return null;
  const extensions = readExtensions(der, rest[0]);
  if (!extensions) return null;
  const publicKey = readPublicKey(der, spki);
  if (!publicKey) return null;
  let webpkiRejection = null;
  if (version === 2) webpkiRejection = "BadEncoding";
  else if (extensions.duplicate) webpkiRejection = "Other(OtherError(ExtensionValueInvalid))";
  else if (extensions.unsupportedCritical.length > 0) webpkiRejection = "Other(OtherError(UnsupportedCriticalExtension))";
  return {
    subject: subjectName,
    issuer: issuerName,
    selfIssued: der.subarray(issuer.start, issuer.end).equals(der.subarray(subject.start, subject.end)),
    notBefore,
    notAfter,
    version,
    serialNumber: serialHex(der, serial),
    basicConstraints: extensions.basicConstraints,
    isCa: extensions.basicConstraints?.ca ?? false,
    publicKey,
    signature: readSignatureAlgorithm(der, outerAlg),
    hasSubjectAltName: extensions.hasSubjectAltName,
    extendedKeyUsage: extensions.extendedKeyUsage,
    criticalExtensions: extensions.critical,
    webpkiRejection
  };
}
function certificateNames(der) {
  const names = namesOf(der);
  if (names) return names;
  try {
    const x509 = new (nodeCrypto()).X509Certificate(der);
    return { issuer: oneLine(x509.issuer), subject: oneLine(x509.subject) };
  } catch {
    return null;
  }
}
function certificateSubject(der) {
  const name = nameFieldsOf(der)?.subject;
  return (name && formatName(der, name)) ?? certificateNames(der)?.subject ?? null;
}
function namesOf(der) {
  const fields = nameFieldsOf(der);
  if (!fields) return null;
  const issuerName = formatName(der, fields.issuer);
  const subjectName = formatName(der, fields.subject);
  return issuerName === null || subjectName === null ? null : { issuer: issuerName, subject: subjectName };
}
function nameFieldsOf(der) {
  const cert = readTlv(der, 0);
  const tbs = cert?.tag === TAG.SEQUENCE ? readTlv(der, cert.contentStart, cert.end) : null;
  const fields = tbs?.tag === TAG.SEQUENCE ? children(der, tbs) : null;
  if (!fields) return null;
  const [issuer, , subject] = fields.slice(fields[0]?.tag === contextTag(0) ? 3 : 2);
  return issuer?.tag === TAG.SEQUENCE && subject?.tag === TAG.SEQUENCE ? { issuer, subject } : null;
}
function serialHex(der, serial) {
  let start = serial.contentStart;
  while (start < serial.end - 1 && der[start] === 0) start++;
  return der.toString("hex", start, serial.end).toUpperCase();
}
var NAME_ATTRIBUTES = {
  "2.5.4.3": "CN",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.9": "street",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.5": "serialNumber",
  "2.5.4.4": "SN",
  "2.5.4.42": "GN",
  "2.5.4.12": "title",
  "2.5.4.46": "dnQualifier",
  "2.5.4.65": "pseudonym",
  "2.5.4.97": "organizationIdentifier",
  "1.2.840.113549.1.9.1": "emailAddress",
  "0.9.2342.19200300.100.1.25": "DC",
  "0.9.2342.19200300.100.1.1": "UID"
};
var NAME_OIDS = new OidTable(Object.keys(NAME_ATTRIBUTES));
function formatName(der, name) {
  const rdns = children(der, name);
  if (!rdns) return null;
  const parts = [];
  for (const rdn of rdns) {
    if (rdn.tag !== TAG.SET) return null;
    const attributes = children(der, rdn);
    if (!attributes) return null;
    const values = [];
    for (const attribute of attributes) {
      const [type, value] = children(der, attribute) ?? [];
      const oid = type ? NAME_OIDS.read(der, type) : null;
      if (!oid || !value) return null;
      values.push(`${NAME_ATTRIBUTES[oid] ?? oid}=${escapeNameValue(decodeString(der, value))}`);
    }
    parts.push(values.join(" + "));
  }
  return parts.join(", ");
}
function decodeString(der, value) {
  switch (value.tag) {
    case 30: {
      const bytes = Buffer.from(der.subarray(value.contentStart, value.end - (value.end - value.contentStart) % 2));
      return bytes.swap16().toString("utf16le");
    }
    case 20:
      return der.toString("latin1", value.contentStart, value.end);
    default:
      return der.toString("utf8", value.contentStart, value.end);
  }
}
function escapeNameValue(value) {
  return value.replace(/[\\,+"<>;]/g, (c) => `\\${c}`).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
function readExtensions(der, wrapper) {
  const out = {
    basicConstraints: null,
    hasSubjectAltName: false,
    extendedKeyUsage: null,
    critical: [],
    unsupportedCritical: [],
    duplicate: false
  };
  if (!wrapper) return out;
  const list = readTlv(der, wrapper.contentStart, wrapper.end);
  if (!list || list.tag !== TAG.SEQUENCE) return null;
  const seen = /* @__PURE__ */ new Set();
  const entries = children(der, list);
  if (!entries) return null;
  for (const extension of entries) {
    const parts = children(der, extension);
    if (!parts || parts.length < 2 || parts.length > 3) return null;
    const oid = parts[0] ? OIDS.read(der, parts[0]) : null;
    if (!oid) return null;
    if (parts.length === 3 && (parts[1]?.tag !== TAG.BOOLEAN || parts[1].end - parts[1].contentStart !== 1)) return null;
    const critical = parts.length === 3 && der[parts[1].contentStart] !== 0;
    const value = parts[parts.length - 1];
    if (!value || value.tag !== TAG.OCTET_STRING) return null;
    if (seen.has(oid)) out.duplicate = true;
    seen.add(oid);
    if (critical) {
      out.critical.push(oid);
      if (!WEBPKI_EXTENSIONS.has(oid)) out.unsupportedCritical.push(oid);
    }
    const inner = readTlv(der, value.contentStart, value.end);
    switch (oid) {
      case OID.basicConstraints: {
        const items = inner && inner.tag === TAG.SEQUENCE ? children(der, inner) ?? [] : [];
        const caItem = items.find((t) => t.tag === TAG.BOOLEAN);
        const pathItem = items.find((t) => t.tag === TAG.INTEGER);
        out.basicConstraints = {
          ca: caItem !== void 0 && der[caItem.contentStart] !== 0,
          pathLength: pathItem ? smallInteger(der, pathItem) : null,
          critical
        };
        break;
      }
      case OID.subjectAltName:
        out.hasSubjectAltName = true;
        break;
      case OID.extKeyUsage:
        out.extendedKeyUsage = (inner && inner.tag === TAG.SEQUENCE ? children(der, inner) ?? [] : []).map((t) => OIDS.read(der, t)).filter((o) => o !== null);
        break;
    }
  }
  return out;
}
function readSignatureAlgorithm(der, alg) {
  const [oidTlv, params] = children(der, alg) ?? [];
  const oid = (oidTlv && OIDS.read(der, oidTlv)) ?? "unknown";
  const known = SIGNATURES[oid];
  if (!known) return { oid, name: oid, hash: null };
  if (oid !== OID.rsassaPss) return { oid, ...known };
  let hash = "sha1";
  const first = params && params.tag === TAG.SEQUENCE ? children(der, params)?.[0] : void 0;
  if (first?.tag === contextTag(0)) {
    const hashAlg = readTlv(der, first.contentStart, first.end);
    const hashOid = hashAlg ? children(der, hashAlg)?.[0] : void 0;
    const name = hashOid ? OIDS.read(der, hashOid) : null;
    hash = name ? HASHES[name] ?? null : null;
  }
  return { oid, name: known.name, hash };
}
function readPublicKey(der, spki) {
  const unknown = { type: "unknown", bits: null, curve: null };
  const parts = children(der, spki);
  if (!parts || parts.length !== 2) return null;
  const [alg, bitString] = parts;
  if (alg.tag !== TAG.SEQUENCE || bitString.tag !== TAG.BIT_STRING || bitString.end === bitString.contentStart) return null;
  const [oidTlv, params] = children(der, alg) ?? [];
  const oid = oidTlv ? OIDS.read(der, oidTlv) : null;
  switch (oid) {
    case OID.rsaEncryption:
    case OID.rsassaPss: {
      const key = bitString.tag === TAG.BIT_STRING ? readTlv(der, bitString.contentStart + 1, bitString.end) : null;
      const modulus = key ? children(der, key)?.[0] : void 0;
      return { type: "rsa", bits: modulus ? integerBitLength(der, modulus) : null, curve: null };
    }
    case OID.ecPublicKey: {
      const curveOid = params ? OIDS.read(der, params) : null;
      const curve = curveOid ? CURVES[curveOid] : void 0;
      return { type: "ec", bits: curve?.bits ?? null, curve: curve?.curve ?? curveOid };
    }
    case OID.ed25519:
      return { type: "ed25519", bits: 256, curve: null };
    case OID.ed448:
      return { type: "ed448", bits: 456, curve: null };
    case OID.dsa: {
      const p = params ? children(der, params)?.[0] : void 0;
      return { type: "dsa", bits: p ? integerBitLength(der, p) : null, curve: null };
    }
    default:
      return unknown;
  }
}
function validityAt(facts, now) {
  if (now.getTime() > facts.notAfter.getTime()) return "expired";
  if (now.getTime() < facts.notBefore.getTime()) return "not-yet-valid";
  return "valid";
}
function weakSignatureHash(facts) {
  const hash = facts.signature.hash;
  return hash === "md2" || hash === "md5" || hash === "sha1" ? hash : null;
}
var MIN_RSA_BITS = 2048;
function weakRsaKeyBits(facts) {
  const { type, bits } = facts.publicKey;
  return type === "rsa" && bits !== null && bits < MIN_RSA_BITS ? bits : null;
}
function lintCertificate(facts, now, options) {
  const lints = [];
  const validity = validityAt(facts, now);
  if (validity === "expired") lints.push({ kind: "expired", notAfter: facts.notAfter });
  if (validity === "not-yet-valid") lints.push({ kind: "not-yet-valid", notBefore: facts.notBefore });
  const hash = weakSignatureHash(facts);
  if (hash) lints.push({ kind: "weak-signature", hash });
  const bits = weakRsaKeyBits(facts);
  if (bits !== null) lints.push({ kind: "weak-rsa-key", bits });
  if (options.expectCa && !facts.isCa) lints.push({ kind: "not-ca" });
  return lints;
}
function describeKey(key) {
  switch (key.type) {
    case "rsa":
      return key.bits === null ? "RSA" : `RSA ${key.bits}`;
    case "ec":
      return key.curve ? `EC ${key.curve}` : "EC";
    case "ed25519":
      return "Ed25519";
    case "ed448":
      return "Ed448";
    case "dsa":
      return key.bits === null ? "DSA" : `DSA ${key.bits}`;
    case "unknown":
      return "unknown key type";
  }
}

// src/codex/trust.ts
var HTTPS_USES = "HTTPS (login, token exchange, API, MCP over HTTP)";
var WEBSOCKET_USES = "WebSocket (Responses streaming, Realtime)";
function trustPlan(env, platform, options = {}) {
  const cwd = options.cwd ?? "/";
  const codexVersion = options.codexVersion ?? null;
  const selection = selectCaBundle(env, cwd, platform);
  const bundleSupported = codexVersion === null || versionAtLeast(codexVersion, CODEX_RELEASES.customCa);
  const rustlsHttps = codexVersion === null || versionAtLeast(codexVersion, CODEX_RELEASES.rustlsHttps);
  const bundle = bundleSupported && selection.kind === "variable" && options.withoutBundle !== true ? { variable: selection.variable, raw: selection.raw, path: selection.path } : null;
  const plan = nativeRootLocations(env, platform, options.systemStore, cwd);
  const native = plan.kind === "env" ? { kind: "replaced", plan, loadsNothing: (plan.file === null || plan.file.raw === "") && plan.dirs.every((d) => d.raw === "") } : { kind: "platform", plan };
  const platformTls = platformTlsOf(platform);
  let https;
  if (bundle && rustlsHttps) {
    https = {
      verifier: "rustls",
      bundle,
      mozilla: true,
      native,
      sentence: `${HTTPS_USES} verifies with rustls and trusts ${bundleWords(bundle)} + the Mozilla roots built into Codex + ${nativeWords(native)}.`
    };
  } else if (bundle) {
    https = {
      verifier: platformTls,
      bundle,
      mozilla: false,
      native: null,
      sentence: `${HTTPS_USES} verifies with ${libraryName(platformTls)} and trusts ${platformStoreWords(platformTls, env, options.systemStore)} + ${bundleWords(bundle)}; Codex ${codexVersion} adds the bundle to the platform library (from ${CODEX_RELEASES.rustlsHttps} HTTPS uses rustls with the Mozilla roots).`
    };
  } else {
    https = {
      verifier: platformTls,
      bundle: null,
      mozilla: false,
      native: null,
      sentence: `${HTTPS_USES} verifies with ${libraryName(platformTls)} and trusts ${platformStoreWords(platformTls, env, options.systemStore)}.`
    };
  }
  const websocket = {
    verifier: "rustls",
    bundle,
    mozilla: false,
    native,
    sentence: `${WEBSOCKET_USES} verifies with rustls and trusts ${nativeWords(native)}${bundle ? ` + ${bundleWords(bundle)}` : ""}; no Mozilla roots.`
  };
  return { selection, bundleSupported, codexVersion, https, websocket };
}
function platformTlsOf(platform) {
  switch (platform) {
    case "darwin":
      return "security-framework";
    case "win32":
      return "schannel";
    default:
      return "openssl";
  }
}
function libraryName(tls) {
  switch (tls) {
    case "openssl":
      return "OpenSSL";
    case "security-framework":
      return "macOS Security.framework";
    case "schannel":
      return "Windows SChannel";
  }
}
function bundleWords(bundle) {
  const where = bundle.path === bundle.raw ? "" : `, opened as ${bundle.path}`;
  return `${bundle.raw} (from ${bundle.variable}${where})`;
}
function platformStoreWords(tls, env, systemStore) {
  switch (tls) {
    case "openssl": {
      const storeFile = systemStore?.files[0] ?? "/etc/ssl/certs/ca-certificates.crt";
      const set = ["SSL_CERT_FILE", "SSL_CERT_DIR"].filter((name) => env[name] !== void 0 && env[name] !== "");
      const first = set.length > 0 ? `${set.map((name) => `${name}=${env[name]}`).join(" and ")} when it exists, else ` : "";
      return `the system CA file (${first}${storeFile} or the distribution's equivalent)`;
    }
    case "security-framework":
      return "the macOS keychain trust settings";
    case "schannel":
      return "the Windows certificate store";
  }
}
function nativeWords(native) {
  if (native.kind === "replaced") {
    const { plan: plan2 } = native;
    if (native.loadsNothing) {
      return `no OS roots at all (${plan2.replacedBy.map((name) => `${name}=""`).join(" and ")} replaces the OS store with nothing)`;
    }
    const parts = [];
    if (plan2.file && plan2.file.raw !== "") parts.push(`SSL_CERT_FILE=${plan2.file.raw}`);
    for (const dir of plan2.dirs) if (dir.raw !== "") parts.push(`SSL_CERT_DIR=${dir.raw}`);
    return `only ${parts.join(" and ")} in place of the OS store`;
  }
  const { plan } = native;
  switch (plan.kind) {
    case "files":
      return plan.overridden ? plan.fileCandidates.length + plan.dirs.length === 0 ? "an empty system store" : `the system store (${[...plan.fileCandidates, ...plan.dirs].join(", ")})` : `the OS store (${plan.fileCandidates[0] ?? "the system CA file"} or the distribution's equivalent, plus ${plan.dirs.join(", ")})`;
    case "platform-store":
      return `the ${plan.description}`;
  }
}

// src/core/bound.ts
var MAX_TEXT_LENGTH = 2e3;
function clip(text, max = MAX_TEXT_LENGTH) {
  return text.length <= max ? text : `${text.slice(0, max)}\u2026 [${text.length - max} more characters]`;
}

// src/codex/proxy-uri.ts
var AUTHORITY_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@[\]%]*$/;
function parseUri(value) {
  if (value === "") return { error: "it is empty" };
  if (/[\s"<>\\^`{|}]|[^\x21-\x7e]/.test(value)) {
    return { error: "it contains blanks, quotes or other characters a URL cannot hold (percent-encode them)" };
  }
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(value);
  let scheme = null;
  let authorityText;
  if (schemeMatch) {
    scheme = schemeMatch[1].toLowerCase();
    const rest = value.slice(schemeMatch[0].length);
    const end = rest.search(/[/?#]/);
    authorityText = end === -1 ? rest : rest.slice(0, end);
    if (authorityText === "") return { error: "there is no host in it" };
  } else if (value.startsWith("/")) {
    return { scheme: null, authority: null };
  } else {
    if (/[/?#]/.test(value)) return { error: "without a scheme it must be just host:port" };
    authorityText = value;
  }
  if (!AUTHORITY_CHARS.test(authorityText)) return { error: "its host part holds characters a URL cannot hold" };
  const at = authorityText.lastIndexOf("@");
  const userinfo = at === -1 ? null : authorityText.slice(0, at);
  const hostPort = authorityText.slice(at + 1);
  if (hostPort.includes("%")) return { error: "its host part holds a % sign" };
  let host;
  let portText = null;
  if (hostPort.startsWith("[")) {
    const close = hostPort.indexOf("]");
    if (close === -1) return { error: "an IPv6 address is not closed with ]" };
    host = hostPort.slice(0, close + 1);
    const rest = hostPort.slice(close + 1);
    if (rest !== "") {
      if (!rest.startsWith(":")) return { error: "unexpected text after the IPv6 address" };
      portText = rest.slice(1);
    }
  } else {
    const colons = hostPort.split(":").length - 1;
    if (colons > 1) return { error: "it has more than one colon (a password with : / @ must be percent-encoded)" };
    const colon = hostPort.indexOf(":");
    host = colon === -1 ? hostPort : hostPort.slice(0, colon);
    if (colon !== -1) portText = hostPort.slice(colon + 1);
  }
  if (host === "") return { error: "there is no host in it" };
  let port = null;
  if (portText !== null && portText !== "") {
    port = parseU16(portText);
    if (port === null) return { error: "the port is not a number from 0 to 65535 (a password with : / @ # ? must be percent-encoded)" };
  }
  return { scheme, authority: { userinfo, host, port } };
}
function splitUserinfo(userinfo, decode) {
  const colon = userinfo.indexOf(":");
  const username = decode(colon === -1 ? userinfo : userinfo.slice(0, colon));
  const password = colon === -1 ? "" : decode(userinfo.slice(colon + 1));
  if (username === null || password === null) return null;
  return { username, hasPassword: password !== "" };
}
function beforeFirstAt(userinfo) {
  const at = userinfo.indexOf("@");
  return at === -1 ? userinfo : userinfo.slice(0, at);
}
function lossyPercentDecode(text) {
  return Buffer.from(text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16))), "latin1").toString("utf8");
}
function strictPercentDecode(text) {
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) return null;
  const bytes = Buffer.from(text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16))), "latin1");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
var MAX_SHOWN_PART = 100;
function proxyUrl(scheme, host, port, credentials) {
  const userinfo = credentials ? "[redacted]@" : "";
  return { scheme, host: stripBrackets(host), port, display: `${scheme}://${userinfo}${clip(host, MAX_SHOWN_PART)}:${port}` };
}
function hostOf(target) {
  return stripBrackets(target.hostname);
}
function stripBrackets(host) {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}
function parseU16(text) {
  if (!/^\d{1,5}$/.test(text)) return null;
  const n = Number(text);
  return n <= 65535 ? n : null;
}

// src/codex/proxy.ts
var PROXY_VARIABLE_PAIRS = [
  ["HTTPS_PROXY", "https_proxy"],
  ["HTTP_PROXY", "http_proxy"],
  ["ALL_PROXY", "all_proxy"],
  ["NO_PROXY", "no_proxy"]
];
function proxyFor(transport, targetUrl, env, override, system) {
  const target = new URL(targetUrl);
  switch (transport) {
    case "https":
      return reqwestDecision(target, env, override, system ?? null);
    case "websocket":
      return tungsteniteDecision(target, env, override);
  }
}
var SOCKS_SCHEMES = ["socks4", "socks4a", "socks5", "socks5h"];
function reqwestDecision(target, env, override, system) {
  const base = { transport: "https", target: target.href, notes: [] };
  const { notes } = base;
  if (env.REQUEST_METHOD !== void 0) {
    return {
      ...base,
      kind: "direct",
      reason: "REQUEST_METHOD is set, so the HTTPS client behaves as a CGI script and ignores every proxy variable"
    };
  }
  const forHttps = target.protocol === "https:" || target.protocol === "wss:";
  const candidates = [];
  if (override !== void 0) {
    candidates.push({ variable: "--proxy", value: override });
  } else {
    const specific = firstSet(env, forHttps ? ["HTTPS_PROXY", "https_proxy"] : ["HTTP_PROXY", "http_proxy"], notes);
    const all = firstSet(env, ["ALL_PROXY", "all_proxy"], notes);
    const fromSystem = forHttps && system?.https && (specific === null || specific.value === "") ? { variable: "system", value: system.https } : null;
    if (fromSystem) candidates.push(fromSystem);
    else if (specific) candidates.push(specific);
    if (all) candidates.push(all);
  }
  let chosen;
  for (const candidate of candidates) {
    if (candidate.value === "") continue;
    const parsed2 = parseReqwestProxy(candidate.value);
    if ("skipped" in parsed2) {
      notes.push({
        kind: parsed2.kind,
        variable: candidate.variable,
        text: `${proxySetting(candidate.variable, redactProxyValue(candidate.value))} is ignored by the HTTPS client: ${parsed2.skipped}`
      });
      continue;
    }
    chosen = { variable: candidate.variable, parsed: parsed2 };
    break;
  }
  if (!chosen) {
    if (forHttps && override === void 0) {
      const http = firstSet(env, ["HTTP_PROXY", "http_proxy"], []);
      if (http && http.value !== "") {
        notes.push({
          kind: "http-proxy-not-for-https",
          variable: http.variable,
          text: `${http.variable} is set, but the HTTPS client uses it only for http:// URLs, never for https://`
        });
      }
    }
    const names = forHttps ? "HTTPS_PROXY or ALL_PROXY" : "HTTP_PROXY or ALL_PROXY";
    const systemToo = forHttps && override === void 0 && system !== null && system.error === null ? ", and the system proxy settings set no HTTPS proxy" : "";
    const hidden = override === void 0 ? hiddenLower(notes, forHttps ? ["HTTPS_PROXY", "ALL_PROXY"] : ["HTTP_PROXY", "ALL_PROXY"]) : null;
    if (hidden) return { ...base, kind: "direct", reason: `${emptyHidesReason(hidden)}${systemToo}`, hiddenBy: hidden };
    return { ...base, kind: "direct", reason: `no usable proxy variable applies to ${target.protocol}// URLs (${names})${systemToo}` };
  }
  const envNoProxy = firstSet(env, ["NO_PROXY", "no_proxy"], notes);
  const noProxy = (envNoProxy === null || envNoProxy.value === "") && system?.noProxy ? { variable: "ProxyOverride", value: system.noProxy } : envNoProxy;
  if (noProxy) {
    const entry = reqwestNoProxyMatch(noProxy.value, hostOf(target));
    if (entry !== null) {
      return { ...base, kind: "bypassed", noProxyEntry: entry, noProxyVariable: noProxy.variable, variable: chosen.variable };
    }
  }
  const { parsed, variable } = chosen;
  if (SOCKS_SCHEMES.includes(parsed.url.scheme)) {
    return {
      ...base,
      kind: "unsupported",
      variable,
      scheme: parsed.url.scheme,
      value: parsed.url.display,
      message: `SOCKS support is not compiled into Codex's HTTPS client: requests fail with "error sending request for url (${target.href})"`
    };
  }
  return { ...base, kind: "proxy", url: parsed.url, variable, ...parsed.credentials && { credentials: parsed.credentials } };
}
function parseReqwestProxy(value) {
  const uri = parseUri(value);
  if ("error" in uri) return { skipped: uri.error, kind: "ignored-invalid" };
  const scheme = uri.scheme ?? "http";
  if (scheme !== "http" && scheme !== "https" && !SOCKS_SCHEMES.includes(scheme)) {
    return { skipped: `${scheme}:// is not a proxy scheme it knows`, kind: "ignored-scheme" };
  }
  if (uri.authority === null) return { skipped: "there is no host in it", kind: "ignored-invalid" };
  const defaultPort = scheme === "http" ? 80 : scheme === "https" ? 443 : 1080;
  const port = uri.authority.port ?? defaultPort;
  const credentials = uri.authority.userinfo === null ? void 0 : splitUserinfo(beforeFirstAt(uri.authority.userinfo), lossyPercentDecode);
  return {
    url: proxyUrl(scheme, uri.authority.host, port, credentials ?? void 0),
    ...credentials && { credentials: { username: credentials.username, hasPassword: credentials.hasPassword } }
  };
}
function reqwestNoProxyMatch(list, host) {
  const entries = list.split(",").map(rustTrim);
  const ipHost = nodeNet().isIP(host);
  for (const entry of entries) {
    if (entry === "") continue;
    const ip = parseIpEntry(entry);
    if (ip !== null) {
      if (ipHost !== 0 && ip.contains(host)) return entry;
      continue;
    }
    if (ipHost !== 0) continue;
    const d = entry.toLowerCase();
    const domain = host.toLowerCase();
    if (d === domain || d.startsWith(".") && d.slice(1) === domain) return entry;
    if (domain.endsWith(d)) {
      if (d.startsWith(".")) return entry;
      if (domain[domain.length - d.length - 1] === ".") return entry;
    } else if (d === "*") {
      return entry;
    }
  }
  return null;
}
function parseIpEntry(entry) {
  const slash = entry.indexOf("/");
  const address = slash === -1 ? entry : entry.slice(0, slash);
  const family = nodeNet().isIP(address);
  if (family === 0) return null;
  const type = family === 4 ? "ipv4" : "ipv6";
  const max = family === 4 ? 32 : 128;
  const list = new (nodeNet()).BlockList();
  if (slash === -1) {
    list.addAddress(address, type);
  } else {
    const prefixText = entry.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return null;
    list.addSubnet(address, Number(prefixText), type);
  }
  return {
    contains: (host) => {
      const hostFamily = nodeNet().isIP(host);
      return hostFamily !== 0 && list.check(host, hostFamily === 4 ? "ipv4" : "ipv6");
    }
  };
}
function tungsteniteDecision(target, env, override) {
  const base = { transport: "websocket", target: target.href, notes: [] };
  const { notes } = base;
  const tls = target.protocol === "wss:" || target.protocol === "https:";
  const port = target.port === "" ? tls ? 443 : 80 : Number(target.port);
  const candidate = override !== void 0 ? override === "" ? null : { variable: "--proxy", value: override } : (tls ? getEnvFirst(env, ["HTTPS_PROXY", "https_proxy"], notes) : null) ?? getEnvFirst(env, ["HTTP_PROXY", "http_proxy"], notes) ?? getEnvFirst(env, ["ALL_PROXY", "all_proxy"], notes);
  const noProxy = getEnvFirst(env, ["NO_PROXY", "no_proxy"], notes);
  if (noProxy) {
    const entry = tungsteniteNoProxyMatch(noProxy.value, hostOf(target), port);
    if (entry !== null) {
      if (!candidate) return { ...base, kind: "direct", reason: `no proxy variable is set (and ${noProxy.variable} lists ${entry})` };
      return { ...base, kind: "bypassed", noProxyEntry: entry, noProxyVariable: noProxy.variable, variable: candidate.variable };
    }
  }
  if (!candidate) {
    const hidden = override === void 0 ? hiddenLower(notes, tls ? ["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"] : ["HTTP_PROXY", "ALL_PROXY"]) : null;
    if (hidden) return { ...base, kind: "direct", reason: emptyHidesReason(hidden), hiddenBy: hidden };
    return { ...base, kind: "direct", reason: `no proxy variable is set (${tls ? "HTTPS_PROXY, HTTP_PROXY, ALL_PROXY" : "HTTP_PROXY, ALL_PROXY"})` };
  }
  const { variable } = candidate;
  const value = rustTrim(candidate.value);
  const uri = parseUri(value);
  if ("error" in uri) {
    return { ...base, kind: "invalid", variable, value: redactProxyValue(value), message: `Invalid proxy configuration: ${redactProxyValue(value)}` };
  }
  const scheme = uri.scheme;
  if (scheme !== "http" && scheme !== "socks5" && scheme !== "socks5h") {
    return {
      ...base,
      kind: "unsupported",
      variable,
      scheme: scheme ?? "",
      value: redactProxyValue(value),
      message: "Proxy URL scheme not supported"
    };
  }
  if (uri.authority === null) {
    return { ...base, kind: "invalid", variable, value: redactProxyValue(value), message: `Invalid proxy configuration: ${redactProxyValue(value)}` };
  }
  let credentials = null;
  if (uri.authority.userinfo !== null) {
    credentials = splitUserinfo(uri.authority.userinfo, strictPercentDecode);
    if (credentials === null) {
      return { ...base, kind: "invalid", variable, value: redactProxyValue(value), message: "Invalid proxy configuration: invalid percent-encoding" };
    }
  }
  const url = proxyUrl(scheme, uri.authority.host, uri.authority.port ?? (scheme === "http" ? 80 : 1080), credentials ?? void 0);
  return { ...base, kind: "proxy", url, variable, ...credentials && { credentials } };
}
function tungsteniteNoProxyMatch(list, rawHost, port) {
  const host = stripBrackets(rawHost);
  const trimmed = rustTrim(list);
  if (trimmed === "") return null;
  if (trimmed === "*") return "*";
  for (const raw of trimmed.split(",")) {
    const token = rustTrim(raw);
    if (token === "") continue;
    const [tokenHostRaw, tokenPort] = splitHostPort(token);
    if (tokenPort !== null && tokenPort !== port) continue;
    const tokenHost = stripBrackets(tokenHostRaw);
    if (host === tokenHost) return token;
    if (tokenHost.startsWith(".")) {
      const bare = tokenHost.slice(1);
      if (host === bare || host.endsWith(`.${bare}`)) return token;
    } else if (host.endsWith(`.${tokenHost}`)) {
      return token;
    }
  }
  return null;
}
function splitHostPort(token) {
  if (token.startsWith("[")) {
    const close = token.indexOf("]");
    if (close === -1) return [token, null];
    const rest = token.slice(close + 1);
    return [token.slice(0, close + 1), rest.startsWith(":") ? parseU16(rest.slice(1)) : null];
  }
  if (token.split(":").length === 2) {
    const colon = token.lastIndexOf(":");
    return [token.slice(0, colon), parseU16(token.slice(colon + 1))];
  }
  return [token, null];
}
function firstSet(env, names, notes) {
  const [upper, lower] = names;
  const upperValue = env[upper];
  if (upperValue !== void 0) {
    const lowerValue2 = env[lower];
    if (upperValue === "" && lowerValue2 !== void 0 && lowerValue2 !== "") {
      notes.push({ kind: "empty-hides-lower", variable: upper, text: `${upper} is set but empty, which hides ${lower}; Codex uses neither` });
    }
    return { variable: upper, value: upperValue };
  }
  const lowerValue = env[lower];
  return lowerValue === void 0 ? null : { variable: lower, value: lowerValue };
}
function hiddenLower(notes, uppers) {
  for (const upper of uppers) {
    if (notes.some((n) => n.kind === "empty-hides-lower" && n.variable === upper)) return { upper, lower: upper.toLowerCase() };
  }
  return null;
}
function emptyHidesReason(hidden) {
  return `${hidden.upper} is set but empty, which hides ${hidden.lower}: Codex uses neither`;
}
function getEnvFirst(env, names, notes) {
  const found = firstSet(env, names, notes);
  return found === null || found.value === "" ? null : found;
}
function proxyVariableToWrite(source) {
  return source === "--proxy" || source === "system" ? "HTTPS_PROXY" : source;
}
function proxySourceName(variable) {
  switch (variable) {
    case "system":
      return "the system proxy settings";
    case "ProxyOverride":
      return "the system proxy exceptions (ProxyOverride)";
    default:
      return variable;
  }
}
function proxySetting(variable, value) {
  return variable === "system" ? `the system HTTPS proxy setting ${value}` : `${variable}=${value}`;
}

// src/codex/bundle-loader.ts
var MAX_BUNDLE_BYTES = 16 * 1024 * 1024;
function rawCause(error) {
  const e = error;
  const cause = { message: String(e?.message ?? error) };
  if (e?.name) cause.name = e.name;
  if (typeof e?.code === "string") cause.code = e.code;
  return cause;
}
var UNIX_ERRORS = {
  EPERM: [1, 1, "Operation not permitted"],
  ENOENT: [2, 2, "No such file or directory"],
  EIO: [5, 5, "Input/output error"],
  ENXIO: [6, 6, "Device not configured"],
  EACCES: [13, 13, "Permission denied"],
  ENOTDIR: [20, 20, "Not a directory"],
  EISDIR: [21, 21, "Is a directory"],
  EMFILE: [24, 24, "Too many open files"],
  ENAMETOOLONG: [36, 63, "File name too long"],
  ELOOP: [40, 62, "Too many levels of symbolic links"]
};
var WINDOWS_ERRORS = {
  ENOENT: "The system cannot find the file specified. (os error 2)",
  EACCES: "Access is denied. (os error 5)",
  EPERM: "Access is denied. (os error 5)",
  EISDIR: "Access is denied. (os error 5)"
};
function rustIoErrorText(code, platform, fallback) {
  if (platform === "win32") return WINDOWS_ERRORS[code] ?? fallback ?? code;
  const known = UNIX_ERRORS[code];
  if (!known) return fallback ?? code;
  const text = code === "ENXIO" && platform === "linux" ? "No such device or address" : known[2];
  return `${text} (os error ${platform === "darwin" ? known[1] : known[0]})`;
}
async function loadNativeRoots(host, plan) {
  if (plan.kind === "platform-store") return { plan, sources: [], total: null, certificates: [] };
  const distinct = [];
  const seen = new BytesMap();
  const addDistinct = (der) => {
    if (seen.get(der)) return;
    seen.set(der, true);
    distinct.push(der);
  };
  const sources = [];
  const readPem = async (path) => {
    try {
      const { bytes, truncated } = await host.fs.readFile(path, MAX_BUNDLE_BYTES);
      return truncated ? { bytes: null, error: `file larger than ${MAX_BUNDLE_BYTES} bytes skipped` } : { bytes, error: null };
    } catch (error) {
      return { bytes: null, error: `failed to open file: ${rustIoErrorText(rawCause(error).code ?? "EIO", host.platform)} in ${path}` };
    }
  };
  const blocks = new BytesMap();
  const addPem = (read) => {
    if (read.bytes === null) return { certificates: 0, error: read.error };
    const bytes = read.bytes;
    const known = blocks.get(bytes);
    if (known) {
      addDistinct(known);
      return { certificates: 1, error: null };
    }
    const pem = parseCodexPem(bytes, { normaliseTrusted: false });
    const certs = pem.ok ? pem.certificates : [];
    for (const c of certs) {
      addDistinct(c.der);
      if (c.block) blocks.set(bytes.subarray(c.block.start, c.block.end), c.der);
    }
    const error = pem.ok || pem.failure.kind === "no-certificates" ? null : pem.codexDetail.replace("failed to parse PEM file: ", "failed to parse PEM: ");
    return { certificates: certs.length, error };
  };
  const readPemFile = async (path) => addPem(await readPem(path));
  const readDir = async (path) => {
    let names;
    try {
      names = await host.fs.readdir(path);
    } catch (error) {
      return { path, kind: "dir", certificates: 0, files: 0, error: `opening directory: ${rustIoErrorText(rawCause(error).code ?? "EIO", host.platform)} in ${path}` };
    }
    const hashed = names.filter(isHashFileName).sort();
    const reads = await mapBounded(hashed, PARALLEL_READS, (name) => readPem(`${path.endsWith("/") ? path : `${path}/`}${name}`));
    const results = reads.map(addPem);
    return {
      path,
      kind: "dir",
      certificates: results.reduce((n, r) => n + r.certificates, 0),
      files: hashed.length,
      error: results.find((r) => r.error !== null)?.error ?? null
    };
  };
  if (plan.kind === "env") {
    if (plan.file) sources.push({ path: plan.file.raw, kind: "file", ...await readPemFile(plan.file.path) });
    for (const dir of plan.dirs) sources.push(await readDir(dir.path));
  } else {
    for (const candidate of plan.fileCandidates) {
      const stat = await host.fs.stat(candidate).catch(() => null);
      if (stat?.kind === "file") {
        sources.push({ path: candidate, kind: "file", ...await readPemFile(candidate) });
        break;
      }
    }
    for (const dir of plan.dirs) {
      const stat = await host.fs.stat(dir).catch(() => null);
      if (stat?.kind === "directory") sources.push(await readDir(dir));
    }
  }
  return { plan, sources, total: distinct.length, certificates: distinct };
}
var BytesMap = class {
  #byLength = /* @__PURE__ */ new Map();
  get(bytes) {
    return this.#byLength.get(bytes.length)?.find((entry) => entry.bytes.equals(bytes))?.value;
  }
  set(bytes, value) {
    const sameLength = this.#byLength.get(bytes.length);
    if (sameLength) sameLength.push({ bytes, value });
    else this.#byLength.set(bytes.length, [{ bytes, value }]);
  }
};
var PARALLEL_READS = 32;
async function mapBounded(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// src/core/build-table.ts
import { readFileSync } from "node:fs";
function buildTableRows(name) {
  let table;
  try {
    table = JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8"));
  } catch {
    return null;
  }
  return table.node === process.version && Array.isArray(table.rows) ? table.rows : null;
}

// src/checks/public-roots.ts
function publicRootPems(host) {
  return host.publicRoots ?? nodeTls().rootCertificates;
}
function publicRootsLabel(host) {
  return host.publicRoots ? "public roots (lab stand-in for webpki-roots)" : "Mozilla roots (webpki-roots)";
}
var dersOf = /* @__PURE__ */ new WeakMap();
function publicRootDers(host) {
  const pems = publicRootPems(host);
  let ders = dersOf.get(pems);
  if (!ders) {
    ders = pems.map((pem) => Buffer.from(pem.replace(/-----[^-]*-----|\s+/g, ""), "base64"));
    dersOf.set(pems, ders);
  }
  return ders;
}
var inputsOf = /* @__PURE__ */ new WeakMap();
function publicRootInputs(host) {
  const ders = publicRootDers(host);
  let inputs = inputsOf.get(ders);
  if (!inputs) {
    const known = host.publicRoots ? null : buildTable(ders);
    inputs = ders.map((der, i) => {
      const row = known?.[i];
      return row ? { der, fingerprint256: row[1], ...row[2] !== null && { subject: row[2] } } : { der };
    });
    inputsOf.set(ders, inputs);
  }
  return inputs;
}
var PUBLIC_ROOTS_TABLE = "public-roots.json";
function buildTable(ders) {
  const rows = buildTableRows(PUBLIC_ROOTS_TABLE);
  if (rows?.length !== ders.length) return null;
  const fits = rows.every((row, i) => Array.isArray(row) && row[0] === ders[i].length && typeof row[1] === "string" && (typeof row[2] === "string" || row[2] === null));
  return fits ? rows : null;
}

// src/codex/sandbox.ts
var PROXY_READERS = "curl, pip, npm, git and most HTTP clients";
var SANDBOX_VARIABLES = [
  { name: "CODEX_CA_CERTIFICATE", kind: "ca-file", readBy: "codex run inside the sandbox" },
  { name: "SSL_CERT_FILE", kind: "ca-file", readBy: "OpenSSL-based tools (curl, Python ssl, Ruby, git with OpenSSL)" },
  { name: "SSL_CERT_DIR", kind: "ca-dir", readBy: "OpenSSL-based tools" },
  { name: "NODE_EXTRA_CA_CERTS", kind: "ca-file", readBy: "Node.js" },
  { name: "REQUESTS_CA_BUNDLE", kind: "ca-file", readBy: "Python requests" },
  { name: "CURL_CA_BUNDLE", kind: "ca-file", readBy: "curl" },
  { name: "GIT_SSL_CAINFO", kind: "ca-file", readBy: "git" },
  { name: "CARGO_HTTP_CAINFO", kind: "ca-file", readBy: "cargo" },
  { name: "PIP_CERT", kind: "ca-file", readBy: "pip" },
  { name: "NPM_CONFIG_CAFILE", kind: "ca-file", readBy: "npm" },
  ...["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY"].flatMap((name) => [
    { name, kind: "proxy", readBy: PROXY_READERS },
    { name: name.toLowerCase(), kind: "proxy", readBy: PROXY_READERS }
  ])
];
var TOOL_CA_VARIABLES = SANDBOX_VARIABLES.filter((v) => v.kind !== "proxy" && v.name !== "CODEX_CA_CERTIFICATE");

export {
  shellQuote,
  nativeRootLocations,
  readCertificate,
  fingerprint256,
  certificateNames,
  certificateSubject,
  validityAt,
  weakRsaKeyBits,
  lintCertificate,
  describeKey,
  loadNativeRoots,
  execWithin,
  CODEX_RELEASES,
  releaseForAdvice,
  codexHas,
  trimEndMatches,
  displayPath,
  trustPlan,
  configSnippet,
  Speaker,
  publicRootsLabel,
  publicRootInputs,
  isTable,
  nearestKey,
  formatKey,
  ISSUER,
  loginRedirectUri,
  API_KEY_BASE_URL,
  CHATGPT_BASE_URL,
  WEBSOCKET_BETA_HEADER,
  BUILT_IN_PROVIDERS,
  isHttpUrl,
  websocketUrl,
  tokenRequestBody,
  loadEndpoints,
  codexContacts,
  TOOL_CA_VARIABLES,
  redactProxyValue,
  withoutUserinfo,
  clip,
  PROXY_VARIABLE_PAIRS,
  proxyFor,
  proxyVariableToWrite,
  proxySourceName,
  DEVICE_CODE_URL,
  sendError,
  tokenExchangeFailed,
  deviceLoginFailed,
  AFTER_WEBSOCKET_FAILURE,
  unboundedRetriesNote,
  codexPolicyText,
  isErrorCode,
  TLS_AUTH,
  OAUTH_TOKEN,
  WS_UPGRADE
};
