import type { ProblemId } from '../core/problem-ids';

/**
 * CryptoAPI / HRESULT / SCard codes with a known meaning (spec/problems.md "code" signals,
 * research/cryptopro-plugin.md §4). Keys are 8 lowercase hex digits.
 * 0x80070057 is deliberately absent: alone it means nothing definite (a wrong argument, an old
 * plug-in with PKCS#7, a CSP conflict), so it is reported as an unknown code with the code shown.
 */
export const CODE_PROBLEMS: Readonly<Record<string, ProblemId>> = {
  '800a01ad': 'activex-object-failed',
  '000004c7': 'plugin-site-access-denied',
  '80090017': 'csp-missing',
  '80090019': 'csp-missing',
  '8009001d': 'csp-missing',
  '8007065b': 'csp-license-expired',
  '8007064a': 'csp-config-damaged',
  '80090008': 'csp-outdated',
  '80090020': 'csp-conflict',
  '8010002c': 'cert-none-found',
  '8009200b': 'cert-no-private-key',
  '8009200c': 'cert-no-private-key',
  '80092004': 'cert-no-private-key',
  '80090016': 'key-container-missing',
  '8000ffff': 'key-container-missing',
  '8009000d': 'key-missing',
  '800b0101': 'cert-expired',
  '80090010': 'key-usage-period-expired',
  '800b010c': 'cert-revoked',
  '80092010': 'cert-revoked',
  'c2110126': 'cert-revoked',
  '80092012': 'revocation-check-failed',
  '80092013': 'revocation-check-failed',
  '800b010e': 'revocation-check-failed',
  'c2110127': 'revocation-check-failed',
  'c2110128': 'revocation-check-failed',
  '800b010a': 'chain-untrusted',
  '800b0109': 'chain-untrusted',
  '800b0110': 'cert-wrong-usage',
  '8010006b': 'pin-wrong',
  '8010006c': 'pin-blocked',
  '8010006e': 'user-cancelled',
  '800704c7': 'user-cancelled',
};

/** Failure codes of CryptoAPI/COM (0x80……) and CAdES (0xC2……) that we report even when unknown. */
const FAILURE_CODE = /^(?:80|c2)[0-9a-f]{6}$/;

/** The problem a code means, `unknown-signing-error` for another failure code, or null for a non-code. */
export function problemForCode(hex8: string): ProblemId | null {
  const code = hex8.toLowerCase();
  return CODE_PROBLEMS[code] ?? (FAILURE_CODE.test(code) ? 'unknown-signing-error' : null);
}

/** `-2146885621` → `8009200b`: sites print HRESULTs as signed 32-bit integers. */
export function hexFromSignedDecimal(decimal: string): string | null {
  const value = Number(decimal);
  if (!Number.isInteger(value) || value >= 0 || value < -0x80000000) return null;
  return (value + 0x100000000).toString(16).padStart(8, '0');
}

/** Regular-expression sources for the three written forms of a code; each has one capture group. */
export const CODE_SOURCES = {
  /** `0x8009200B`, `(0x8009200b)`. */
  prefixed: '0x([0-9a-f]{8})(?![0-9a-z])',
  /** `код 8009200B`, `Код ошибки: 0x…` is covered above, `error code: 8009200b`. */
  afterWord: '(?<![0-9a-zа-яё])(?:код|code)(?:\\s*(?:ошибки|error))?\\s*[:=#№-]?\\s*\\(?([0-9a-f]{8})(?![0-9a-zа-яё])',
  /** `-2146885621`, not part of a longer number, a date or a range. */
  signedDecimal: '(?<![0-9a-z.,:/-])(-[12][0-9]{9})(?![0-9.,])',
} as const;
