import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rootCertificates } from 'node:tls';
import {
  certificateNames,
  certificateSubject,
  findDuplicates,
  lintCertificate,
  readCertificate,
  registerVerdict,
  type CertificateFacts,
} from '../../src/codex/certificate.js';
import { mintCorporateCa, mintPublicPki } from '../../src/lab/pki.js';
import { TEST_NOW } from '../helpers/host.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/bundles/${name}`, import.meta.url), 'utf8');
const derOf = (pem: string): Buffer => new X509Certificate(pem).raw;

function facts(der: Buffer): CertificateFacts {
  const read = readCertificate(der);
  if (!read.ok) throw new Error(read.reason);
  return read.facts;
}

describe('readCertificate agrees with OpenSSL (X509Certificate)', () => {
  const pems: string[] = [];
  beforeAll(() => {
    const pki = mintPublicPki({ now: TEST_NOW });
    const corp = mintCorporateCa({ now: TEST_NOW, root: { signature: 'sha1', keyBits: 1024 } });
    pems.push(
      fixture('rsa-root.pem'),
      fixture('ecdsa-p384-root.pem'),
      fixture('v1-root.pem'),
      fixture('critical-extension-root.pem'),
      pki.root.pem,
      pki.intermediate.pem,
      pki.identityFor(['chatgpt.com', '127.0.0.1']).leaf.pem,
      corp.root.pem,
    );
  });

  it('on names, serial, fingerprint, dates and the CA flag', () => {
    for (const pem of pems) {
      const x509 = new X509Certificate(pem);
      const f = facts(x509.raw);
      expect(f.subject).toBe(x509.subject.split('\n').join(', '));
      expect(f.issuer).toBe(x509.issuer.split('\n').join(', '));
      expect(f.serialNumber).toBe(x509.serialNumber);
      expect(f.fingerprint256).toBe(x509.fingerprint256);
      expect(f.notBefore.getTime()).toBe(new Date(x509.validFrom).getTime());
      expect(f.notAfter.getTime()).toBe(new Date(x509.validTo).getTime());
      expect(f.isCa).toBe(x509.ca);
      expect(f.hasSubjectAltName).toBe(x509.subjectAltName !== undefined);
      const details = x509.publicKey.asymmetricKeyDetails;
      if (x509.publicKey.asymmetricKeyType === 'rsa') expect(f.publicKey).toEqual({ type: 'rsa', bits: details?.modulusLength, curve: null });
    }
  });

  it('certificateSubject gives the subject certificateNames gives, for the lab and every root Node bundles', () => {
    for (const pem of [...pems, ...rootCertificates]) {
      const der = derOf(pem);
      expect(certificateSubject(der)).toBe(certificateNames(der)?.subject);
    }
    expect(certificateSubject(Buffer.from('not a certificate'))).toBeNull();
  });

  it('reads a malformed BMPString (an odd number of bytes) in a name instead of throwing', () => {
    const der = Buffer.from(derOf(fixture('rsa-root.pem')));
    // The first PrintableString or UTF8String of odd length in the names, re-tagged as a BMPString.
    const at = der.findIndex((tag, i) => (tag === 0x13 || tag === 0x0c) && i > 20 && der[i + 1]! % 2 === 1 && der[i + 1]! < 64 && /^[ -~]+$/.test(der.toString('latin1', i + 2, i + 2 + der[i + 1]!)));
    expect(at).toBeGreaterThan(0);
    der[at] = 0x1e;
    expect(() => certificateSubject(der)).not.toThrow();
    expect(() => certificateNames(der)).not.toThrow();
  });

  it('reads what Node cannot: signature algorithm, key curve, version, critical extensions, SAN and EKU', () => {
    expect(facts(derOf(fixture('ecdsa-p384-root.pem')))).toMatchObject({
      version: 3,
      publicKey: { type: 'ec', bits: 384, curve: 'P-384' },
      signature: { name: 'ecdsa-with-SHA384', hash: 'sha384' },
      basicConstraints: { ca: true, pathLength: null, critical: true },
      criticalExtensions: ['2.5.29.19', '2.5.29.15'],
      webpkiRejection: null,
    });
    expect(facts(derOf(fixture('v1-root.pem')))).toMatchObject({ version: 1, isCa: false, selfIssued: true, basicConstraints: null });
    const leaf = facts(derOf(pems[6]!));
    expect(leaf).toMatchObject({ isCa: false, hasSubjectAltName: true, selfIssued: false });
    expect(facts(derOf(pems[7]!)).signature).toEqual({ oid: '1.2.840.113549.1.1.5', name: 'sha1WithRSAEncryption', hash: 'sha1' });
    expect(facts(derOf(fixture('critical-extension-root.pem'))).webpkiRejection).toBe('Other(OtherError(UnsupportedCriticalExtension))');
  });
});

describe('what rustls does at registration', () => {
  it('accepts any parseable certificate as a root, whatever its dates, hash, key size or CA flag', () => {
    const weak = mintCorporateCa({ now: TEST_NOW, root: { signature: 'sha1', keyBits: 1024, validity: 'expired' }, intermediate: null });
    expect(registerVerdict(readCertificate(weak.root.der))).toEqual({ https: null, websocket: null });
    expect(registerVerdict(readCertificate(derOf(fixture('v1-root.pem'))))).toEqual({ https: null, websocket: null });
  });

  it('bytes after the certificate: OpenSSL parses it, then rustls (strict DER) refuses it for both transports', () => {
    const der = Buffer.concat([derOf(fixture('rsa-root.pem')), Buffer.from([0x05, 0x00])]);
    const read = readCertificate(der);
    expect(read.ok && read.facts.subject).toBe('O=codex-doctor fixtures, CN=Fixture RSA Root');
    expect(registerVerdict(read)).toEqual({
      https: { stage: 'build-client', error: 'builder error' },
      websocket: 'invalid peer certificate: BadEncoding',
    });
  });

  it('garbage fails both: OpenSSL parse for HTTPS, BadEncoding for WebSocket', () => {
    const read = readCertificate(Buffer.from('definitely not DER'));
    expect(read.ok).toBe(false);
    expect(registerVerdict(read)).toEqual({
      https: { stage: 'parse-certificate', error: 'builder error' },
      websocket: 'invalid peer certificate: BadEncoding',
    });
  });
});

describe('lints shared with the chain lint', () => {
  it('names each problem once, and the CA rule only when asked', () => {
    const corp = mintCorporateCa({ now: TEST_NOW, root: { signature: 'sha1', keyBits: 1024, validity: 'expired' }, intermediate: null });
    const root = facts(corp.root.der);
    expect(lintCertificate(root, TEST_NOW, { expectCa: true }).map((l) => l.kind)).toEqual(['expired', 'weak-signature', 'weak-rsa-key']);
    const leaf = facts(corp.identityFor('api.openai.com').leaf.der);
    expect(lintCertificate(leaf, TEST_NOW, { expectCa: true }).map((l) => l.kind)).toContain('not-ca');
    expect(lintCertificate(leaf, TEST_NOW, { expectCa: false }).map((l) => l.kind)).not.toContain('not-ca');
  });

  it('finds duplicates in one pass, by fingerprint', () => {
    expect(findDuplicates([{ fingerprint256: 'A' }, { fingerprint256: 'B' }, { fingerprint256: 'A' }, { fingerprint256: 'A' }])).toEqual([
      { fingerprint256: 'A', positions: [0, 2, 3] },
    ]);
  });
});
