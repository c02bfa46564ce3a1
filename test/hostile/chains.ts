// Chains no well-run CA issues, minted per run for the hostile suite: thirty certificates deep, or signed with
// MD5. One lab key signs everything (distinct names keep the path unambiguous), so minting stays fast.
import forge from 'node-forge';
import { labKeys } from '../../src/lab/keys.js';
import { signCertificate, type SignatureHash } from '../../src/lab/pki.js';

export interface MintedChain {
  /** The root, PEM: the trust anchor to configure. */
  rootPem: string;
  /** What the server presents: leaf first, then every intermediate (never the root). */
  chainPem: string;
  keyPem: string;
}

const DAY_MS = 86_400_000;

export function mintChain(options: { hostnames: readonly string[]; intermediates: number; hash?: SignatureHash; now?: Date }): MintedChain {
  const keys = labKeys.get(2048);
  const now = options.now ?? new Date();
  let serial = 0x1000;
  const mint = (commonName: string, issuer: forge.pki.Certificate | null, ca: boolean): { cert: forge.pki.Certificate; pem: string } => {
    const cert = forge.pki.createCertificate();
    cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKeyPem);
    cert.serialNumber = (serial++).toString(16);
    cert.validity.notBefore = new Date(now.getTime() - DAY_MS);
    cert.validity.notAfter = new Date(now.getTime() + 30 * DAY_MS);
    const subject = { commonName, organization: 'Hostile Chains' };
    cert.setSubject([{ shortName: 'CN', value: commonName }, { shortName: 'O', value: subject.organization }]);
    cert.setIssuer((issuer ?? cert).subject.attributes);
    cert.setExtensions(
      ca
        ? [{ name: 'basicConstraints', critical: true, cA: true }, { name: 'keyUsage', critical: true, keyCertSign: true, cRLSign: true, digitalSignature: true }]
        : [
            { name: 'basicConstraints', critical: true, cA: false },
            { name: 'keyUsage', critical: true, digitalSignature: true, keyEncipherment: true },
            { name: 'extKeyUsage', serverAuth: true },
            { name: 'subjectAltName', altNames: options.hostnames.map((value) => ({ type: 2, value })) },
          ],
    );
    return { cert, pem: signCertificate(cert, keys.privateKeyPem, options.hash ?? 'sha256', subject).pem };
  };
  const root = mint('Hostile Root CA', null, true);
  const intermediates: string[] = [];
  let issuer = root.cert;
  for (let i = 1; i <= options.intermediates; i++) {
    const intermediate = mint(`Hostile Intermediate ${i}`, issuer, true);
    intermediates.unshift(intermediate.pem);
    issuer = intermediate.cert;
  }
  const leaf = mint(options.hostnames[0] ?? 'localhost', issuer, false);
  return { rootPem: root.pem, chainPem: [leaf.pem, ...intermediates].join(''), keyPem: keys.privateKeyPem };
}
