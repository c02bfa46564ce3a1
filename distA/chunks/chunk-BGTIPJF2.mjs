import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  toPem
} from "./chunk-QRNDIB45.mjs";

// src/lab/pki.ts
import { createHash, randomBytes, sign as signNative } from "node:crypto";
import { isIP } from "node:net";
import forge from "node-forge";

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

// src/lab/pki.ts
var PUBLIC_ROOT_SUBJECT = {
  commonName: "codex-doctor Lab Public Root R1",
  organization: "codex-doctor lab",
  country: "US"
};
var PUBLIC_INTERMEDIATE_SUBJECT = {
  commonName: "codex-doctor Lab Public TLS CA 1",
  organization: "codex-doctor lab",
  country: "US"
};
function mintPublicPki(options = {}) {
  const context = contextOf(options);
  const root = mintCa(context, { subject: PUBLIC_ROOT_SUBJECT, ...options.root }, void 0);
  const intermediate = mintCa(
    context,
    { subject: PUBLIC_INTERMEDIATE_SUBJECT, ...options.intermediate },
    root
  );
  const cache = /* @__PURE__ */ new Map();
  return {
    root: root.minted,
    intermediate: intermediate.minted,
    identityFor(hostnames, leaf = {}) {
      const id = JSON.stringify([hostnames, leaf]);
      let identity = cache.get(id);
      if (!identity) {
        identity = mintIdentity(context, hostnames, leaf, [intermediate, root]);
        cache.set(id, identity);
      }
      return identity;
    }
  };
}
var CORPORATE_PRODUCTS = {
  zscaler: {
    root: { commonName: "Zscaler Root CA", organization: "Zscaler Inc.", organizationalUnit: "Zscaler Inc.", country: "US" },
    intermediate: {
      commonName: "Zscaler Intermediate Root CA (zscaler.net)",
      organization: "Zscaler Inc.",
      organizationalUnit: "Zscaler Inc.",
      country: "US"
    }
  },
  netskope: {
    root: { commonName: "ca.example.goskope.com", organization: "Netskope Inc", country: "US" },
    intermediate: { commonName: "ca.example.goskope.com intermediate", organization: "Netskope Inc", country: "US" }
  },
  fortinet: {
    root: { commonName: "FortiGate CA", organization: "Fortinet", organizationalUnit: "Certificate Authority", country: "US" },
    intermediate: null
  },
  "palo-alto": {
    root: { commonName: "Palo Alto Networks Forward Trust CA", organization: "Palo Alto Networks", country: "US" },
    intermediate: null
  }
};
function mintCorporateCa(options = {}) {
  const context = contextOf(options);
  const product = CORPORATE_PRODUCTS.zscaler;
  const root = mintCa(context, { subject: product.root, ...options.root }, void 0);
  const intermediate = options.intermediate === null ? null : mintCa(
    context,
    // An intermediate inherits the root's hash and key size: a SHA-1 product signs everything with SHA-1.
    { subject: product.intermediate, ...inheritedStrength(options.root), ...options.intermediate },
    root
  );
  return corporateCaOf(context, intermediate ? [intermediate, root] : [root], options.leaf ?? {});
}
function corporateCaOf(context, issuers, leaf) {
  const cache = /* @__PURE__ */ new Map();
  return {
    root: issuers[issuers.length - 1].minted,
    intermediate: issuers.length > 1 ? issuers[0].minted : null,
    identityFor(serverName) {
      const name = serverName.toLowerCase();
      let identity = cache.get(name);
      if (!identity) {
        identity = mintIdentity(context, [name], leaf, issuers);
        cache.set(name, identity);
      }
      return identity;
    },
    withLeaf: (changes) => corporateCaOf({ ...context, now: /* @__PURE__ */ new Date() }, issuers, { ...leaf, ...changes })
  };
}
function corporateProductOptions(product) {
  const names = CORPORATE_PRODUCTS[product];
  return { root: { subject: names.root }, intermediate: names.intermediate ? { subject: names.intermediate } : null };
}
var DAY_MS = 24 * 60 * 60 * 1e3;
function contextOf(options) {
  return { keys: options.keys ?? labKeys, now: options.now ?? /* @__PURE__ */ new Date() };
}
function inheritedStrength(options) {
  return {
    ...options?.signature ? { signature: options.signature } : {},
    ...options?.keyBits ? { keyBits: options.keyBits } : {}
  };
}
function mintCa(context, options, issuer) {
  const keys = context.keys.get(options.keyBits ?? DEFAULT_KEY_BITS);
  const signature = options.signature ?? "sha256";
  const cert = newCertificate(keys, options.subject, options.validity ?? "valid", context.now, 20 * 365);
  const extensions = [
    { name: "keyUsage", critical: true, keyCertSign: true, cRLSign: true, digitalSignature: true },
    { name: "subjectKeyIdentifier" }
  ];
  if (options.basicConstraints !== false) {
    extensions.unshift({ name: "basicConstraints", critical: true, cA: true });
  }
  if (issuer) extensions.push(authorityKeyId(issuer));
  cert.setIssuer(issuer ? issuer.cert.subject.attributes : cert.subject.attributes);
  cert.setExtensions(extensions);
  const minted = signCertificate(cert, issuer?.keyPem ?? keys.privateKeyPem, issuer?.signature ?? signature, options.subject);
  return { cert, keyPem: keys.privateKeyPem, signature, minted };
}
function mintIdentity(context, hostnames, options, issuers) {
  const [issuer] = issuers;
  const [commonName] = hostnames;
  if (!issuer || commonName === void 0) throw new Error("a leaf needs an issuer and at least one hostname");
  const keys = context.keys.get(options.keyBits ?? DEFAULT_KEY_BITS);
  const subject = { commonName };
  const cert = newCertificate(keys, subject, options.validity ?? "valid", context.now, 90);
  const extensions = [
    { name: "basicConstraints", critical: true, cA: false },
    { name: "keyUsage", critical: true, digitalSignature: true, keyEncipherment: true },
    { name: "extKeyUsage", serverAuth: true },
    { name: "subjectKeyIdentifier" },
    authorityKeyId(issuer)
  ];
  if (options.san !== false) {
    const altNames = hostnames.map((value) => isIP(value) ? { type: 7, ip: value } : { type: 2, value });
    extensions.push({ name: "subjectAltName", altNames });
  }
  cert.setIssuer(issuer.cert.subject.attributes);
  cert.setExtensions(extensions);
  const leaf = signCertificate(cert, issuer.keyPem, issuer.signature, subject);
  const intermediates = issuers.slice(0, -1).map((ca) => ca.minted);
  const chain = options.sendIntermediate === false ? [leaf] : [leaf, ...intermediates];
  return { keyPem: keys.privateKeyPem, certPem: chain.map((cert2) => cert2.pem).join(""), chain, leaf };
}
function newCertificate(keys, subject, validity, now, lifetimeDays) {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKeyPem);
  cert.serialNumber = serialNumber();
  const start = now.getTime();
  const [notBefore, notAfter] = (() => {
    switch (validity) {
      case "valid":
        return [start - DAY_MS, start + lifetimeDays * DAY_MS];
      case "expired":
        return [start - (lifetimeDays + 1) * DAY_MS, start - DAY_MS];
      case "not-yet-valid":
        return [start + 30 * DAY_MS, start + (30 + lifetimeDays) * DAY_MS];
    }
  })();
  cert.validity.notBefore = new Date(Math.floor(notBefore / 1e3) * 1e3);
  cert.validity.notAfter = new Date(Math.floor(notAfter / 1e3) * 1e3);
  cert.setSubject(toAttributes(subject));
  return cert;
}
function toAttributes(name) {
  const attributes = [];
  if (name.country !== void 0) attributes.push({ shortName: "C", value: name.country });
  if (name.organization !== void 0) attributes.push({ shortName: "O", value: name.organization });
  if (name.organizationalUnit !== void 0) attributes.push({ shortName: "OU", value: name.organizationalUnit });
  attributes.push({ shortName: "CN", value: name.commonName });
  return attributes;
}
function authorityKeyId(issuer) {
  return { name: "authorityKeyIdentifier", keyIdentifier: issuer.cert.generateSubjectKeyIdentifier().getBytes() };
}
function serialNumber() {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 63 | 64;
  return bytes.toString("hex");
}
var SIGNATURE_OIDS = {
  sha256: forge.pki.oids["sha256WithRSAEncryption"] ?? "1.2.840.113549.1.1.11",
  sha1: forge.pki.oids["sha1WithRSAEncryption"] ?? "1.2.840.113549.1.1.5",
  md5: forge.pki.oids["md5WithRSAEncryption"] ?? "1.2.840.113549.1.1.4"
};
var forgePki = forge.pki;
function signCertificate(cert, issuerKeyPem, hash, subject) {
  const oid = SIGNATURE_OIDS[hash];
  const mutable = cert;
  mutable.signatureOid = oid;
  cert.siginfo.algorithmOid = oid;
  mutable.tbsCertificate = forgePki.getTBSCertificate(cert);
  const tbs = Buffer.from(forge.asn1.toDer(mutable.tbsCertificate).getBytes(), "binary");
  cert.signature = signNative(hash, tbs, issuerKeyPem).toString("binary");
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary");
  return { pem: toPem(der), der, subject, fingerprint256: fingerprint(der) };
}
function fingerprint(der) {
  return (createHash("sha256").update(der).digest("hex").toUpperCase().match(/../g) ?? []).join(":");
}

export {
  DEFAULT_KEY_BITS,
  KeyStore,
  labKeys,
  PUBLIC_ROOT_SUBJECT,
  PUBLIC_INTERMEDIATE_SUBJECT,
  mintPublicPki,
  CORPORATE_PRODUCTS,
  mintCorporateCa,
  corporateProductOptions,
  signCertificate
};
