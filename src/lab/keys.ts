// The lab's RSA keys. Generating one is by far the slowest part of starting a lab (hundreds of ms for
// RSA-2048), so a lab run makes as few as it can: one key per size, shared by every certificate it mints
// (roots, intermediates, leaves). The doctor examines the certificates (names, extensions, signature
// algorithms, key sizes, validity), never which key made a signature, and different CAs of a lab never
// share a name. Keys are generated on the thread pool, so that a lab start can overlap them with other work.
// No node-forge here: the lab command starts a key before loading the rest of the lab.
import { generateKeyPair, generateKeyPairSync, type RSAKeyPairOptions } from 'node:crypto';

export type RsaKeyBits = 1024 | 2048;

export interface KeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

/** What nearly every lab certificate uses; a fault can ask for RSA-1024 (its own key). */
export const DEFAULT_KEY_BITS: RsaKeyBits = 2048;

function rsaOptions(bits: RsaKeyBits): RSAKeyPairOptions<'pem', 'pem'> {
  return { modulusLength: bits, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } };
}

/** One RSA key pair per size, reused for everything minted with this store. */
export class KeyStore {
  readonly #pairs = new Map<RsaKeyBits, KeyPair>();
  readonly #pending = new Map<RsaKeyBits, Promise<KeyPair>>();

  /** Generates the sizes not made yet in the background (in parallel); resolves once all of them exist. */
  async prepare(sizes: Iterable<RsaKeyBits>): Promise<void> {
    await Promise.all([...new Set(sizes)].map((bits) => this.#generate(bits)));
  }

  /** The key of this size; made here and now (blocking) when nobody prepared it. */
  get(bits: RsaKeyBits): KeyPair {
    let pair = this.#pairs.get(bits);
    if (!pair) {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', rsaOptions(bits));
      pair = { privateKeyPem: privateKey, publicKeyPem: publicKey };
      this.#pairs.set(bits, pair);
    }
    return pair;
  }

  #generate(bits: RsaKeyBits): Promise<KeyPair> {
    const ready = this.#pairs.get(bits);
    if (ready) return Promise.resolve(ready);
    let pending = this.#pending.get(bits);
    if (!pending) {
      pending = new Promise<KeyPair>((resolve, reject) => {
        generateKeyPair('rsa', rsaOptions(bits), (error, publicKey, privateKey) => {
          this.#pending.delete(bits);
          if (error) return reject(error);
          // A synchronous get() may have made one meanwhile: keep that one, a run uses one key per size.
          const pair = this.#pairs.get(bits) ?? { privateKeyPem: privateKey, publicKeyPem: publicKey };
          this.#pairs.set(bits, pair);
          resolve(pair);
        });
      });
      this.#pending.set(bits, pending);
    }
    return pending;
  }
}

/** The store the lab mints with unless told otherwise (one per process: every lab of a test run shares it). */
export const labKeys = new KeyStore();
