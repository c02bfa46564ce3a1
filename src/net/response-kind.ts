// Who wrote an HTTP answer: OpenAI (its JSON error shape), Cloudflare's bot challenge, an HTML page
// (a proxy's block or notice page), or something else. The checks decide what each means.
import type { HttpHead } from './errors.js';

export type ResponseKind = 'openai-json' | 'cloudflare-challenge' | 'html' | 'other-json' | 'other';

export function header(head: HttpHead, name: string): string | undefined {
  return head.headers[name.toLowerCase()]?.[0];
}

export function responseKind(head: HttpHead, body: string): ResponseKind {
  const type = header(head, 'content-type') ?? '';
  if (isCloudflareChallenge(head, body)) return 'cloudflare-challenge';
  if (/json/i.test(type) || /^\s*[{[]/.test(body)) {
    const parsed = parseJson(body);
    if (parsed && typeof parsed === 'object' && 'error' in parsed) return 'openai-json';
    if (parsed !== undefined) return 'other-json';
  }
  if (/html/i.test(type) || /^\s*<(!doctype|html|head|body)/i.test(body)) return 'html';
  return 'other';
}

/** Cloudflare's managed challenge: `cf-mitigated: challenge`, or its challenge page. */
export function isCloudflareChallenge(head: HttpHead, body: string): boolean {
  if ((header(head, 'cf-mitigated') ?? '').toLowerCase() === 'challenge') return true;
  const cloudflare = (header(head, 'server') ?? '').toLowerCase() === 'cloudflare' || header(head, 'cf-ray') !== undefined;
  return cloudflare && (head.status === 403 || head.status === 503) && /challenge-platform|<title>Just a moment\.\.\.<\/title>|Attention Required! \| Cloudflare/i.test(body);
}

/** OpenAI's error, for the report: `invalid_grant: Invalid authorization code`. */
export function openAiErrorText(body: string): string | undefined {
  const parsed = parseJson(body);
  if (!parsed || typeof parsed !== 'object' || !('error' in parsed)) return undefined;
  const error = (parsed as { error: unknown; error_description?: unknown }).error;
  if (typeof error === 'string') {
    const description = (parsed as { error_description?: unknown }).error_description;
    return typeof description === 'string' ? `${error}: ${description}` : error;
  }
  if (error && typeof error === 'object') {
    const { code, message } = error as { code?: unknown; message?: unknown };
    return [typeof code === 'string' ? code : null, typeof message === 'string' ? message : null].filter(Boolean).join(': ') || undefined;
  }
  return undefined;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
