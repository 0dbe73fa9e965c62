import { useEffect, useMemo, useState } from 'preact/hooks';
import { ORG_POLICY_KEY, storedOrgPolicy, supportLine, type OrgPolicy } from '../core/org-policy';
import { EXPIRY_KEY, parseExpiryState } from '../core/expiry/model';
import { browser } from 'wxt/browser';
import type { CheckResult } from '../core/check-result';
import type { HintPack } from '../core/hint-pack';
import { t } from '../core/i18n';
import type { Lang } from '../core/localized';
import { tabFindingsKey } from '../core/keys';
import { encodeBlock } from '../core/report/block-encode';
import { buildReport } from '../core/report/build';
import { renderReportText, reportMessage } from '../core/report/render-text';
// Only the pack's date: a named JSON import keeps zod and the rules themselves out of the popup.
import { pack as rulePack } from '../plugin/compat/rules.json';
import { browserAndOs } from '../runtime/browser-and-os';
import { looksLikeTabFindings } from './stored';

/**
 * «Скопировать отчёт» / «Сохранить отчёт»: the report of the tab's last check (or of what the page
 * showed), redacted unless the user includes personal data, with a preview of exactly what leaves.
 */
export function ReportPanel({ tabId, result, pack, lang }: { tabId: number; result: CheckResult | null; pack: HintPack; lang: Lang }) {
  const say = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(lang, key, params);
  const [full, setFull] = useState(false);
  // The organisation's policy decides the report (its contact, whether it may be unredacted): nothing is built before it is read.
  const [org, setOrg] = useState<OrgPolicy | null>(null);
  useEffect(() => {
    void browser.storage.local.get(ORG_POLICY_KEY).then((stored) => setOrg(storedOrgPolicy(stored[ORG_POLICY_KEY]).policy));
  }, []);
  const [message, setMessage] = useState('');
  const [reportId, setReportId] = useState('');
  const [status, setStatus] = useState<'' | 'copied' | 'failed'>('');
  const random = useMemo(() => crypto.getRandomValues(new Uint8Array(8)), []);

  useEffect(() => {
    if (org === null) return;
    let live = true;
    void (async () => {
      const key = tabFindingsKey(tabId);
      const stored: unknown = (await browser.storage.session.get(key))[key];
      const findings = looksLikeTabFindings(stored) ? { success: true as const, data: stored } : { success: false as const };
      const tab = await browser.tabs.get(tabId).catch(() => null);
      const now = new Date();
      const environment = await browserAndOs();
      const report = buildReport(
        result,
        {
          now,
          utcOffsetMinutes: -now.getTimezoneOffset(),
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          lang,
          extensionVersion: browser.runtime.getManifest().version,
          rulePack,
          random,
          pageFindings: findings.success ? findings.data.findings : [],
          pageUrl: tab?.url ?? '',
          platformId: findings.success ? findings.data.platformId : null,
          expiry: parseExpiryState((await browser.storage.local.get(EXPIRY_KEY))[EXPIRY_KEY]),
          support: supportLine(org),
          ...environment,
        },
        full && org.reportRedaction !== 'always',
      );
      const text = reportMessage(renderReportText(report, pack), await encodeBlock(report), lang);
      if (live) {
        setMessage(text);
        setReportId(report.id);
      }
    })();
    return () => {
      live = false;
    };
  }, [tabId, result, pack, lang, full, random, org]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(message);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };
  const save = () => {
    const url = URL.createObjectURL(new Blob([message], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `ep-doctor-report-${reportId}.txt`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{say('popupReport')}</h2>
      {org !== null && org.reportRedaction !== 'always' && (
        <label class="switch">
          <input type="checkbox" checked={full} onChange={(e) => setFull((e.target as HTMLInputElement).checked)} data-testid="report-full" /> {say('popupReportFull')}
        </label>
      )}
      <div class="actions">
        <button class="primary" type="button" disabled={message === ''} onClick={() => void copy()} data-testid="report-copy">
          {say('popupReportCopy')}
        </button>
        <button class="secondary" type="button" disabled={message === ''} onClick={save} data-testid="report-save">
          {say('popupReportSave')}
        </button>
      </div>
      {status !== '' && (
        <p class="meta" role="status">
          {say(status === 'copied' ? 'popupReportCopied' : 'popupReportCopyFailed')}
        </p>
      )}
      <details>
        <summary>{say('popupReportPreview')}</summary>
        <pre class="preview" data-testid="report-preview">
          {message}
        </pre>
      </details>
    </section>
  );
}
