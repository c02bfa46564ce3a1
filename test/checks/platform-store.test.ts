// The network checks on macOS and Windows without CA variables: the corporate root lives in the OS store
// (MDM puts it in the System keychain / the ROOT store), which the doctor reads through `security` /
// PowerShell. The lab plays the network; a fake exec plays the OS's tools with recorded-style outputs.
import type { IncomingHttpHeaders } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { oauthTokenCheck } from '../../src/checks/oauth-token.js';
import { tlsAuthCheck } from '../../src/checks/tls-auth.js';
import { wsUpgradeCheck } from '../../src/checks/ws-upgrade.js';
import type { ExecResult } from '../../src/core/host.js';
import type { CheckRecord } from '../../src/core/types.js';
import type { Lab, LabSpec } from '../../src/lab/world.js';
import { labHost, runWithNeeds, viaProxy } from './network-lab.js';

const SYSTEM = '/Library/Keychains/System.keychain';
const SYSTEM_ROOTS = '/System/Library/Keychains/SystemRootCertificates.keychain';
const ZSCALER = 'C=US, O=Zscaler Inc., OU=Zscaler Inc., CN=Zscaler Root CA';

/** What the OS's tools answer: per keychain (macOS) or for the ROOT store (Windows). */
type StoreAnswers = (lab: Lab) => { darwin?: Record<string, ExecResult>; win32?: ExecResult };

const listed = (...pems: string[]): ExecResult => ({ code: 0, stdout: pems.join(''), stderr: '' });
const notFound: ExecResult = { code: null, stdout: '', stderr: '' };

interface PlatformRun {
  records: Map<string, CheckRecord>;
  calls: string[][];
  upgrades: IncomingHttpHeaders[];
  lab: Lab;
  codexHome: string;
}

async function onPlatform(
  platform: 'darwin' | 'win32',
  answers: StoreAnswers,
  options: { spec?: LabSpec; env?: (lab: Lab) => Record<string, string>; before?: (homeDir: string, lab: Lab) => Promise<void> } = {},
): Promise<PlatformRun> {
  const { lab, host, codexHome, stop } = await labHost(options.spec ?? { proxy: { mode: 'inspect' } }, options.env ?? ((l) => viaProxy(l.proxyUrl)));
  const calls: string[][] = [];
  const upgrades: IncomingHttpHeaders[] = [];
  lab.origin.events.on('upgrade', (event) => upgrades.push(event.headers));
  // A laptop, not the lab's Linux machine: the OS store is the keychains / ROOT store, not a file.
  host.platform = platform;
  delete host.systemStore;
  const recorded = answers(lab);
  host.exec = async (command, args) => {
    // Only the store's tools: `codex --version` and the system proxy settings are other checks' business.
    if (command === 'security' || command === 'powershell') calls.push([command, ...args]);
    if (command === 'security') return recorded.darwin?.[args.at(-1) ?? ''] ?? notFound;
    if (command === 'powershell') return recorded.win32 ?? notFound;
    return notFound;
  };
  try {
    await options.before?.(host.homeDir, lab);
    const records = await runWithNeeds([tlsAuthCheck, oauthTokenCheck, wsUpgradeCheck], host);
    return { records, calls, upgrades, lab, codexHome };
  } finally {
    await stop();
  }
}

const codes = (record: CheckRecord | undefined): string[] => record?.findings.map((f) => `${f.level} ${f.code}`) ?? [];
const inKeychain = (lab: Lab) => ({ darwin: { [SYSTEM]: listed(lab.pem.corporateRoot), [SYSTEM_ROOTS]: listed(lab.pem.publicRoot) } });
const notInKeychain = (lab: Lab) => ({ darwin: { [SYSTEM]: listed(), [SYSTEM_ROOTS]: listed(lab.pem.publicRoot) } });

describe('macOS: the corporate root in the System keychain (MDM), no CA variable', () => {
  it('passes login, token exchange and streaming, reading the keychains once for the whole run', async () => {
    const { records, calls, upgrades } = await onPlatform('darwin', inKeychain);
    const tls = records.get('tls.auth')!;
    expect(tls.status).toBe('pass');
    expect(codes(tls)).toEqual(['info NET_ROUTE', 'info TLS_INTERCEPTED', 'info TLS_CHAIN_VERIFIED', 'info TLS_CHAIN_VERIFIED', 'info TLS_CHAIN_VERIFIED']);
    expect(tls.findings[2]?.detail).toBe(
      'HTTPS (login, token exchange, API): trusted by macOS Security.framework (approximated with OpenSSL through Node), with the roots read from the macOS keychains (System, SystemRootCertificates, login).',
    );
    expect(tls.findings[3]?.detail).toBe(
      'WebSocket (Responses streaming): trusted by rustls (webpki rules, emulated by the doctor), with the roots read from the macOS keychains (System, SystemRootCertificates, login).',
    );
    expect(tls.evidence.find((e) => e.title === 'OS trust store: the macOS keychains (System, SystemRootCertificates, login)')?.lines).toEqual([
      `security find-certificate -a -p ${SYSTEM}: 1 certificates`,
      `security find-certificate -a -p ${SYSTEM_ROOTS}: 1 certificates`,
      'Approximation: every certificate in these keychains counts as a trusted root; Security.framework and rustls-native-certs also honour per-certificate trust settings (`security dump-trust-settings -d` lists the admin ones).',
    ]);
    expect(tls.data?.verdicts).toMatchObject({ https: { verifier: 'security-framework', ok: true, platformStore: 'read' }, websocket: { ok: true, platformStore: 'read' } });
    expect(records.get('oauth.token')?.status).toBe('pass');
    const ws = records.get('ws.upgrade')!;
    expect(ws.status).toBe('pass');
    expect(codes(ws)).toEqual(['info NET_ROUTE', 'info TLS_INTERCEPTED', 'info WS_UPGRADE_OK']);
    expect(upgrades).toHaveLength(1);
    expect(calls).toEqual([
      ['security', 'find-certificate', '-a', '-p', SYSTEM],
      ['security', 'find-certificate', '-a', '-p', SYSTEM_ROOTS],
    ]);
  });

  it("uses the login keychain too, as native roots next to another bundle (HTTPS with rustls)", async () => {
    const { records, calls } = await onPlatform(
      'darwin',
      (lab) => ({ darwin: { [SYSTEM]: listed(), [SYSTEM_ROOTS]: listed(lab.pem.publicRoot), [loginKeychain(lab)]: listed(lab.pem.corporateRoot) } }),
      {
        env: (lab) => ({ ...viaProxy(lab.proxyUrl), CODEX_CA_CERTIFICATE: lab.files.publicRoot }),
        before: async (homeDir) => {
          await mkdir(path.join(homeDir, 'Library', 'Keychains'), { recursive: true });
          await writeFile(path.join(homeDir, 'Library', 'Keychains', 'login.keychain-db'), 'keychain');
        },
      },
    );
    const tls = records.get('tls.auth')!;
    expect(tls.status).toBe('pass');
    expect(tls.data?.verdicts).toMatchObject({ https: { verifier: 'rustls', ok: true, platformStore: 'read' }, websocket: { ok: true, platformStore: 'read' } });
    expect(records.get('ws.upgrade')?.status).toBe('pass');
    expect(calls.map((c) => c.at(-1))).toEqual([SYSTEM, SYSTEM_ROOTS, expect.stringMatching(/\/home\/Library\/Keychains\/login\.keychain-db$/)]);
  });
});

describe('macOS: the corporate root in no keychain', () => {
  it('fails with UnknownIssuer and says to get the root from IT and point CODEX_CA_CERTIFICATE at it', async () => {
    const { records, codexHome, upgrades } = await onPlatform('darwin', notInKeychain);
    const tls = records.get('tls.auth')!;
    expect(tls.status).toBe('fail');
    expect(tls.error).toMatchObject({ code: 'TLS_UNKNOWN_ISSUER', stage: 'tls-verify' });
    expect(tls.error?.detail).toBe(
      'HTTPS (login, token exchange, API) verifies with macOS Security.framework (approximated with OpenSSL through Node), which rejects the chain (UNABLE_TO_GET_ISSUER_CERT_LOCALLY). webpki would say: "invalid peer certificate: UnknownIssuer". WebSocket fails the same way.',
    );
    expect(codexHome.endsWith('/home/.codex')).toBe(true);
    // Nothing to copy: the file exists only once IT hands the root over.
    expect(tls.findings.find((f) => f.level === 'fail')?.hints).toEqual([
      {
        text: `The issuer "${ZSCALER}" is in no file on disk (searched: ~/Downloads, ~/Desktop, ~/Documents, ~ for certificate files, the inspection products' own locations and the OS trust store) and not in the macOS keychains the doctor read. Get that root certificate in PEM form from your IT team (the inspection product's admin console exports it), save it as ~/.codex/corporate-root.pem and point CODEX_CA_CERTIFICATE at it: Codex adds it to the public and OS roots, for login and for streaming.`,
        action: { kind: 'it-request', topic: 'corporate-root' },
      },
    ]);
    expect(records.get('oauth.token')?.status).toBe('skip');
    expect(records.get('ws.upgrade')?.error).toMatchObject({ code: 'TLS_UNKNOWN_ISSUER', stage: 'tls-verify' });
    expect(upgrades).toHaveLength(0);
  });
});

describe('macOS: the keychains cannot be read', () => {
  it('warns (TLS_PLATFORM_STORE_UNREAD) with the command that checks the System keychain, instead of failing', async () => {
    const { records, codexHome, upgrades } = await onPlatform('darwin', (lab) => ({
      darwin: { [SYSTEM]: { code: 51, stdout: '', stderr: 'security: SecKeychainSearchCopyNext: Unable to open the keychain.\n' }, [SYSTEM_ROOTS]: listed(lab.pem.publicRoot) },
    }));
    const tls = records.get('tls.auth')!;
    expect(tls.status).toBe('warn');
    expect(codes(tls)).toEqual(['info NET_ROUTE', 'info TLS_INTERCEPTED', 'warn TLS_PLATFORM_STORE_UNREAD', 'warn TLS_PLATFORM_STORE_UNREAD']);
    expect(tls.findings[2]?.detail).toBe(
      `HTTPS (login, token exchange, API): the chain does not lead to a public root, and the doctor could not read the macOS keychains (System, SystemRootCertificates, login) (${SYSTEM}: security exited with code 51: security: SecKeychainSearchCopyNext: Unable to open the keychain), where Codex would also look for "${ZSCALER}". Not a verdict: Codex works if that root is there, and fails with UnknownIssuer if not. WebSocket is in the same position.`,
    );
    expect(codexHome.endsWith('/home/.codex')).toBe(true);
    expect(tls.findings[2]?.hints).toEqual([
      {
        text: 'The doctor could not read the macOS keychains. Check that the issuer "Zscaler Root CA" is in the System keychain: the command prints it as PEM, or says it could not be found (then Codex fails with UnknownIssuer).',
        command: "security find-certificate -a -c 'Zscaler Root CA' -p /Library/Keychains/System.keychain",
        action: { kind: 'manual', topic: 'export-os-root' },
      },
      {
        text: `The issuer "${ZSCALER}" is in no file on disk (searched: ~/Downloads, ~/Desktop, ~/Documents, ~ for certificate files, the inspection products' own locations and the OS trust store); if the command above does not find it either, it is missing. Get that root certificate in PEM form from your IT team (the inspection product's admin console exports it), save it as ~/.codex/corporate-root.pem and point CODEX_CA_CERTIFICATE at it: Codex adds it to the public and OS roots, for login and for streaming.`,
        action: { kind: 'it-request', topic: 'corporate-root' },
      },
    ]);
    expect(tls.summary).toMatch(/: intercepted by Zscaler; unknown \(OS store not read\) for HTTPS and WebSocket\. /);
    expect(tls.data?.verdicts).toMatchObject({ https: { ok: false, code: 'TLS_UNKNOWN_ISSUER', platformStore: 'unread' } });
    expect(tls.evidence.find((e) => e.title.startsWith('OS trust store:'))?.lines.at(-1)).toBe(
      `Not read: ${SYSTEM}: security exited with code 51: security: SecKeychainSearchCopyNext: Unable to open the keychain. The public roots stood in for it, so an issuer that is only in the OS store cannot be judged here.`,
    );

    // Nothing is sent over a connection the doctor could not verify as Codex would.
    const oauth = records.get('oauth.token')!;
    expect(oauth.status).toBe('warn');
    expect(codes(oauth)).toEqual(['warn TLS_PLATFORM_STORE_UNREAD']);
    expect(oauth.findings[0]?.detail).toMatch(/ The token request was not sent\.$/);
    const ws = records.get('ws.upgrade')!;
    expect(ws.status).toBe('warn');
    expect(codes(ws)).toEqual(['info NET_ROUTE', 'info TLS_INTERCEPTED', 'warn TLS_PLATFORM_STORE_UNREAD']);
    expect(ws.findings[2]?.detail).toMatch(/^WebSocket \(Responses streaming\): the chain does not lead to a public root, .* The upgrade was not attempted\.$/);
    expect(upgrades).toHaveLength(0);
  });

  it('warns the same way when `security` cannot be run at all', async () => {
    const { records } = await onPlatform('darwin', () => ({}));
    expect(records.get('tls.auth')?.status).toBe('warn');
    expect(records.get('tls.auth')?.findings[2]?.detail).toContain(`(${SYSTEM}: security could not be run or was stopped)`);
  });

  it('still passes a public, uninspected chain: the public roots stand in for the keychains', async () => {
    const { records } = await onPlatform('darwin', () => ({}), { spec: {}, env: () => ({}) });
    const tls = records.get('tls.auth')!;
    expect(tls.status).toBe('pass');
    expect(tls.findings[2]?.detail).toBe(
      'HTTPS (login, token exchange, API): trusted by macOS Security.framework (approximated with OpenSSL through Node), with the public roots standing in for the macOS keychains (System, SystemRootCertificates, login), which could not be read.',
    );
  });
});

describe('Windows: the ROOT store (Cert:\\CurrentUser\\Root)', () => {
  it('passes with the corporate root in the store', async () => {
    const { records, calls, upgrades } = await onPlatform('win32', (lab) => ({ win32: listed(lab.pem.publicRoot, lab.pem.corporateRoot) }));
    expect(records.get('tls.auth')?.status).toBe('pass');
    expect(records.get('tls.auth')?.findings[2]?.detail).toBe(
      'HTTPS (login, token exchange, API): trusted by Windows SChannel (approximated with OpenSSL through Node), with the roots read from the Windows ROOT store (Cert:\\CurrentUser\\Root).',
    );
    expect(records.get('oauth.token')?.status).toBe('pass');
    expect(records.get('ws.upgrade')?.status).toBe('pass');
    expect(upgrades).toHaveLength(1);
    expect(calls.map((c) => c[0])).toEqual(['powershell']);
  });

  it('fails without it, and says it is not in the store', async () => {
    const { records } = await onPlatform('win32', (lab) => ({ win32: listed(lab.pem.publicRoot) }));
    const tls = records.get('tls.auth')!;
    expect(tls.error).toMatchObject({ code: 'TLS_UNKNOWN_ISSUER', stage: 'tls-verify' });
    expect(tls.findings.find((f) => f.level === 'fail')?.hints?.[0]?.text).toMatch(
      new RegExp(`^The issuer "${ZSCALER}" is in no file on disk \\(searched: [^)]*\\) and not in the Windows ROOT store the doctor read\\. `),
    );
    expect(records.get('ws.upgrade')?.status).toBe('fail');
  });

  it('warns with the certutil command when PowerShell fails', async () => {
    const { records } = await onPlatform('win32', () => ({ win32: { code: 1, stdout: '', stderr: 'powershell : Access is denied\r\n' } }));
    const tls = records.get('tls.auth')!;
    expect(tls.status).toBe('warn');
    expect(tls.findings[2]).toMatchObject({ level: 'warn', code: 'TLS_PLATFORM_STORE_UNREAD' });
    expect(tls.findings[2]?.hints?.[0]).toEqual({
      text: 'The doctor could not read your Windows ROOT store. Check that the issuer "Zscaler Root CA" is there: certutil lists it, or finds nothing (then Codex fails with UnknownIssuer).',
      command: 'certutil -user -store Root "Zscaler Root CA"',
      action: { kind: 'manual', topic: 'export-os-root' },
    });
    expect(records.get('ws.upgrade')?.status).toBe('warn');
  });
});

describe('Linux', () => {
  it('never runs an OS tool: the store is files', async () => {
    const { host, stop } = await labHost({ proxy: { mode: 'inspect' } }, (l) => viaProxy(l.proxyUrl));
    const calls: string[] = [];
    host.exec = async (command) => {
      calls.push(command);
      return notFound;
    };
    try {
      const records = await runWithNeeds([tlsAuthCheck, wsUpgradeCheck], host);
      expect(records.get('tls.auth')?.error).toMatchObject({ code: 'TLS_UNKNOWN_ISSUER' });
      expect(records.get('tls.auth')?.data?.verdicts).toMatchObject({ https: { platformStore: null }, websocket: { platformStore: null } });
      expect(calls.filter((c) => c === 'security' || c === 'powershell')).toEqual([]);
    } finally {
      await stop();
    }
  });
});

function loginKeychain(lab: Lab): string {
  return path.join(lab.files.dir, 'home', 'Library', 'Keychains', 'login.keychain-db');
}
