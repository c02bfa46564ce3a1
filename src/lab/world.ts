// Starts what a scenario declares, on 127.0.0.1 only: the OpenAI origin, optionally a corporate proxy,
// the PKI, and the files a doctor run needs (the lab's "system store", the corporate root in PEM and DER).
// The spec is plain data so that scenarios/*.json|toml can hold it as is.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DialOverrides } from '../core/host.js';
import { LAB_HOSTS, startOrigin, type OriginHostFault, type OriginServer, type OriginTlsVersions, type OriginWebSocketMode } from './origin.js';
import {
  corporateProductOptions,
  mintCorporateCa,
  mintPublicPki,
  type CorporateProduct,
  type DistinguishedName,
  type LeafOptions,
  type RsaKeyBits,
  type SignatureHash,
  type Validity,
} from './pki.js';
import { DEFAULT_KEY_BITS, labKeys } from './keys.js';
import { startProxy, type BlockPage, type ProxyAuth, type ProxyFailure, type ProxyMode, type ProxyServer, type RoutingTable, type WebSocketRefusal } from './proxy.js';
import { LOOPBACK } from './server-kit.js';

export interface LabSpec {
  /** The OpenAI origin (always started): faults of its hosts, TLS versions, chain and WebSocket answer. */
  origin?: {
    hostFaults?: Readonly<Record<string, OriginHostFault>>;
    tlsVersions?: OriginTlsVersions;
    webSocket?: OriginWebSocketMode;
    /** Faults of the public chain the origin presents (no SAN, missing intermediate, expired leaf...). */
    leaf?: LeafOptions;
  };
  /** The corporate inspection CA (always minted, so that its root file exists even without a proxy). */
  corporateCa?: {
    /** Names of a real product. Default zscaler. */
    product?: CorporateProduct;
    /** Replaces the product's root subject. */
    subject?: DistinguishedName;
    /** Faults of the root, inherited by its intermediate. */
    signature?: SignatureHash;
    keyBits?: RsaKeyBits;
    validity?: Validity;
    basicConstraints?: boolean;
    /** false: leaves are signed by the root directly. Default: as the product does. */
    intermediate?: boolean;
    /** Faults of every re-signed leaf (no SAN, leaf only...). */
    leaf?: LeafOptions;
  };
  /** Absent: a direct connection, no proxy. */
  proxy?: {
    mode: ProxyMode;
    auth?: ProxyAuth;
    refuseWebSocket?: WebSocketRefusal;
    blockPage?: BlockPage;
    failure?: ProxyFailure;
    /** The proxy speaks TLS on its port (an `https://` proxy URL); its certificate is from the corporate CA. */
    tls?: boolean;
  };
  /** Which roots the lab's system store file holds. Default ['public']. */
  systemStore?: ReadonlyArray<'public' | 'corporate'>;
  /**
   * `refused`: a firewall lets only the proxy out; a direct connection to an OpenAI host is refused (as
   * on most corporate networks). Default `open`: a direct connection reaches the origin.
   */
  direct?: DirectAccess;
}

export type DirectAccess = 'open' | 'refused';
/** Port 1 on loopback: nothing listens there (a privileged port), so a connection is refused at once. */
const REFUSING_PORT = 1;

export interface LabFiles {
  /** The directory holding everything below; removed by stop(). Scenarios put CODEX_HOME etc. here. */
  dir: string;
  /** Stands in for the OS trust store (Host.systemStore.files). */
  systemStore: string;
  /** The lab's public root, PEM. */
  publicRoot: string;
  /** The corporate root, PEM: what a correct CODEX_CA_CERTIFICATE names. */
  corporateRoot: string;
  /** The corporate root, DER (a file Codex cannot read). */
  corporateRootDer: string;
}

export interface Lab {
  origin: OriginServer;
  proxy: ProxyServer | null;
  /** `http://127.0.0.1:port` (or https:// for a TLS proxy), without credentials; null without a proxy. */
  proxyUrl: string | null;
  /** proxyUrl with the spec's user:password, when the proxy wants them. */
  proxyUrlWithCredentials: string | null;
  /** `host:443` -> origin port, as the proxy routes. */
  routes: RoutingTable;
  /** The same routing in the Host's shape, for a direct connection (Host.dial). */
  dial: DialOverrides;
  pem: { publicRoot: string; publicIntermediate: string; corporateRoot: string; corporateIntermediate: string | null };
  files: LabFiles;
  /** Stops every server (open connections included) and removes the directory. */
  stop(): Promise<void>;
}

export async function startLab(spec: LabSpec = {}): Promise<Lab> {
  await labKeys.prepare(keySizes(spec));
  const pki = mintPublicPki();
  const corporateCa = mintCorporateCa(corporateCaOptions(spec.corporateCa ?? {}));
  const dir = await mkdtemp(join(tmpdir(), 'codex-doctor-lab-'));
  const running: Array<{ close(): Promise<void> }> = [];
  const stop = async (): Promise<void> => {
    await Promise.all(running.splice(0).map((server) => server.close()));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const origin = await startOrigin({ pki, ...spec.origin });
    running.push(origin);
    const routes: RoutingTable = new Map(LAB_HOSTS.map((host) => [`${host}:443`, origin.port]));
    const proxySpec = spec.proxy;
    const proxy = proxySpec
      ? await startProxy({
          mode: proxySpec.mode,
          routes,
          corporateCa,
          upstreamCa: pki.root.pem,
          product: productName(spec.corporateCa),
          ...(proxySpec.auth ? { auth: proxySpec.auth } : {}),
          ...(proxySpec.refuseWebSocket === undefined ? {} : { refuseWebSocket: proxySpec.refuseWebSocket }),
          ...(proxySpec.blockPage ? { blockPage: proxySpec.blockPage } : {}),
          ...(proxySpec.failure ? { failure: proxySpec.failure } : {}),
          ...(proxySpec.tls ? { tlsListener: { hostname: LOOPBACK } } : {}),
        })
      : null;
    if (proxy) running.push(proxy);

    const files: LabFiles = {
      dir,
      systemStore: join(dir, 'system-store.pem'),
      publicRoot: join(dir, 'public-root.pem'),
      corporateRoot: join(dir, 'corporate-root.pem'),
      corporateRootDer: join(dir, 'corporate-root.der'),
    };
    const storeRoots = spec.systemStore ?? ['public'];
    await Promise.all([
      writeFile(files.systemStore, storeRoots.map((which) => (which === 'public' ? pki.root.pem : corporateCa.root.pem)).join('')),
      writeFile(files.publicRoot, pki.root.pem),
      writeFile(files.corporateRoot, corporateCa.root.pem),
      writeFile(files.corporateRootDer, corporateCa.root.der),
    ]);

    const proxyUrl = proxy ? `${proxySpec?.tls ? 'https' : 'http'}://${LOOPBACK}:${proxy.port}` : null;
    const auth = proxySpec?.auth;
    return {
      origin,
      proxy,
      proxyUrl,
      proxyUrlWithCredentials:
        proxyUrl && auth
          ? proxyUrl.replace('://', `://${encodeURIComponent(auth.username)}:${encodeURIComponent(auth.password)}@`)
          : null,
      routes,
      dial: new Map([...routes].map(([target, port]) => [target, { address: LOOPBACK, port: spec.direct === 'refused' ? REFUSING_PORT : port }])),
      pem: {
        publicRoot: pki.root.pem,
        publicIntermediate: pki.intermediate.pem,
        corporateRoot: corporateCa.root.pem,
        corporateIntermediate: corporateCa.intermediate?.pem ?? null,
      },
      files,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The RSA key sizes the spec's certificates use (generated in parallel, before minting). */
function keySizes(spec: LabSpec): RsaKeyBits[] {
  const faults = [spec.corporateCa?.keyBits, spec.corporateCa?.leaf?.keyBits, spec.origin?.leaf?.keyBits];
  return [DEFAULT_KEY_BITS, ...faults.filter((bits): bits is RsaKeyBits => bits !== undefined)];
}

function corporateCaOptions(spec: NonNullable<LabSpec['corporateCa']>): Parameters<typeof mintCorporateCa>[0] {
  const product = corporateProductOptions(spec.product ?? 'zscaler');
  const faults = {
    ...(spec.signature ? { signature: spec.signature } : {}),
    ...(spec.keyBits ? { keyBits: spec.keyBits } : {}),
    ...(spec.validity ? { validity: spec.validity } : {}),
    ...(spec.basicConstraints === undefined ? {} : { basicConstraints: spec.basicConstraints }),
  };
  return {
    root: { ...product.root, ...(spec.subject ? { subject: spec.subject } : {}), ...faults },
    intermediate: spec.intermediate === false ? null : (product.intermediate ?? null),
    ...(spec.leaf ? { leaf: spec.leaf } : {}),
  };
}

function productName(spec: LabSpec['corporateCa']): string {
  switch (spec?.product ?? 'zscaler') {
    case 'zscaler':
      return 'Zscaler';
    case 'netskope':
      return 'Netskope';
    case 'fortinet':
      return 'FortiGate';
    case 'palo-alto':
      return 'Palo Alto Networks';
  }
}
