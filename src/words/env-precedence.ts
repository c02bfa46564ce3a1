// The words of env.precedence, CA half: CODEX_HOME and its .env, the CA variables, their path values, other
// tools' CA and insecure settings, the installed Codex release. The check decides (which code, which
// variable, which value a fix writes); this file only speaks, and every command comes from the one command
// builder through the Speaker. The proxy half is env-proxy.ts, the summary and evidence env-evidence.ts.
import { ASSUMED_CODEX_RELEASE, CODEX_RELEASES } from '../codex/codex-version.js';
import type { DotenvReport } from '../codex/env.js';
import type { TrustPlan } from '../codex/trust.js';
import type { FixAction, Finding } from '../core/types.js';
import { upgradeCodexHints } from './codex-upgrade.js';
import type { Speaker } from './speaker.js';

// --- CODEX_HOME and $CODEX_HOME/.env -------------------------------------------------------------------

/** How the check decided to fix an unusable CODEX_HOME. */
export type CodexHomeFix =
  | { kind: 'pass-option' }
  | { kind: 'point-at-directory'; file: string; directory: string }
  | { kind: 'create-directory'; directory: string };

export function codexHomeInvalid(say: Speaker, problem: string, fix: CodexHomeFix, unset: FixAction | null): Finding {
  return {
    level: 'fail',
    code: 'ENV_CODEX_HOME_INVALID',
    stage: 'input',
    detail: `${problem}: Codex refuses to start with it (and reads no .env).`,
    hints: [
      fix.kind === 'pass-option'
        ? { text: 'Pass an existing directory to --codex-home.', command: 'codex-doctor --codex-home ~/.codex' }
        : fix.kind === 'point-at-directory'
          ? say.setHint(
              'CODEX_HOME',
              fix.directory,
              `${say.show(fix.file)} is a file, not a directory: point CODEX_HOME at a directory (Codex keeps config.toml, auth.json and .env there).`,
            )
          : { text: 'Create the directory, or unset CODEX_HOME to use ~/.codex.', command: say.commands.makeDirectory(fix.directory) },
      ...(unset ? [say.fix('Or use the default ~/.codex.', unset)] : []),
    ],
  };
}

export function dotenvUnreadable(say: Speaker, dotenv: Pick<DotenvReport, 'path' | 'status' | 'error'>): Finding {
  const shown = say.dotenv;
  const repair = { kind: 'manual', topic: 'repair-file', file: dotenv.path } as const;
  return {
    level: 'warn',
    code: 'ENV_DOTENV_UNREADABLE',
    stage: 'read',
    detail: `${shown} exists but cannot be read (${dotenv.error ?? dotenv.status}): Codex silently ignores it, so none of its settings apply.`,
    hints: [
      dotenv.status === 'not-a-file'
        ? say.manual(`Replace ${shown} with a plain file of NAME=value lines.`, repair)
        : say.manual(`Make ${shown} readable by your user.`, { kind: 'manual', topic: 'file-permissions', file: dotenv.path }, say.commands.makeReadable(dotenv.path, '600')),
    ],
  };
}

export function dotenvLineSkipped(say: Speaker, file: string, line: DotenvReport['skipped'][number]): Finding {
  return {
    level: 'warn',
    code: 'ENV_DOTENV_LINE_SKIPPED',
    stage: 'parse',
    detail: `Line ${line.line} of ${say.dotenv}${line.key ? ` (${line.key})` : ''} is skipped by Codex without a word: ${line.reason}.`,
    hints: [
      say.manual(
        `Rewrite line ${line.line} as NAME=value; quote a value with blanks in single quotes (no escapes inside), e.g. ${line.key ?? 'NAME'}='value with blanks'.`,
        { kind: 'manual', topic: 'repair-file', file },
        say.commands.showLines(file, line.line),
      ),
    ],
  };
}

/**
 * A CODEX_* line in .env. `value`: what the user most likely meant, kept only for a path (CODEX_CA_CERTIFICATE);
 * null for any other name, whose value may be a secret the doctor never keeps: then the user moves it by hand.
 */
export function codexVariableInDotenv(say: Speaker, file: string, name: string, line: number, shellSet: boolean, value: string | null): Finding {
  return {
    level: 'warn',
    code: 'ENV_CODEX_VAR_IN_DOTENV',
    stage: 'input',
    detail: `${name} is set in ${say.dotenv} (line ${line}), but Codex ignores every CODEX_* name there, ${
      shellSet ? 'so the value from the shell is used instead' : `so ${name} is not set for Codex`
    }.`,
    hints: [
      value !== null
        ? say.setHint(name, value, `Set ${name} in your shell profile (${say.commands.profile}) instead of ${say.dotenv}.`)
        : say.manual(`Move line ${line} (${name}=...) from ${say.dotenv} into your shell profile (${say.commands.profile}) as a variable of the shell: Codex reads ${name} only from there.`, {
            kind: 'manual',
            topic: 'repair-file',
            file,
          }),
    ],
  };
}

export function dotenvOverrides(say: Speaker, name: string, line: number): Finding {
  return { level: 'info', code: 'ENV_DOTENV_OVERRIDES', stage: 'input', detail: `${name} comes from ${say.dotenv} (line ${line}) and overrides the shell's value for Codex.` };
}

export function insideCodexSandbox(say: Speaker, variable: string): Finding {
  return {
    level: 'warn',
    code: 'ENV_INSIDE_CODEX_SANDBOX',
    stage: 'input',
    detail: `${variable}=1: codex-doctor runs inside a Codex sandbox behind Codex's managed network proxy, so the proxy and CA variables here are the ones Codex gives sandboxed commands, not the ones Codex itself starts with; a refused destination is Codex's own network policy, not the corporate proxy.`,
    hints: [say.manual('Run codex-doctor in your own terminal, outside Codex, to diagnose how Codex reaches OpenAI.', { kind: 'manual', topic: 'run-outside-sandbox' })],
  };
}

// --- which CA variable wins ------------------------------------------------------------------------------

/** Why the bundle is what it is, as the check found it. */
export type CaChoice =
  | { kind: 'predates-ca-variables'; version: string | null }
  | { kind: 'variable'; variable: string; raw: string; because: 'takes-precedence' | 'codex-ca-empty' | 'codex-ca-ignored-in-dotenv' | 'codex-ca-unset' | null }
  | { kind: 'system-roots'; empties: string[] };

/** ENV_CA_SELECTED: which variable wins and why, then what each transport trusts. */
export function caSelected(say: Speaker, choice: CaChoice, trust: TrustPlan): Finding[] {
  let why: string;
  switch (choice.kind) {
    case 'predates-ca-variables':
      why = `Codex ${choice.version} predates CA variables (${CODEX_RELEASES.customCa}): it reads neither CODEX_CA_CERTIFICATE nor SSL_CERT_FILE as a bundle.`;
      break;
    case 'variable': {
      const because = {
        'takes-precedence': ' (it takes precedence over SSL_CERT_FILE, which is not read as the bundle)',
        'codex-ca-empty': ' because CODEX_CA_CERTIFICATE is set but empty, which counts as unset',
        'codex-ca-ignored-in-dotenv': ` because CODEX_CA_CERTIFICATE is not set (its line in ${say.dotenv} is ignored)`,
        'codex-ca-unset': ' because CODEX_CA_CERTIFICATE is not set',
      };
      why = `Codex uses ${choice.variable}=${choice.raw} (${say.origin(choice.variable)})${choice.because ? because[choice.because] : ''}.`;
      break;
    }
    case 'system-roots': {
      const { empties } = choice;
      why = `No CA variable is set${empties.length > 0 ? ` (${empties.join(' and ')} ${empties.length === 1 ? 'is' : 'are'} empty, which counts as unset)` : ''}: Codex adds no bundle and relies on the system roots.`;
      break;
    }
  }
  return [why, trust.https.sentence, trust.websocket.sentence].map((detail) => ({ level: 'info', code: 'ENV_CA_SELECTED', stage: 'input', detail }));
}

/** SSL_CERT_FILE="" or SSL_CERT_DIR="": rustls-native-certs loads no OS root. */
export function sslCertEmpty(say: Speaker, empties: readonly string[], bundle: string | null, httpsUsesNativeRoots: boolean): Finding {
  return {
    level: 'warn',
    code: 'ENV_SSL_CERT_EMPTY',
    stage: 'input',
    detail: `${empties.map((n) => `${n}=""`).join(' and ')}: empty counts as unset when Codex picks a bundle, but rustls-native-certs treats it as set and loads no OS roots, so WebSocket streaming trusts ${
      bundle ? `only ${bundle}` : 'no root at all and cannot verify any server'
    }${httpsUsesNativeRoots ? ` and HTTPS only ${bundle ?? 'the bundle'} + the Mozilla roots` : ''}.`,
    hints: [say.removeHint(empties[0] ?? 'SSL_CERT_FILE'), ...empties.slice(1).map((name) => say.removeHint(name))],
  };
}

export function pointsAtOsStore(name: string, value: string): Finding {
  return {
    level: 'info',
    code: 'ENV_SSL_CERT_POINTS_AT_OS_STORE',
    stage: 'input',
    detail: `${name}=${value} points at the OS store itself: Codex's native roots are the same roots as without it (a root added with update-ca-certificates or update-ca-trust is in there too).`,
  };
}

/**
 * SSL_CERT_FILE replaces the OS store. `moveTo`: the cleaned path CODEX_CA_CERTIFICATE takes over, when
 * the file is also Codex's bundle (moving it keeps every root Codex trusts now and gives the OS store back).
 */
export function sslCertFileReplacesOs(say: Speaker, sslFile: string, mozilla: boolean, moveTo: string | null): Finding {
  return {
    level: 'warn',
    code: 'ENV_SSL_CERT_FILE_REPLACES_OS',
    stage: 'input',
    detail: `SSL_CERT_FILE=${sslFile} replaces the OS trust store for Codex: ${
      moveTo === null
        ? `even with CODEX_CA_CERTIFICATE selecting the bundle, Codex's native roots are only ${sslFile}, so the OS store is not used by HTTPS or WebSocket`
        : `HTTPS trusts ${sslFile}${mozilla ? ' + the Mozilla roots' : ''}, WebSocket only ${sslFile}`
    }. A corporate root that is in the OS store but not in that file is not trusted (rustls: invalid peer certificate: UnknownIssuer).`,
    hints:
      moveTo === null
        ? [say.removeHint('SSL_CERT_FILE', { after: 'if another tool left it behind' })]
        : [
            say.moveHint(
              'SSL_CERT_FILE',
              'CODEX_CA_CERTIFICATE',
              moveTo,
              'Give the same file to Codex with CODEX_CA_CERTIFICATE and unset SSL_CERT_FILE: Codex keeps trusting it, for login and streaming, and trusts the OS store again.',
            ),
            say.removeHint('SSL_CERT_FILE', { before: 'Or', after: 'if another tool left it behind' }),
          ],
  };
}

export function sslCertDirReplacesOs(say: Speaker, sslDir: string, httpsUsesNativeRoots: boolean): Finding {
  return {
    level: 'warn',
    code: 'ENV_SSL_CERT_DIR_REPLACES_OS',
    stage: 'input',
    detail: `SSL_CERT_DIR=${sslDir} replaces the OS trust store as Codex's native roots: ${
      httpsUsesNativeRoots ? 'WebSocket and HTTPS load' : 'WebSocket loads'
    } only the hash-named files (like 5ed36f99.0) in it, not the OS store.`,
    hints: [say.removeHint('SSL_CERT_DIR')],
  };
}

/** CODEX_CA_CERTIFICATE and SSL_CERT_FILE name different files; `trust` says whether Codex loads a bundle at all. */
export function caVariablesDiffer(say: Speaker, codexCa: string, sslFile: string, version: string | null, trust: TrustPlan): Finding {
  const base = { level: 'warn', code: 'ENV_CA_VARS_DIFFER', stage: 'input' } as const;
  if (trust.bundleSupported) {
    return {
      ...base,
      detail: `CODEX_CA_CERTIFICATE=${codexCa} and SSL_CERT_FILE=${sslFile} name different files: only CODEX_CA_CERTIFICATE is loaded as the bundle; SSL_CERT_FILE's certificates are trusted only as native roots.`,
      hints: [say.removeHint('SSL_CERT_FILE', { after: 'unless you need its roots next to the bundle' })],
    };
  }
  // Before 0.115.0 neither is a bundle, and SSL_CERT_FILE may be all that makes the proxy's root trusted.
  return {
    ...base,
    detail: `CODEX_CA_CERTIFICATE=${codexCa} and SSL_CERT_FILE=${sslFile} name different files, and Codex ${version} (before ${CODEX_RELEASES.customCa}) loads neither as a bundle: it ignores CODEX_CA_CERTIFICATE, while SSL_CERT_FILE replaces the OS store ${
      trust.https.verifier === 'openssl' ? "as OpenSSL's CA file for HTTPS and as the native roots of WebSocket" : 'as the native roots of WebSocket'
    }.`,
    hints: upgradeCodexHints(` to ${CODEX_RELEASES.customCa} or later so that it loads CODEX_CA_CERTIFICATE`),
  };
}

// --- path values exactly as Codex uses them ------------------------------------------------------------

export type PathValueIssue = 'ENV_VALUE_QUOTED' | 'ENV_VALUE_WHITESPACE' | 'ENV_VALUE_TILDE' | 'ENV_VALUE_RELATIVE';

/** What is wrong with a CA path value, in the order the check found it; the first issue is the code. */
export interface PathValueFacts {
  name: string;
  value: string;
  issues: [PathValueIssue, ...PathValueIssue[]];
  /** The working directory a relative value depends on, and the first relative part resolved against it. */
  relative: { cwd: string; opens: string } | null;
  /** The file Codex opens (null for SSL_CERT_DIR, a list of directories). */
  opened: string | null;
  /** The value the user meant: absolute, no quotes, no blanks. */
  fixed: string;
}

export function pathValueFinding(say: Speaker, facts: PathValueFacts): Finding {
  const issueWords = (issue: PathValueIssue): string => {
    switch (issue) {
      case 'ENV_VALUE_QUOTED':
        return 'contains literal quotes, which Codex keeps as part of the path';
      case 'ENV_VALUE_WHITESPACE':
        return 'has leading or trailing blanks, which Codex keeps as part of the path';
      case 'ENV_VALUE_TILDE':
        return 'starts with ~, which Codex does not expand (only a shell does, and not inside quotes)';
      case 'ENV_VALUE_RELATIVE':
        return `is relative, so it depends on the directory codex is started from (from ${facts.relative?.cwd} it opens ${facts.relative?.opens})`;
    }
  };
  const opened = facts.opened === null ? '' : ` Codex opens ${JSON.stringify(facts.opened)}.`;
  return {
    level: 'warn',
    code: facts.issues[0],
    stage: 'input',
    detail: `${facts.name}=${JSON.stringify(facts.value)} ${facts.issues.map(issueWords).join('; it also ')}.${opened}`,
    hints: [say.setHint(facts.name, facts.fixed, `Set ${facts.name} to the absolute path, without quotes or blanks.`)],
  };
}

// --- other tools' CA and verification settings ---------------------------------------------------------

const TOOL_OF_CA_VARIABLE: Readonly<Record<string, string>> = { NODE_EXTRA_CA_CERTS: 'Node.js', REQUESTS_CA_BUNDLE: 'Python' };

/**
 * NODE_EXTRA_CA_CERTS or REQUESTS_CA_BUNDLE beside (or without) Codex's bundle. `bundle`: Codex's bundle, which
 * the variable should name; else `giveCodex`, the file Codex should get with CODEX_CA_CERTIFICATE.
 */
export function otherCaVariableDiffers(say: Speaker, name: string, value: string, bundle: { raw: string; path: string } | null, giveCodex: string): Finding {
  return {
    level: 'warn',
    code: 'ENV_OTHER_CA_VAR_DIFFERS',
    stage: 'input',
    detail: bundle
      ? `${name}=${value} names a different file than Codex's bundle (${bundle.raw}): tools that Codex runs in its sandbox and MCP servers it starts trust other roots than Codex itself.`
      : `${name}=${value} does nothing for Codex itself (a native binary, not ${TOOL_OF_CA_VARIABLE[name] ?? name}); only tools Codex runs in its sandbox and MCP servers it starts read it. Codex uses no bundle.`,
    hints: [
      bundle
        ? say.setHint(name, bundle.path, `Point ${name} at the bundle Codex uses.`)
        : say.setHint('CODEX_CA_CERTIFICATE', giveCodex, 'Give Codex the same file with CODEX_CA_CERTIFICATE.'),
    ],
  };
}

const TOOL_OF_INSECURE_SETTING: Readonly<Record<string, string>> = {
  NODE_TLS_REJECT_UNAUTHORIZED: 'Node.js',
  GIT_SSL_NO_VERIFY: 'git',
  PYTHONHTTPSVERIFY: 'Python',
  CURL_INSECURE: 'curl wrappers',
  NPM_CONFIG_STRICT_SSL: 'npm',
  npm_config_strict_ssl: 'npm',
};

/** A setting that switches verification off in another tool; `hasBundle`: Codex already has a CA bundle. */
export function insecureWorkaround(say: Speaker, name: string, value: string, hasBundle: boolean): Finding {
  return {
    level: 'warn',
    code: 'ENV_INSECURE_WORKAROUND',
    stage: 'input',
    detail: `${name}=${value} turns certificate verification off for ${TOOL_OF_INSECURE_SETTING[name] ?? name}. Codex never reads it, so it does not help Codex, and it leaves other tools open to interception.`,
    hints: [
      say.removeHint(name, { after: 'and fix trust instead' }),
      // Which file holds the root the doctor cannot know here (tls.auth and ca.bundle look for it): no placeholder path.
      ...(hasBundle
        ? []
        : [say.manual('Give Codex the corporate root certificate (PEM) instead: point CODEX_CA_CERTIFICATE at its file (IT can send it; tls.auth names the root the proxy presents).', { kind: 'it-request', topic: 'corporate-root' })]),
    ],
  };
}

// --- the installed Codex -----------------------------------------------------------------------------------

export type CodexVersionVerdict = 'unknown' | 'predates-ca-variables' | 'https-not-rustls' | 'current';

export function codexVersionFinding(verdict: CodexVersionVerdict, version: string | null): Finding {
  switch (verdict) {
    case 'unknown':
      return {
        level: 'info',
        code: 'ENV_CODEX_VERSION',
        stage: 'input',
        detail: `\`codex --version\` did not answer (codex is not on PATH, or it failed): the advice assumes Codex ${ASSUMED_CODEX_RELEASE}, the release it was checked against.`,
      };
    case 'predates-ca-variables':
      return {
        level: 'warn',
        code: 'ENV_CODEX_TOO_OLD',
        stage: 'input',
        detail: `Codex ${version} predates custom CA support (${CODEX_RELEASES.customCa}): it ignores CODEX_CA_CERTIFICATE, so no bundle can make it trust a corporate root.`,
        hints: upgradeCodexHints(),
      };
    case 'https-not-rustls':
      return {
        level: 'info',
        code: 'ENV_CODEX_HTTPS_NOT_RUSTLS',
        stage: 'input',
        detail: `Codex ${version} adds the bundle to the platform TLS library for HTTPS (login, API) but verifies WebSocket with rustls, so the two can disagree; ${CODEX_RELEASES.rustlsHttps} and later use rustls for both.`,
        hints: upgradeCodexHints(),
      };
    case 'current':
      return { level: 'info', code: 'ENV_CODEX_VERSION', stage: 'input', detail: `Codex ${version} is installed.` };
  }
}
