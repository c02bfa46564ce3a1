// The network checks as the runbook lists them. Their id, title and needs live here, light; each one's
// implementation (probes, TLS capture, webpki emulation, interception intel, and through them undici) is
// imported only when the check runs, so that the offline checks and a --skip'ped network check load none of it.
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
function lazyCheck<F>(meta: CheckMeta, load: () => Promise<DoctorCheck<F>>): DoctorCheck<F> {
  return {
    ...meta,
    async run(ctx: CheckContext & WorldAccess): Promise<CheckResult<F>> {
      return (await load()).run(ctx);
    },
  };
}

// In the build, these imports load dist/net.cjs, the network checks with their code cache (scripts/build.mjs).
export const tlsAuth = lazyCheck<TlsAuthFacts>(TLS_AUTH, async () => (await import('./tls-auth.js')).tlsAuthCheck);
export const oauthToken = lazyCheck<OAuthTokenFacts>(OAUTH_TOKEN, async () => (await import('./oauth-token.js')).oauthTokenCheck);
export const wsUpgrade = lazyCheck<WsUpgradeFacts>(WS_UPGRADE, async () => (await import('./ws-upgrade.js')).wsUpgradeCheck);
