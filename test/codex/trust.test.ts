import { describe, expect, it } from 'vitest';
import { trustPlan } from '../../src/codex/trust.js';

const HTTPS = 'HTTPS (login, token exchange, API, MCP over HTTP)';
const WS = 'WebSocket (Responses streaming, Realtime)';
const OS_STORE =
  "the OS store (/etc/ssl/certs/ca-certificates.crt or the distribution's equivalent, plus /etc/ssl/certs, /etc/pki/tls/certs, /etc/security/certificates)";
const OPENSSL = "OpenSSL and trusts the system CA file (/etc/ssl/certs/ca-certificates.crt or the distribution's equivalent)";

describe('trustPlan', () => {
  it.each<[string, Record<string, string>, string | null, { https: string; websocket: string; data: object }]>([
    [
      'no variable',
      {},
      null,
      {
        https: `${HTTPS} verifies with ${OPENSSL}.`,
        websocket: `${WS} verifies with rustls and trusts ${OS_STORE}; no Mozilla roots.`,
        data: { https: { verifier: 'openssl', bundle: null, mozilla: false, native: null }, websocket: { verifier: 'rustls', mozilla: false, native: { kind: 'platform' } } },
      },
    ],
    [
      'CODEX_CA_CERTIFICATE: the good setup',
      { CODEX_CA_CERTIFICATE: '/etc/corp.pem' },
      null,
      {
        https: `${HTTPS} verifies with rustls and trusts /etc/corp.pem (from CODEX_CA_CERTIFICATE) + the Mozilla roots built into Codex + ${OS_STORE}.`,
        websocket: `${WS} verifies with rustls and trusts ${OS_STORE} + /etc/corp.pem (from CODEX_CA_CERTIFICATE); no Mozilla roots.`,
        data: { https: { verifier: 'rustls', mozilla: true, native: { kind: 'platform' } } },
      },
    ],
    [
      'SSL_CERT_FILE: the OS store is replaced',
      { SSL_CERT_FILE: '/etc/corp-only.pem' },
      '0.130.0',
      {
        https: `${HTTPS} verifies with rustls and trusts /etc/corp-only.pem (from SSL_CERT_FILE) + the Mozilla roots built into Codex + only SSL_CERT_FILE=/etc/corp-only.pem in place of the OS store.`,
        websocket: `${WS} verifies with rustls and trusts only SSL_CERT_FILE=/etc/corp-only.pem in place of the OS store + /etc/corp-only.pem (from SSL_CERT_FILE); no Mozilla roots.`,
        data: { websocket: { native: { kind: 'replaced', loadsNothing: false } } },
      },
    ],
    [
      'SSL_CERT_FILE="": no bundle, and no OS roots for WebSocket',
      { SSL_CERT_FILE: '' },
      null,
      {
        https: `${HTTPS} verifies with ${OPENSSL}.`,
        websocket: `${WS} verifies with rustls and trusts no OS roots at all (SSL_CERT_FILE="" replaces the OS store with nothing); no Mozilla roots.`,
        data: { https: { bundle: null }, websocket: { bundle: null, native: { kind: 'replaced', loadsNothing: true } } },
      },
    ],
    [
      'a relative path, as Codex opens it',
      { CODEX_CA_CERTIFICATE: 'certs/corp.pem' },
      null,
      {
        https: `${HTTPS} verifies with rustls and trusts certs/corp.pem (from CODEX_CA_CERTIFICATE, opened as /work/certs/corp.pem) + the Mozilla roots built into Codex + ${OS_STORE}.`,
        websocket: `${WS} verifies with rustls and trusts ${OS_STORE} + certs/corp.pem (from CODEX_CA_CERTIFICATE, opened as /work/certs/corp.pem); no Mozilla roots.`,
        data: { https: { bundle: { variable: 'CODEX_CA_CERTIFICATE', raw: 'certs/corp.pem', path: '/work/certs/corp.pem' } } },
      },
    ],
    [
      'Codex 0.120: the bundle goes to the platform library for HTTPS',
      { CODEX_CA_CERTIFICATE: '/etc/corp.pem' },
      '0.120.0',
      {
        https: `${HTTPS} verifies with OpenSSL and trusts the system CA file (/etc/ssl/certs/ca-certificates.crt or the distribution's equivalent) + /etc/corp.pem (from CODEX_CA_CERTIFICATE); Codex 0.120.0 adds the bundle to the platform library (from 0.129.0 HTTPS uses rustls with the Mozilla roots).`,
        websocket: `${WS} verifies with rustls and trusts ${OS_STORE} + /etc/corp.pem (from CODEX_CA_CERTIFICATE); no Mozilla roots.`,
        data: { https: { verifier: 'openssl', mozilla: false, native: null } },
      },
    ],
    [
      'Codex 0.110: no CA variables at all',
      { CODEX_CA_CERTIFICATE: '/etc/corp.pem' },
      '0.110.0',
      {
        https: `${HTTPS} verifies with ${OPENSSL}.`,
        websocket: `${WS} verifies with rustls and trusts ${OS_STORE}; no Mozilla roots.`,
        data: { bundleSupported: false, https: { bundle: null }, websocket: { bundle: null } },
      },
    ],
  ])('%s', (_, env, codexVersion, expected) => {
    const plan = trustPlan(env, 'linux', { cwd: '/work', codexVersion });
    expect(plan.https.sentence).toBe(expected.https);
    expect(plan.websocket.sentence).toBe(expected.websocket);
    expect(plan).toMatchObject(expected.data);
  });

  it('names the platform library and store on macOS and Windows', () => {
    expect(trustPlan({}, 'darwin').https.sentence).toBe(`${HTTPS} verifies with macOS Security.framework and trusts the macOS keychain trust settings.`);
    expect(trustPlan({}, 'win32').websocket.sentence).toBe(
      `${WS} verifies with rustls and trusts the Windows current user's ROOT certificate store (server-auth, time-valid certificates); no Mozilla roots.`,
    );
  });

  it("uses the Host's system store in the lab", () => {
    const plan = trustPlan({}, 'linux', { systemStore: { files: ['/lab/roots.pem'], dirs: [] } });
    expect(plan.websocket.sentence).toBe(`${WS} verifies with rustls and trusts the system store (/lab/roots.pem); no Mozilla roots.`);
  });
});
