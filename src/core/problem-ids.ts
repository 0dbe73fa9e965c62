/**
 * Every diagnosis id of the spec (../shared/spec/problems.md), in spec order.
 * Zod-free and text-free on purpose: the content script imports this list.
 */
export const PROBLEM_IDS = [
  // Plug-in and browser extension
  'plugin-extension-missing',
  'plugin-host-missing',
  'plugin-load-timeout',
  'plugin-site-access-denied',
  'plugin-connection-lost',
  'plugin-outdated',
  'activex-object-failed',
  'browser-unsupported',
  'signing-extension-conflict',
  // Crypto provider
  'csp-missing',
  'csp-license-expiring',
  'csp-license-wrong-version',
  'csp-license-expired',
  'csp-config-damaged',
  'csp-outdated',
  'csp-conflict',
  // Certificates and keys
  'cert-none-found',
  'cert-no-private-key',
  'key-container-missing',
  'key-missing',
  'cert-expired',
  'cert-not-yet-valid',
  'cert-expiring-soon',
  'key-usage-period-expired',
  'cert-revoked',
  'revocation-check-failed',
  'chain-untrusted',
  'cert-invalid',
  'cert-wrong-usage',
  'cert-not-qualified',
  'cert-algorithm-unsupported',
  'cert-issuer-not-accredited',
  // Token and PIN
  'pin-wrong',
  'pin-blocked',
  'user-cancelled',
  'token-not-detected',
  'multiple-tokens',
  // Platform
  'platform-cert-not-registered',
  'platform-signature-not-authorized',
  'platform-mchd-required',
  'platform-security-software',
  // Environment
  'clock-skew',
  'gost-tls-unsupported',
  'unknown-signing-error',
  // Госплагин (the Госуслуги signing plug-in)
  'gosplugin-app-missing',
  'gosplugin-extension-missing',
  'gosplugin-outdated',
  'gosplugin-unavailable',
  // Store and browser hygiene
  'cert-store-cluttered',
  'platform-browser-check-false',
] as const;

export type ProblemId = (typeof PROBLEM_IDS)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

const known: ReadonlySet<string> = new Set(PROBLEM_IDS);
export function isProblemId(value: unknown): value is ProblemId {
  return typeof value === 'string' && known.has(value);
}
