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

/** Personal numbers written anywhere in free text: СНИЛС (with or without separators) and 12-digit ИНН. */
export function redactText(text: string, names: readonly string[] = []): string {
  let out = text
    .replace(/\b\d{3}-\d{3}-\d{3}[ -]\d{2}\b/g, (m) => `***-***-**${m.slice(-4)}`)
    // Not inside hex (thumbprints, codes): only runs of 11–12 digits standing alone.
    .replace(/(?<![\dA-Fa-f])\d{11,12}(?![\dA-Fa-f])/g, (m) => maskDigits(m))
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, (m) => maskEmail(m));
  for (const name of names) {
    if (name.length < 2) continue;
    out = out.split(name).join(maskName(name));
  }
  return out;
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
      else masked = redactText(value, names);
      return `${key}=${quote(masked)}`;
    })
    .join(', ');
}

/** The redacted copy of a full report. */
export function redactReport(report: Report): Report {
  const names = [...new Set(report.certificates.flatMap((c) => personalNames(c.subject)))].sort((a, b) => b.length - a.length);
  const text = (value: string): string => redactText(value, names);
  return {
    ...report,
    redacted: true,
    page: report.page.map((p) => ({ ...p, excerpt: text(p.excerpt) })),
    certificates: report.certificates.map((c) => ({
      ...c,
      subject: redactSubject(c.subject),
      container: c.container === null ? null : text(c.container),
    })),
    problems: report.problems.map((p) => ({ ...p, evidence: text(p.evidence) })),
    check: { ...report.check, ...(report.check.reason === undefined ? {} : { reason: text(report.check.reason) }) },
  };
}
