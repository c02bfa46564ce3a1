import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/lab/keys.ts
import { generateKeyPair, generateKeyPairSync } from "node:crypto";
var DEFAULT_KEY_BITS = 2048;
function rsaOptions(bits) {
  return { modulusLength: bits, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } };
}
var KeyStore = class {
  #pairs = /* @__PURE__ */ new Map();
  #pending = /* @__PURE__ */ new Map();
  /** Generates the sizes not made yet in the background (in parallel); resolves once all of them exist. */
  async prepare(sizes) {
    await Promise.all([...new Set(sizes)].map((bits) => this.#generate(bits)));
  }
  /** The key of this size; made here and now (blocking) when nobody prepared it. */
  get(bits) {
    let pair = this.#pairs.get(bits);
    if (!pair) {
      const { privateKey, publicKey } = generateKeyPairSync("rsa", rsaOptions(bits));
      pair = { privateKeyPem: privateKey, publicKeyPem: publicKey };
      this.#pairs.set(bits, pair);
    }
    return pair;
  }
  #generate(bits) {
    const ready = this.#pairs.get(bits);
    if (ready) return Promise.resolve(ready);
    let pending = this.#pending.get(bits);
    if (!pending) {
      pending = new Promise((resolve, reject) => {
        generateKeyPair("rsa", rsaOptions(bits), (error, publicKey, privateKey) => {
          this.#pending.delete(bits);
          if (error) return reject(error);
          const pair = this.#pairs.get(bits) ?? { privateKeyPem: privateKey, publicKeyPem: publicKey };
          this.#pairs.set(bits, pair);
          resolve(pair);
        });
      });
      this.#pending.set(bits, pending);
    }
    return pending;
  }
};
var labKeys = new KeyStore();

export {
  DEFAULT_KEY_BITS,
  KeyStore,
  labKeys
};
