import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/net/response-kind.ts
function header(head, name) {
  return head.headers[name.toLowerCase()]?.[0];
}
function responseKind(head, body) {
  const type = header(head, "content-type") ?? "";
  if (isCloudflareChallenge(head, body)) return "cloudflare-challenge";
  if (/json/i.test(type) || /^\s*[{[]/.test(body)) {
    const parsed = parseJson(body);
    if (parsed && typeof parsed === "object" && "error" in parsed) return "openai-json";
    if (parsed !== void 0) return "other-json";
  }
  if (/html/i.test(type) || /^\s*<(!doctype|html|head|body)/i.test(body)) return "html";
  return "other";
}
function isCloudflareChallenge(head, body) {
  if ((header(head, "cf-mitigated") ?? "").toLowerCase() === "challenge") return true;
  const cloudflare = (header(head, "server") ?? "").toLowerCase() === "cloudflare" || header(head, "cf-ray") !== void 0;
  return cloudflare && (head.status === 403 || head.status === 503) && /challenge-platform|<title>Just a moment\.\.\.<\/title>|Attention Required! \| Cloudflare/i.test(body);
}
function openAiErrorText(body) {
  const parsed = parseJson(body);
  if (!parsed || typeof parsed !== "object" || !("error" in parsed)) return void 0;
  const error = parsed.error;
  if (typeof error === "string") {
    const description = parsed.error_description;
    return typeof description === "string" ? `${error}: ${description}` : error;
  }
  if (error && typeof error === "object") {
    const { code, message } = error;
    return [typeof code === "string" ? code : null, typeof message === "string" ? message : null].filter(Boolean).join(": ") || void 0;
  }
  return void 0;
}
function parseJson(body) {
  try {
    return JSON.parse(body);
  } catch {
    return void 0;
  }
}

export {
  header,
  responseKind,
  openAiErrorText
};
