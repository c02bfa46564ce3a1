import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { issuedBy, verifyWebpki, type WebpkiInput } from '../../src/codex/webpki.js';
import { KeyStore, mintCorporateCa, mintPublicPki, type PublicPki, type ServerIdentity } from '../../src/lab/pki.js';
import { mintChain } from '../hostile/chains.js';

const now = new Date();
const x509 = (pem: string): X509Certificate => new X509Certificate(pem);
const chainOf = (identity: ServerIdentity): X509Certificate[] => identity.chain.map((c) => x509(c.pem));

function verify(input: Partial<WebpkiInput> & Pick<WebpkiInput, 'chain' | 'anchors'>) {
  return verifyWebpki({ hostname: 'auth.openai.com', now, ...input });
}

let pki: PublicPki;
let root: X509Certificate;
beforeAll(() => {
  pki = mintPublicPki();
  root = x509(pki.root.pem);
});

describe('verifyWebpki: building the path', () => {
  it('accepts a good chain and reports the path up to the anchor', () => {
    const verdict = verify({ chain: chainOf(pki.identityFor(['auth.openai.com'])), anchors: [root] });
    expect(verdict.ok).toBe(true);
    expect(verdict.problems).toEqual([]);
    expect(verdict.path?.map((c) => c.subject.split('\n').at(-1))).toEqual([
      'CN=auth.openai.com',
      'CN=codex-doctor Lab Public TLS CA 1',
      'CN=codex-doctor Lab Public Root R1',
    ]);
    expect(verdict.anchor?.fingerprint256).toBe(root.fingerprint256);
  });

  it('treats a presented copy of a trusted root as the anchor, not as an intermediate', () => {
    const chain = [...chainOf(pki.identityFor(['auth.openai.com'])), root];
    const verdict = verify({ chain, anchors: [root] });
    expect(verdict.ok).toBe(true);
    expect(verdict.path).toHaveLength(3);
  });

  it('says UnknownIssuer, and which issuer is missing, when no anchor issued the last certificate', () => {
    const corporate = mintCorporateCa();
    const verdict = verify({ chain: chainOf(corporate.identityFor('auth.openai.com')), anchors: [root] });
    expect(verdict.ok).toBe(false);
    expect(verdict.problems.map((p) => [p.name, p.code, p.index, p.rustls])).toEqual([
      ['UnknownIssuer', 'TLS_UNKNOWN_ISSUER', 1, 'invalid peer certificate: UnknownIssuer'],
    ]);
    expect(verdict.missingIssuer).toEqual({ index: 1, issuer: 'C=US, O=Zscaler Inc., OU=Zscaler Inc., CN=Zscaler Root CA' });
  });

  it('ignores the anchor’s own validity and CA flag (anchors aside)', () => {
    const corporate = mintCorporateCa({ root: { validity: 'expired', basicConstraints: false }, intermediate: null });
    const verdict = verify({ chain: chainOf(corporate.identityFor('auth.openai.com')), anchors: [x509(corporate.root.pem)] });
    expect(verdict.problems).toEqual([]);
  });
});

describe('verifyWebpki: what rustls rejects although OpenSSL accepts it', () => {
  it('rejects a SHA-1 signature with BadSignature while node:crypto verifies the very same signature', () => {
    const corporate = mintCorporateCa({ root: { signature: 'sha1' }, intermediate: null });
    const [leaf] = chainOf(corporate.identityFor('auth.openai.com'));
    const anchor = x509(corporate.root.pem);
    expect(issuedBy(leaf!, anchor)).toBe(true);
    const verdict = verify({ chain: [leaf!], anchors: [anchor] });
    expect(verdict.problems).toEqual([
      {
        name: 'BadSignature',
        code: 'TLS_BAD_SIGNATURE',
        rustls: 'invalid peer certificate: BadSignature',
        index: 0,
        detail: '[0] auth.openai.com is signed with SHA1, which rustls does not accept.',
      },
    ]);
  });

  it('rejects an RSA-1024 issuing key with BadSignature (its own code for the user)', () => {
    const corporate = mintCorporateCa({ root: { keyBits: 1024 }, intermediate: null });
    const verdict = verify({ chain: chainOf(corporate.identityFor('auth.openai.com')), anchors: [x509(corporate.root.pem)] });
    expect(verdict.problems.map((p) => [p.name, p.code, p.detail])).toEqual([
      ['BadSignature', 'TLS_WEAK_KEY', '[0] auth.openai.com is signed by the root Zscaler Root CA with an RSA-1024 key; rustls needs at least 2048 bits.'],
    ]);
  });

  it('rejects an RSA-1024 server key, which signs the handshake', () => {
    const verdict = verify({ chain: chainOf(pki.identityFor(['auth.openai.com'], { keyBits: 1024 })), anchors: [root] });
    expect(verdict.problems.map((p) => [p.code, p.index])).toEqual([['TLS_WEAK_KEY', 0]]);
  });

  it('has no Common Name fallback: a leaf without subjectAltName is NotValidForName', () => {
    const verdict = verify({ chain: chainOf(pki.identityFor(['auth.openai.com'], { san: false })), anchors: [root] });
    expect(verdict.problems.map((p) => [p.name, p.code, p.detail])).toEqual([
      ['NotValidForName', 'TLS_NOT_VALID_FOR_NAME', '[0] auth.openai.com has no subjectAltName at all; rustls does not fall back to the Common Name.'],
    ]);
  });

  it('matches DNS names and one left-most wildcard label only', () => {
    const wildcard = chainOf(pki.identityFor(['*.openai.com']));
    expect(verify({ chain: wildcard, anchors: [root] }).ok).toBe(true);
    expect(verify({ chain: wildcard, anchors: [root], hostname: 'a.b.openai.com' }).problems.map((p) => p.detail)).toEqual([
      '[0] *.openai.com has no subjectAltName for a.b.openai.com.',
    ]);
    expect(verify({ chain: chainOf(pki.identityFor(['auth.openai.com'])), anchors: [root], hostname: 'chatgpt.com' }).problems.map((p) => p.name)).toEqual(['NotValidForName']);
  });

  it('reports an expired leaf and not-yet-valid certificates', () => {
    const expired = verify({ chain: chainOf(pki.identityFor(['auth.openai.com'], { validity: 'expired' })), anchors: [root] });
    expect(expired.problems.map((p) => [p.name, p.code, p.index])).toEqual([['Expired', 'TLS_EXPIRED', 0]]);
    const future = mintPublicPki({ now: new Date(now.getTime() + 40 * 86_400_000) });
    const early = verify({ chain: chainOf(future.identityFor(['auth.openai.com'])), anchors: [x509(future.root.pem)] });
    expect(early.problems.map((p) => [p.name, p.code, p.index])).toEqual([
      ['NotValidYet', 'TLS_NOT_YET_VALID', 0],
      ['NotValidYet', 'TLS_NOT_YET_VALID', 1],
    ]);
  });

  it('refuses a CA certificate presented as the server certificate (CaUsedAsEndEntity)', () => {
    const corporate = mintCorporateCa();
    const verdict = verify({ chain: [x509(corporate.intermediate!.pem)], anchors: [x509(corporate.root.pem)] });
    expect(verdict.problems[0]).toMatchObject({ name: 'CaUsedAsEndEntity', code: 'TLS_CA_AS_END_ENTITY', rustls: 'invalid peer certificate: Other(OtherError(CaUsedAsEndEntity))' });
  });

  it('refuses an issuing certificate without basicConstraints CA:TRUE (EndEntityUsedAsCa)', () => {
    const corporate = mintCorporateCa({ intermediate: { subject: { commonName: 'Corp Issuing CA', organization: 'Corp' }, basicConstraints: false } });
    const verdict = verify({ chain: chainOf(corporate.identityFor('auth.openai.com')), anchors: [x509(corporate.root.pem)] });
    expect(verdict.problems.map((p) => [p.name, p.code, p.index])).toEqual([['EndEntityUsedAsCa', 'TLS_ISSUER_NOT_CA', 1]]);
  });

  it('refuses an extended key usage without serverAuth (InvalidPurpose)', () => {
    const { leaf, anchor } = clientAuthOnlyLeaf();
    const verdict = verify({ chain: [leaf], anchors: [anchor] });
    expect(verdict.problems.map((p) => [p.name, p.code, p.rustls])).toEqual([['InvalidPurpose', 'TLS_EKU_NO_SERVER_AUTH', 'invalid peer certificate: InvalidPurpose']]);
  });

  it('refuses TLS below 1.2 before anything else', () => {
    const verdict = verify({ chain: chainOf(pki.identityFor(['auth.openai.com'])), anchors: [root], protocol: 'TLSv1.1' });
    expect(verdict.problems.map((p) => [p.name, p.code])).toEqual([['UnsupportedProtocolVersion', 'TLS_PROTOCOL_TOO_OLD']]);
  });
});

/** A leaf whose extendedKeyUsage is clientAuth only, signed by a corporate root (forge structure, same keys as the lab). */
function clientAuthOnlyLeaf(): { leaf: X509Certificate; anchor: X509Certificate } {
  const keys = new KeyStore();
  const corporate = mintCorporateCa({ keys, intermediate: null });
  const rootKey = forge.pki.privateKeyFromPem(keys.get(2048).privateKeyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.get(2048).publicKeyPem);
  cert.serialNumber = '4a01';
  cert.validity.notBefore = new Date(now.getTime() - 86_400_000);
  cert.validity.notAfter = new Date(now.getTime() + 86_400_000);
  cert.setSubject([{ shortName: 'CN', value: 'auth.openai.com' }]);
  cert.setIssuer(forge.pki.certificateFromPem(corporate.root.pem).subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'extKeyUsage', clientAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: 'auth.openai.com' }] },
  ]);
  cert.sign(rootKey, forge.md.sha256.create());
  return { leaf: x509(forge.pki.certificateToPem(cert)), anchor: x509(corporate.root.pem) };
}

describe('verifyWebpki: path length', () => {
  const chainFrom = (pem: string): X509Certificate[] => (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((p) => x509(p));

  it('follows six intermediates to a trusted root, as webpki does', () => {
    const minted = mintChain({ hostnames: ['auth.openai.com'], intermediates: 6, now });
    const verdict = verify({ chain: chainFrom(minted.chainPem), anchors: [x509(minted.rootPem)] });
    expect(verdict.problems).toEqual([]);
    expect(verdict.ok).toBe(true);
  });

  it('says a 30-certificate chain with a trusted root is past the path length limit (MaximumPathDepthExceeded), not a missing issuer', () => {
    const minted = mintChain({ hostnames: ['auth.openai.com'], intermediates: 29, now });
    const verdict = verify({ chain: chainFrom(minted.chainPem), anchors: [x509(minted.rootPem)] });
    expect(verdict.problems.map((p) => [p.name, p.code, p.rustls])).toEqual([
      ['MaximumPathDepthExceeded', 'TLS_PATH_TOO_LONG', 'invalid peer certificate: Other(OtherError(MaximumPathDepthExceeded))'],
    ]);
    expect(verdict.problems[0]?.detail).toBe(
      'The chain runs through 29 intermediate certificates before its root "Hostile Root CA"; webpki (rustls) follows at most 6 and gives up (MaximumPathDepthExceeded), although the root is trusted.',
    );
    expect(verdict.missingIssuer).toBeNull();
  });
});
