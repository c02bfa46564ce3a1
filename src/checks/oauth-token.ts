// oauth.token: the login's token exchange, as Codex sends it (codex-behavior.md §6): a form-encoded POST to
// the token endpoint over a verified TLS connection, through the same route. The code is deliberately
// invalid and the verifier random, so no credential ever exists: OpenAI's JSON 4xx proves the path works.
import { randomBytes } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { DEVICE_CODE_URL, deviceLoginFailed, sendError, tokenExchangeFailed } from '../codex/codex-messages.js';
import { loginRedirectUri, tokenRequestBody } from '../codex/endpoints.js';
import type { ErrorCode } from '../core/codes.js';
import type { CheckResult, EvidenceSection, Finding } from '../core/types.js';
import { pageTitle } from '../net/classify.js';
import { httpAnswerCause } from '../net/errors.js';
import { httpRequest, type HttpResponse } from '../net/http-request.js';
import { verifiedTls } from '../net/verified-tls.js';
import { header, openAiErrorText, responseKind } from '../net/response-kind.js';
import { chainVerifier, unknownForUnreadStore, unreadStoreFinding } from './chain-verdict.js';
import { factsOf, type DoctorCheck, type DoctorContext } from './context.js';
import { withEndpointRow } from './network-plan.js';
import type { TlsAuthFacts } from './tls-auth.js';
import { OAUTH_TOKEN } from './network-checks.js';
import { networkHints, oauthHints, routeEnv, type HintContext } from '../words/network-hints.js';
import { classifyFailure, describeRoute, probeBudget, Stager, throughPath } from './network.js';
import { Speaker } from '../words/speaker.js';

export interface OAuthTokenFacts {
  status: number;
  kind: ReturnType<typeof responseKind>;
}

export const oauthTokenCheck: DoctorCheck<OAuthTokenFacts> = {
  ...OAUTH_TOKEN,
  async run(ctx) {
    ctx.stage('input');
    const facts = factsOf(ctx, 'tls.auth');
    if (!facts?.loginPassed) return { summary: 'Not run: the TLS connection for login failed (tls.auth).', findings: [], blockedBy: ['tls.auth'] };
    return withEndpointRow(await tokenExchange(ctx, facts), facts.login);
  },
};

async function tokenExchange(ctx: DoctorContext, facts: TlsAuthFacts): Promise<CheckResult<OAuthTokenFacts>> {
  const { endpoints, target, route, trust } = facts;
  const url = new URL(endpoints.tokenEndpoint);
  const world = await ctx.world();
  const hintContext: HintContext = { target, route, transport: 'https', platform: ctx.host.platform, words: new Speaker(world, ctx.host), intercepted: facts.interception.kind !== 'not-intercepted', env: routeEnv(world, ctx.host) };
  if (unknownForUnreadStore(facts.verdicts.https)) {
    // The request goes only over a connection verified as Codex would verify it; here that needs the OS store.
    return {
      summary: `POST ${url.href}: not sent (the OS store could not be read to verify the connection).`,
      findings: [
        unreadStoreFinding(facts.verdicts.https, trust, facts.issuerSearch, networkHints('TLS_UNKNOWN_ISSUER', hintContext), ' The token request was not sent.'),
      ],
      data: { url: url.href, route: describeRoute(route, target), sent: false },
    };
  }
  const { codexVersion } = world;
  const body = tokenRequestBody(`codex-doctor-invalid-${randomBytes(8).toString('hex')}`, randomBytes(48).toString('base64url'), codexVersion);

  const stager = new Stager(ctx);
  const budget = probeBudget(ctx);
  let response: HttpResponse;
  try {
    const pathInput = { target, route, dialing: ctx.host, signal: budget.signal, proxyCa: () => trust.https.pems };
    const post = (socket: TLSSocket): Promise<HttpResponse> =>
      stager.step('http', () =>
        httpRequest({
          socket,
          method: 'POST',
          url,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body,
          signal: budget.signal,
        }),
      );
    // Over the connection tls.auth verified (login's chain, HTTPS's rules), else a fresh one verified the same way.
    const kept = facts.connection?.take();
    response = kept
      ? await post(kept)
      : await throughPath(stager, pathInput, async (opened) =>
          post(
            await stager.step('tls-handshake', () =>
              verifiedTls({ socket: opened.socket, servername: target.host, verifier: chainVerifier(trust.https, target.host, ctx.host.now(), facts.chain), alpn: trust.https.alpn, signal: budget.signal }),
            ),
          ),
        );
  } catch (error) {
    const failure = classifyFailure(error, stager, { proxied: route.kind === 'proxy', probe: 'oauth' });
    // Device-code login goes the same way (same client, same route) to its own endpoint.
    const codexSays = `Codex would show: "${tokenExchangeFailed(url.href)}" (with \`codex login --device-auth\`: "${deviceLoginFailed(sendError(DEVICE_CODE_URL), codexVersion)}").`;
    return {
      summary: `POST ${url.href}: failed at ${failure.stage} (${failure.code}).`,
      findings: [
        {
          level: 'fail',
          code: failure.code,
          stage: failure.stage,
          detail: `${failure.detail} ${codexSays}`,
          cause: failure.cause,
          hints: oauthHints(failure.code, hintContext, url) ?? networkHints(failure.code, hintContext),
        },
      ],
      data: { url: url.href, route: describeRoute(route, target), stage: failure.stage },
    };
  } finally {
    budget.dispose();
  }

  const kind = responseKind(response, response.body);
  const finding = judgeTokenResponse(response, kind, url, hintContext);
  const evidence: EvidenceSection[] = [
    {
      title: `POST ${url.href}`,
      lines: [
        `Body (form-encoded, as Codex sends it): grant_type=authorization_code, code=<deliberately invalid>, redirect_uri=${loginRedirectUri(codexVersion)} (the browser login's callback; 1457 when 1455 is taken), client_id, code_verifier=<random>`,
        `Answer (${response.protocol === 'h2' ? 'HTTP/2' : 'HTTP/1.1'}, as ALPN picked): ${response.status} ${response.reason}; ${header(response, 'content-type') ?? 'no content type'}; ${header(response, 'server') ? `server ${header(response, 'server')}` : 'no server header'}`,
        `Body starts: ${response.body.replace(/\s+/g, ' ').slice(0, 200)}`,
      ],
    },
  ];
  return {
    summary: `POST ${url.pathname} -> ${response.status} (${kind}): ${finding.level === 'info' ? 'the token exchange path works' : finding.code}.`,
    findings: [finding],
    evidence,
    data: { url: url.href, route: describeRoute(route, target), protocol: response.protocol, status: response.status, kind, contentType: header(response, 'content-type') ?? null },
    facts: { status: response.status, kind },
  };
}

/** What the answer to the invalid token request says about the path. */
export function judgeTokenResponse(response: HttpResponse, kind: ReturnType<typeof responseKind>, url: URL, context: HintContext): Finding {
  const status = `${response.status}${response.reason ? ` ${response.reason}` : ''}`;
  const fail = (code: ErrorCode, detail: string): Finding => ({
    level: 'fail',
    code,
    stage: 'http',
    detail,
    cause: httpAnswerCause(response, response.protocol),
    hints: oauthHints(code, context, url, response) ?? networkHints(code, context),
  });
  const codexSays = `Codex would show: "token endpoint returned status ${response.status}: ..."`;
  switch (kind) {
    case 'openai-json':
      if (response.status >= 400 && response.status < 500) {
        return {
          level: 'info',
          code: 'OAUTH_PATH_OK',
          stage: 'http',
          detail: `The token endpoint answered ${status} with OpenAI's JSON error (${openAiErrorText(response.body) ?? 'error'}) to the deliberately invalid code: a real login gets this far.`,
        };
      }
      if (response.status >= 500) return fail('OAUTH_SERVER_ERROR', `OpenAI answered ${status} with a JSON error (${openAiErrorText(response.body) ?? 'error'}). ${codexSays}`);
      return fail('OAUTH_UNEXPECTED_RESPONSE', `The token endpoint answered ${status} to an invalid code, which OpenAI never does. ${codexSays}`);
    case 'cloudflare-challenge':
      return fail('OAUTH_CLOUDFLARE_CHALLENGE', `Cloudflare answered ${status} with a bot challenge ("${pageTitle(response.body) ?? 'challenge'}") instead of passing the request to OpenAI. ${codexSays}`);
    case 'html':
      if (response.status === 407) return fail('OAUTH_PROXY_AUTH', `The inspecting proxy answered ${status} to the token request itself. ${codexSays}`);
      if (response.status >= 500) return fail('OAUTH_SERVER_ERROR', `${status} came back as an HTML page ("${pageTitle(response.body) ?? 'no title'}"), not from OpenAI. ${codexSays}`);
      return fail('OAUTH_BLOCK_PAGE', `${status} came back as an HTML page ("${pageTitle(response.body) ?? 'no title'}") instead of OpenAI's JSON: something on the path blocks or rewrites the request. ${codexSays}`);
    case 'other-json':
    case 'other':
      if (response.status === 407) return fail('OAUTH_PROXY_AUTH', `The inspecting proxy answered ${status} to the token request itself. ${codexSays}`);
      if (response.status === 403) return fail('OAUTH_PROXY_DENIED', `The token request got ${status} from something that is not OpenAI (no OpenAI JSON error). ${codexSays}`);
      if (response.status >= 500) return fail('OAUTH_SERVER_ERROR', `The token request got ${status}, not from OpenAI's API. ${codexSays}`);
      return fail('OAUTH_UNEXPECTED_RESPONSE', `The token request got ${status} with a body that is not OpenAI's JSON error. ${codexSays}`);
  }
}
