import { describe, expect, it } from 'vitest';
import { isHashFileName, LINUX_ROOT_DIRS, LINUX_ROOT_FILES, nativeRootLocations, selectCaBundle } from '../../src/codex/ca-selection.js';

describe('selectCaBundle (custom_ca.rs configured_ca_bundle)', () => {
  it('CODEX_CA_CERTIFICATE wins over SSL_CERT_FILE; only the winner matters', () => {
    expect(selectCaBundle({ CODEX_CA_CERTIFICATE: '/corp.pem', SSL_CERT_FILE: '/broken.pem' }, '/work')).toEqual({
      kind: 'variable',
      variable: 'CODEX_CA_CERTIFICATE',
      raw: '/corp.pem',
      path: '/corp.pem',
    });
  });

  it('an empty value counts as unset', () => {
    expect(selectCaBundle({ CODEX_CA_CERTIFICATE: '', SSL_CERT_FILE: '/x.pem' }, '/work')).toMatchObject({ variable: 'SSL_CERT_FILE' });
    expect(selectCaBundle({ CODEX_CA_CERTIFICATE: '', SSL_CERT_FILE: '' }, '/work')).toEqual({ kind: 'system' });
    expect(selectCaBundle({}, '/work')).toEqual({ kind: 'system' });
  });

  it('keeps the value literally: no trimming, no quote removal, no ~ expansion; relative against cwd', () => {
    expect(selectCaBundle({ CODEX_CA_CERTIFICATE: ' /corp.pem ' }, '/work')).toMatchObject({ raw: ' /corp.pem ', path: '/work/ /corp.pem ' });
    expect(selectCaBundle({ CODEX_CA_CERTIFICATE: '"/corp.pem"' }, '/work')).toMatchObject({ path: '/work/"/corp.pem"' });
    expect(selectCaBundle({ CODEX_CA_CERTIFICATE: '~/corp.pem' }, '/work')).toMatchObject({ path: '/work/~/corp.pem' });
    expect(selectCaBundle({ SSL_CERT_FILE: '../certs/corp.pem' }, '/work/repo/')).toMatchObject({ path: '/work/repo/../certs/corp.pem' });
    expect(selectCaBundle({ SSL_CERT_FILE: 'C:\\certs\\corp.pem' }, 'C:\\Users\\ann', 'win32')).toMatchObject({ path: 'C:\\certs\\corp.pem' });
    expect(selectCaBundle({ SSL_CERT_FILE: 'corp.pem' }, 'C:\\Users\\ann', 'win32')).toMatchObject({ path: 'C:\\Users\\ann\\corp.pem' });
  });
});

describe('nativeRootLocations (rustls-native-certs 0.8)', () => {
  it('SSL_CERT_FILE or SSL_CERT_DIR set, even empty, replaces the platform store', () => {
    expect(nativeRootLocations({ SSL_CERT_FILE: '' }, 'linux')).toEqual({ kind: 'env', file: { raw: '', path: '' }, dirs: [], replacedBy: ['SSL_CERT_FILE'] });
    expect(nativeRootLocations({ SSL_CERT_DIR: '/a:/b' }, 'darwin')).toEqual({
      kind: 'env',
      file: null,
      dirs: [
        { raw: '/a', path: '/a' },
        { raw: '/b', path: '/b' },
      ],
      replacedBy: ['SSL_CERT_DIR'],
    });
    expect(nativeRootLocations({ SSL_CERT_FILE: 'corp.pem', SSL_CERT_DIR: '' }, 'linux', undefined, '/work')).toMatchObject({
      file: { raw: 'corp.pem', path: '/work/corp.pem' },
      replacedBy: ['SSL_CERT_FILE', 'SSL_CERT_DIR'],
    });
  });

  it('Linux: the openssl-probe files (first existing wins) and directories; the lab overrides them', () => {
    expect(nativeRootLocations({}, 'linux')).toEqual({ kind: 'files', fileCandidates: [...LINUX_ROOT_FILES], dirs: [...LINUX_ROOT_DIRS], overridden: false });
    expect(LINUX_ROOT_FILES[0]).toBe('/etc/ssl/certs/ca-certificates.crt');
    expect(nativeRootLocations({}, 'linux', { files: ['/lab/roots.pem'], dirs: [] })).toEqual({
      kind: 'files',
      fileCandidates: ['/lab/roots.pem'],
      dirs: [],
      overridden: true,
    });
    // The variables still beat the lab's store, as they beat the OS's.
    expect(nativeRootLocations({ SSL_CERT_FILE: '/x.pem' }, 'linux', { files: ['/lab/roots.pem'], dirs: [] }).kind).toBe('env');
  });

  it('macOS and Windows: the OS store, described', () => {
    expect(nativeRootLocations({}, 'darwin')).toMatchObject({ kind: 'platform-store', platform: 'darwin' });
    expect(nativeRootLocations({}, 'win32')).toMatchObject({ kind: 'platform-store', platform: 'win32' });
  });

  it('reads only c_rehash names from a directory', () => {
    expect(['f3377b1b.0', 'ABCDEF00.9'].map(isHashFileName)).toEqual([true, true]);
    expect(['f3377b1b.a', '0123457.2', '89abcdef0.3', 'name.pem', 'f3377b1b.10'].map(isHashFileName)).toEqual([false, false, false, false, false]);
  });
});
