import type { Report } from './schema';

/**
 * Masking of personal data for a report that leaves the computer: СНИЛС and personal (12-digit) ИНН
 * keep their last 3 digits, an individual's names their first letter, an e-mail its domain. What
 * support needs stays: organisation ИНН/ОГРН, thumbprints, issuers, dates, codes.
 */
const mask = (value: string, keep: number, from: 'start' | 'end'): string => {
  const chars = Array.from(value);
  if (chars.length <= keep) return '*'.repeat(chars.length);
  return from === 'start' ? chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep) : '*'.repeat(chars.length - keep) + chars.slice(-keep).join('');
};

/** Each word keeps its first letter: «Иван Иванович» → «И*** И*******». */
export const maskName = (name: string): string => name.replace(/[\p{L}][\p{L}'’-]*/gu, (word) => mask(word, 1, 'start'));
const maskDigits = (digits: string): string => mask(digits, 3, 'end');
const maskEmail = (email: string): string => email.replace(/^([^@]{1})[^@]*@/, (_, first: string) => `${first}***@`);

/** A full name with a patronymic (Иванов Иван Иванович, Иван Иванович Иванов), whoever it belongs to. */
const FULL_NAME = /(?<![\p{L}])(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+){1,2}[А-ЯЁ][а-яё]+(?:ович|евич|овна|евна|ична|инична)(?:\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)?(?![\p{L}])/gu;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Personal data written anywhere in free text: СНИЛС (with spaces, dashes or none) and 12-digit ИНН,
 * e-mail addresses, the user's name in home-folder paths, the path and query of web addresses, full
 * names with a patronymic, and the certificate owners' names in any letter case.
 */
export function redactText(text: string, names: readonly string[] = []): string {
  let out = text
    .replace(/(?<![\dA-Fa-f])\d{3}[ -]?\d{3}[ -]?\d{3}[ -]\d{2}(?![\dA-Fa-f])/g, (m) => `***-***-**${m.slice(-4)}`)
    // Not inside hex (thumbprints, codes): only runs of 11–12 digits standing alone.
    .replace(/(?<![\dA-Fa-f])\d{11,12}(?![\dA-Fa-f])/g, (m) => maskDigits(m))
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, (m) => maskEmail(m))
    .replace(/\b(https?:\/\/[^\s/?#"'<>]+)[^\s"'<>]*/gi, (_, origin: string) => `${origin}/…`)
    .replace(/(\/home\/|\/Users\/|[A-Za-z]:\\Users\\|[A-Za-z]:\\Documents and Settings\\)([^\\/\s"']+)/g, (_, prefix: string, user: string) => `${prefix}${mask(user, 1, 'start')}`)
    .replace(FULL_NAME, (m) => maskName(m));
  for (const name of names) {
    if (name.length < 2) continue;
    out = out.replace(new RegExp(escapeRegExp(name), 'giu'), (m) => maskName(m));
  }
  return out;
}

/**
 * A page address without what may name a person: the origin and the path's plain words; a segment with
 * digits, an «@» or an escape (a login, an e-mail, a СНИЛС, an id) becomes «…».
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname
      .split('/')
      .map((segment) => (/^[A-Za-z._-]*$/.test(segment) ? segment : '…'))
      .join('/');
    return `${parsed.origin}${path}`;
  } catch {
    return redactText(url);
  }
}

/** `\\.\<reader>\<container>`: the reader (a device) stays, the container's name (often the owner's) does not. */
export function redactContainer(container: string): string {
  const at = container.lastIndexOf('\\');
  return at < 0 ? mask(container, 1, 'start') : `${container.slice(0, at + 1)}${mask(container.slice(at + 1), 1, 'start')}`;
}

/** The RDN attributes of a CAdESCOM subject string (`CN="ООО ""РОМАШКА""", SN=Иванов, …`). */
export function parseSubject(subject: string): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  const re = /(?:^|,\s*)([A-Za-z][\w.]*)=("(?:[^"]|"")*"|[^,]*)/g;
  for (let m = re.exec(subject); m !== null; m = re.exec(subject)) {
    const raw = m[2] ?? '';
    out.push({ key: m[1] ?? '', value: raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw.trim() });
  }
  return out;
}

const quote = (value: string): string => (/[,"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Personal words of a subject: surname, given names, and the CN when it is a person's name. */
export function personalNames(subject: string): string[] {
  const attrs = parseSubject(subject);
  const get = (k: string) => attrs.find((a) => a.key.toUpperCase() === k)?.value;
  const names = [get('SN'), get('G'), get('GN')].filter((v): v is string => v !== undefined && v !== '');
  const cn = get('CN');
  const organisation = get('O');
  if (cn !== undefined && cn !== organisation && (organisation === undefined || names.some((n) => cn.includes(n)))) names.push(cn);
  return names.flatMap((n) => [n, ...n.split(/\s+/).filter((w) => w.length >= 2)]).sort((a, b) => b.length - a.length);
}

/** A subject with its personal attributes masked; organisation attributes kept. */
export function redactSubject(subject: string): string {
  const attrs = parseSubject(subject);
  if (attrs.length === 0) return redactText(subject);
  const names = personalNames(subject);
  return attrs
    .map(({ key, value }) => {
      const k = key.toUpperCase();
      let masked = value;
      if (k === 'SN' || k === 'G' || k === 'GN') masked = maskName(value);
      else if (k === 'SNILS' || (k === 'INN' && /^\d{12}$/.test(value))) masked = maskDigits(value);
      else if (k === 'E' || k === 'EMAIL') masked = maskEmail(value);
      else if (k === 'CN' && names.includes(value)) masked = maskName(value);
      else if (k === 'STREET') masked = mask(value, 1, 'start');
      else masked = redactText(value, names);
      return `${key}=${quote(masked)}`;
    })
    .join(', ');
}

/** An issuer that names a person (a self-signed personal certificate) is masked like a subject. */
const personalIssuer = (issuer: string): boolean => parseSubject(issuer).some(({ key, value }) => ['SN', 'G', 'GN', 'SNILS'].includes(key.toUpperCase()) || (key.toUpperCase() === 'INN' && /^\d{12}$/.test(value)));

/** The redacted copy of a full report. */
export function redactReport(report: Report): Report {
  const names = [...new Set(report.certificates.flatMap((c) => [...personalNames(c.subject), ...(personalIssuer(c.issuer) ? personalNames(c.issuer) : [])]))].sort((a, b) => b.length - a.length);
  const text = (value: string): string => redactText(value, names);
  return {
    ...report,
    redacted: true,
    platform: { ...report.platform, url: redactUrl(report.platform.url) },
    page: report.page.map((p) => ({ ...p, excerpt: text(p.excerpt) })),
    certificates: report.certificates.map((c) => ({
      ...c,
      subject: redactSubject(c.subject),
      issuer: personalIssuer(c.issuer) ? redactSubject(c.issuer) : c.issuer,
      container: c.container === null ? null : redactContainer(c.container),
    })),
    problems: report.problems.map((p) => ({
      ...p,
      evidence: text(p.evidence),
      ...(p.cause === undefined ? {} : { cause: { ...p.cause, params: Object.fromEntries(Object.entries(p.cause.params).map(([k, v]) => [k, text(v)])) } }),
    })),
    check: { ...report.check, ...(report.check.reason === undefined ? {} : { reason: text(report.check.reason) }) },
  };
}
