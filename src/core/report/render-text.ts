import type { HintPack } from '../hint-pack';

/** What the report text needs from a hint pack: problem titles and platform names (and, for the viewer, remedies). */
export type ReportPack = Pick<HintPack, 'problems' | 'platforms'>;
import { t } from '../i18n';
import type { UiKey } from '../i18n/ui-ru';
import { parseSubject } from './redact';
import type { Report } from './schema';
import { packPlatform } from '../pack-platform';

/** The text part never exceeds this many lines: it has to fit a chat message or a ticket form. */
export const MAX_TEXT_LINES = 60;

const date = (iso: string | null, lang: 'ru' | 'en'): string => {
  if (iso === null) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB', { timeZone: 'UTC' });
};

function owner(subject: string): string {
  const attrs = parseSubject(subject);
  const get = (k: string) => attrs.find((a) => a.key.toUpperCase() === k)?.value;
  const person = [get('SN'), get('G')].filter((v) => v !== undefined && v !== '').join(' ');
  const organisation = get('O');
  return [person || get('CN') || '?', organisation !== undefined && organisation !== get('CN') ? organisation : organisation !== undefined && person !== '' ? organisation : undefined]
    .filter((v) => v !== undefined)
    .join(', ');
}

const issuerName = (issuer: string): string => {
  const attrs = parseSubject(issuer);
  return attrs.find((a) => a.key.toUpperCase() === 'CN')?.value ?? attrs.find((a) => a.key.toUpperCase() === 'O')?.value ?? issuer.slice(0, 80);
};

/**
 * The report as plain text that survives e-mail, chat and ticket systems: the verdict and problem ids
 * first, then what support asks for (time and zone, browser, versions, platform, the page's exact
 * error and code), problems with evidence, certificates. At most MAX_TEXT_LINES lines; words from the
 * language's hint pack (problem titles, platform names).
 */
export function renderReportText(report: Report, pack: ReportPack): string {
  const lang = report.lang;
  const say = (key: UiKey, params?: Record<string, string | number>): string => t(lang, key, params);
  const ids = [...new Set(report.problems.map((p) => p.id))];
  const reason = report.check.reasonCode ?? report.check.reason ?? '';
  const verdict =
    report.check.status === 'done'
      ? ids.length === 0
        ? say('reportVerdictOk')
        : say('reportVerdictProblems', { n: ids.length })
      : report.check.status === 'impossible'
        ? say('reportVerdictImpossible', { reason })
        : report.check.status === 'none'
          ? say('reportVerdictNoCheck')
          : say('reportVerdictFailed', { reason: reason || report.check.status });
  const offset = `${report.utcOffsetMinutes >= 0 ? '+' : '-'}${String(Math.floor(Math.abs(report.utcOffsetMinutes) / 60)).padStart(2, '0')}:${String(Math.abs(report.utcOffsetMinutes) % 60).padStart(2, '0')}`;
  const c = report.components;
  const csp = c.providers.filter((p) => p.version !== null).map((p) => `${p.version} (${p.type})`).join(', ') || say('reportNone');
  const license = c.licenses.find((l) => l.product === 'csp');
  const platformName = report.platform.id === null ? null : (packPlatform(pack, report.platform.id)?.name ?? report.platform.id);

  const head: string[] = [
    `${say('reportTitle', { id: report.id })}: ${verdict}${ids.length > 0 ? ` — ${ids.join(', ')}` : ''}`,
    say('reportCreated', { time: report.createdAt.replace('T', ' ').slice(0, 19), zone: report.timeZone, offset }),
    platformName !== null ? say('reportPlatform', { platform: platformName, url: report.platform.url }) : say('reportNotPlatform', { url: report.platform.url || '—' }),
    say('reportBrowser', { browser: `${report.browser.name} ${report.browser.version ?? ''}`.trim(), os: `${report.os.os} ${report.os.arch}`, version: report.extension.rules === undefined ? report.extension.version : `${report.extension.version} (${say('reportRules', { date: report.extension.rules })})` }),
  ];
  if (report.support !== undefined) head.push(say('reportSupport', { contact: report.support }));
  // Discovery lists native hosts on every check that ran: none means the page never opened (a GOST TLS host).
  const probed = c.nativeHosts.length > 0 || c.cryptoproExtension.answered || c.providers.length > 0;
  if (report.check.status !== 'none' && !probed) head.push(say(report.problems.some((p) => p.cause?.key.startsWith('tls-') === true) ? 'reportNotProbed' : 'reportNotProbedOther'));
  if (report.check.status !== 'none' && probed) {
    head.push(
      say('reportComponents', {
        extension: c.cryptoproExtension.version ?? (c.cryptoproExtension.answered ? '?' : say('reportNone')),
        plugin: c.plugin.version ?? say('reportNone'),
        csp,
        license: license === undefined ? say('reportUnknown') : `${license.validTo ?? license.state}`,
      }),
      say('reportNativeHosts', { hosts: c.nativeHosts.filter((h) => h.state !== 'missing' || h.name === 'ru.cryptopro.nmcades').map((h) => `${h.name} — ${say(h.state === 'installed' ? 'reportInstalled' : h.state === 'missing' ? 'reportMissing' : 'reportUnknown')}`).join('; ') || say('reportNone') }),
    );
    if (c.companion !== undefined) {
      const found = c.companion.checks.filter((k) => k.status !== 'ok').map((k) => `${k.name} — ${k.status}`);
      head.push(say('reportCompanion', { state: c.companion.state === 'ok' ? `${c.companion.version ?? ''} ${say('reportCompanionChecks', { n: c.companion.checks.length })}${found.length > 0 ? `; ${found.join('; ')}` : ''}`.trim() : say(c.companion.state === 'missing' ? 'reportNotInstalled' : 'reportCompanionError') }));
    }
    if (c.readers !== null) head.push(say('reportReaders', { readers: c.readers.map((r) => r.name).join('; ') || say('reportNone') }));
    if (report.clockSkewSeconds !== null) head.push(say('reportClock', { seconds: report.clockSkewSeconds }));
  }
  const pageLines = report.page.slice(0, 3).map((p) => say('reportPage', { text: p.excerpt.slice(0, 160), code: p.code === undefined || p.excerpt.toUpperCase().includes(p.code.slice(2)) ? '' : ` (${p.code})` }));
  const problemLines: string[] = [];
  if (report.problems.length > 0) {
    problemLines.push(say('reportProblems'));
    report.problems.forEach((p, i) => {
      const title = pack.problems[p.id]?.title ?? p.id;
      problemLines.push(`${i + 1}. [${say(`reportSeverity_${p.severity}`)}] ${title} (${p.id})`, `   ${p.evidence.slice(0, 200)}`);
    });
  }
  const certLines: string[] = [];
  const shown = report.certificates.filter((cert) => !cert.superseded);
  if (shown.length > 0) {
    certLines.push(say('reportCertificates'));
    for (const cert of shown) {
      const status = cert.problems.length > 0 ? ` — ${cert.problems.join(', ')}` : cert.pluginValid === true ? ' — ok' : '';
      certLines.push(`- ${say('reportCertificate', { owner: owner(cert.subject), issuer: issuerName(cert.issuer), validTo: date(cert.validTo, lang), key: `${cert.keyValidTo === null ? '' : say('reportKeyTo', { date: date(cert.keyValidTo, lang) })}${cert.keyStore === undefined || cert.keyStore === null ? '' : `, ${say(`popupKeyStore_${cert.keyStore}`)}`}`, status })} [${cert.thumbprint.slice(0, 8)}…]`);
    }
  }
  const soon = (report.expiry ?? []).filter((e) => e.daysLeft > 0 && e.daysLeft <= 60);
  if (soon.length > 0) {
    const kinds = { certificate: 'expiryKindCertificate', key: 'expiryKindKey', license: 'expiryKindLicense' } as const;
    certLines.push(`${say('expiryTitle')}: ${soon.slice(0, 5).map((e) => `${say(kinds[e.kind], { owner: e.owner })} — ${date(e.endsAt, lang)} (${e.daysLeft})`).join('; ')}`);
  }
  const tail = [report.redacted ? say('reportRedacted') : say('reportFull')];
  // Fit the budget: problems first, then certificates, then page texts get cut with a «…and N more».
  const budget = MAX_TEXT_LINES - head.length - tail.length;
  const lines = [...head];
  const take = (block: string[], room: number): string[] => (block.length <= room ? block : [...block.slice(0, Math.max(0, room - 1)), say('reportMore', { n: block.length - Math.max(0, room - 1) })]);
  const problemsTaken = take(problemLines, Math.max(0, budget - Math.min(pageLines.length, 3) - Math.min(certLines.length, 4)));
  const certsTaken = take(certLines, Math.max(0, budget - problemsTaken.length - Math.min(pageLines.length, 3)));
  const pageTaken = take(pageLines, Math.max(0, budget - problemsTaken.length - certsTaken.length));
  lines.push(...pageTaken, ...problemsTaken, ...certsTaken, ...tail);
  return lines.slice(0, MAX_TEXT_LINES).join('\n');
}

/** The text, then the block the viewer reads back. */
export function reportMessage(text: string, block: string, lang: 'ru' | 'en'): string {
  // Page text in the readable part must not carry a block marker of its own: a reader would take it
  // for the start of the report. Runs of dashes become one dash there; the block itself is untouched.
  return `${text.replace(/-{5,}/g, '—')}\n\n${t(lang, 'reportBlockHint')}\n${block}\n`;
}
