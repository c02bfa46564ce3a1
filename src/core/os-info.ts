// The operating system by name and version, for a ticket: "linux" alone does not tell a
// helpdesk which CA store or which proxy settings apply. Read through the Host (files and programs), so that
// the lab and the tests give fixed values.
import type { Host } from './host.js';
import type { OsInfo } from './types.js';

/** os-release is a few hundred bytes; anything longer is not one. */
const MAX_OS_RELEASE_BYTES = 16 * 1024;
const OS_RELEASE_FILES = ['/etc/os-release', '/usr/lib/os-release'];
const SW_VERS_TIMEOUT_MS = 2000;
/** The first Windows 11 build: Windows 11 still reports itself as 10.0. */
const WINDOWS_11_BUILD = 22000;

/** The OS of a Host that reads its own files and programs (the real machine). */
export async function readOsInfo(host: Pick<Host, 'platform' | 'fs' | 'exec'>, release: string): Promise<OsInfo> {
  switch (host.platform) {
    case 'linux':
      for (const file of OS_RELEASE_FILES) {
        try {
          const { bytes } = await host.fs.readFile(file, MAX_OS_RELEASE_BYTES);
          const parsed = parseOsRelease(bytes.toString('utf8'));
          if (parsed) return parsed;
        } catch {
          // Not there (a minimal container): the next file, then the kernel.
        }
      }
      return { name: 'Linux', version: release };
    case 'darwin': {
      const result = await host.exec('sw_vers', [], { timeoutMs: SW_VERS_TIMEOUT_MS });
      return (result.code === 0 && parseSwVers(result.stdout)) || { name: 'macOS', version: '' };
    }
    case 'win32':
      return windowsName(release);
    default:
      return { name: host.platform, version: release };
  }
}

/** `PRETTY_NAME` (else `NAME`) and `VERSION_ID` of an os-release file. */
export function parseOsRelease(text: string): OsInfo | undefined {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) fields[match[1]!] = unquote(match[2]!);
  }
  const name = fields.PRETTY_NAME || fields.NAME;
  return name ? { name: oneLine(name), version: oneLine(fields.VERSION_ID ?? '') } : undefined;
}

/** `ProductName: macOS` / `ProductVersion: 15.1` / `BuildVersion: 24B83`. */
export function parseSwVers(text: string): OsInfo | undefined {
  const field = (name: string): string | undefined => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(text)?.[1]?.trim();
  const name = field('ProductName');
  if (!name) return undefined;
  const version = field('ProductVersion') ?? '';
  const build = field('BuildVersion');
  return { name: oneLine(name), version: oneLine(build ? `${version} (${build})` : version) };
}

/** `10.0.22631` -> Windows 11, build 22631. */
export function windowsName(release: string): OsInfo {
  const build = Number(release.split('.')[2]);
  const name = Number.isFinite(build) && release.startsWith('10.') ? (build >= WINDOWS_11_BUILD ? 'Windows 11' : 'Windows 10') : 'Windows';
  return { name, version: release };
}

function unquote(value: string): string {
  const match = /^(["'])(.*)\1$/.exec(value);
  return match ? match[2]!.replace(/\\(["\\$`])/g, '$1') : value;
}

/** One short line: a file or program controls this text. */
function oneLine(text: string): string {
  const flat = text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
  return flat.length > 120 ? flat.slice(0, 120) : flat;
}
