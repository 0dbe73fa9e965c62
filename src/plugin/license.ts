/**
 * `CAdESCOM.CPLicense.ValidTo(product)` answers "DD.MM.YYYY", "Unlimited" or "Expired DD.MM.YYYY"
 * (research/cryptopro-plugin.md §2.4). Returns whether the licence is valid at `now` and until when.
 */
export type LicenseState = { state: 'unlimited' } | { state: 'valid' | 'expired'; validTo: Date } | { state: 'unknown'; text: string };

export function parseLicenseValidTo(text: string, now: Date): LicenseState {
  const trimmed = text.trim();
  if (/^unlimited$/i.test(trimmed) || /^бессрочн/i.test(trimmed)) return { state: 'unlimited' };
  const match = /(\d{2})\.(\d{2})\.(\d{4})/.exec(trimmed);
  if (match === null) return { state: 'unknown', text: trimmed.slice(0, 100) };
  const [, d, m, y] = match;
  // Valid through the whole last day.
  const validTo = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 23, 59, 59));
  if (Number.isNaN(validTo.getTime()) || validTo.getUTCDate() !== Number(d)) return { state: 'unknown', text: trimmed.slice(0, 100) };
  const expired = /^expired/i.test(trimmed) || validTo.getTime() < now.getTime();
  return { state: expired ? 'expired' : 'valid', validTo };
}
