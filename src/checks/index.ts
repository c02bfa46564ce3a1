// The runbook, in order. Each check is one file in this folder.
import { caBundleCheck } from './ca-bundle.js';
import { codexConfigCheck } from './codex-config.js';
import type { DoctorCheck } from './context.js';
import { envPrecedence } from './env-precedence.js';
import { oauthToken, tlsAuth, wsUpgrade } from './network-checks.js';
import { sandboxEnvCheck } from './sandbox-env.js';

// The network checks are loaded when they run (network-checks.ts): --json offline starts without them.
export const RUNBOOK: readonly DoctorCheck[] = [caBundleCheck, envPrecedence, tlsAuth, oauthToken, wsUpgrade, codexConfigCheck, sandboxEnvCheck];

export const CHECK_IDS = ['ca.bundle', 'env.precedence', 'tls.auth', 'oauth.token', 'ws.upgrade', 'config.codex', 'sandbox.env'] as const;
export type CheckId = (typeof CHECK_IDS)[number];
