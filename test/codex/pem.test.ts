import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codexDerItemLength } from '../../src/codex/der.js';
import { decodeBase64, decodeBase64Exact, parseCodexPem, rustDebugBytes } from '../../src/codex/pem.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/bundles/${name}`, import.meta.url));
const RSA_ROOT = fixture('rsa-root.pem').toString('utf8');
const EC_ROOT = fixture('ecdsa-p384-root.pem').toString('utf8');
const RSA_DER = new X509Certificate(RSA_ROOT).raw;
const EC_DER = new X509Certificate(EC_ROOT).raw;
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

// A throwaway EC key in PKCS#8 form; its body must never reach any output.
const KEY_BODY = 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgVcB3xQZ2nqKmbpPt\nn6bYTLcP7PqszbVeNTK1T5mG0YihRANCAATc4NBk2p6o3qQ7pvj6fG8a4yqK0P5S\nVt5Iv9d7J2f1m3tH2XyC0m4yQ3qjH2oQ8R2hCq2h7QvGm0b6HkX9jR1A';
const PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----\n${KEY_BODY}\n-----END PRIVATE KEY-----\n`;

function pemBlock(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

describe('parseCodexPem: what loads', () => {
  it('reads one certificate to its exact DER', () => {
    const result = parseCodexPem(bytes(RSA_ROOT));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.certificates).toHaveLength(1);
    expect(Buffer.compare(result.certificates[0]!.der, RSA_DER)).toBe(0);
    expect(result.certificates[0]!.line).toBe(1);
  });

  it('reads several certificates in order, with CRLF line ends and text around them', () => {
    const text = `# corporate roots\r\n${RSA_ROOT}\r\nsome notes\r\n${EC_ROOT}`.replace(/(?<!\r)\n/g, '\r\n');
    const result = parseCodexPem(bytes(text));
    expect(result.ok && result.certificates.map((c) => Buffer.compare(c.der, c === result.certificates[0] ? RSA_DER : EC_DER))).toEqual([0, 0]);
  });

  // rustls-pki-types >= 1.10.1 (Codex pins 1.14) reads a last line without a newline (pki-types PR #66).
  it('reads a last END line that has no newline after it', () => {
    const result = parseCodexPem(bytes(RSA_ROOT.trimEnd()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.certificates.map((c) => [Buffer.compare(c.der, RSA_DER), c.line])).toEqual([[0, 1]]);
  });

  it('keeps the last certificate of a bundle without a final newline, LF or CRLF', () => {
    for (const text of [`${RSA_ROOT}${EC_ROOT.trimEnd()}`, `${RSA_ROOT}${EC_ROOT}`.replace(/\n/g, '\r\n').trimEnd()]) {
      const result = parseCodexPem(bytes(text));
      expect(result.ok && result.certificates.map((c) => Buffer.compare(c.der, c === result.certificates[0] ? RSA_DER : EC_DER))).toEqual([0, 0]);
      expect(result.ok && result.certificates.map((c) => c.line)).toEqual([1, RSA_ROOT.split('\n').length]);
    }
  });

  it('skips an unknown block whose END line is the last line without a newline', () => {
    const result = parseCodexPem(bytes(`${RSA_ROOT}-----BEGIN PKCS7-----\nAAAA\n-----END PKCS7-----`));
    expect(result.ok && result.counts).toMatchObject({ certificates: 1, otherLabels: { PKCS7: 1 } });
  });

  it('normalises TRUSTED CERTIFICATE blocks and cuts the X509_AUX trailer (counted)', () => {
    const result = parseCodexPem(fixture('trusted-certificate.pem'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.normalisedTrusted).toBe(true);
    expect(result.counts.trustedNormalised).toBe(1);
    expect(Buffer.compare(result.certificates[0]!.der, RSA_DER)).toBe(0);
  });

  it('applies the TRUSTED CERTIFICATE shim when the words appear anywhere, even in a comment', () => {
    const result = parseCodexPem(bytes(`not a TRUSTED CERTIFICATE\n${RSA_ROOT}`));
    expect(result.ok && result.normalisedTrusted && result.counts.trustedNormalised).toBe(0);
    expect(result.ok && result.certificates).toHaveLength(1);
  });

  it('skips a well-formed CRL and counts it', () => {
    const result = parseCodexPem(fixture('with-crl.pem'));
    expect(result.ok && result.counts.crls).toBe(1);
    expect(result.ok && result.certificates).toHaveLength(1);
  });

  it('skips keys, CSRs and unknown labels, counting them without keeping a key byte', () => {
    const text = `${PRIVATE_KEY}${RSA_ROOT}-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n`;
    const input = bytes(text);
    const result = parseCodexPem(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.counts).toMatchObject({ certificates: 1, privateKeys: 1, csrs: 1, otherLabels: { 'ENCRYPTED PRIVATE KEY': 1 } });
    const keyDer = Buffer.from(KEY_BODY.replace(/\n/g, ''), 'base64');
    const serialised = JSON.stringify({ ...result, certificates: result.certificates.map((c) => c.der.toString('base64')) });
    expect(serialised).not.toContain(KEY_BODY.slice(0, 40));
    expect(result.certificates.some((c) => c.der.includes(keyDer.subarray(30, 60)))).toBe(false);
  });

  it('counts BEGIN markers Codex never sees: indented, or behind a UTF-8 BOM', () => {
    const result = parseCodexPem(bytes(`\ufeff${RSA_ROOT}  ${EC_ROOT}${RSA_ROOT}`));
    expect(result.ok && result.certificates).toHaveLength(1);
    expect(result.ok && result.counts.ignoredBeginMarkers).toBe(2);
    expect(result.ok && result.counts.firstIgnoredBeginLine).toBe(1);
  });

  it('replaces invalid UTF-8 outside sections and still loads (lossy decoding)', () => {
    const result = parseCodexPem(Buffer.concat([Buffer.from([0xff, 0xfe, 0x0a]), bytes(RSA_ROOT)]));
    expect(result.ok && result.lossyUtf8).toBe(true);
    expect(result.ok && result.certificates).toHaveLength(1);
  });
});

describe('parseCodexPem: where each certificate block lies', () => {
  it('gives the bytes of each block, BEGIN line to END line end, which alone load that certificate', () => {
    const input = bytes(`# roots\n${RSA_ROOT}notes\n${EC_ROOT}`);
    const result = parseCodexPem(input, { normaliseTrusted: false });
    expect(result.ok && result.certificates.map((c) => c.block && input.subarray(c.block.start, c.block.end).toString('utf8'))).toEqual([RSA_ROOT, EC_ROOT]);
  });

  it('gives none when the reader worked on a converted copy, or base64 from before a repeated BEGIN belongs to it', () => {
    const lossy = parseCodexPem(Buffer.concat([Buffer.from([0xff, 0x0a]), bytes(RSA_ROOT)]));
    const trusted = parseCodexPem(fixture('trusted-certificate.pem'));
    const carried = parseCodexPem(bytes(`-----BEGIN CERTIFICATE-----\nAAAA\n${RSA_ROOT}`));
    for (const result of [lossy, trusted, carried]) expect(result.ok && result.certificates.map((c) => c.block)).toEqual([undefined]);
    // A repeated BEGIN with nothing carried over: the block is the second BEGIN's.
    const restarted = parseCodexPem(bytes(`-----BEGIN CERTIFICATE-----\n${RSA_ROOT}`));
    const start = '-----BEGIN CERTIFICATE-----\n'.length;
    expect(restarted.ok && restarted.certificates.map((c) => c.block)).toEqual([{ start, end: start + RSA_ROOT.length }]);
  });
});

describe('parseCodexPem: Codex failure details, verbatim', () => {
  it('empty and PEM-less input: "no certificates found in PEM file"', () => {
    for (const input of [bytes(''), bytes('hello\n'), RSA_DER, fixture('utf16le-bom.pem'), fixture('bundle.p7b'), bytes(PRIVATE_KEY)]) {
      const result = parseCodexPem(input);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.codexDetail).toBe('no certificates found in PEM file');
      expect(!result.ok && result.failure.kind).toBe('no-certificates');
    }
  });

  it('a BEGIN line not ending in exactly five dashes is an illegal section start (bytes as Rust debug-prints them)', () => {
    const line = '-----BEGIN CERTIFICATE----';
    const result = parseCodexPem(bytes(RSA_ROOT.replace('-----BEGIN CERTIFICATE-----', line)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toEqual({ kind: 'illegal-section-start', line: 1, text: line });
    expect(result.codexDetail).toBe(`failed to parse PEM file: illegal section start: ${rustDebugBytes(bytes(line))}`);
    expect(result.codexDetail.startsWith('failed to parse PEM file: illegal section start: [45, 45, 45, 45, 45, 66, 69, 71')).toBe(true);
  });

  it('end of file inside a section is a missing section end', () => {
    const cut = RSA_ROOT.slice(0, RSA_ROOT.indexOf('-----END'));
    const result = parseCodexPem(bytes(`${EC_ROOT}\n${cut}`));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toEqual({ kind: 'missing-section-end', label: 'CERTIFICATE', line: EC_ROOT.split('\n').length + 1 });
    expect(result.codexDetail).toBe(`failed to parse PEM file: missing section end marker: ${rustDebugBytes(bytes('-----END CERTIFICATE-----'))}`);
    expect(result.counts.certificates).toBe(1);
  });

  it('a last data line without a newline, and no END line: missing section end', () => {
    const cut = RSA_ROOT.slice(0, RSA_ROOT.indexOf('\n-----END'));
    const result = parseCodexPem(bytes(cut));
    expect(!result.ok && result.failure).toEqual({ kind: 'missing-section-end', label: 'CERTIFICATE', line: 1 });
    expect(!result.ok && result.codexDetail).toBe(`failed to parse PEM file: missing section end marker: ${rustDebugBytes(bytes('-----END CERTIFICATE-----'))}`);
  });

  it('a BEGIN line as the last line, without a newline: missing section end', () => {
    const result = parseCodexPem(bytes(`${RSA_ROOT}-----BEGIN CERTIFICATE-----`));
    expect(!result.ok && result.failure).toEqual({ kind: 'missing-section-end', label: 'CERTIFICATE', line: RSA_ROOT.split('\n').length });
  });

  it('a malformed BEGIN line as the last line, without a newline: illegal section start', () => {
    const result = parseCodexPem(bytes(`${RSA_ROOT}-----BEGIN CERTIFICATE----`));
    expect(!result.ok && result.failure).toEqual({ kind: 'illegal-section-start', line: RSA_ROOT.split('\n').length, text: '-----BEGIN CERTIFICATE----' });
  });

  it('invalid base64 in a certificate is fatal, with the offending byte', () => {
    const result = parseCodexPem(bytes(RSA_ROOT.replace('MIID', 'MI!D')));
    expect(!result.ok && result.codexDetail).toBe('failed to parse PEM file: base64 decode error: InvalidCharacter(33)');
    expect(!result.ok && result.failure).toEqual({ kind: 'base64', label: 'CERTIFICATE', line: 1, error: 'InvalidCharacter(33)' });
  });

  it('a malformed CRL fails the whole file although CRLs are skipped', () => {
    const text = fixture('with-crl.pem').toString('utf8');
    const crlStart = text.indexOf('-----BEGIN X509 CRL-----');
    const broken = `${text.slice(0, crlStart)}-----BEGIN X509 CRL-----\nnot*base64\n-----END X509 CRL-----\n`;
    const result = parseCodexPem(bytes(broken));
    const crlLine = text.slice(0, crlStart).split('\n').length;
    expect(!result.ok && result.failure).toEqual({ kind: 'base64', label: 'X509 CRL', line: crlLine, error: 'InvalidCharacter(42)' });
    expect(!result.ok && result.codexDetail).toBe('failed to parse PEM file: base64 decode error: InvalidCharacter(42)');
  });

  it('a broken private key fails the file too, and the failure carries no key material', () => {
    const result = parseCodexPem(bytes(`${RSA_ROOT}-----BEGIN PRIVATE KEY-----\n${KEY_BODY.slice(0, 50)}#\n-----END PRIVATE KEY-----\n`));
    expect(!result.ok && result.codexDetail).toBe('failed to parse PEM file: base64 decode error: InvalidCharacter(35)');
    expect(JSON.stringify(result)).not.toContain(KEY_BODY.slice(0, 20));
  });

  it('a TRUSTED CERTIFICATE with a bad DER length fails with Codex\'s own sentence', () => {
    const der = Buffer.from(RSA_DER);
    der[2] = 0x7f; // long-form length now claims far more bytes than there are
    const result = parseCodexPem(bytes(pemBlock('TRUSTED CERTIFICATE', der)));
    expect(!result.ok && result.codexDetail).toBe('failed to extract certificate data from TRUSTED CERTIFICATE: invalid DER length');
    expect(!result.ok && result.failure).toEqual({ kind: 'trusted-der-length', certificate: 1, line: 1 });
  });

  it('decodes padding exactly like rustls-pki-types', () => {
    expect(decodeBase64(bytes('qw=='))).toEqual(Buffer.from([0xab]));
    expect(decodeBase64(bytes('qw'))).toEqual(Buffer.from([0xab]));
    expect(decodeBase64(bytes('q w\n=\t='))).toEqual(Buffer.from([0xab]));
    expect(decodeBase64(bytes('q=w='))).toBe('InvalidTrailingPadding');
    expect(decodeBase64(bytes('qw==AAAA'))).toBe('PrematurePadding');
    expect(decodeBase64(bytes('qw==AAAAB'))).toBe('PrematurePadding');
    expect(decodeBase64(bytes('q'))).toBe('InvalidTrailingPadding');
    expect(decodeBase64(bytes('q-w'))).toBe('InvalidCharacter(45)');
  });

  it('agrees with Node on every canonical base64 string', () => {
    for (let n = 0; n < 70; n++) {
      const data = Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff));
      const encoded = data.toString('base64').replace(/.{64}/g, '$&\n');
      expect(decodeBase64(bytes(encoded))).toEqual(data);
    }
  });
});

describe('codexDerItemLength (custom_ca.rs der_item_length)', () => {
  it('measures short and long forms and rejects what runs past the input', () => {
    expect(codexDerItemLength(Buffer.from([0x30, 0x02, 1, 2, 9, 9]))).toBe(4);
    expect(codexDerItemLength(Buffer.from([0x30, 0x81, 0x01, 7, 9]))).toBe(4);
    expect(codexDerItemLength(Buffer.from([0x30, 0x80, 0, 0]))).toBeNull();
    expect(codexDerItemLength(Buffer.from([0x30, 0x05, 1]))).toBeNull();
    expect(codexDerItemLength(Buffer.from([0x30]))).toBeNull();
    expect(codexDerItemLength(RSA_DER)).toBe(RSA_DER.length);
  });
});

describe('decodeBase64 fast path', () => {
  it('matches the exact port on canonical, padded, spaced and broken inputs', () => {
    const inputs = ['', 'qw', 'qw=', 'qw==', 'q', 'qwe', 'qwe=', 'AAAAqw==', 'AA AA\nqw =\t=', 'qw==AA', 'q=w=', 'A===', 'AAAAB', '=', '==', 'Zm9v\r\nYmFy', 'Zm9vYg', 'Zm9vYg=', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmE'];
    for (const text of inputs) expect([text, decodeBase64(bytes(text))]).toEqual([text, decodeBase64Exact(bytes(text))]);
  });
});
