import type { ProblemId } from '../core/problem-ids';
import { hexFromSignedDecimal, isFailureCode } from './code-values';

/**
 * CryptoAPI / HRESULT / SCard codes with a known meaning (spec/problems.md "code" signals,
 * research/cryptopro-plugin.md §4), grouped by problem: codes are 8 lowercase hex digits.
 * 0x80070057 is deliberately absent: alone it means nothing definite (a wrong argument, an old
 * plug-in with PKCS#7, a CSP conflict), so it is reported as an unknown code with the code shown.
 */
const CODES_BY_PROBLEM: { readonly [P in ProblemId]?: string } = {
  'activex-object-failed': '800a01ad',
  'plugin-site-access-denied': '000004c7',
  'csp-missing': '80090017 80090019 8009001d',
  'csp-license-expired': '8007065b',
  'csp-config-damaged': '8007064a',
  'csp-outdated': '80090008',
  'csp-conflict': '80090020',
  'cert-none-found': '8010002c',
  'cert-no-private-key': '8009200b 8009200c 80092004',
  'key-container-missing': '80090016 8000ffff',
  'key-missing': '8009000d',
  'cert-expired': '800b0101',
  'key-usage-period-expired': '80090010',
  'cert-revoked': '800b010c 80092010 c2110126',
  'revocation-check-failed': '80092012 80092013 800b010e c2110127 c2110128',
  'chain-untrusted': '800b010a 800b0109',
  'cert-wrong-usage': '800b0110',
  'pin-wrong': '8010006b',
  'pin-blocked': '8010006c',
  'user-cancelled': '8010006e 800704c7',
};

export const CODE_PROBLEMS: Readonly<Record<string, ProblemId>> = Object.fromEntries(
  (Object.entries(CODES_BY_PROBLEM) as [ProblemId, string][]).flatMap(([problem, codes]) => codes.split(' ').map((code) => [code, problem])),
);

/** The problem a code means, `unknown-signing-error` for another failure code, or null for a non-code. */
export function problemForCode(hex8: string): ProblemId | null {
  const code = hex8.toLowerCase();
  return CODE_PROBLEMS[code] ?? (isFailureCode(code) ? 'unknown-signing-error' : null);
}

export { hexFromSignedDecimal };

/** Regular-expression sources for the three written forms of a code; each has one capture group. */
export const CODE_SOURCES = {
  /** `0x8009200B`, `(0x8009200b)`. */
  prefixed: '0x([0-9a-f]{8})(?![0-9a-z])',
  /**
   * `код 8009200B`, `Код ошибки: 0x…` is covered above, `error code: 8009200b`. Every run of spaces and
   * punctuation is bounded and there is only one between the word and the code, so a page full of «код»
   * and spaces costs a constant per position (three unbounded `\\s*` in a row were cubic).
   */
  afterWord: '(?<![0-9a-zа-яё])(?:код|code)(?:\\s{1,3}(?:ошибки|error))?[\\s:=#№-]{0,6}\\(?([0-9a-f]{8})(?![0-9a-zа-яё])',
  /** `-2146885621`, not part of a longer number, a date or a range. */
  signedDecimal: '(?<![0-9a-z.,:/-])(-[12][0-9]{9})(?![0-9.,])',
} as const;
