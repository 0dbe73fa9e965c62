import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CheckResult } from '../core/check-result';
import type { HintPack } from '../core/hint-pack';
import type { UiKey } from '../core/i18n';
import type { HintTitles } from '../core/hint-titles';
import { LANG_SETTING_KEY, resolveLang, type Lang } from '../core/localized';
import { loadHintPack } from './hint-pack';
import { maskedOwner } from '../core/masked-owner';
import { CompanionOffer, Components, PageFindings, ProblemItem, statusIcon, type Say } from './sections';
import { parseCheckReply } from './stored';
import type { Finding } from '../core/messages';
import type { FirstRead, TabInfo } from './first-read';
import { LazyReportPanel, loadReportPanel } from './report-panel-lazy';
import { ORG_POLICY_KEY } from '../core/org-policy-key';
import { lazyComponent } from './lazy';
import { afterFirstPaint } from './after-paint';
import { loadStrings, uiText } from './strings';

/** The expiry list and the organisation's section read storage with their schemas: chunks of their own. */
const LazyExpiryList = lazyComponent(() => import('./ExpiryList').then((m) => m.ExpiryList));
const LazyOrgSupport = lazyComponent(() => import('./OrgSupport').then((m) => m.OrgSupport));
import { packPlatform } from '../core/pack-platform';

/** A quick check ends well before this; past it the popup stops waiting and says so. */
const CHECK_LIMIT_MS = 40_000;

/**
 * Runs a check and waits for its result with a bound. The reply to the message is the normal way; if
 * the service worker stops meanwhile the reply never comes, so the stored result is polled too: asking
 * wakes a new worker, which marks the orphaned check «interrupted».
 */
async function checkWithBound(tabId: number, message: Record<string, unknown>, kind: 'quick' | 'sign', limitMs: number, since = Date.now(), onStep: (step: string) => void = () => undefined, stopped: () => boolean = () => false): Promise<CheckResult | null> {
  const clicked = since;
  let replied: CheckResult | null | undefined;
  void browser.runtime
    .sendMessage(message)
    .then(async (reply: unknown) => {
      const parsed = await parseCheckReply(reply);
      if (parsed === null) replied = null;
      else if (parsed.status !== 'running') replied = parsed;
    })
    .catch(() => undefined);
  while (Date.now() - clicked < limitMs) {
    await new Promise((r) => setTimeout(r, 300));
    if (replied !== undefined && replied !== null) return replied;
    const stored = await parseCheckReply(await browser.runtime.sendMessage({ type: 'ui→bg:get-check', tabId, kind }).catch(() => undefined));
    if (stored !== null && stored.status !== 'running' && stored.startedAt >= clicked - 1000) return stored;
    if (stored !== null && stored.status === 'running' && stored.step !== undefined) onStep(stored.step);
    if (stopped()) return null;
    if (replied === null) return null;
  }
  return null;
}

/**
 * The popup: the tab's platform, «Проверить», the verdict and the problems found. Texts of problems
 * come from the hint pack the background keeps, so the popup bundles no catalog.
 * `first` is what storage held when the popup opened (read before the first render, so the stored
 * result is in the first paint); null when those reads were slow, and then `later` brings it.
 */
export function App({ first, later }: { first: FirstRead | null; later: Promise<FirstRead | null> }) {
  const [lang, setLang] = useState<Lang>(first?.lang ?? 'ru');
  const [tab, setTab] = useState<TabInfo | null>(first?.tab ?? null);
  const [pack, setPack] = useState<HintPack | null>(null);
  const [storedTitles, setStoredTitles] = useState<FirstRead['titles']>(first?.titles ?? {});
  // A check still running is followed (below), not shown as a verdict.
  const [result, setResult] = useState<CheckResult | null>(first?.check?.status === 'running' ? null : (first?.check ?? null));
  const [busy, setBusy] = useState(first?.check?.status === 'running');
  const [pagePlatform, setPagePlatform] = useState<string | null>(first?.findings?.platformId ?? null);
  const [pageFindings, setPageFindings] = useState<readonly Finding[]>(first?.findings?.findings ?? []);
  const [step, setStep] = useState('probe');
  const [setting, setSetting] = useState<'auto' | Lang>(first?.setting ?? 'auto');
  const cancelRef = useRef(false);
  const [signing, setSigning] = useState<string | null>(null);
  const [signature, setSignature] = useState<CheckResult | null>(null);
  /** The organisation's policy switched «Тестовая подпись» off (the background refuses it too). */
  const [noTestSign, setNoTestSign] = useState(false);

  // Runs after the first render: the full pack (details, steps, the report) and the report's code load
  // once the first paint is on screen, never before.
  useEffect(() => {
    void (async () => {
      const read = first ?? (await later);
      if (read === null) return;
      if (first === null) {
        await loadStrings(read.lang);
        setSetting(read.setting);
        setLang(read.lang);
        document.documentElement.lang = read.lang;
        setStoredTitles(read.titles);
        setTab(read.tab);
        setPagePlatform(read.findings?.platformId ?? null);
        setPageFindings(read.findings?.findings ?? []);
        if (read.check?.status !== 'running') setResult(read.check);
      }
      const packLoaded = afterFirstPaint().then(async () => {
        void loadReportPanel();
        // Written parsed by the background; the full reading (and its schema code) loads with the support section.
        const stored = (await browser.storage.local.get(ORG_POLICY_KEY))[ORG_POLICY_KEY] as { policy?: { disableTestSignature?: unknown } } | undefined;
        setNoTestSign(stored?.policy?.disableTestSignature === true);
        setPack(await loadHintPack(read.lang));
      });
      const target = read.tab;
      if (target !== null && read.check?.status === 'running') {
        // A check started from the hint is still running: follow it to its end.
        setBusy(true);
        setResult((await checkWithBound(target.id, { type: 'ui→bg:get-check', tabId: target.id }, 'quick', CHECK_LIMIT_MS, read.check.startedAt)) ?? timedOut(target.id));
        setBusy(false);
      }
      await packLoaded;
    })();
  }, [first, later]);

  // The pack of the language on screen; while another language's pack loads, its titles key stands in.
  const current = pack?.lang === lang ? pack : null;
  const titles: HintTitles | null = current ?? storedTitles[lang] ?? null;

  // The benchmark reads this: the stored result is on screen, with its titles. The mark is made at the
  // start of the frame that paints it (a layout effect runs before the browser paints).
  useLayoutEffect(() => {
    if (result !== null && titles !== null && performance.getEntriesByName('ep-doctor:result-shown').length === 0) requestAnimationFrame(() => performance.mark('ep-doctor:result-shown'));
  }, [result, titles]);

  const say = (key: UiKey, params?: Record<string, string | number>) => uiText(lang, key, params);
  const isWeb = tab !== null && /^https?:/.test(tab.url);
  const severities: Record<string, string | undefined> = Object.fromEntries(Object.entries(titles?.problems ?? {}).map(([id, entry]) => [id, entry.severity]));
  // The content script names the platform of the page it runs on; the popup bundles no platform data.
  const platformId = result?.platformId ?? pagePlatform;
  const platformName = platformId === null ? null : ((titles === null ? undefined : packPlatform(titles, platformId))?.name ?? platformId);

  const runCheck = async () => {
    if (tab === null) return;
    setBusy(true);
    setStep('probe');
    cancelRef.current = false;
    try {
      const done = await checkWithBound(tab.id, { type: 'ui→bg:run-check', tabId: tab.id, kind: 'quick' }, 'quick', CHECK_LIMIT_MS, Date.now(), setStep, () => cancelRef.current);
      setResult(done ?? (cancelRef.current ? cancelledResult(tab.id) : timedOut(tab.id)));
    } finally {
      setBusy(false);
    }
  };

  // The check stops being waited for at once; the background ends it as cancelled.
  const cancel = () => {
    if (tab === null) return;
    cancelRef.current = true;
    void browser.runtime.sendMessage({ type: 'ui→bg:cancel-check', tabId: tab.id }).catch(() => undefined);
  };

  const chooseLanguage = async (value: 'auto' | Lang) => {
    setSetting(value);
    await browser.storage.local.set({ [LANG_SETTING_KEY]: value });
    const next = resolveLang(value, browser.i18n.getUILanguage());
    await loadStrings(next);
    setLang(next);
    document.documentElement.lang = next;
    setPack(await loadHintPack(next));
  };

  // Asked on a click only (the browser requires a user gesture); the check then lists the extensions.
  const askManagement = async () => {
    const granted = await browser.permissions.request({ permissions: ['management'] }).catch(() => false);
    if (granted) await runCheck();
  };

  const testSign = async (thumbprint: string) => {
    if (tab === null) return;
    setSigning(thumbprint);
    setSignature(null);
    try {
      // A PIN prompt may wait for the user: the bound is the probe's own two and a half minutes.
      setSignature((await checkWithBound(tab.id, { type: 'ui→bg:run-check', tabId: tab.id, kind: 'sign', thumbprint }, 'sign', 160_000)) ?? timedOut(tab.id, 'sign'));
    } finally {
      setSigning(null);
    }
  };

  return (
    <>
      <header class="top">
        <h1>{say('popupTitle')}</h1>
        <label class="lang">
          <span class="visually-hidden">{say('popupLanguage')}</span>
          <select value={setting} onChange={(e) => void chooseLanguage((e.target as HTMLSelectElement).value as 'auto' | Lang)} aria-label={say('popupLanguage')} data-testid="language">
            <option value="auto">{say('popupLanguageAuto')}</option>
            <option value="ru">Русский</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <p class="where">{!isWeb ? say('popupNotWeb') : platformName !== null ? say('popupPlatform', { platform: platformName }) : say('popupNotPlatform')}</p>
      <button class="primary" type="button" disabled={busy || !isWeb} onClick={() => void runCheck()} data-testid="check">
        {say('popupCheck')}
      </button>
      {busy && (
        <div class="progress">
          <p class="status" role="status">
            {say(step === 'certificates' ? 'popupStep_certificates' : 'popupStep_probe')}
          </p>
          <button class="secondary" type="button" onClick={cancel} data-testid="cancel">
            {say('popupCancel')}
          </button>
        </div>
      )}
      {!busy && result === null && <PageFindings findings={pageFindings} titles={titles} say={say} />}
      {!busy && result !== null && <Verdict result={result} pack={current} titles={titles} say={say} lang={lang} tabUrl={tab?.url ?? ''} platformId={platformId} />}
      {!busy && result?.facts !== null && result?.facts !== undefined && <Components facts={result.facts} say={say} />}
      {!busy && result?.facts !== null && result?.facts !== undefined && <CompanionOffer facts={result.facts} say={say} />}
      {!busy && tab !== null && isWeb && current !== null && <LazyReportPanel tabId={tab.id} result={result} pack={current} lang={lang} />}
      {!busy && current !== null && <LazyExpiryList say={say} lang={lang} />}
      {current !== null && <LazyOrgSupport say={say} />}
      {!busy && result?.status === 'done' && result.facts !== null && (
        <section>
          <h2>{say('popupExtensions')}</h2>
          {result.facts.extensions === null ? (
            <>
              <p class="meta">{say('popupExtensionsWhy')}</p>
              <button class="secondary" type="button" onClick={() => void askManagement()} data-testid="ask-management">
                {say('popupExtensionsAsk')}
              </button>
            </>
          ) : result.facts.extensions.length === 0 ? (
            <p class="meta">{say('popupExtensionsNone')}</p>
          ) : (
            <ul class="certs">
              {result.facts.extensions.map((e) => (
                <li key={e.id}>
                  <div class="problem-title">{e.name}</div>
                  <div class="evidence">{say(e.enabled ? 'popupExtensionOn' : 'popupExtensionOff', { version: e.version })}</div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {!busy && result?.facts !== null && result?.facts !== undefined && result.facts.certificates.length > 0 && (
        <section>
          <h2>{say('popupCertificates')}</h2>
          <ul class="certs">
            {result.facts.certificates.map((c) => (
              <li key={c.thumbprint} data-thumbprint={c.thumbprint}>
                <div class="problem-title">
                  <span class="icon" data-kind={statusIcon(c.problems, severities, c.superseded).kind} aria-hidden="true">
                    {statusIcon(c.problems, severities, c.superseded).icon}
                  </span>{' '}
                  {maskedOwner(c.subject)}
                </div>
                <div class="evidence">
                  {[
                    rdn(c.issuer, 'CN'),
                    c.validTo !== null ? say('popupValidTo', { date: new Date(c.validTo).toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB') }) : null,
                    c.keyValidTo !== null ? say('popupKeyTo', { date: new Date(c.keyValidTo).toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB') }) : null,
                    c.keyStore === undefined || c.keyStore === null ? null : say(`popupKeyStore_${c.keyStore}`),
                    ...c.problems.map((id) => titles?.problems[id]?.title ?? id),
                  ]
                    .filter((x) => x !== null)
                    .join(' · ')}
                </div>
                {c.stores.includes('my') && c.hasPrivateKey && !noTestSign && (
                  <button class="secondary" type="button" title={say('popupTestSignWarning')} disabled={signing !== null} onClick={() => void testSign(c.thumbprint)} data-testid="test-sign">
                    {say('popupTestSign')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <p class="meta">{say('popupTestSignWarning')}</p>
          {signing !== null && <p class="status" role="status">{say('popupTestSigning')}</p>}
          {signature !== null && (
            <div data-testid="signature" data-status={signature.status} data-problems={[...new Set(signature.problems.map((p) => p.id))].join(' ')} aria-live="polite">
              <p class="verdict" data-kind={signature.status === 'done' && signature.problems.length === 0 ? 'ok' : 'problems'}>
                {signature.status === 'done' && signature.problems.length === 0 ? say('popupTestSignOk') : say('popupTestSignFailed')}
              </p>
              {signature.status !== 'done' && (
                <p class="reason" data-testid="signature-reason">
                  {signature.reasonCode === undefined ? (signature.reason ?? '') : say(REASONS[signature.reasonCode])}
                </p>
              )}
              <ul class="problems">
                {signature.problems.map((p) => (
                  <li data-severity={p.severity} key={p.id}>
                    <div class="problem-title">{titles?.problems[p.id]?.title ?? p.id}</div>
                    <div class="evidence">
                      {p.id} · {p.evidence}
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}
    </>
  );
}

/** One attribute of a CAdESCOM subject string: `CN="ООО ""РОМАШКА""", SN=Иванов, ...`. */
function rdn(subject: string, key: string): string | null {
  const match = new RegExp(`(?:^|, )${key}=("(?:[^"]|"")*"|[^,]*)`).exec(subject);
  const value = match?.[1];
  if (value === undefined) return null;
  return value.startsWith('"') ? value.slice(1, -1).replace(/""/g, '"') : value;
}


function cancelledResult(tabId: number): CheckResult {
  return { ...timedOut(tabId), id: 'cancelled', reasonCode: 'cancelled' };
}

/** What the popup shows when no result came within its bound. */
function timedOut(tabId: number, kind: 'quick' | 'sign' = 'quick'): CheckResult {
  const now = Date.now();
  return { v: 1, id: 'timeout', kind, status: 'failed', reasonCode: 'timeout', tabId, pageUrl: '', platformId: null, startedAt: now, finishedAt: now, problems: [], facts: null, pageFindings: [], timings: { total: 0, probe: 0, discovery: 0, analysis: 0 } };
}

const REASONS = { 'not-web': 'reasonNotWeb', tampered: 'reasonTampered', 'no-access': 'reasonNoAccess', timeout: 'reasonTimeout', 'bad-report': 'reasonBadReport', interrupted: 'reasonInternal', internal: 'reasonInternal', cancelled: 'reasonCancelled', navigated: 'reasonNavigated', 'foreign-signature': 'reasonForeignSignature', 'signature-unchecked': 'reasonSignatureUnchecked', 'plugin-slow': 'reasonPluginSlow' } as const;

function Verdict({ result, pack, titles, say, lang, tabUrl, platformId }: { result: CheckResult; pack: HintPack | null; titles: HintTitles | null; say: Say; lang: Lang; tabUrl: string; platformId: string | null }) {
  const stale = (() => {
    try {
      const u = new URL(tabUrl);
      return `${u.origin}${u.pathname}` !== result.pageUrl;
    } catch {
      return false;
    }
  })();
  const reason = result.reasonCode === undefined ? (result.reason ?? '') : say(REASONS[result.reasonCode]);
  const kind = result.status === 'done' ? (result.problems.length === 0 ? 'ok' : 'problems') : 'failed';
  const text =
    result.status === 'done'
      ? result.problems.length === 0
        ? say('popupVerdictOk')
        : say('popupVerdictProblems', { n: new Set(result.problems.map((p) => p.id)).size })
      : result.status === 'interrupted'
        ? say('popupVerdictInterrupted')
        : result.status === 'impossible'
          ? say('popupVerdictImpossible', { reason })
          : result.status === 'running'
            ? say('popupChecking')
            : say('popupVerdictFailed', { reason });
  return (
    <section aria-live="polite" data-testid="result" data-status={result.status} data-problems={[...new Set(result.problems.map((p) => p.id))].join(' ')}>
      {stale && <p class="meta">{say('popupStale', { url: result.pageUrl })}</p>}
      <p class="verdict" data-kind={kind}>
        {text}
      </p>
      <ul class="problems">
        {result.problems.map((p) => (
          <ProblemItem key={`${p.id}${p.certificate ?? ''}`} problem={p} pack={pack} titles={titles} platformId={platformId} say={say} lang={lang} certificates={result.facts?.certificates ?? []} />
        ))}
      </ul>
      {result.finishedAt !== undefined && <p class="meta">{say('popupCheckedAt', { time: new Date(result.finishedAt).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'ru-RU') })}</p>}
    </section>
  );
}
