import { describe, expect, it } from 'vitest';
import { AFTER_WEBSOCKET_FAILURE, codexPolicyText, unboundedRetriesNote, deviceLoginFailed, tokenExchangeFailed, unknownKeyLine, unknownKeysWarning } from '../../src/codex/codex-messages.js';

describe("Codex's own words, per release", () => {
  it('prefixes device-code login errors with "Error logging in:" from 0.169.0 (and when the release is unknown)', () => {
    const inner = 'error sending request for url (https://auth.openai.com/api/accounts/deviceauth/usercode)';
    expect(deviceLoginFailed(inner, '0.169.0')).toBe(`Error logging in: ${inner}`);
    expect(deviceLoginFailed(inner, null)).toBe(`Error logging in: ${inner}`);
    expect(deviceLoginFailed(inner, '0.144.1')).toBe(inner);
  });

  it('quotes the token exchange failure and the unknown-key warning as Codex prints them', () => {
    expect(tokenExchangeFailed('https://auth.openai.com/oauth/token')).toBe('Token exchange failed: error sending request for url (https://auth.openai.com/oauth/token)');
    expect(unknownKeysWarning(1)).toBe('Codex is ignoring 1 unrecognized configuration setting. Check for typos or deprecated settings.');
    expect(unknownKeysWarning(2)).toBe('Codex is ignoring 2 unrecognized configuration settings. Check for typos or deprecated settings.');
    expect(unknownKeyLine('user', '~/.codex/config.toml', 'features.respect_system_proxies')).toBe('user (~/.codex/config.toml): `features.respect_system_proxies` is ignored.');
  });

  it('says a CI run hangs (unbounded retries after the HTTPS fallback) from 0.169.0, and nothing before', () => {
    expect(unboundedRetriesNote('0.169.0')).toBe(
      'If model requests over HTTPS fail as well, Codex 0.169.0 retries them without end ("Reconnecting... waiting for network"): `codex exec` in CI then hangs until the job\'s timeout instead of exiting with an error, so look for a timed-out step, not a failed one.',
    );
    expect(unboundedRetriesNote(null)).toContain('Codex 0.169.0 retries them without end');
    expect(unboundedRetriesNote('0.150.0')).toBeNull();
    expect(AFTER_WEBSOCKET_FAILURE).toBe('Codex retries ("Reconnecting... n/5") and then falls back to HTTPS streaming ("warning: Falling back from WebSockets to HTTPS transport.").');
  });
});

describe("Codex's own network policy", () => {
  it('recognises the application network policy errors, whatever the case', () => {
    expect(codexPolicyText('stream error: Destination denied by application network policy')).toEqual({ source: 'application-policy', quote: 'destination denied by application network policy' });
    expect(codexPolicyText('application network permission was revoked')).toEqual({ source: 'application-policy', quote: 'application network permission was revoked' });
  });

  it('recognises the managed proxy answer and quotes one bounded line of it', () => {
    const found = codexPolicyText(`CODEX_NETWORK_POLICY_DECISION {}\nCodex blocked this request: domain denied by policy.${'x'.repeat(10_000)}`);
    expect(found?.source).toBe('managed-proxy');
    expect(found!.quote.startsWith('Codex blocked this request: domain denied by policy.')).toBe(true);
    expect(found!.quote.length).toBeLessThanOrEqual(200);
  });

  it('is null for a corporate block page', () => {
    expect(codexPolicyText('<title>Zscaler - Website blocked</title>')).toBeNull();
  });
});
