import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conversionHints, convertedPath, shellQuote, sniffBundleFormat } from '../../src/codex/bundle-format.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/bundles/${name}`, import.meta.url));
const RSA_PEM = fixture('rsa-root.pem');
const RSA_DER = new X509Certificate(RSA_PEM).raw;

describe('sniffBundleFormat', () => {
  it.each([
    ['PEM', RSA_PEM, { kind: 'pem' }],
    ['an empty file', Buffer.alloc(0), { kind: 'empty' }],
    ['DER certificate', RSA_DER, { kind: 'der-certificate' }],
    ['DER CRL', fixture('root-crl.der'), { kind: 'der-crl' }],
    ['PEM PKCS#7', fixture('bundle.p7b'), { kind: 'pkcs7', encoding: 'pem' }],
    ['DER PKCS#7', fixture('bundle-der.p7b'), { kind: 'pkcs7', encoding: 'der' }],
    ['PKCS#12', fixture('bundle.p12'), { kind: 'pkcs12' }],
    ['UTF-16LE with BOM', fixture('utf16le-bom.pem'), { kind: 'utf16', endian: 'le', bom: true }],
    ['UTF-16BE without BOM', Buffer.from(RSA_PEM.toString('latin1'), 'utf16le').swap16(), { kind: 'utf16', endian: 'be', bom: false }],
    ['UTF-16LE without BOM', Buffer.from(RSA_PEM.toString('latin1'), 'utf16le'), { kind: 'utf16', endian: 'le', bom: false }],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), RSA_PEM]), { kind: 'utf8-bom' }],
    ['bare base64 DER', Buffer.from(RSA_DER.toString('base64').replace(/.{76}/g, '$&\r\n')), { kind: 'base64-der' }],
    ['random binary', Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 131 + 7) & 0xff)), { kind: 'binary' }],
    ['plain text', Buffer.from('just some notes about certificates\n'), { kind: 'text' }],
  ])('recognises %s', (_name, bytes, expected) => {
    expect(sniffBundleFormat(bytes)).toEqual(expected);
  });
});

describe('conversion commands', () => {
  it('gives the exact OpenSSL command per format, writing next to the input', () => {
    const hint = (kind: Parameters<typeof conversionHints>[0]) => conversionHints(kind, '/etc/corp/root.cer', 'CODEX_CA_CERTIFICATE')?.map((h) => h.command);
    expect(hint({ kind: 'der-certificate' })).toEqual(['openssl x509 -inform der -in /etc/corp/root.cer -out /etc/corp/root.pem']);
    expect(hint({ kind: 'pkcs7', encoding: 'pem' })).toEqual(['openssl pkcs7 -print_certs -in /etc/corp/root.cer -out /etc/corp/root.pem']);
    expect(hint({ kind: 'pkcs7', encoding: 'der' })).toEqual(['openssl pkcs7 -inform der -print_certs -in /etc/corp/root.cer -out /etc/corp/root.pem']);
    expect(hint({ kind: 'pkcs12' })).toEqual(['openssl pkcs12 -in /etc/corp/root.cer -nokeys -out /etc/corp/root.pem']);
    expect(hint({ kind: 'utf16', endian: 'le', bom: true })).toEqual([
      'iconv -f UTF-16 -t UTF-8 /etc/corp/root.cer > /etc/corp/root.pem',
      "Get-Content '/etc/corp/root.cer' | Set-Content -Encoding ascii '/etc/corp/root.pem'",
    ]);
    expect(hint({ kind: 'utf8-bom' })).toEqual(['tail -c +4 /etc/corp/root.cer > /etc/corp/root.pem']);
    expect(hint({ kind: 'base64-der' })).toEqual(['base64 -d /etc/corp/root.cer | openssl x509 -inform der -out /etc/corp/root.pem']);
    expect(hint({ kind: 'text' })).toBeUndefined();
  });

  it('names the PKCS#12 -legacy fallback and the variable to repoint', () => {
    const [h] = conversionHints({ kind: 'pkcs12' }, 'corp.p12', 'SSL_CERT_FILE')!;
    expect(h.text).toContain('-legacy');
    expect(h.text).toContain('point SSL_CERT_FILE at corp.pem');
  });

  it('quotes paths for the shell and never overwrites the input', () => {
    expect(shellQuote("/home/ann/My Certs/it's.pem")).toBe(`'/home/ann/My Certs/it'\\''s.pem'`);
    expect(convertedPath('/x/corp.pem')).toBe('/x/corp.converted.pem');
    expect(convertedPath('/x/corp.P7B')).toBe('/x/corp.pem');
    expect(convertedPath('/x/corp')).toBe('/x/corp.pem');
  });
});
