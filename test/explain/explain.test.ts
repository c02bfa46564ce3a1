// `codex-doctor explain`: every Codex error text of shared/codex-behavior.md (old and new releases) maps to
// its candidate causes; in a lab scenario, explain answers with that scenario's cause; unknown text gets an
// honest "not a Codex network error I know" and the full runbook.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, RUNBOOK } from '../../src/checks/index.js';
import { isErrorCode } from '../../src/core/codes.js';
import { planChecks } from '../../src/core/runner.js';
import { explain, type ExplainResult } from '../../src/explain/explain.js';
import { recognise, RECOGNISERS } from '../../src/explain/recognisers.js';
import { startScenario } from '../../src/lab/host.js';
import { loadScenarios } from '../../src/lab/scenario.js';
import { renderExplainJson, renderExplainText } from '../../src/render/explain.js';
import { CLI, cleanEnv } from '../helpers/cli.js';
import { doctorFlags } from '../helpers/io.js';

/** Every error text of the specification, as Codex prints it, with the recogniser and one cause it must offer. */
const SPEC_TEXTS: Array<[text: string, recogniser: string, cause: string]> = [
  // §3 the CA load stages
  ['Failed to read CA certificate file /home/u/corp.pem selected by CODEX_CA_CERTIFICATE: No such file or directory (os error 2). If you set CODEX_CA_CERTIFICATE or SSL_CERT_FILE, ensure it points to a PEM file containing one or more CERTIFICATE blocks, or unset it to use system roots.', 'ca-read', 'CA_FILE_NOT_FOUND'],
  ['Failed to load CA certificates from /home/u/corp.cer selected by CODEX_CA_CERTIFICATE: no certificates found in PEM file. If you set CODEX_CA_CERTIFICATE or SSL_CERT_FILE, ensure it points to a PEM file containing one or more CERTIFICATE blocks, or unset it to use system roots.', 'ca-parse', 'CA_FORMAT_DER'],
  ['failed to extract certificate data from TRUSTED CERTIFICATE: invalid DER length', 'ca-parse', 'CA_TRUSTED_DER_LENGTH'],
  ['Failed to parse certificate #2 from /etc/corp.pem selected by SSL_CERT_FILE: invalid certificate encoding', 'ca-register', 'CA_REGISTER_FAILED'],
  ['Failed to build HTTP client while using CA bundle from CODEX_CA_CERTIFICATE (/home/u/corp.pem): builder error', 'ca-register', 'CA_REGISTER_FAILED'],
  ['failed to build client after loading custom CA bundle', 'ca-register', 'CA_REGISTER_FAILED'],
  ['Failed to register certificate #1 from /home/u/corp.pem selected by CODEX_CA_CERTIFICATE in rustls root store: BadDer', 'ca-register', 'CA_REGISTER_FAILED'],
  ['failed to configure websocket TLS: no certificates found in PEM file', 'websocket-tls-config', 'CA_NO_CERTIFICATES'],
  // §4 rustls names
  ['invalid peer certificate: UnknownIssuer', 'rustls-unknown-issuer', 'TLS_UNKNOWN_ISSUER'],
  ['invalid peer certificate: BadSignature', 'rustls-bad-signature', 'TLS_BAD_SIGNATURE'],
  ['invalid peer certificate: UnsupportedSignatureAlgorithm', 'rustls-bad-signature', 'TLS_WEAK_KEY'],
  ['invalid peer certificate: Expired', 'rustls-expired', 'TLS_EXPIRED'],
  ['invalid peer certificate: NotValidForName', 'rustls-name', 'TLS_NOT_VALID_FOR_NAME'],
  ['invalid peer certificate: CaUsedAsEndEntity', 'rustls-other', 'TLS_CA_AS_END_ENTITY'],
  // §5 proxies
  ['Proxy URL scheme not supported', 'proxy-scheme', 'PROXY_SCHEME_UNSUPPORTED'],
  ['HTTP CONNECT failed with status 407', 'connect-407', 'PROXY_AUTH_REQUIRED'],
  ['HTTP CONNECT failed with status 403', 'connect-refused-status', 'PROXY_BLOCKED'],
  ['Connection refused (os error 111)', 'connection-refused', 'PROXY_UNREACHABLE'],
  ['oauth token connection failed; retrying with system proxy', 'token-exchange', 'TLS_UNKNOWN_ISSUER'],
  // §6 login, model API, WebSocket
  ['Token exchange failed: error sending request for url (https://auth.openai.com/oauth/token)', 'token-exchange', 'PROXY_AUTH_REQUIRED'],
  ['token endpoint returned status 403: <html><title>Website blocked</title></html>', 'token-endpoint-status', 'OAUTH_BLOCK_PAGE'],
  ['Error logging in: error sending request for url (https://auth.openai.com/api/accounts/deviceauth/usercode)', 'device-flow', 'TLS_UNKNOWN_ISSUER'],
  ['Connection failed: error sending request', 'model-api-request', 'TLS_UNKNOWN_ISSUER'],
  ['Reconnecting... 5/5', 'websocket-fallback', 'WS_UPGRADE_REFUSED'],
  ['warning: Falling back from WebSockets to HTTPS transport. unexpected status 403 Forbidden', 'websocket-fallback', 'WS_UPGRADE_REFUSED'],
  ['Reconnecting... waiting for network', 'waiting-for-network', 'TLS_UNKNOWN_ISSUER'],
  ['unexpected status 403 Forbidden', 'upgrade-403', 'WS_UPGRADE_REFUSED'],
  ['unexpected status 426 Upgrade Required', 'upgrade-426', 'WS_UPGRADE_REFUSED'],
  // §7 config
  ['Codex is ignoring 2 unrecognized configuration settings. Check for typos or deprecated settings.', 'config-unknown-keys', 'CONFIG_UNKNOWN_KEY'],
  ['Model provider `corp` not found', 'provider-not-found', 'CONFIG_PROVIDER_NOT_FOUND'],
  // §10 Codex's own codex doctor
  ['TLS handshake or certificate validation failed', 'codex-doctor-tls', 'TLS_UNKNOWN_ISSUER'],
  ['request timed out', 'codex-doctor-timeout', 'PROXY_NO_RESPONSE'],
  ['connect failed', 'codex-doctor-connect', 'PROXY_UNREACHABLE'],
  ['proxy authentication required', 'connect-407', 'PROXY_AUTH_REQUIRED'],
  // §11 application network policy (Codex's own, not the proxy)
  ['destination denied by application network policy', 'application-network-policy', 'NET_CODEX_POLICY_DENIED'],
  ['application network permission was revoked', 'application-network-policy', 'NET_CODEX_POLICY_DENIED'],
];

describe('the recogniser table', () => {
  it.each(SPEC_TEXTS)('%s', (text, id, cause) => {
    const matched = recognise(text);
    expect(matched.map((r) => r.id)).toContain(id);
    const recogniser = RECOGNISERS.find((r) => r.id === id)!;
    expect(recogniser.causes).toContain(cause);
  });

  it('has only catalogue codes and known check ids, and every recogniser is exercised by a text above', () => {
    for (const r of RECOGNISERS) {
      for (const code of r.causes) expect(isErrorCode(code), `${r.id}: ${code}`).toBe(true);
      for (const id of r.checks) expect(CHECK_IDS, r.id).toContain(id);
      expect(SPEC_TEXTS.some(([, id]) => id === r.id), r.id).toBe(true);
    }
  });

  it('does not take the login text for a model API request, nor UnknownIssuer for another rustls name', () => {
    expect(recognise('Token exchange failed: error sending request for url (https://auth.openai.com/oauth/token)').map((r) => r.id)).toEqual(['token-exchange']);
    expect(recognise('invalid peer certificate: UnknownIssuer').map((r) => r.id)).toEqual(['rustls-unknown-issuer']);
  });

  it('recognises nothing in text that is not a Codex error', () => {
    expect(recognise('npm ERR! code E404')).toEqual([]);
    expect(recognise('')).toEqual([]);
  });
});

const scenarios = await loadScenarios();
const RUN_TIMEOUT_MS = 30_000;

/** A lab scenario, the text its user would paste, and the cause explain must name. */
const IN_THE_LAB: Array<[scenario: string, text: string, cause: string]> = [
  ['root-missing', 'Token exchange failed: error sending request for url (https://auth.openai.com/oauth/token)', 'TLS_UNKNOWN_ISSUER'],
  ['stale-ssl-cert-file', 'invalid peer certificate: UnknownIssuer', 'TLS_UNKNOWN_ISSUER'],
  ['proxy-auth-required', 'Token exchange failed: error sending request for url (https://auth.openai.com/oauth/token)', 'PROXY_AUTH_REQUIRED'],
  ['websocket-blocked', 'Reconnecting... 5/5', 'WS_UPGRADE_REFUSED'],
  ['https-proxy-url', 'Proxy URL scheme not supported', 'PROXY_SCHEME_UNSUPPORTED'],
  ['der-file', 'Failed to load CA certificates from /x selected by CODEX_CA_CERTIFICATE: no certificates found in PEM file', 'CA_FORMAT_DER'],
  ['auth-block-page', 'token endpoint returned status 403: <html>', 'OAUTH_BLOCK_PAGE'],
  ['fortigate-sha1', 'invalid peer certificate: BadSignature', 'TLS_BAD_SIGNATURE'],
  ['auth-blocked-at-connect', 'Error logging in: error sending request for url (https://auth.openai.com/api/accounts/deviceauth/usercode)', 'PROXY_BLOCKED'],
];

/** explain() run against a scenario's lab, which is stopped afterwards. */
async function explainIn(name: string, text: string): Promise<ExplainResult> {
  const running = await startScenario(scenarios.find((s) => s.name === name)!);
  try {
    return await explain({ host: running.host, flags: doctorFlags({ output: 'plain' }), text });
  } finally {
    await running.stop();
  }
}

describe('explain in a lab scenario', () => {
  it.each(IN_THE_LAB)('%s: "%s" is %s', { timeout: RUN_TIMEOUT_MS }, async (name, text, cause) => {
    const result = await explainIn(name, text);
    expect(result.verdict).toBe('cause-found');
    expect(result.answer?.code).toBe(cause);
    // Only the checks that tell the causes apart ran, plus what they need.
    const needed = new Set(planChecks(RUNBOOK, { only: result.checks }).keys());
    expect(result.report.checks.map((c) => c.id).filter((id) => !needed.has(id))).toEqual([]);
    expect(renderExplainText(result, { verbose: false })).toContain(`What applies here: ${cause}`);
    expect(JSON.parse(renderExplainJson(result)).answer.code).toBe(cause);
  });

  it('says the path works when none of the causes shows up', { timeout: RUN_TIMEOUT_MS }, async () => {
    const result = await explainIn('zscaler-healthy', 'invalid peer certificate: UnknownIssuer');
    expect(result.verdict).toBe('path-works');
    expect(result.report.checks.map((c) => c.id)).not.toContain('config.codex');
  });

  it('answers unknown text honestly and runs the full runbook', { timeout: RUN_TIMEOUT_MS }, async () => {
    const result = await explainIn('proxy-auth-required', 'segmentation fault (core dumped)');
    expect(result.verdict).toBe('not-recognised');
    expect(result.report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    const text = renderExplainText(result, { verbose: false });
    expect(text).toContain('Not a Codex network error I know');
    expect(text).toContain('PROXY_AUTH_REQUIRED');
  });
});

describe('explain on the command line', () => {
  it('reads the text from stdin and refuses an empty one', async () => {
    const run = (input: string) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'explain', '--only', 'config.codex'], { env: cleanEnv({ HOME: '/nonexistent' }) });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c));
        child.stderr.on('data', (c: Buffer) => (stderr += c));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(input);
      });
    // config.codex only: nothing leaves the machine.
    const known = await run('Model provider `corp` not found\n');
    expect(known.stdout).toContain('You pasted: "Model provider `corp` not found"');
    expect(known.stdout).toContain('Checks run to tell these apart: config.codex');
    const empty = await run('');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('explain needs the error text');
  });
});
