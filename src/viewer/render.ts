import { composeSteps } from '../core/compose-steps';
import { el } from '../core/dom-el';
import { renderReportText, type ReportPack } from '../core/report/render-text';
import { t } from '../core/i18n';
import type { UiKey } from '../core/i18n/ui-ru';
import type { ReadError } from '../core/report/block';
import type { Report } from '../core/report/schema';
import { packPlatform } from '../core/pack-platform';

/** The same rendering as the copied text, plus each problem's explanation and the platform's remedy. */
export function renderReport(doc: Document, report: Report, pack: ReportPack): HTMLElement {
  const say = (key: UiKey, params?: Record<string, string | number>) => t(report.lang, key, params);
  const [first = '', ...rest] = renderReportText(report, pack).split('\n');
  const platform = packPlatform(pack, report.platform.id);
  const problems = report.problems.map((p) => {
    const entry = pack.problems[p.id];
    const steps = entry === undefined ? [] : composeSteps(entry.steps, platform?.remedies[p.id]);
    return el(
      doc,
      'li',
      { 'data-severity': p.severity, 'data-problem': p.id },
      el(doc, 'h3', {}, `${entry?.title ?? p.id} (${p.id})`),
      el(doc, 'p', { class: 'evidence' }, say('viewerEvidence', { evidence: p.evidence })),
      p.certificate !== undefined && el(doc, 'p', { class: 'evidence' }, say('viewerCertificate', { thumbprint: p.certificate })),
      entry !== undefined && el(doc, 'p', {}, el(doc, 'strong', {}, `${say('viewerExplanation')}: `), entry.explanation),
      steps.length > 0 && el(doc, 'p', {}, el(doc, 'strong', {}, `${say('viewerRemedy')}:`)),
      steps.length > 0 && el(doc, 'ol', {}, ...steps.map((s) => el(doc, 'li', {}, s))),
    );
  });
  const links = (platform?.links ?? []).filter((l) => /^https?:\/\//.test(l.url)).map((l) => el(doc, 'a', { href: l.url, target: '_blank', rel: 'noopener noreferrer' }, l.title));
  return el(
    doc,
    'article',
    { class: 'report', lang: report.lang, 'data-report-id': report.id, 'data-problems': [...new Set(report.problems.map((p) => p.id))].join(' ') },
    el(doc, 'h2', { class: 'verdict' }, first),
    el(doc, 'pre', { class: 'summary' }, rest.join('\n')),
    problems.length > 0 && el(doc, 'ol', { class: 'problems' }, ...problems),
    links.length > 0 && el(doc, 'p', { class: 'links' }, ...links.flatMap((a, i) => (i === 0 ? [a] : [' · ', a]))),
    el(doc, 'p', { class: 'integrity' }, say('viewerIntegrity')),
  );
}

const ERROR_KEYS: Record<ReadError, UiKey> = {
  empty: 'viewerError_empty',
  'too-large': 'viewerError_too_large',
  'no-report': 'viewerError_no_report',
  truncated: 'viewerError_truncated',
  damaged: 'viewerError_damaged',
  'future-version': 'viewerError_future_version',
  invalid: 'viewerError_invalid',
};

export function renderReadError(doc: Document, lang: 'ru' | 'en', error: ReadError, detail?: string): HTMLElement {
  return el(doc, 'p', { class: 'error', role: 'alert', 'data-error': error }, t(lang, ERROR_KEYS[error]), detail === undefined ? '' : ` (${detail})`);
}
