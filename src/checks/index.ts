// The runbook, in order. Each check is one file in this folder.
import { caBundleCheck } from './ca-bundle.js';
import { codexConfigCheck } from './codex-config.js';
import type { DoctorCheck } from './context.js';
import { envPrecedence } from './env-precedence.js';
import { oauthTokenCheck } from './oauth-token.js';
import { sandboxEnvCheck } from './sandbox-env.js';
import { tlsAuthCheck } from './tls-auth.js';
import { wsUpgradeCheck } from './ws-upgrade.js';

export const RUNBOOK: readonly DoctorCheck[] = [caBundleCheck, envPrecedence, tlsAuthCheck, oauthTokenCheck, wsUpgradeCheck, codexConfigCheck, sandboxEnvCheck];

export const CHECK_IDS = ['ca.bundle', 'env.precedence', 'tls.auth', 'oauth.token', 'ws.upgrade', 'config.codex', 'sandbox.env'] as const;
export type CheckId = (typeof CHECK_IDS)[number];
