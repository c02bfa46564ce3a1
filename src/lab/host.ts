// The Host a scenario runs against: the scenario's environment only (never the developer's), HOME with the
// default CODEX_HOME (~/.codex), config.toml and CA files in the lab's temporary directory, the lab's public
// root standing in for the OS trust store and the Mozilla roots, and the lab's routing instead of DNS, so
// that nothing leaves loopback.

import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Host, HostFs, HostWriter } from '../core/host.js';
import { realFs, realWriter } from '../core/real-host.js';
import { toPem } from './pki.js';
import { fillPlaceholders, FIXTURES_DIR, ScenarioError, type ByHand, type PlaceholderValues, type Scenario, type ScenarioFile, type TextEncoding } from './scenario.js';
import { startLab, type Lab } from './world.js';

export interface RunningScenario {
  lab: Lab;
  host: Host;
  /** The scenario's [by_hand] with its placeholders filled. */
  byHand: ByHand;
  /** Stops the lab's servers and removes its directory (and everything the scenario wrote there). */
  stop(): Promise<void>;
}

/** Starts the scenario's lab services and prepares its Host; stops the lab again if preparing fails. */
export async function startScenario(scenario: Scenario): Promise<RunningScenario> {
  const lab = await startLab(scenario.lab);
  try {
    const host = await labHost(scenario, lab);
    return { lab, host, byHand: await filledByHand(scenario, lab, host.homeDir), stop: () => lab.stop() };
  } catch (error) {
    await lab.stop();
    throw error;
  }
}

/** Writes the scenario's files into the lab directory and returns the Host the doctor runs on. */
export async function labHost(scenario: Scenario, lab: Lab): Promise<Host> {
  const dir = lab.files.dir;
  const home = path.join(dir, 'home');
  const codexHome = path.join(home, '.codex');
  await mkdir(codexHome, { recursive: true });
  const values = await placeholderValues(lab, { dir, home, codexHome });
  const fill = (text: string, where: string): string => fillPlaceholders(text, values, `${path.basename(scenario.file)}: ${where}`);

  for (const [i, file] of scenario.files.entries()) {
    const target = path.resolve(dir, fill(file.path, `files[${i}].path`));
    if (!target.startsWith(dir + path.sep)) throw new ScenarioError(`${path.basename(scenario.file)}: files[${i}].path leaves the lab directory`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await fileBytes(file, lab, (text) => fill(text, `files[${i}].content`)));
  }
  if (scenario.configToml !== undefined) {
    await writeFile(path.join(codexHome, 'config.toml'), fill(scenario.configToml, 'config_toml'));
  }

  const env: Record<string, string> = { HOME: home };
  for (const [name, value] of Object.entries(scenario.env)) env[name] = fill(value, `env.${name}`);

  return {
    env,
    // The lab plays a Linux machine: the system store is a file, verified the way OpenSSL reads it.
    platform: process.platform === 'win32' ? 'win32' : 'linux',
    arch: process.arch,
    cwd: dir,
    homeDir: home,
    fs: confinedFs(dir),
    writer: confinedWriter(dir),
    now: () => new Date(),
    monotonic: () => performance.now(),
    dial: lab.dial,
    // Nothing leaves the machine: a destination the lab does not route is refused, never looked up.
    loopbackOnly: true,
    systemStore: { files: [lab.files.systemStore], dirs: [] },
    // The lab's public root plays the Mozilla roots compiled into Codex: Node's real roots never apply.
    publicRoots: [lab.pem.publicRoot],
    // There is no `codex` binary in the lab: the doctor plans for a current release.
    exec: async () => ({ code: null, stdout: '', stderr: '' }),
    lab: scenario.name,
    // The machine the lab plays, whatever runs it: a report from the lab is the same on every computer.
    osInfo: async () => LAB_OS,
  };
}

/** The operating system a lab report names. */
export const LAB_OS = { name: 'Ubuntu 24.04.1 LTS', version: '24.04' } as const;

/**
 * The real file system, seen only inside the lab directory: anything else (the developer's
 * /etc/codex/config.toml, /usr/local/share/ca-certificates, ...) does not exist for a lab run.
 */
export function confinedFs(root: string): HostFs {
  /** The absolute path, or null outside the lab (relative paths resolve against the lab, the Host's cwd). */
  const confine = (p: string): string | null => {
    const resolved = path.resolve(root, p);
    return resolved === root || resolved.startsWith(root + path.sep) ? resolved : null;
  };
  const missing = (syscall: string, p: string): NodeJS.ErrnoException =>
    Object.assign(new Error(`ENOENT: no such file or directory, ${syscall} '${p}'`), { code: 'ENOENT', errno: -2, syscall, path: p });
  return {
    async stat(p) {
      const inside = confine(p);
      return inside === null ? null : realFs.stat(inside);
    },
    async readFile(p, maxBytes) {
      const inside = confine(p);
      if (inside === null) throw missing('open', p);
      return realFs.readFile(inside, maxBytes);
    },
    async readdir(p) {
      const inside = confine(p);
      if (inside === null) throw missing('scandir', p);
      return realFs.readdir(inside);
    },
  };
}

/** Writes inside the lab directory only: a fix applied in the lab can never touch the developer's files. */
export function confinedWriter(root: string): HostWriter {
  const confine = (p: string): string => {
    const resolved = path.resolve(root, p);
    if (resolved === root || resolved.startsWith(root + path.sep)) return resolved;
    throw Object.assign(new Error(`EACCES: outside the lab directory, open '${p}'`), { code: 'EACCES', path: p });
  };
  return {
    writeFile: (p, bytes, options) => realWriter.writeFile(confine(p), bytes, options),
    removeFile: (p) => realWriter.removeFile(confine(p)),
    realPath: (p) => realWriter.realPath(confine(p)),
    writable: async (p) => {
      try {
        return await realWriter.writable(confine(p));
      } catch {
        return false;
      }
    },
  };
}

async function filledByHand(scenario: Scenario, lab: Lab, home: string): Promise<ByHand> {
  const given = scenario.byHand;
  if (!given) return {};
  const values = await placeholderValues(lab, { dir: lab.files.dir, home, codexHome: path.join(home, '.codex') });
  const fill = (text: string, where: string): string => fillPlaceholders(text, values, `${path.basename(scenario.file)}: by_hand.${where}`);
  return {
    ...(given.configToml !== undefined && { configToml: fill(given.configToml, 'config_toml') }),
    ...(given.outsideEnv && { outsideEnv: Object.fromEntries(Object.entries(given.outsideEnv).map(([name, value]) => [name, fill(value, `outside_env.${name}`)])) }),
  };
}

async function placeholderValues(lab: Lab, dirs: { dir: string; home: string; codexHome: string }): Promise<PlaceholderValues> {
  const proxyHostPort = lab.proxy ? `127.0.0.1:${lab.proxy.port}` : null;
  return {
    'lab.proxyUrl': lab.proxyUrl,
    'lab.proxyUrlWithCredentials': lab.proxyUrlWithCredentials,
    'lab.proxyHostPort': proxyHostPort,
    'lab.corporateRoot': lab.files.corporateRoot,
    'lab.corporateRootDer': lab.files.corporateRootDer,
    'lab.publicRoot': lab.files.publicRoot,
    'lab.systemStore': lab.files.systemStore,
    dir: dirs.dir,
    home: dirs.home,
    codexHome: dirs.codexHome,
    'pem.corporateRoot': lab.pem.corporateRoot,
    'pem.corporateRootTrusted': trustedCertificatePem(lab.pem.corporateRoot),
    'pem.corporateIntermediate': lab.pem.corporateIntermediate,
    'pem.publicRoot': lab.pem.publicRoot,
    'pem.crl': await fixtureCrl(),
  };
}

async function fileBytes(file: ScenarioFile, lab: Lab, fill: (text: string) => string): Promise<Buffer> {
  const { source } = file;
  switch (source.kind) {
    case 'content':
      return encode(fill(source.text), source.encoding);
    case 'der':
      return new X509Certificate(source.of === 'corporate-root' ? lab.pem.corporateRoot : lab.pem.publicRoot).raw;
    case 'fixture':
      try {
        return await readFile(path.join(FIXTURES_DIR, source.path));
      } catch (error) {
        throw new ScenarioError(`fixture ${source.path} cannot be read from ${FIXTURES_DIR}: ${(error as Error).message}`);
      }
  }
}

function encode(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-16le':
      // As PowerShell's `Out-File` writes it: a byte-order mark, then UTF-16LE.
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  }
}

/**
 * The certificate as `openssl x509 -trustout` writes it: its DER followed by OpenSSL's X509_AUX trailer
 * (trusted for serverAuth, with an alias), under the TRUSTED CERTIFICATE label.
 */
export function trustedCertificatePem(certificatePem: string): string {
  const certificate = new X509Certificate(certificatePem);
  const alias = /CN=([^\n,]+)/.exec(certificate.subject)?.[1] ?? 'corporate root';
  const serverAuth = der(0x06, Buffer.from('2b06010505070301', 'hex'));
  const aux = der(0x30, Buffer.concat([der(0x30, serverAuth), der(0x0c, Buffer.from(alias, 'utf8'))]));
  return toPem(Buffer.concat([certificate.raw, aux])).replaceAll('-----BEGIN CERTIFICATE-----', '-----BEGIN TRUSTED CERTIFICATE-----')
    .replaceAll('-----END CERTIFICATE-----', '-----END TRUSTED CERTIFICATE-----');
}

/** One DER element with a short- or long-form length. */
function der(tag: number, content: Buffer): Buffer {
  const length = content.length;
  const lengthBytes = length < 0x80 ? Buffer.from([length]) : length < 0x100 ? Buffer.from([0x81, length]) : Buffer.from([0x82, length >> 8, length & 0xff]);
  return Buffer.concat([Buffer.from([tag]), lengthBytes, content]);
}

/** A well-formed X509 CRL block (Codex skips CRLs; only their base64 must decode). */
async function fixtureCrl(): Promise<string | null> {
  const text = await readFile(path.join(FIXTURES_DIR, 'bundles', 'with-crl.pem'), 'utf8').catch(() => null);
  const block = text ? /-----BEGIN X509 CRL-----[\s\S]*?-----END X509 CRL-----\n?/.exec(text)?.[0] : undefined;
  return block ?? null;
}
