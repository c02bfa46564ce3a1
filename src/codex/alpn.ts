// What Codex's clients offer in ALPN, as the lab origin saw the real 0.129.0 to 0.169.0 on Linux (the
// conformance suite compares every run where Codex's own handshake reaches the origin):
// - the HTTPS client (reqwest) offers h2 and http/1.1 when it is built with a CA bundle (CODEX_CA_CERTIFICATE,
//   SSL_CERT_FILE), and no ALPN at all on its default roots;
// - the WebSocket client offers none.
// The doctor offers the same, so a server or proxy that picks by ALPN treats its probe as it treats Codex.

export const BUNDLE_HTTPS_ALPN: readonly string[] = ['h2', 'http/1.1'];
export const WEBSOCKET_ALPN: readonly string[] = [];
const DEFAULT_HTTPS_ALPN: readonly string[] = [];

/** The ALPN offer of Codex's client for a transport, given whether that client was built with a CA bundle. */
export function codexAlpn(transport: 'https' | 'websocket', withBundle: boolean): readonly string[] {
  if (transport === 'websocket') return WEBSOCKET_ALPN;
  return withBundle ? BUNDLE_HTTPS_ALPN : DEFAULT_HTTPS_ALPN;
}
