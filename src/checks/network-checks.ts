// The network checks as the runbook lists them. Their id, title and needs live here, light; each one's
// implementation (probes, TLS capture, webpki emulation, interception intel, and through them ws) is
// imported only when the check runs, so that the offline checks and a --skip'ped network check load none of it.
import { getBuiltinModule } from '../core/builtins.js';
import type { CheckContext } from '../core/check.js';
import type { CheckResult } from '../core/types.js';
import type { DoctorCheck, WorldAccess } from './context.js';
import type { OAuthTokenFacts } from './oauth-token.js';
import type { TlsAuthFacts } from './tls-auth.js';
import type { WsUpgradeFacts } from './ws-upgrade.js';

type CheckMeta = Pick<DoctorCheck, 'id' | 'title' | 'needs' | 'softNeeds'>;

// The network checks read ca.bundle without being blocked by it: Codex's clients react to a bundle that does not
// load each in their own way (the model API client falls back to the system roots), so each endpoint says.
// oauth.token is blocked by login's own verdict, not by another host tls.auth carries.
export const TLS_AUTH = { id: 'tls.auth', title: 'TLS to auth.openai.com and every HTTPS host', needs: ['env.precedence'], softNeeds: ['ca.bundle'] } as const satisfies CheckMeta;
export const OAUTH_TOKEN = { id: 'oauth.token', title: 'Token exchange with auth.openai.com', needs: [], softNeeds: ['tls.auth'] } as const satisfies CheckMeta;
export const WS_UPGRADE = { id: 'ws.upgrade', title: 'WebSocket upgrade for streaming', needs: ['env.precedence'], softNeeds: ['ca.bundle'] } as const satisfies CheckMeta;

/** A runbook entry whose implementation is imported on its first run. */
function lazyCheck<F>(meta: CheckMeta, load: () => Promise<DoctorCheck<F>>, onStart?: () => void): DoctorCheck<F> {
  return {
    ...meta,
    async run(ctx: CheckContext & WorldAccess): Promise<CheckResult<F>> {
      onStart?.();
      return (await load()).run(ctx);
    },
  };
}

// tls.auth gives OpenSSL roots on its first handshake: Node's root store is built meanwhile (warmRootStore).
export const tlsAuth = lazyCheck<TlsAuthFacts>(TLS_AUTH, async () => (await import('./tls-auth.js')).tlsAuthCheck, warmRootStore);
export const oauthToken = lazyCheck<OAuthTokenFacts>(OAUTH_TOKEN, async () => (await import('./oauth-token.js')).oauthTokenCheck);
export const wsUpgrade = lazyCheck<WsUpgradeFacts>(WS_UPGRADE, async () => (await import('./ws-upgrade.js')).wsUpgradeCheck);

/**
 * Node builds its bundled root store (~140 PEM certificates parsed by OpenSSL: 20-35 ms) the first time a TLS
 * context is given any CA, even a CA that replaces those roots (it compares the context's store with the root
 * store), and builds it once per process. tls.auth's first handshake gives OpenSSL roots, so that parse would sit
 * on the run's critical path: a worker thread builds the store on another core while this thread loads and opens
 * the probes, and the probe's context then finds it built. The worker only builds a context: it reads nothing but
 * Node's own list, sends nothing, and never holds the process open. Once per process, and not on a single core,
 * where it would only compete with this thread.
 */
let rootStoreWarming = false;
function warmRootStore(): void {
  if (rootStoreWarming) return;
  rootStoreWarming = true;
  try {
    const { availableParallelism } = getBuiltinModule('node:os') as typeof import('node:os');
    if (availableParallelism() < 2) return;
    const { Worker } = getBuiltinModule('node:worker_threads') as typeof import('node:worker_threads');
    const worker = new Worker("require('node:tls').createSecureContext()", { eval: true, stdout: true, stderr: true });
    worker.unref();
    // A worker that cannot start changes nothing: the probe's own context builds the store.
    worker.on('error', () => {});
  } catch {
    // Same: no worker, no warm-up.
  }
}
