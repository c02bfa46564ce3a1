// The harness's readers of Codex's own words (texts as the real 0.169.0 binary printed them in the lab).
import { describe, expect, it } from 'vitest';
import { causeOf, httpsFailure, loginOutcome, parseAuthorizeUrl, webSocketFailure } from '../../conformance/observe.js';

describe('conformance: reading Codex', () => {
  it('finds the state and the loopback callback port in the authorize URL codex login prints', () => {
    const output =
      'Starting local login server on http://localhost:1455.\nIf your browser did not open, navigate to this URL to authenticate:\n\n' +
      'https://auth.openai.com/oauth/authorize?response_type=code&client_id=app_X&redirect_uri=http%3A%2F%2F127.0.0.1%3A1455%2Fauth%2Fcallback&scope=openid&state=abc_DEF-123\n';
    expect(parseAuthorizeUrl(output)).toEqual({ state: 'abc_DEF-123', callbackPort: 1455 });
    expect(parseAuthorizeUrl('Starting local login server on http://localhost:1455.\n')).toBeNull();
  });

  it('reads the token exchange: the lab origin JSON 400 works; another status or a transport error fails', () => {
    expect(loginOutcome('token endpoint returned status 400 Bad Request: Invalid authorization code')?.works).toBe(true);
    expect(loginOutcome('token endpoint returned status 403 Forbidden: <!DOCTYPE html>')).toMatchObject({ works: false });
    expect(loginOutcome('Token exchange failed: error sending request for url (https://auth.openai.com/oauth/token)')).toMatchObject({ works: false });
    expect(loginOutcome('Starting local login server on http://localhost:1455.')).toBeUndefined();
  });

  it('a bad bundle and a refused config are failures with their class', () => {
    expect(loginOutcome('Token exchange failed: Failed to load CA certificates from /x.cer selected by CODEX_CA_CERTIFICATE: no certificates found in PEM file')).toMatchObject({
      works: false,
      cause: 'bundle-load',
    });
    expect(webSocketFailure('Error loading config.toml:\n/x/config.toml:4:31: string values must be quoted')).toMatchObject({ works: false, cause: 'config' });
  });

  it('names the cause the WebSocket fallback line gives', () => {
    const fallback = (cause: string): string => `warning: Falling back from WebSockets to HTTPS transport. stream disconnected before completion: ${cause}`;
    expect(webSocketFailure(fallback('invalid peer certificate: UnknownIssuer'))?.cause).toBe('untrusted-chain');
    expect(webSocketFailure(fallback('invalid peer certificate: BadSignature'))?.cause).toBe('weak-chain');
    expect(webSocketFailure(fallback('invalid peer certificate: UnsupportedSignatureAlgorithm'))?.cause).toBe('weak-chain');
    expect(webSocketFailure(fallback('URL error: Proxy connection failed: HTTP CONNECT failed with status 407'))?.cause).toBe('proxy-auth');
    expect(webSocketFailure(fallback('Connection refused (os error 111)'))?.cause).toBe('refused-or-silent');
    expect(webSocketFailure(fallback('URL error: Proxy URL scheme not supported'))?.cause).toBe('proxy-scheme');
    expect(webSocketFailure(fallback('failed to configure websocket TLS: Failed to load CA certificates'))?.cause).toBe('bundle-load');
    expect(webSocketFailure('warning: Falling back from WebSockets to HTTPS transport. unexpected status 403 Forbidden: <!DOCTYPE html>')?.cause).toBe(
      'upgrade-refused',
    );
    expect(webSocketFailure('Reconnecting... 2/5')).toBeUndefined();
  });

  it('an HTTPS retry is a failure that names no cause', () => {
    expect(httpsFailure('Reconnecting... waiting for network')).toEqual({ works: false, evidence: 'Reconnecting... waiting for network' });
    expect(httpsFailure('user\nconformance probe\n')).toBeUndefined();
    expect(causeOf('error sending request for url (https://api.openai.com/v1/responses)')).toEqual({});
  });
});
