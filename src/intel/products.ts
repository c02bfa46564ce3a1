// Naming the TLS-inspection product from the issuer names of a presented chain, as data
// (../shared/interception-products.md; the method of Chromium's ssl_error_assistant "MITM software" list).
// Names only, never fingerprints: these CAs are per tenant or per device. Sanctioned inspection is not an
// attack and is never worded as one; only the known-bad roots are flagged as critical.
import type { X509Certificate } from 'node:crypto';

export type ProductKind = 'inspection' | 'developer-tool' | 'antivirus' | 'known-bad';

/** Regex sources, matched against the whole value, case-sensitively. Both given: both must match. */
interface NameRule {
  cn?: string;
  o?: string;
}

export interface Product {
  name: string;
  kind: ProductKind;
  /** Any rule matching names the product. */
  rules: readonly NameRule[];
  /** A loose match (no fixed name exists): say "probably". */
  heuristic?: boolean;
  notes?: string;
}

export const PRODUCTS: readonly Product[] = [
  { name: 'Zscaler', kind: 'inspection', rules: [{ o: 'Zscaler Inc\\.' }], notes: 'root "Zscaler Root CA"' },
  {
    name: 'Netskope',
    kind: 'inspection',
    rules: [{ cn: '(.*\\.)?caadmin\\.netskope\\.com' }, { cn: 'ca\\..+\\.goskope\\.com' }, { o: '.*Netskope.*' }],
    notes: 'client files nscacert.pem / nscacert_combined.pem',
  },
  { name: 'Cisco Umbrella', kind: 'inspection', rules: [{ cn: 'Cisco Umbrella (Root CA|Primary SubCA)', o: 'Cisco' }] },
  {
    name: 'Fortinet FortiGate / FortiProxy',
    kind: 'inspection',
    rules: [{ cn: 'FortiGate CA', o: 'Fortinet' }, { cn: 'FG[A-Z0-9]+.*', o: 'Fortinet( Ltd\\.)?' }],
    notes: 'older devices sign with SHA-1 / RSA-1024, which rustls rejects (openai/codex issue 24167)',
  },
  { name: 'Palo Alto Networks', kind: 'inspection', heuristic: true, rules: [{ o: '.*Palo Alto.*' }, { cn: '.*Palo Alto.*' }] },
  { name: 'Forcepoint', kind: 'inspection', rules: [{ cn: 'Forcepoint Cloud CA', o: 'Forcepoint LLC' }] },
  {
    name: 'Sophos',
    kind: 'inspection',
    rules: [
      { cn: 'Sophos SSL CA_[A-Z0-9-]+' },
      { cn: 'Sophos_CA_[A-Z0-9]+' },
      { cn: 'sophosutm Proxy CA', o: 'sophosutm' },
      { cn: 'Sophos Web Appliance', o: 'Sophos Plc' },
    ],
  },
  { name: 'Blue Coat / Symantec ProxySG', kind: 'inspection', rules: [{ o: 'Blue Coat.*' }] },
  { name: 'McAfee / Skyhigh Web Gateway', kind: 'inspection', rules: [{ cn: 'McAfee Web Gateway' }] },
  { name: 'Trend Micro IWSS', kind: 'inspection', rules: [{ cn: '.*IWSS\\.TREND.*' }] },
  { name: 'ContentKeeper', kind: 'inspection', rules: [{ cn: 'ContentKeeper Appliance CA.*', o: 'ContentKeeper Technologies' }] },
  { name: 'Cyberoam', kind: 'inspection', rules: [{ o: 'Cyberoam Certificate Authority' }] },
  { name: 'SonicWall', kind: 'inspection', rules: [{ o: 'HTTPS Management Certificate for SonicWALL.*' }] },
  { name: 'Smoothwall', kind: 'inspection', rules: [{ cn: 'Smoothwall-default-root-certificate-authority' }] },
  {
    name: 'Cloudflare Zero Trust (Gateway / WARP)',
    kind: 'inspection',
    rules: [{ cn: 'Cloudflare for Teams .*' }, { cn: 'Gateway CA - Cloudflare Managed .*' }],
  },
  { name: 'mitmproxy', kind: 'developer-tool', rules: [{ cn: 'mitmproxy', o: 'mitmproxy' }], notes: 'CA file ~/.mitmproxy/mitmproxy-ca-cert.pem' },
  { name: 'Charles Proxy', kind: 'developer-tool', rules: [{ cn: 'Charles Proxy CA.*' }, { o: 'XK72 Ltd' }] },
  { name: 'Fiddler', kind: 'developer-tool', rules: [{ cn: 'DO_NOT_TRUST_Fiddler.*' }] },
  { name: 'Burp Suite', kind: 'developer-tool', rules: [{ cn: 'PortSwigger CA' }] },
  { name: 'Avast HTTPS scanning', kind: 'antivirus', rules: [{ cn: 'avast! Web/Mail Shield Root' }] },
  { name: 'Bitdefender HTTPS scanning', kind: 'antivirus', rules: [{ cn: 'Bitdefender Personal CA.*' }] },
  { name: 'Kaspersky HTTPS scanning', kind: 'antivirus', rules: [{ cn: 'Kaspersky Anti-Virus Personal Root Certificate' }] },
  { name: 'ESET SSL filter', kind: 'antivirus', rules: [{ cn: 'ESET SSL Filter CA' }] },
  { name: 'Superfish', kind: 'known-bad', rules: [{ cn: 'Superfish, Inc\\.' }] },
  { name: 'eDellRoot', kind: 'known-bad', rules: [{ cn: 'eDellRoot' }] },
  { name: 'DSDTestProvider', kind: 'known-bad', rules: [{ cn: 'DSDTestProvider' }] },
];

/** The CN and O of a distinguished name as Node prints it (one `KEY=value` per line). */
export interface IssuerName {
  cn: string | null;
  o: string | null;
  /** The whole name on one line, for messages. */
  text: string;
}

export function parseName(name: string): IssuerName {
  const lines = name.split('\n').filter(Boolean);
  const value = (key: string): string | null => {
    const line = [...lines].reverse().find((l) => l.startsWith(`${key}=`));
    return line === undefined ? null : line.slice(key.length + 1);
  };
  return { cn: value('CN'), o: value('O'), text: lines.join(', ') };
}

const compiled = new Map<string, RegExp>();
function whole(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) {
    re = new RegExp(`^(?:${source})$`);
    compiled.set(source, re);
  }
  return re;
}

function ruleMatches(rule: NameRule, name: IssuerName): boolean {
  if (rule.cn === undefined && rule.o === undefined) return false;
  if (rule.cn !== undefined && (name.cn === null || !whole(rule.cn).test(name.cn))) return false;
  if (rule.o !== undefined && (name.o === null || !whole(rule.o).test(name.o))) return false;
  return true;
}

/** The product whose rules match this issuer name, known-bad roots first. */
export function productForIssuer(name: IssuerName): Product | null {
  const ordered = [...PRODUCTS.filter((p) => p.kind === 'known-bad'), ...PRODUCTS.filter((p) => p.kind !== 'known-bad')];
  return ordered.find((product) => product.rules.some((rule) => ruleMatches(rule, name))) ?? null;
}

export type Interception =
  /** The chain verifies against the public roots: nothing re-signs it. */
  | { kind: 'not-intercepted' }
  | { kind: 'known-bad'; product: Product; issuer: IssuerName; index: number }
  | { kind: 'product'; product: Product; issuer: IssuerName; index: number }
  /** Re-signed by something no rule names, or a server that sends an incomplete chain. */
  | { kind: 'unidentified'; issuer: IssuerName };

/**
 * Names what re-signs a chain. The leaf's issuer first, then each issuer up the presented chain.
 * A chain that verifies against the public roots is never attributed to a product.
 */
export function identifyInterception(chain: readonly X509Certificate[], verifiesAgainstPublicRoots: boolean): Interception {
  if (verifiesAgainstPublicRoots) return { kind: 'not-intercepted' };
  for (const [index, cert] of chain.entries()) {
    const issuer = parseName(cert.issuer);
    const product = productForIssuer(issuer);
    if (product) return product.kind === 'known-bad' ? { kind: 'known-bad', product, issuer, index } : { kind: 'product', product, issuer, index };
  }
  return { kind: 'unidentified', issuer: parseName(chain[0]?.issuer ?? '') };
}

/** One sentence for the report. */
export function describeInterception(interception: Interception): string {
  switch (interception.kind) {
    case 'not-intercepted':
      return 'Not intercepted: the chain verifies against the public roots, so nothing on the path re-signs this connection.';
    case 'known-bad':
      return `The chain is issued by ${interception.issuer.text}, a known-compromised root (${interception.product.name}).`;
    case 'product': {
      const { product, issuer } = interception;
      const what =
        product.kind === 'developer-tool'
          ? `${product.name} (a developer tool) is intercepting this connection`
          : product.kind === 'antivirus'
            ? `${product.name} (antivirus) is inspecting this connection`
            : `${product.heuristic ? 'Probably ' : ''}${product.name} is inspecting this connection (corporate TLS inspection)`;
      return `${what}; the issuer is "${issuer.cn ?? issuer.text}".`;
    }
    case 'unidentified':
      return `Corporate TLS inspection by an unidentified product (issuer: ${interception.issuer.text}), or a server that sends an incomplete chain.`;
  }
}
