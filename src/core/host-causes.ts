/**
 * What ep-doctor-host found, as keys the popup words in the user's language (the evidence stays the
 * technical line for support). Params are plain values: a browser id, a name, a number.
 */
export const HOST_CAUSES = [
  'manifest-missing',
  'manifest-broken',
  'manifest-outdated',
  'firefox-addon-missing',
  'csp-missing',
  'csp-outdated',
  'csp-conflict',
  'license-expired',
  'csp-damaged',
  'root-missing',
  'ca-missing',
  'smart-card-stopped',
  'smart-card-missing',
  'pcsc-module-missing',
  'several-tokens',
  'clock-behind',
  'clock-ahead',
  'time-zone-wrong',
  'date-wrong',
  'cloud-key',
  'tls-no-gost-browser',
  'tls-gost-unavailable',
  'tls-handshake-broken',
  'tls-root-missing',
  'tls-client-cert-rejected',
  'tls-no-client-cert',
] as const;
export type HostCause = (typeof HOST_CAUSES)[number];
