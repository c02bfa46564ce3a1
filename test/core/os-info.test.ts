// The OS by name and version for a ticket, from os-release, sw_vers or the Windows build.
import { describe, expect, it } from 'vitest';
import { parseOsRelease, parseSwVers, readOsInfo, windowsName } from '../../src/core/os-info.js';
import { testHost } from '../helpers/host.js';

describe('OS name and version', () => {
  it('reads PRETTY_NAME and VERSION_ID from os-release, quoted or not', () => {
    expect(parseOsRelease('NAME="Ubuntu"\nVERSION_ID="24.04"\nPRETTY_NAME="Ubuntu 24.04.1 LTS"\nID=ubuntu\n')).toEqual({ name: 'Ubuntu 24.04.1 LTS', version: '24.04' });
    expect(parseOsRelease("NAME=Fedora\nVERSION_ID=41\n")).toEqual({ name: 'Fedora', version: '41' });
    expect(parseOsRelease('ID=alpine\n')).toBeUndefined();
  });

  it('reads the product name, version and build from sw_vers', () => {
    expect(parseSwVers('ProductName:\t\tmacOS\nProductVersion:\t\t15.1\nBuildVersion:\t\t24B83\n')).toEqual({ name: 'macOS', version: '15.1 (24B83)' });
    expect(parseSwVers('')).toBeUndefined();
  });

  it('tells Windows 11 from Windows 10 by the build', () => {
    expect(windowsName('10.0.22631')).toEqual({ name: 'Windows 11', version: '10.0.22631' });
    expect(windowsName('10.0.19045')).toEqual({ name: 'Windows 10', version: '10.0.19045' });
  });

  it('reads a Linux host through its files, falling back to the kernel release', async () => {
    const withFile = testHost({ files: { '/usr/lib/os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nVERSION_ID="12"\n' } });
    expect(await readOsInfo(withFile, '6.1.0')).toEqual({ name: 'Debian GNU/Linux 12 (bookworm)', version: '12' });
    expect(await readOsInfo(testHost(), '6.1.0')).toEqual({ name: 'Linux', version: '6.1.0' });
  });

  it('runs sw_vers on macOS, and says macOS when it cannot', async () => {
    const mac = testHost({ platform: 'darwin', exec: (command) => (command === 'sw_vers' ? { code: 0, stdout: 'ProductName: macOS\nProductVersion: 14.6\n', stderr: '' } : { code: null, stdout: '', stderr: '' }) });
    expect(await readOsInfo(mac, '23.6.0')).toEqual({ name: 'macOS', version: '14.6' });
    expect(await readOsInfo(testHost({ platform: 'darwin' }), '23.6.0')).toEqual({ name: 'macOS', version: '' });
  });

  it('keeps a hostile os-release to one short line', () => {
    const parsed = parseOsRelease(`PRETTY_NAME="${'x'.repeat(5000)}\u001b[31m"\n`);
    expect(parsed!.name.length).toBeLessThanOrEqual(120);
    expect(parsed!.name).not.toContain('\u001b');
  });
});
