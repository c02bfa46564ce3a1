import forge from 'node-forge';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readPlatformStore } from '../../src/codex/platform-store.js';
import type { ExecResult } from '../../src/core/host.js';
import { KeyStore, mintCorporateCa, mintPublicPki, type MintedCert } from '../../src/lab/pki.js';
import { testHost } from '../helpers/host.js';

const SYSTEM = '/Library/Keychains/System.keychain';
const SYSTEM_ROOTS = '/System/Library/Keychains/SystemRootCertificates.keychain';
const LOGIN = '/Users/ann/Library/Keychains/login.keychain-db';
const now = new Date();

let publicRoot: MintedCert;
let corporateRoot: MintedCert;
let expiredRoot: MintedCert;
let clientAuthRoot: string;
beforeAll(() => {
  const keys = new KeyStore();
  publicRoot = mintPublicPki({ keys }).root;
  corporateRoot = mintCorporateCa({ keys }).root;
  expiredRoot = mintCorporateCa({ keys, root: { subject: { commonName: 'Old Corp Root' }, validity: 'expired' } }).root;
  clientAuthRoot = clientAuthOnlyRoot(keys);
});
afterEach(() => {
  vi.useRealTimers();
});

const ok = (stdout: string): ExecResult => ({ code: 0, stdout, stderr: '' });
const fingerprints = (ders: Buffer[]): string[] => ders.map((der) => der.toString('hex')).sort();
const hexOf = (cert: MintedCert | string): string => (typeof cert === 'string' ? pemHex(cert) : cert.der.toString('hex'));

describe('readPlatformStore: macOS keychains', () => {
  it('lists the System, SystemRootCertificates and login keychains with `security` and keeps every certificate once', async () => {
    const calls: string[][] = [];
    const outputs: Record<string, string> = { [SYSTEM]: corporateRoot.pem, [SYSTEM_ROOTS]: publicRoot.pem + corporateRoot.pem, [LOGIN]: '' };
    const host = testHost({
      platform: 'darwin',
      homeDir: '/Users/ann',
      files: { [LOGIN]: 'keychain' },
      exec: (command, args) => {
        calls.push([command, ...args]);
        return ok(outputs[args.at(-1) ?? ''] ?? '');
      },
    });
    const load = await readPlatformStore(host, 'darwin', { timeoutMs: 1000 });
    expect(calls).toEqual([
      ['security', 'find-certificate', '-a', '-p', SYSTEM],
      ['security', 'find-certificate', '-a', '-p', SYSTEM_ROOTS],
      ['security', 'find-certificate', '-a', '-p', LOGIN],
    ]);
    expect(load.status).toBe('read');
    expect(load.sources).toEqual([
      { name: SYSTEM, command: `security find-certificate -a -p ${SYSTEM}`, certificates: 1, error: null },
      { name: SYSTEM_ROOTS, command: `security find-certificate -a -p ${SYSTEM_ROOTS}`, certificates: 2, error: null },
      { name: LOGIN, command: `security find-certificate -a -p ${LOGIN}`, certificates: 0, error: null },
    ]);
    if (load.status !== 'read') throw new Error('unread');
    expect(fingerprints(load.certificates)).toEqual([hexOf(corporateRoot), hexOf(publicRoot)].sort());
    expect(load.nativeRoots).toEqual(load.certificates);
  });

  it('skips a login keychain that does not exist, and takes an empty keychain (exit 44) as read', async () => {
    const calls: string[] = [];
    const host = testHost({
      platform: 'darwin',
      homeDir: '/Users/ann',
      exec: (_command, args) => {
        calls.push(args.at(-1) ?? '');
        return args.at(-1) === SYSTEM
          ? { code: 44, stdout: '', stderr: 'security: SecKeychainSearchCopyNext: The specified item could not be found in the keychain.\n' }
          : ok(publicRoot.pem);
      },
    });
    const load = await readPlatformStore(host, 'darwin', { timeoutMs: 1000 });
    expect(calls).toEqual([SYSTEM, SYSTEM_ROOTS]);
    expect(load).toMatchObject({ status: 'read', sources: [{ name: SYSTEM, certificates: 0, error: null }, { name: SYSTEM_ROOTS, certificates: 1, error: null }] });
  });

  it('is unread when one keychain cannot be listed: the corporate root may be exactly there', async () => {
    const host = testHost({
      platform: 'darwin',
      exec: (_command, args) =>
        args.at(-1) === SYSTEM ? { code: 51, stdout: '', stderr: 'security: SecKeychainSearchCopyNext: Unable to open the keychain.\nmore\n' } : ok(publicRoot.pem),
    });
    const load = await readPlatformStore(host, 'darwin', { timeoutMs: 1000 });
    expect(load).toMatchObject({
      status: 'unread',
      reason: `${SYSTEM}: security exited with code 51: security: SecKeychainSearchCopyNext: Unable to open the keychain`,
    });
  });

  it('is unread when `security` cannot be run, or prints something that is not PEM', async () => {
    const missing = await readPlatformStore(testHost({ platform: 'darwin' }), 'darwin', { timeoutMs: 1000 });
    expect(missing).toMatchObject({ status: 'unread', reason: `${SYSTEM}: security could not be run or was stopped` });
    const garbled = await readPlatformStore(testHost({ platform: 'darwin', exec: () => ok('-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n') }), 'darwin', {
      timeoutMs: 1000,
    });
    expect(garbled.status).toBe('unread');
    expect(garbled.status === 'unread' && garbled.reason).toMatch(/^\/Library\/Keychains\/System\.keychain: security printed something that is not a list of PEM certificates \(/);
    const thrown = await readPlatformStore(testHost({ platform: 'darwin', exec: () => Promise.reject(new Error('spawn EPERM')) }), 'darwin', { timeoutMs: 1000 });
    expect(thrown).toMatchObject({ status: 'unread', reason: `${SYSTEM}: security could not be run (spawn EPERM)` });
  });

  it('stops waiting at the timeout even if `security` never answers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const load = readPlatformStore(testHost({ platform: 'darwin', exec: () => new Promise(() => undefined) }), 'darwin', { timeoutMs: 8000 });
    await vi.advanceTimersByTimeAsync(8000);
    expect(await load).toMatchObject({ status: 'unread', reason: `${SYSTEM}: security did not answer within 8000 ms` });
  });

  it('stops waiting when the run is aborted', async () => {
    const controller = new AbortController();
    const load = readPlatformStore(testHost({ platform: 'darwin', exec: () => new Promise(() => undefined) }), 'darwin', { timeoutMs: 60_000, signal: controller.signal });
    controller.abort();
    expect(await load).toMatchObject({ status: 'unread', reason: `${SYSTEM}: the run ended before security answered` });
  });
});

describe('readPlatformStore: the Windows ROOT store', () => {
  it("reads Cert:\\CurrentUser\\Root with PowerShell; native roots keep only time-valid, server-auth ones", async () => {
    const calls: string[][] = [];
    const stdout = [publicRoot.pem, corporateRoot.pem, expiredRoot.pem, clientAuthRoot].join('').replaceAll('\n', '\r\n');
    const host = testHost({
      platform: 'win32',
      now,
      exec: (command, args) => {
        calls.push([command, ...args]);
        return ok(stdout);
      },
    });
    const load = await readPlatformStore(host, 'win32', { timeoutMs: 1000 });
    expect(calls).toEqual([
      [
        'powershell',
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        "Get-ChildItem -Path Cert:\\CurrentUser\\Root | ForEach-Object { '-----BEGIN CERTIFICATE-----'; [Convert]::ToBase64String($_.RawData); '-----END CERTIFICATE-----' }",
      ],
    ]);
    if (load.status !== 'read') throw new Error(`unread: ${load.reason}`);
    expect(load.sources).toEqual([{ name: 'Cert:\\CurrentUser\\Root', command: 'Get-ChildItem Cert:\\CurrentUser\\Root', certificates: 4, error: null }]);
    expect(fingerprints(load.certificates)).toEqual([hexOf(publicRoot), hexOf(corporateRoot), hexOf(expiredRoot), hexOf(clientAuthRoot)].sort());
    expect(fingerprints(load.nativeRoots)).toEqual([hexOf(publicRoot), hexOf(corporateRoot)].sort());
  });

  it('takes an empty store as read and a failing PowerShell as unread', async () => {
    expect(await readPlatformStore(testHost({ platform: 'win32', exec: () => ok('\r\n') }), 'win32', { timeoutMs: 1000 })).toMatchObject({
      status: 'read',
      certificates: [],
    });
    const failing = testHost({ platform: 'win32', exec: () => ({ code: 1, stdout: '', stderr: 'Get-ChildItem : Access is denied\r\n' }) });
    expect(await readPlatformStore(failing, 'win32', { timeoutMs: 1000 })).toMatchObject({
      status: 'unread',
      reason: 'Cert:\\CurrentUser\\Root: powershell exited with code 1: Get-ChildItem : Access is denied',
    });
  });
});

function pemHex(pem: string): string {
  return Buffer.from(pem.replace(/-----[^-]+-----|\s+/g, ''), 'base64').toString('hex');
}

/** A self-signed CA whose extendedKeyUsage is clientAuth only: rustls-native-certs skips it on Windows. */
function clientAuthOnlyRoot(keys: KeyStore): string {
  const key = keys.get(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(key.publicKeyPem);
  cert.serialNumber = '4b02';
  cert.validity.notBefore = new Date(now.getTime() - 86_400_000);
  cert.validity.notAfter = new Date(now.getTime() + 86_400_000);
  const name = [{ shortName: 'CN', value: 'Client Auth Only Root' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'extKeyUsage', clientAuth: true },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(key.privateKeyPem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}
