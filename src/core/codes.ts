// The one error-code catalogue. Codes are API: tickets and scripts key on them, so never rename one.
// Each entry says what the code means in one sentence; the README's catalogue is checked against this.

export const CATALOGUE = {
  // --- runner: the doctor itself ---
  RUN_CRASH: 'The doctor hit an internal error in this check (a codex-doctor bug, not your network).',
  RUN_DEADLINE: 'The check was still waiting when the run deadline (--timeout) passed; the stage says where.',

  // --- ca.bundle: the CA file Codex reads ---
  CA_BUNDLE_OK: 'The CA bundle Codex selects loads, as Codex would load it.',
  CA_SYSTEM_ROOTS: 'No CA variable is set: Codex uses the system roots.',
  CA_NO_SYSTEM_ROOTS: 'No system root certificates were found where Codex looks for them.',
  CA_FILE_NOT_FOUND: 'The CA file named by the variable does not exist.',
  CA_IS_DIRECTORY: 'The CA variable names a directory; Codex needs a PEM file.',
  CA_UNREADABLE: 'The CA file exists but cannot be read (permissions or I/O error).',
  CA_EMPTY_FILE: 'The CA file is empty.',
  CA_TOO_LARGE: 'The CA file is far larger than any certificate bundle; it is not a bundle.',
  CA_NO_CERTIFICATES: 'Codex finds no CERTIFICATE block in the file ("no certificates found in PEM file").',
  CA_FORMAT_DER: 'The file is a binary DER certificate, which Codex cannot read; convert it to PEM.',
  CA_FORMAT_PKCS7: 'The file is a PKCS#7 (.p7b) container, which Codex cannot read; extract its certificates to PEM.',
  CA_FORMAT_PKCS12: 'The file is a PKCS#12 (.pfx/.p12) container, which Codex cannot read; extract its certificates to PEM.',
  CA_FORMAT_UTF16: 'The file is UTF-16 text (typical of PowerShell exports); Codex reads UTF-8 only.',
  CA_PEM_ILLEGAL_SECTION_START: 'A BEGIN line is malformed; Codex rejects the whole file.',
  CA_PEM_MISSING_SECTION_END: 'A PEM section never ends; Codex rejects the whole file.',
  CA_PEM_BASE64: 'A PEM section holds invalid base64; Codex rejects the whole file.',
  CA_PEM_BAD_CRL: 'A CRL in the bundle is malformed; Codex rejects the whole file.',
  CA_TRUSTED_DER_LENGTH: 'A TRUSTED CERTIFICATE block has an invalid DER length; Codex rejects the whole file.',
  CA_REGISTER_FAILED: 'A certificate parses as PEM but the TLS library rejects it; Codex rejects the whole file.',
  CA_TRUSTED_NORMALISED: 'TRUSTED CERTIFICATE blocks were read as plain certificates; their OpenSSL trust settings are ignored.',
  CA_CRL_SKIPPED: 'CRLs in the bundle are skipped by Codex.',
  CA_PRIVATE_KEY_SKIPPED: 'The bundle contains a private key; Codex skips it, but a private key does not belong in a CA bundle.',
  CA_OTHER_SKIPPED: 'Blocks other than certificates (CSRs, public keys, unknown labels) are skipped by Codex.',
  CA_CERT_EXPIRED: 'A certificate in the bundle has expired; rustls will not use it as a trust anchor for expired chains.',
  CA_CERT_NOT_YET_VALID: 'A certificate in the bundle is not valid yet (check the clock).',
  CA_CERT_NOT_CA: 'A certificate in the bundle is not a CA (a leaf); it cannot anchor the proxy chain.',
  CA_WEAK_SIGNATURE: 'A certificate is signed with SHA-1 or MD5, which rustls rejects.',
  CA_WEAK_RSA_KEY: 'A certificate has an RSA key under 2048 bits, which rustls rejects.',
  CA_DUPLICATE: 'The same certificate appears more than once in the bundle.',
  CA_CERT_UNREADABLE: 'A certificate block decodes but is not a readable X.509 certificate.',

  // --- env.precedence: which variables Codex reads ---
  ENV_CA_SELECTED: 'Which CA variable Codex uses and what each transport trusts.',
  ENV_SSL_CERT_FILE_REPLACES_OS: 'SSL_CERT_FILE replaces the OS trust store for Codex; a root in the OS store is no longer trusted.',
  ENV_SSL_CERT_EMPTY: 'SSL_CERT_FILE or SSL_CERT_DIR is set to an empty string: WebSocket TLS then loads no OS roots.',
  ENV_CODEX_VAR_IN_DOTENV: 'A CODEX_* variable in $CODEX_HOME/.env is ignored by Codex.',
  ENV_DOTENV_OVERRIDES: 'A variable in $CODEX_HOME/.env overrides the shell value for Codex.',
  ENV_DOTENV_UNREADABLE: '$CODEX_HOME/.env exists but cannot be read.',
  ENV_CA_VARS_DIFFER: 'CODEX_CA_CERTIFICATE and SSL_CERT_FILE name different files; only CODEX_CA_CERTIFICATE is used.',
  ENV_VALUE_QUOTED: 'A path variable contains literal quotes, which Codex keeps as part of the path.',
  ENV_VALUE_WHITESPACE: 'A path variable has leading or trailing whitespace, which Codex keeps as part of the path.',
  ENV_VALUE_TILDE: 'A path variable starts with ~, which Codex does not expand.',
  ENV_VALUE_RELATIVE: 'A path variable is relative; Codex resolves it against its working directory.',
  ENV_OTHER_CA_VAR_DIFFERS: 'A CA variable for other tools (Node, Python) names a different file than Codex uses.',
  ENV_INSECURE_WORKAROUND: 'A setting that disables TLS verification is present; it does not help Codex and weakens other tools.',
  ENV_PROXY_SELECTED: 'Which proxy each Codex transport uses.',
  ENV_PROXY_CASE_CONFLICT: 'Upper- and lower-case forms of a proxy variable disagree; the upper-case one wins.',
  ENV_PROXY_SCHEME_UNSUPPORTED: 'A proxy URL uses a scheme Codex cannot use for one of its transports.',
  ENV_PROXY_HTTP_ONLY: 'Only HTTP_PROXY is set: Codex HTTPS ignores it while WebSocket uses it.',
  ENV_NO_PROXY_BYPASS: 'NO_PROXY makes Codex bypass the proxy for an OpenAI host.',
  ENV_PROXY_INVALID_URL: 'A proxy variable is not a valid URL.',
  ENV_CODEX_HOME_INVALID: 'CODEX_HOME does not name an existing directory.',
  ENV_CODEX_TOO_OLD: 'The installed Codex predates custom CA support (0.115.0).',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof CATALOGUE;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(CATALOGUE, value);
}
