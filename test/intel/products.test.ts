import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeInterception, identifyInterception, parseName, productForIssuer, PRODUCTS } from '../../src/intel/products.js';
import { corporateProductOptions, mintCorporateCa, type CorporateProduct } from '../../src/lab/pki.js';

const name = (cn: string | null, o: string | null = null) => ({ cn, o, text: [o && `O=${o}`, cn && `CN=${cn}`].filter(Boolean).join(', ') });
const productOf = (cn: string | null, o: string | null = null): string | null => productForIssuer(name(cn, o))?.name ?? null;

describe('productForIssuer: the rules of interception-products.md', () => {
  it.each([
    [null, 'Zscaler Inc.', 'Zscaler'],
    ['Zscaler Intermediate Root CA (zscalertwo.net) (t) ', 'Zscaler Inc.', 'Zscaler'],
    ['ca.acme.goskope.com', null, 'Netskope'],
    ['acme.caadmin.netskope.com', null, 'Netskope'],
    ['Something', 'Netskope Inc', 'Netskope'],
    ['Cisco Umbrella Primary SubCA', 'Cisco', 'Cisco Umbrella'],
    ['FortiGate CA', 'Fortinet', 'Fortinet FortiGate / FortiProxy'],
    ['FGT60F1234567890', 'Fortinet Ltd.', 'Fortinet FortiGate / FortiProxy'],
    ['Forcepoint Cloud CA', 'Forcepoint LLC', 'Forcepoint'],
    ['Sophos SSL CA_C1234-AB', null, 'Sophos'],
    ['sophosutm Proxy CA', 'sophosutm', 'Sophos'],
    [null, 'Blue Coat Systems', 'Blue Coat / Symantec ProxySG'],
    ['McAfee Web Gateway', null, 'McAfee / Skyhigh Web Gateway'],
    ['IWSS.TREND.example', null, 'Trend Micro IWSS'],
    ['ContentKeeper Appliance CA 7', 'ContentKeeper Technologies', 'ContentKeeper'],
    [null, 'Cyberoam Certificate Authority', 'Cyberoam'],
    [null, 'HTTPS Management Certificate for SonicWALL (self-signed)', 'SonicWall'],
    ['Smoothwall-default-root-certificate-authority', null, 'Smoothwall'],
    ['Gateway CA - Cloudflare Managed G1 abc', null, 'Cloudflare Zero Trust (Gateway / WARP)'],
    ['mitmproxy', 'mitmproxy', 'mitmproxy'],
    ['Charles Proxy CA (1 Jan 2026, host)', null, 'Charles Proxy'],
    ['DO_NOT_TRUST_FiddlerRoot', null, 'Fiddler'],
    ['PortSwigger CA', 'PortSwigger', 'Burp Suite'],
    ['ESET SSL Filter CA', null, 'ESET SSL filter'],
    ['Superfish, Inc.', 'Superfish, Inc.', 'Superfish'],
    ['eDellRoot', null, 'eDellRoot'],
  ])('CN %j, O %j -> %s', (cn, o, expected) => {
    expect(productOf(cn, o)).toBe(expected);
  });

  it('needs both names where a rule gives both, whole-string and case-sensitive', () => {
    expect(productOf('Cisco Umbrella Root CA', 'Umbrella')).toBeNull();
    expect(productOf('FortiGate CA', null)).toBeNull();
    expect(productOf(null, 'zscaler inc.')).toBeNull();
    expect(productOf(null, 'Zscaler Inc')).toBeNull();
    expect(productOf('My mitmproxy', 'mitmproxy')).toBeNull();
    expect(productOf('McAfee Web Gateway 2', null)).toBeNull();
  });

  it('marks the Palo Alto match as a heuristic (no fixed name exists)', () => {
    const product = productForIssuer(name('Forward Trust CA', 'Palo Alto Networks'));
    expect(product?.name).toBe('Palo Alto Networks');
    expect(product?.heuristic).toBe(true);
  });

  it('ships no fingerprints: every rule is a name rule', () => {
    for (const product of PRODUCTS) for (const rule of product.rules) expect(Object.keys(rule).every((k) => k === 'cn' || k === 'o')).toBe(true);
  });
});

describe('identifyInterception', () => {
  const chainFor = (product: CorporateProduct): X509Certificate[] =>
    mintCorporateCa(corporateProductOptions(product)).identityFor('auth.openai.com').chain.map((c) => new X509Certificate(c.pem));

  it("names the product from the leaf's issuer, and says so without calling it an attack", () => {
    const interception = identifyInterception(chainFor('zscaler'), false);
    expect(interception).toMatchObject({ kind: 'product', index: 0 });
    expect(describeInterception(interception)).toBe(
      'Zscaler is inspecting this connection (corporate TLS inspection); the issuer is "Zscaler Intermediate Root CA (zscaler.net)".',
    );
    expect(describeInterception(interception)).not.toMatch(/attack|malicious/i);
    expect(describeInterception(identifyInterception(chainFor('palo-alto'), false))).toMatch(/^Probably Palo Alto Networks is inspecting/);
  });

  it('never claims a product when the chain verifies against the public roots', () => {
    expect(identifyInterception(chainFor('zscaler'), true)).toEqual({ kind: 'not-intercepted' });
  });

  it('says "unidentified" rather than guessing', () => {
    const chain = mintCorporateCa({ root: { subject: { commonName: 'ACME Inspection Root', organization: 'ACME' } }, intermediate: null })
      .identityFor('auth.openai.com')
      .chain.map((c) => new X509Certificate(c.pem));
    const interception = identifyInterception(chain, false);
    expect(interception.kind).toBe('unidentified');
    expect(describeInterception(interception)).toBe(
      'Corporate TLS inspection by an unidentified product (issuer: O=ACME, CN=ACME Inspection Root), or a server that sends an incomplete chain.',
    );
  });

  it('flags a known-bad root as such', () => {
    const chain = mintCorporateCa({ root: { subject: { commonName: 'eDellRoot' } }, intermediate: null })
      .identityFor('auth.openai.com')
      .chain.map((c) => new X509Certificate(c.pem));
    const interception = identifyInterception(chain, false);
    expect(interception.kind).toBe('known-bad');
    expect(describeInterception(interception)).toBe('The chain is issued by CN=eDellRoot, a known-compromised root (eDellRoot).');
  });
});

describe('parseName', () => {
  it("reads CN and O from Node's one-per-line names", () => {
    expect(parseName('C=US\nO=Zscaler Inc.\nOU=Zscaler Inc.\nCN=Zscaler Root CA')).toEqual({ cn: 'Zscaler Root CA', o: 'Zscaler Inc.', text: 'C=US, O=Zscaler Inc., OU=Zscaler Inc., CN=Zscaler Root CA' });
    expect(parseName('CN=only')).toEqual({ cn: 'only', o: null, text: 'CN=only' });
  });
});
