import { maskName, parseSubject } from './report/redact';

/** Owner as the report shows it: names masked (first letters), organisation kept. */
export function maskedOwner(subject: string): string {
  const attrs = parseSubject(subject);
  const get = (k: string) => attrs.find((a) => a.key.toUpperCase() === k)?.value;
  const person = [get('SN'), get('G')].filter((v): v is string => v !== undefined && v !== '').join(' ');
  const organisation = get('O');
  const name = person !== '' ? maskName(person) : organisation === undefined ? maskName(get('CN') ?? '?') : (get('CN') ?? '?');
  return organisation !== undefined && organisation !== name ? `${name}, ${organisation}` : name;
}

/** The CN of a distinguished name (an issuer's name as people know it), or the whole name. */
export function commonName(dn: string): string {
  return parseSubject(dn).find((a) => a.key.toUpperCase() === 'CN')?.value ?? dn;
}
