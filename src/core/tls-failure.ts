import type { CheckProblem } from './check-result';
import type { HostCause } from './host-causes';

/**
 * Why a host that needs GOST TLS did not open, from the browser's own network error for it (Chromium's
 * net error names, as webRequest reports them), the browser and the OS. This is the TLS layer apart from
 * signing: nothing on the page ran, so no signing check can say anything until the page opens.
 * Decision table: research on GOST TLS causes (Chromium-Gost issues #17, #32, #77, #96, #106, #127;
 * Yandex Browser help; Chromium's net_error_list).
 */
export type TlsCause = Extract<HostCause, `tls-${string}`>;

export interface TlsFailureInput {
  /** `net::ERR_…` as webRequest.onErrorOccurred gives it. */
  error: string;
  host: string;
  /** The platform's cabinet asks for the qualified certificate during the handshake (ФНС cabinets). */
  clientCertificate: boolean;
  browser: { name: string; version: string | null; gostTls: boolean };
  os: 'windows' | 'linux' | 'macos' | null;
}

const HANDSHAKE_BROKEN = new Set(['ERR_SSL_PROTOCOL_ERROR', 'ERR_CONNECTION_RESET', 'ERR_CONNECTION_CLOSED', 'ERR_CONNECTION_ABORTED', 'ERR_FAILED', 'ERR_SSL_BAD_RECORD_MAC_ALERT', 'ERR_SSL_DECRYPT_ERROR_ALERT', 'ERR_EMPTY_RESPONSE']);

/** Chromium's name of a network error, without the `net::` prefix; null for anything else. */
export function netErrorName(error: string): string | null {
  const match = /^(?:net::)?(ERR_[A-Z0-9_]{2,60})$/.exec(error.trim());
  return match?.[1] ?? null;
}

export function tlsFailure(input: TlsFailureInput): Pick<CheckProblem, 'id' | 'evidence' | 'cause'> | null {
  const name = netErrorName(input.error);
  if (name === null) return null;
  const browser = `${input.browser.name}${input.browser.version === null ? '' : ` ${input.browser.version}`}`;
  const seen = `${input.host} did not open: net::${name} in ${browser}`;
  const params = { host: input.host.slice(0, 100), error: name };
  const say = (cause: TlsCause, why: string) => ({ id: 'gost-tls-unsupported' as const, evidence: `${seen}: ${why}`.slice(0, 500), cause: { key: cause, params } });
  if (name === 'ERR_SSL_VERSION_OR_CIPHER_MISMATCH') {
    return input.browser.gostTls
      ? say('tls-gost-unavailable', 'the browser offered no GOST cipher suites: CryptoPro CSP is missing, too old (4.0 in Chromium 90+) or not working, or GOST is switched off in the browser')
      : say('tls-no-gost-browser', 'the browser has no GOST cipher suites; the host serves GOST TLS only');
  }
  if (name === 'ERR_CERT_AUTHORITY_INVALID') {
    // Chromium-Gost on Linux and macOS checks a GOST server certificate through CryptoPro's own store.
    const store = input.browser.name === 'chromium-gost' && input.os !== 'windows' ? "CryptoPro CSP's root store (certmgr -install -store uRoot)" : 'the trusted root store';
    return say('tls-root-missing', `the root of the server's certificate is not in ${store} (ГУЦ / Минцифры roots for GOST hosts)`);
  }
  if (name === 'ERR_BAD_SSL_CLIENT_AUTH_CERT') return say('tls-client-cert-rejected', 'the server refused the certificate this computer offered (expired, revoked, not registered, or its CA unknown to the server)');
  if (name === 'ERR_SSL_CLIENT_AUTH_CERT_NEEDED' || name === 'ERR_SSL_CLIENT_AUTH_CERT_NO_PRIVATE_KEY' || name === 'ERR_SSL_CLIENT_AUTH_SIGNATURE_FAILED' || (input.clientCertificate && input.browser.gostTls && name === 'ERR_CONNECTION_CLOSED')) {
    return say('tls-no-client-cert', 'the cabinet asks for the qualified certificate during the connection and none usable was offered (token not inserted, no key link, expired, not for client authentication)');
  }
  if (input.browser.gostTls && HANDSHAKE_BROKEN.has(name)) {
    return say('tls-handshake-broken', 'the GOST handshake broke: CryptoPro CSP 4.0 or an old 5.0 build, or an antivirus, proxy or provider filter that does not pass GOST TLS (1.3)');
  }
  return null;
}
