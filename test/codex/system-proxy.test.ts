import { describe, expect, it } from 'vitest';
import {
  normaliseProxyOverride,
  parseScutilProxy,
  parseWindowsInternetSettings,
  readSystemProxy,
  windowsHttpsProxy,
} from '../../src/codex/system-proxy.js';
import { testHost } from '../helpers/host.js';

// Recorded from `scutil --proxy` on macOS 14 with manual HTTP/HTTPS proxies, a bypass list and a PAC URL.
const SCUTIL_MANUAL = `<dictionary> {
  ExceptionsList : <array> {
    0 : *.local
    1 : 169.254/16
    2 : *.corp.example
  }
  FTPPassive : 1
  HTTPEnable : 1
  HTTPPort : 3128
  HTTPProxy : proxy.corp.example
  HTTPSEnable : 1
  HTTPSPort : 8443
  HTTPSProxy : secure-proxy.corp.example
  ProxyAutoConfigEnable : 1
  ProxyAutoConfigURLString : http://pac.corp.example/proxy.pac
}
`;

// HTTPS proxy configured but switched off, WPAD on.
const SCUTIL_DISABLED = `<dictionary> {
  ExceptionsList : <array> {
    0 : *.local
  }
  HTTPSEnable : 0
  HTTPSPort : 8443
  HTTPSProxy : secure-proxy.corp.example
  ProxyAutoDiscoveryEnable : 1
}
`;

// Recorded from `reg query "HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings"` (Windows 11).
const REG_PER_SCHEME = `
HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings
    CertificateRevocation    REG_DWORD    0x1
    DisableCachingOfSSLPages    REG_DWORD    0x0
    IE5_UA_Backup_Flag    REG_SZ    5.0
    User Agent    REG_SZ    Mozilla/4.0 (compatible; MSIE 8.0; Win32)
    ProxyEnable    REG_DWORD    0x1
    ProxyServer    REG_SZ    http=proxy.corp.example:8080;https=secure-proxy.corp.example:8443;ftp=ftp.corp.example:21
    ProxyOverride    REG_SZ    <local>;*.corp.example;198.*
    AutoConfigURL    REG_SZ    http://pac.corp.example/proxy.pac

HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\5.0
HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections
`;

const REG_DISABLED = `
HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings
    ProxyEnable    REG_DWORD    0x0
    ProxyServer    REG_SZ    proxy.corp.example:8080
    ProxyOverride    REG_SZ    <local>
`;

describe('parseScutilProxy (macOS)', () => {
  it('takes HTTPSProxy:HTTPSPort when HTTPSEnable is 1, and keeps the bypass list and PAC URL for the report', () => {
    expect(parseScutilProxy(SCUTIL_MANUAL)).toEqual({
      platform: 'darwin',
      command: 'scutil --proxy',
      error: null,
      https: 'secure-proxy.corp.example:8443',
      noProxy: null,
      exceptions: ['*.local', '169.254/16', '*.corp.example'],
      pac: 'http://pac.corp.example/proxy.pac',
    });
  });

  it('ignores a switched-off HTTPS proxy and names WPAD discovery', () => {
    expect(parseScutilProxy(SCUTIL_DISABLED)).toMatchObject({ https: null, exceptions: ['*.local'], pac: 'WPAD (automatic proxy discovery)' });
  });

  it('gives the bare host without HTTPSPort, and nothing for an empty dictionary', () => {
    expect(parseScutilProxy('<dictionary> {\n  HTTPSEnable : 1\n  HTTPSProxy : p.corp\n}\n').https).toBe('p.corp');
    expect(parseScutilProxy('<dictionary> {\n}\n')).toMatchObject({ https: null, pac: null, exceptions: [] });
  });
});

describe('parseWindowsInternetSettings (Windows)', () => {
  it('reads the https= entry of a per-scheme ProxyServer and turns ProxyOverride into a NO_PROXY list', () => {
    expect(parseWindowsInternetSettings(REG_PER_SCHEME)).toEqual({
      platform: 'win32',
      command: 'reg query "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"',
      error: null,
      https: 'secure-proxy.corp.example:8443',
      noProxy: '<local>,corp.example,198.0.0.0/8',
      exceptions: [],
      pac: 'http://pac.corp.example/proxy.pac',
    });
  });

  it('uses nothing while ProxyEnable is 0', () => {
    expect(parseWindowsInternetSettings(REG_DISABLED)).toMatchObject({ https: null, noProxy: null });
  });

  it.each<[string, string | null]>([
    ['proxy.corp:8080', 'proxy.corp:8080'],
    ['http://proxy.corp:8080', 'http://proxy.corp:8080'],
    ['http=proxy.corp:8080', null],
    ['http=h:1;socks=s.corp:1080', 'socks5://s.corp:1080'],
    ['https=s:2;socks=socks://k:3', 's:2'],
    ['  https = s:2 ; ; ', 's:2'],
  ])('ProxyServer %s gives the https slot %s', (value, https) => {
    expect(windowsHttpsProxy(value)).toBe(https);
  });

  it('normalises ProxyOverride as hyper-util does', () => {
    expect(normaliseProxyOverride('*.corp.example; 198.51.*.*;203.0.113.*;<local>')).toBe('corp.example,198.51.0.0/16,203.0.113.0/24,<local>');
  });
});

describe('readSystemProxy', () => {
  it('runs scutil on macOS, reg on Windows, and nothing elsewhere', async () => {
    const calls: string[] = [];
    const exec = (command: string, args: string[]) => {
      calls.push([command, ...args].join(' '));
      return { code: 0, stdout: command === 'scutil' ? SCUTIL_MANUAL : REG_PER_SCHEME, stderr: '' };
    };
    expect((await readSystemProxy(testHost({ platform: 'darwin', exec })))?.https).toBe('secure-proxy.corp.example:8443');
    expect((await readSystemProxy(testHost({ platform: 'win32', exec })))?.https).toBe('secure-proxy.corp.example:8443');
    expect(await readSystemProxy(testHost({ platform: 'linux', exec }))).toBeNull();
    expect(calls).toEqual(['scutil --proxy', 'reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings']);
  });

  it('says why when the command fails', async () => {
    const missing = await readSystemProxy(testHost({ platform: 'darwin' }));
    expect(missing).toMatchObject({ error: 'scutil could not be run', https: null });
    const failing = await readSystemProxy(testHost({ platform: 'win32', exec: () => ({ code: 1, stdout: '', stderr: 'ERROR' }) }));
    expect(failing?.error).toBe('reg query "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings" exited with 1');
  });
});
