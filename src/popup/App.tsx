import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CheckResult } from '../core/check-result';
import type { HintPack } from '../core/hint-pack';
import { t } from '../core/i18n';
import { LANG_SETTING_KEY, resolveLang, type Lang } from '../core/localized';
import { checkResultKey, tabFindingsKey } from '../core/keys';
import { loadHintPack } from './hint-pack';
import { CompanionOffer, Components, maskedOwner, PageFindings, ProblemItem, statusIcon, type Say } from './sections';
import { looksLikeCheckResult, looksLikeTabFindings, parseCheckReply } from './stored';
import type { Finding } from '../core/messages';
import { ReportPanel } from './ReportPanel';
import { packPlatform } from '../core/pack-platform';

interface TabInfo {
  id: number;
  url: string;
}

/** The tab to check: `?tab=` when the popup is opened as a page for a tab, else the active tab. */
async function targetTab(): Promise<TabInfo | null> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  const tab = Number.isInteger(param) && param > 0 ? await browser.tabs.get(param).catch(() => null) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? '' };
}


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
 */
export function App() {
  const [lang, setLang] = useState<Lang>('ru');
  const [tab, setTab] = useState<TabInfo | null>(null);
  const [pack, setPack] = useState<HintPack | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [pagePlatform, setPagePlatform] = useState<string | null>(null);
  const [pageFindings, setPageFindings] = useState<readonly Finding[]>([]);
  const [step, setStep] = useState('probe');
  const [setting, setSetting] = useState<'auto' | Lang>('auto');
  const cancelRef = useRef(false);
  const [signing, setSigning] = useState<string | null>(null);
  const [signature, setSignature] = useState<CheckResult | null>(null);

  useEffect(() => {
    void (async () => {
      // Everything the first paint needs is read at once, straight from storage (no service-worker
      // round trip): the language, the tab, its stored check and findings; the texts follow.
      const [stored0, target] = await Promise.all([browser.storage.local.get(LANG_SETTING_KEY), targetTab()]);
      const saved: unknown = stored0[LANG_SETTING_KEY];
      if (saved === 'ru' || saved === 'en') setSetting(saved);
      const chosen = resolveLang(saved, browser.i18n.getUILanguage());
      setLang(chosen);
      document.documentElement.lang = chosen;
      const packLoaded = loadHintPack(chosen).then(setPack);
      setTab(target);
      if (target !== null) {
        const findingsKey = tabFindingsKey(target.id);
        const checkKey = checkResultKey(target.id);
        const stored = await browser.storage.session.get([findingsKey, checkKey]);
        const findings: unknown = stored[findingsKey];
        if (looksLikeTabFindings(findings)) {
          setPagePlatform(findings.platformId);
          setPageFindings(findings.findings);
        }
        const check: unknown = stored[checkKey];
        const parsed = looksLikeCheckResult(check) ? { success: true as const, data: check } : { success: false as const };
        if (parsed.success && parsed.data.status === 'running') {
          // A check started from the hint is still running: follow it to its end.
          setBusy(true);
          setResult((await checkWithBound(target.id, { type: 'ui→bg:get-check', tabId: target.id }, 'quick', CHECK_LIMIT_MS, parsed.data.startedAt)) ?? timedOut(target.id));
          setBusy(false);
        } else if (parsed.success) setResult(parsed.data);
      }
      await packLoaded;
    })();
  }, []);

  // The benchmark reads this: how long after opening the popup the stored result is on screen.
  useEffect(() => {
    if (result !== null && performance.getEntriesByName('ep-doctor:result-shown').length === 0) requestAnimationFrame(() => performance.mark('ep-doctor:result-shown'));
  }, [result]);

  const say = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(lang, key, params);
  const isWeb = tab !== null && /^https?:/.test(tab.url);
  const severities: Record<string, string | undefined> = Object.fromEntries(Object.entries(pack?.problems ?? {}).map(([id, entry]) => [id, entry.severity]));
  // The content script names the platform of the page it runs on; the popup bundles no platform data.
  const platformId = result?.platformId ?? pagePlatform;
  const platformName = platformId === null ? null : ((pack === null || pack === undefined ? undefined : packPlatform(pack, platformId))?.name ?? platformId);

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
      {!busy && result === null && <PageFindings findings={pageFindings} pack={pack} say={say} />}
      {!busy && result !== null && <Verdict result={result} pack={pack} say={say} lang={lang} tabUrl={tab?.url ?? ''} platformId={platformId} />}
      {!busy && result?.facts !== null && result?.facts !== undefined && <Components facts={result.facts} say={say} />}
      {!busy && result?.facts !== null && result?.facts !== undefined && <CompanionOffer facts={result.facts} say={say} />}
      {!busy && tab !== null && isWeb && pack !== null && <ReportPanel tabId={tab.id} result={result} pack={pack} lang={lang} />}
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
                    ...c.problems.map((id) => pack?.problems[id]?.title ?? id),
                  ]
                    .filter((x) => x !== null)
                    .join(' · ')}
                </div>
                {c.stores.includes('my') && c.hasPrivateKey && (
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
                    <div class="problem-title">{pack?.problems[p.id]?.title ?? p.id}</div>
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

function Verdict({ result, pack, say, lang, tabUrl, platformId }: { result: CheckResult; pack: HintPack | null; say: Say; lang: Lang; tabUrl: string; platformId: string | null }) {
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
          <ProblemItem key={`${p.id}${p.certificate ?? ''}`} problem={p} pack={pack} platformId={platformId} say={say} lang={lang} certificates={result.facts?.certificates ?? []} />
        ))}
      </ul>
      {result.finishedAt !== undefined && <p class="meta">{say('popupCheckedAt', { time: new Date(result.finishedAt).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'ru-RU') })}</p>}
    </section>
  );
}
