// Mutates valid bundles a few thousand times (seeded, so every run sees the same inputs): the PEM reader,
// the certificate reader and the format sniffer never throw, never hang, and always return a well-formed answer.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffBundleFormat } from '../../src/codex/bundle-format.js';
import { readCertificate, registerVerdict } from '../../src/codex/certificate.js';
import { parseCodexPem } from '../../src/codex/pem.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/bundles/${name}`, import.meta.url));

const SEEDS: Buffer[] = [
  fixture('rsa-root.pem'),
  fixture('trusted-certificate.pem'),
  fixture('with-crl.pem'),
  Buffer.concat([fixture('ecdsa-p384-root.pem'), fixture('critical-extension-root.pem'), fixture('trusted-certificate.pem')]),
  Buffer.from(fixture('rsa-root.pem').toString('utf8').replace(/\n/g, '\r\n')),
];

const SNIPPETS = [
  '-----BEGIN CERTIFICATE-----\n', '-----END CERTIFICATE-----\n', '-----BEGIN TRUSTED CERTIFICATE-----\n',
  '-----END TRUSTED CERTIFICATE-----\n', '-----BEGIN X509 CRL-----\n', '-----END X509 CRL-----\n', '-----BEGIN PRIVATE KEY-----\n',
  'TRUSTED CERTIFICATE', '-----BEGIN ', '-----', '=', '==\n', '\r', '\n', '\ufeff', '\u0000', 'MII', '  ',
].map((s) => Buffer.from(s));

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(input: Buffer, random: () => number): Buffer {
  const int = (n: number): number => Math.floor(random() * n);
  let out = Buffer.from(input);
  const rounds = 1 + int(4);
  for (let r = 0; r < rounds; r++) {
    const at = int(out.length + 1);
    switch (int(7)) {
      case 0: // flip a byte
        if (out.length > 0) out[Math.min(at, out.length - 1)] = int(256);
        break;
      case 1: // insert a structural snippet
        out = Buffer.concat([out.subarray(0, at), SNIPPETS[int(SNIPPETS.length)]!, out.subarray(at)]);
        break;
      case 2: // delete a range
        out = Buffer.concat([out.subarray(0, at), out.subarray(Math.min(out.length, at + 1 + int(80)))]);
        break;
      case 3: { // duplicate a range elsewhere
        const from = int(out.length + 1);
        const chunk = out.subarray(from, from + int(200));
        out = Buffer.concat([out.subarray(0, at), chunk, out.subarray(at)]);
        break;
      }
      case 4: // truncate
        out = out.subarray(0, at);
        break;
      case 5: // flip a bit inside the base64 text (keeps it base64-shaped, breaks the DER)
        if (out.length > 0) {
          const i = Math.min(at, out.length - 1);
          const c = out[i]!;
          if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) out[i] = c ^ 0x20;
        }
        break;
      case 6: // random bytes
        out = Buffer.concat([out.subarray(0, at), Buffer.from(Array.from({ length: 1 + int(16) }, () => int(256))), out.subarray(at)]);
        break;
    }
  }
  return out;
}

const DETAIL = /^(no certificates found in PEM file|failed to extract certificate data from TRUSTED CERTIFICATE: invalid DER length|failed to parse PEM file: (illegal section start: \[[\d, ]*\]|missing section end marker: \[[\d, ]*\]|base64 decode error: (InvalidCharacter\(\d+\)|PrematurePadding|InvalidTrailingPadding)))$/;

describe('PEM reader fuzz', () => {
  it('never throws or hangs on 4,000 mutated bundles, and always answers in Codex\'s terms', () => {
    const random = prng(0xc0dec);
    const started = performance.now();
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 4000; i++) {
      const input = mutate(SEEDS[i % SEEDS.length]!, random);
      const result = parseCodexPem(input);
      const format = sniffBundleFormat(input);
      expect(typeof format.kind).toBe('string');
      if (result.ok) {
        expect(result.certificates.length).toBeGreaterThan(0);
        expect(result.counts.certificates).toBe(result.certificates.length);
        for (const cert of result.certificates) {
          const read = readCertificate(cert.der);
          const verdict = registerVerdict(read);
          if (!read.ok) expect(verdict.websocket).toBe('invalid peer certificate: BadEncoding');
        }
        outcomes.set('ok', (outcomes.get('ok') ?? 0) + 1);
      } else {
        expect(result.codexDetail).toMatch(DETAIL);
        outcomes.set(result.failure.kind, (outcomes.get(result.failure.kind) ?? 0) + 1);
      }
    }
    // The mutations reach every outcome, so the fuzz exercises every path it claims to.
    expect([...outcomes.keys()].sort()).toEqual(['base64', 'illegal-section-start', 'missing-section-end', 'no-certificates', 'ok', 'trusted-der-length']);
    // A generous sanity bound (seconds, not a benchmark): a hang or quadratic blow-up would blow it.
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 120_000);
});
