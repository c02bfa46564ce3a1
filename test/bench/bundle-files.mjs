// Bundles of N distinct self-signed CA certificates for the benchmarks, minted once with the lab's PKI (from the
// build) and cached in $TMPDIR/codex-doctor-bench-bundles/ (minting 30,000 takes several minutes).
import { generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib.mjs';

/** Bumped when the generator changes, so that a stale cache is not reused. */
const BUNDLE_VERSION = 1;
export const CACHE = path.join(tmpdir(), 'codex-doctor-bench-bundles');

/** The path of a bundle of `count` certificates, minted on first use. */
export async function bundle(count) {
  const file = path.join(CACHE, `v${BUNDLE_VERSION}-${count}.pem`);
  if (existsSync(file)) return file;
  mkdirSync(CACHE, { recursive: true });
  const started = performance.now();
  // The lab's minting (node-forge structures, native RSA signatures) from the build: nothing duplicated here.
  const { KeyStore, mintCorporateCa } = await import(pathToFileURL(path.join(ROOT, 'dist', 'lab', 'pki.mjs')).href);
  const keys = Array.from({ length: 16 }, () => new KeyStore());
  const organizations = ['Example Trust Services', 'Contoso PKI', 'Fabrikam Security', 'Northwind Certification', 'Tailspin CA Ltd'];
  const countries = ['US', 'DE', 'FR', 'JP', 'GB', 'CA', 'NL'];
  const blocks = [];
  for (let i = 0; i < count; i++) {
    const subject = { commonName: `Bench Root CA ${i}`, organization: organizations[i % organizations.length], country: countries[i % countries.length] };
    blocks.push(mintCorporateCa({ keys: keys[i % keys.length], root: { subject }, intermediate: null }).root.pem);
  }
  // Written beside, then renamed: an interrupted generation never leaves a short bundle in the cache.
  writeFileSync(`${file}.partial`, blocks.join(''));
  renameSync(`${file}.partial`, file);
  console.log(`  (minted ${count} certificates in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${file})`);
  return file;
}

/**
 * A bundle of `count` distinct self-signed EC P-256 CA certificates (about 480 bytes of PEM each, so 30,000 stay
 * under the doctor's 16 MiB bundle cap, like the bundle of issue #10), encoded here in DER and signed with
 * node:crypto (the lab's PKI mints RSA only). Cached beside the RSA bundles.
 */
export function ecBundle(count) {
  const file = path.join(CACHE, `ec-v${BUNDLE_VERSION}-${count}.pem`);
  if (existsSync(file)) return file;
  mkdirSync(CACHE, { recursive: true });
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const blocks = [];
  for (let i = 0; i < count; i++) {
    const name = seq(set(seq(oid('2.5.4.3'), utf8(`Bench EC Root ${i}`))));
    const tbs = seq(
      Buffer.from([0xa0, 0x03, 0x02, 0x01, 0x02]), // [0] version v3
      int(i + 1),
      seq(oid('1.2.840.10045.4.3.2')), // ecdsa-with-SHA256
      name,
      seq(utcTime('250101000000Z'), utcTime('351231235959Z')),
      name,
      spki,
      // [3] extensions: basicConstraints critical CA:TRUE
      tlv(0xa3, seq(seq(oid('2.5.29.19'), Buffer.from([0x01, 0x01, 0xff]), tlv(0x04, seq(Buffer.from([0x01, 0x01, 0xff])))))),
    );
    const signature = sign('sha256', tbs, privateKey);
    const der = seq(tbs, seq(oid('1.2.840.10045.4.3.2')), tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
    blocks.push(`-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`);
  }
  writeFileSync(`${file}.partial`, blocks.join(''));
  renameSync(`${file}.partial`, file);
  return file;
}

function tlv(tag, ...parts) {
  const body = Buffer.concat(parts);
  const n = body.length;
  const length = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
}
const seq = (...parts) => tlv(0x30, ...parts);
const set = (...parts) => tlv(0x31, ...parts);
const utf8 = (text) => tlv(0x0c, Buffer.from(text, 'utf8'));
const utcTime = (text) => tlv(0x17, Buffer.from(text, 'ascii'));
function int(value) {
  const bytes = [];
  for (let v = value; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  if (bytes.length === 0 || bytes[0] >= 0x80) bytes.unshift(0);
  return tlv(0x02, Buffer.from(bytes));
}
function oid(dotted) {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const n of rest) {
    const chunk = [n & 0x7f];
    for (let v = n >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}
