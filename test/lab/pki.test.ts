import { createPrivateKey, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { KeyStore, mintCorporateCa, mintPublicPki, type MintedCert } from '../../src/lab/pki.js';

const x509 = (cert: MintedCert): X509Certificate => new X509Certificate(cert.der);

/** The outer signatureAlgorithm OID of a certificate, read from its DER. */
function signatureOid(cert: MintedCert): string {
  const outer = forge.asn1.fromDer(cert.der.toString('binary'));
  const algorithm = (outer.value as forge.asn1.Asn1[])[1]?.value as forge.asn1.Asn1[];
  return forge.asn1.derToOid(algorithm[0]?.value as string);
}

const SHA256_RSA = '1.2.840.113549.1.1.11';
const SHA1_RSA = '1.2.840.113549.1.1.5';

describe('public PKI', () => {
  const pki = mintPublicPki();
  const identity = pki.identityFor(['auth.openai.com']);

  it('mints root -> intermediate -> leaf that verifies link by link', () => {
    const [leaf, intermediate] = identity.chain.map(x509);
    const root = x509(pki.root);
    expect(identity.chain).toHaveLength(2);
    expect(leaf?.subject).toBe('CN=auth.openai.com');
    expect(leaf?.subjectAltName).toBe('DNS:auth.openai.com');
    expect(leaf?.checkHost('auth.openai.com')).toBe('auth.openai.com');
    expect(leaf?.ca).toBe(false);
    expect(intermediate?.ca).toBe(true);
    expect(root.ca).toBe(true);
    expect(leaf?.checkIssued(intermediate!)).toBe(true);
    expect(leaf?.verify(intermediate!.publicKey)).toBe(true);
    expect(intermediate?.checkIssued(root)).toBe(true);
    expect(intermediate?.verify(root.publicKey)).toBe(true);
    expect(root.verify(root.publicKey)).toBe(true);
    expect(signatureOid(identity.leaf)).toBe(SHA256_RSA);
    expect(identity.certPem).toBe(identity.chain[0]!.pem + identity.chain[1]!.pem);
    expect(x509(identity.leaf).checkPrivateKey(createPrivateKey(identity.keyPem))).toBe(true);
  });

  it('lists every hostname in the SAN and caches identities', () => {
    const multi = pki.identityFor(['api.openai.com', 'chatgpt.com']);
    expect(x509(multi.leaf).subjectAltName).toBe('DNS:api.openai.com, DNS:chatgpt.com');
    expect(pki.identityFor(['api.openai.com', 'chatgpt.com'])).toBe(multi);
  });

  it('mints the leaf faults: no SAN, leaf only, expired, not yet valid', () => {
    const noSan = pki.identityFor(['chatgpt.com'], { san: false });
    expect(x509(noSan.leaf).subjectAltName).toBeUndefined();
    expect(pki.identityFor(['chatgpt.com'], { sendIntermediate: false }).chain).toHaveLength(1);
    const now = Date.now();
    const expired = x509(pki.identityFor(['chatgpt.com'], { validity: 'expired' }).leaf);
    expect(new Date(expired.validTo).getTime()).toBeLessThan(now);
    const future = x509(pki.identityFor(['chatgpt.com'], { validity: 'not-yet-valid' }).leaf);
    expect(new Date(future.validFrom).getTime()).toBeGreaterThan(now);
  });
});

describe('corporate inspection CA', () => {
  it('is named like Zscaler and re-signs any SNI through its intermediate, cached per name', () => {
    const corp = mintCorporateCa();
    const identity = corp.identityFor('API.openai.com');
    expect(x509(corp.root).subject).toBe('C=US\nO=Zscaler Inc.\nOU=Zscaler Inc.\nCN=Zscaler Root CA');
    expect(x509(identity.leaf).issuer).toContain('CN=Zscaler Intermediate Root CA (zscaler.net)');
    expect(x509(identity.leaf).subjectAltName).toBe('DNS:api.openai.com');
    expect(x509(identity.leaf).checkIssued(x509(corp.intermediate!))).toBe(true);
    expect(x509(corp.intermediate!).verify(x509(corp.root).publicKey)).toBe(true);
    expect(corp.identityFor('api.openai.com')).toBe(identity);
  });

  it('signs with SHA-1 and a 1024-bit key when asked, which Node still verifies', () => {
    const corp = mintCorporateCa({ root: { signature: 'sha1', keyBits: 1024 }, intermediate: null });
    const leaf = corp.identityFor('auth.openai.com').leaf;
    expect(signatureOid(leaf)).toBe(SHA1_RSA);
    expect(signatureOid(corp.root)).toBe(SHA1_RSA);
    expect(x509(corp.root).publicKey.asymmetricKeyDetails?.modulusLength).toBe(1024);
    expect(x509(leaf).verify(x509(corp.root).publicKey)).toBe(true);
    expect(corp.intermediate).toBeNull();
  });

  it('mints an expired CA and a CA without basicConstraints', () => {
    const expired = mintCorporateCa({ root: { validity: 'expired' }, intermediate: null });
    expect(new Date(x509(expired.root).validTo).getTime()).toBeLessThan(Date.now());
    const noConstraints = mintCorporateCa({ root: { basicConstraints: false }, intermediate: null });
    // X509Certificate.ca reads basicConstraints: absent means "not a CA".
    expect(x509(noConstraints.root).ca).toBe(false);
    expect(x509(mintCorporateCa({ intermediate: null }).root).ca).toBe(true);
  });

  it('takes any subject, e.g. a FortiGate', () => {
    const corp = mintCorporateCa({ root: { subject: { commonName: 'FortiGate CA', organization: 'Fortinet' } } });
    expect(x509(corp.root).subject).toBe('O=Fortinet\nCN=FortiGate CA');
  });
});

describe('keys', () => {
  const spki = (cert: MintedCert): string => x509(cert).publicKey.export({ type: 'spki', format: 'pem' }).toString();

  it('one RSA key per size signs and carries every certificate of a lab, a 1024-bit fault gets its own', async () => {
    const keys = new KeyStore();
    await keys.prepare([2048, 1024]);
    const shared = keys.get(2048).publicKeyPem;
    const pki = mintPublicPki({ keys });
    const corporate = mintCorporateCa({ keys });
    const weak = mintCorporateCa({ keys, root: { keyBits: 1024 }, intermediate: null });
    const certs = [pki.root, pki.intermediate, pki.identityFor(['chatgpt.com']).leaf, corporate.root, corporate.intermediate!, corporate.identityFor('auth.openai.com').leaf];
    expect(certs.map(spki)).toEqual(certs.map(() => shared));
    expect(spki(weak.root)).toBe(keys.get(1024).publicKeyPem);
    expect(x509(weak.root).publicKey.asymmetricKeyDetails?.modulusLength).toBe(1024);
    // Every link still verifies: different CAs never share a name, so a shared key confuses no path.
    expect(x509(corporate.identityFor('auth.openai.com').leaf).checkIssued(x509(pki.intermediate))).toBe(false);
  });

  it('keeps the key prepare() generated, and keys of different stores differ', async () => {
    const keys = new KeyStore();
    await Promise.all([keys.prepare([2048]), keys.prepare([2048])]);
    const prepared = keys.get(2048);
    await keys.prepare([2048]);
    expect(keys.get(2048)).toBe(prepared);
    expect(new KeyStore().get(2048).publicKeyPem).not.toBe(prepared.publicKeyPem);
  });
});
