import { describe, expect, it } from 'vitest';
import { Redactor, redactUrl } from '../../src/core/redact.js';

describe('redaction', () => {
  it('drops proxy passwords but keeps the user and host', () => {
    expect(redactUrl('http://alice:p%40ss@proxy.corp:8080/')).toBe('http://alice:[redacted]@proxy.corp:8080/');
    expect(new Redactor().text('via http://alice:pw@proxy:3128 now')).toBe('via http://alice:[redacted]@proxy:3128 now');
    expect(redactUrl('alice:pw@proxy:3128')).toBe('alice:[redacted]@proxy:3128');
    // A hint's placeholder stays readable.
    expect(new Redactor().text('export HTTPS_PROXY=http://USER:PASSWORD@proxy:3128')).toContain('USER:PASSWORD@');
  });

  it('removes the values of secret-named variables and decoded proxy passwords anywhere', () => {
    const r = Redactor.fromEnv({
      OPENAI_API_KEY: 'not-an-sk-shaped-key-123',
      https_proxy: 'http://bob:p%40ssw0rd@proxy:8080',
      CODEX_CA_CERTIFICATE: '/etc/corp.pem',
    });
    expect(r.text('key not-an-sk-shaped-key-123 and p@ssw0rd and p%40ssw0rd')).toBe('key [redacted] and [redacted] and [redacted]');
    // A CA path is not a secret even though the name contains CERT.
    expect(r.text('/etc/corp.pem')).toBe('/etc/corp.pem');
  });

  it('recognises keys, bearer tokens, JWTs and private key blocks by shape', () => {
    const r = new Redactor();
    expect(r.text('sk-proj-abcdefghijklmnop')).toBe('sk-[redacted]');
    expect(r.text('Authorization: Bearer abcdefghijklmnop')).toBe('Authorization: Bearer [redacted]');
    expect(r.text('Proxy-Authorization: Basic YWxpY2U6c2VjcmV0')).toBe('Proxy-Authorization: Basic [redacted]');
    expect(r.text('Codex sends them as Basic Proxy-Authorization.')).toBe('Codex sends them as Basic Proxy-Authorization.');
    expect(r.text('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnopqrstu')).toBe('[redacted-jwt]');
    expect(r.text('-----BEGIN RSA PRIVATE KEY-----\nMIIabc\n-----END RSA PRIVATE KEY-----')).toBe('[redacted RSA PRIVATE KEY]');
  });

  it('walks nested values', () => {
    const r = new Redactor(['topsecret']);
    expect(r.deep({ a: ['x topsecret y', 3, null], b: { c: 'topsecret' } })).toEqual({ a: ['x [redacted] y', 3, null], b: { c: '[redacted]' } });
  });
});
