import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnchorIndex, cachedAnchorParser, type AnchorParser } from '../../src/codex/anchors.js';
import { readCertificate } from '../../src/codex/certificate.js';
import { verifyWebpki } from '../../src/codex/webpki.js';
import { CORPORATE_PRODUCTS, corporateProductOptions, mintCorporateCa, mintPublicPki, type CorporateCa, type PublicPki } from '../../src/lab/pki.js';

let corporate: CorporateCa;
let paloAlto: CorporateCa;
let pki: PublicPki;
beforeAll(() => {
  corporate = mintCorporateCa();
  paloAlto = mintCorporateCa({ ...corporateProductOptions('palo-alto'), intermediate: null });
  pki = mintPublicPki();
});

/** A parser that records the subject of every certificate it parses. */
function countingParser(): { parse: AnchorParser; parsed: string[] } {
  const parsed: string[] = [];
  const parse = cachedAnchorParser((der) => {
    const cert = new X509Certificate(der);
    parsed.push(cert.subject.split('\n').find((rdn) => rdn.startsWith('CN=')) ?? '');
    return cert;
  });
  return { parse, parsed };
}

const chainOf = (serverName: string): X509Certificate[] => corporate.identityFor(serverName).chain.map((c) => new X509Certificate(c.pem));

describe('AnchorIndex: only the anchors a chain names are parsed', () => {
  it('parses the corporate root and intermediate for a re-signed chain, never the other roots, and once', () => {
    const { parse, parsed } = countingParser();
    const ders = [pki.root.der, paloAlto.root.der, corporate.intermediate!.der, pki.intermediate.der, corporate.root.der];
    const index = new AnchorIndex(
      ders.map((der) => ({ der })),
      parse,
    );
    expect(index.size).toBe(5);
    expect(parsed).toEqual([]);

    const chain = chainOf('auth.openai.com');
    const anchors = index.matching(chain);
    expect(anchors.map((a) => a.fingerprint256).sort()).toEqual([corporate.root.fingerprint256, corporate.intermediate!.fingerprint256].sort());
    expect(parsed.sort()).toEqual(['CN=Zscaler Intermediate Root CA (zscaler.net)', 'CN=Zscaler Root CA']);
    // What the anchors are for: the chain verifies with them alone.
    expect(verifyWebpki({ chain, anchors, hostname: 'auth.openai.com', now: new Date() }).ok).toBe(true);

    index.matching(chainOf('chatgpt.com'));
    expect(parsed).toHaveLength(2);
  });

  it('parses nothing when the chain names no anchor', () => {
    const { parse, parsed } = countingParser();
    const index = new AnchorIndex([{ der: pki.root.der }, { der: paloAlto.root.der }], parse);
    expect(index.matching(chainOf('auth.openai.com'))).toEqual([]);
    expect(parsed).toEqual([]);
  });

  it('takes subject and fingerprint from facts already read, counts duplicates once and drops what no one can read', () => {
    const read = readCertificate(corporate.root.der);
    if (!read.ok) throw new Error('lab root unreadable');
    const { parse, parsed } = countingParser();
    const index = new AnchorIndex([read.facts, { der: corporate.root.der }, { der: Buffer.from('not a certificate') }], parse);
    expect(index.size).toBe(1);
    expect(index.pems()).toEqual([new X509Certificate(corporate.root.der).toString()]);
    expect(parsed).toEqual([]);
  });

  it('matches names whatever their case, as OpenSSL compares them', () => {
    const upper = mintCorporateCa({ root: { subject: { ...CORPORATE_PRODUCTS.zscaler.root, commonName: 'ZSCALER ROOT CA' } }, intermediate: null });
    const { parse, parsed } = countingParser();
    const index = new AnchorIndex([{ der: upper.root.der }], parse);
    expect(index.matching(chainOf('auth.openai.com'))).toHaveLength(1);
    expect(parsed).toEqual(['CN=ZSCALER ROOT CA']);
  });

  it('joins sources without indexing them again: distinct roots counted once, each matching root parsed once', () => {
    const { parse, parsed } = countingParser();
    const bundle = new AnchorIndex([{ der: corporate.root.der }, { der: paloAlto.root.der }], parse);
    const store = new AnchorIndex([{ der: pki.root.der }, { der: corporate.root.der }], parse);
    const https = AnchorIndex.union([bundle, store]);
    const websocket = AnchorIndex.union([store, bundle]);
    expect([https.size, websocket.size]).toEqual([3, 3]);
    expect(https.pems()).toHaveLength(3);

    const chain = chainOf('auth.openai.com');
    expect(https.matching(chain).map((a) => a.fingerprint256)).toEqual([corporate.root.fingerprint256]);
    expect(websocket.matching(chain).map((a) => a.fingerprint256)).toEqual([corporate.root.fingerprint256]);
    expect(parsed).toEqual(['CN=Zscaler Root CA']);
  });
});
