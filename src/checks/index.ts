// The runbook, in order. Each check is one file in this folder.
import type { DoctorCheck } from './context.js';

export const RUNBOOK: readonly DoctorCheck[] = [];

export const CHECK_IDS = ['ca.bundle', 'env.precedence', 'tls.auth', 'oauth.token', 'ws.upgrade', 'sandbox.env'] as const;
export type CheckId = (typeof CHECK_IDS)[number];
