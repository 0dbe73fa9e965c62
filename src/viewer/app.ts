import type { ReportPack } from '../core/report/render-text';
import { t } from '../core/i18n';
import type { Lang } from '../core/localized';
import { MAX_PASTE_BYTES, readReport } from '../core/report/block';
import { renderReadError, renderReport } from './render';

/**
 * The report viewer, for the extension page and the standalone file alike: paste or open a report,
 * see it rendered with the catalog's explanations and the platform's remedies. Never a blank page:
 * any input ends in a report or a clear message.
 */
export function startViewer(doc: Document, uiLang: Lang, packFor: (lang: Lang) => Promise<ReportPack>): void {
  const say = (key: Parameters<typeof t>[1]) => t(uiLang, key);
  doc.title = say('viewerTitle');
  doc.documentElement.lang = uiLang;
  const main = doc.getElementById('viewer') ?? doc.body;
  const heading = doc.createElement('h1');
  heading.textContent = say('viewerTitle');
  const intro = doc.createElement('p');
  intro.textContent = say('viewerIntro');
  const label = doc.createElement('label');
  label.textContent = say('viewerPaste');
  label.htmlFor = 'report-input';
  const input = doc.createElement('textarea');
  input.id = 'report-input';
  input.rows = 10;
  input.spellcheck = false;
  const show = doc.createElement('button');
  show.type = 'button';
  show.textContent = say('viewerShow');
  const file = doc.createElement('input');
  file.type = 'file';
  file.accept = '.txt,.json,text/plain,application/json';
  file.setAttribute('aria-label', say('viewerOpenFile'));
  const out = doc.createElement('div');
  out.setAttribute('aria-live', 'polite');
  out.id = 'report-output';
  const controls = doc.createElement('div');
  controls.className = 'controls';
  controls.append(show, file);
  main.append(heading, intro, label, input, controls, out);

  const display = async (text: string): Promise<void> => {
    try {
      const read = await readReport(text);
      if (!read.ok) {
        out.replaceChildren(renderReadError(doc, uiLang, read.error, read.detail));
        return;
      }
      out.replaceChildren(renderReport(doc, read.report, await packFor(read.report.lang)));
    } catch (error) {
      out.replaceChildren(renderReadError(doc, uiLang, 'invalid', String((error as Error)?.message ?? error).slice(0, 200)));
    }
  };
  show.addEventListener('click', () => void display(input.value));
  input.addEventListener('paste', () => setTimeout(() => void display(input.value), 0));
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen === undefined) return;
    if (chosen.size > MAX_PASTE_BYTES) {
      out.replaceChildren(renderReadError(doc, uiLang, 'too-large'));
      return;
    }
    void chosen.text().then((text) => {
      input.value = text;
      return display(text);
    });
  });
}
