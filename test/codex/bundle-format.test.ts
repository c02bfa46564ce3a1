import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertedPath, shellQuote, sniffBundleFormat } from '../../src/codex/bundle-format.js';

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

describe('conversion paths', () => {
  it('quotes paths for the shell and never overwrites the input', () => {
    expect(shellQuote("/home/ann/My Certs/it's.pem")).toBe(`'/home/ann/My Certs/it'\\''s.pem'`);
    expect(convertedPath('/x/corp.pem')).toBe('/x/corp.converted.pem');
    expect(convertedPath('/x/corp.P7B')).toBe('/x/corp.pem');
    expect(convertedPath('/x/corp')).toBe('/x/corp.pem');
  });
});
