/** Check digits of Russian identifiers (research/certificates.md §2.2). Each takes the digits as text. */
const digits = (value: string, length: number): number[] | null => (new RegExp(`^\\d{${length}}$`).test(value) ? [...value].map(Number) : null);
const weighted = (d: number[], weights: number[]): number => weights.reduce((sum, w, i) => sum + w * d[i]!, 0);

/** ИНН юридического лица: 10 digits. */
export function isValidInnLe(value: string): boolean {
  const d = digits(value, 10);
  return d !== null && (weighted(d, [2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10 === d[9];
}

/** ИНН физического лица: 12 digits; «00» + 10 digits is the legacy form of a legal entity's ИНН. */
export function isValidInn(value: string): boolean {
  if (/^00\d{10}$/.test(value)) return isValidInnLe(value.slice(2));
  const d = digits(value, 12);
  if (d === null) return false;
  const c11 = (weighted(d, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  const c12 = (weighted(d, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  return c11 === d[10] && c12 === d[11];
}

/** ОГРН: 13 digits, the first 12 mod 11 mod 10. */
export function isValidOgrn(value: string): boolean {
  return digits(value, 13) !== null && Number(BigInt(value.slice(0, 12)) % 11n) % 10 === Number(value[12]);
}

/** ОГРНИП: 15 digits, the first 14 mod 13 mod 10. */
export function isValidOgrnip(value: string): boolean {
  return digits(value, 15) !== null && Number(BigInt(value.slice(0, 14)) % 13n) % 10 === Number(value[14]);
}

/** СНИЛС: 11 digits, 9-digit number + 2 check digits. */
export function isValidSnils(value: string): boolean {
  const d = digits(value, 11);
  if (d === null) return false;
  // The check number applies to numbers above 001-001-998 only.
  if (Number(value.slice(0, 9)) <= 1001998) return true;
  const sum = weighted(d, [9, 8, 7, 6, 5, 4, 3, 2, 1]);
  let check = sum < 100 ? sum : sum === 100 || sum === 101 ? 0 : sum % 101;
  if (check === 100) check = 0;
  return check === Number(value.slice(9));
}
