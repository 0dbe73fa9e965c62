import { composeSteps } from '../core/compose-steps';
import type { CheckFacts, CheckProblem } from '../core/check-result';
import type { HintPack } from '../core/hint-pack';
import type { HintTitles } from '../core/hint-titles';
import type { UiKey } from '../core/i18n';
import type { Lang } from '../core/localized';
import type { Finding } from '../core/messages';
import { maskedOwner } from '../core/masked-owner';
import { packPlatform } from '../core/pack-platform';
import { causeString } from './strings';

export type Say = (key: UiKey, params?: Record<string, string | number>) => string;

/**
 * One problem: title, evidence, and (on demand) what it means and the platform's remedy with its help
 * links. The title may come from the small titles key before the full pack has been read.
 */
export function ProblemItem({ problem, pack, titles = pack, platformId, say, lang, certificates = [] }: { problem: CheckProblem; pack: HintPack | null; titles?: HintTitles | null; platformId: string | null; say: Say; lang: Lang; certificates?: CheckFacts['certificates'] }) {
  const cert = problem.certificate === undefined ? undefined : certificates.find((c) => c.thumbprint === problem.certificate);
  const entry = pack?.problems[problem.id];
  const title = titles?.problems[problem.id]?.title ?? problem.id;
  const platform = pack === null || pack === undefined ? undefined : packPlatform(pack, platformId);
  const steps = entry === undefined ? [] : composeSteps(entry.steps, platform?.remedies[problem.id]);
  return (
    <li data-severity={problem.severity} data-problem={problem.id}>
      <div class="problem-title">{title}</div>
      {problem.cause !== undefined && <div class="cause">{causeText(problem.cause, say, lang)}</div>}
      <div class="evidence">
        {problem.id} · {problem.evidence}
      </div>
      {cert !== undefined && <div class="evidence">{say('popupConcerns', { owner: maskedOwner(cert.subject), thumbprint: cert.thumbprint.slice(0, 8) })}</div>}
      {entry !== undefined && (
        <details>
          <summary>{say('popupDetails')}</summary>
          <p class="explanation">{entry.explanation}</p>
          <ol>
            {steps.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ol>
          {platform !== undefined && platform.links.length > 0 && (
            <p class="links">
              {platform.links
                .filter((l) => /^https?:\/\//.test(l.url))
                .map((l) => (
                  <a key={l.url} href={l.url} target="_blank" rel="noopener noreferrer">
                    {l.title}
                  </a>
                ))}
            </p>
          )}
        </details>
      )}
    </li>
  );
}

const BROWSER_NAMES = ['chrome', 'chromium', 'yandex', 'edge', 'firefox'] as const;

/** A companion finding in the user's language; the browser id becomes its name in the phrase. */
export function causeText(cause: NonNullable<CheckProblem['cause']>, say: Say, lang: Lang): string {
  const browser = BROWSER_NAMES.find((b) => b === cause.params['browser']);
  const browserName = browser === undefined ? (cause.params['browser'] ?? '') : say(`browserGen_${browser}`);
  return causeString(lang, cause.key, { ...cause.params, browserName });
}

/** What the page itself showed before any check (the content script's findings). */
export function PageFindings({ findings, titles, say }: { findings: readonly Finding[]; titles: HintTitles | null; say: Say }) {
  if (findings.length === 0) return null;
  return (
    <section>
      <h2>{say('popupPageShowed')}</h2>
      <ul class="problems">
        {findings.map((f) => (
          <li key={f.problem} data-severity={titles?.problems[f.problem]?.severity ?? 'info'}>
            <div class="problem-title">{titles?.problems[f.problem]?.title ?? f.problem}</div>
            <div class="evidence">
              «{f.excerpt}»{f.code === undefined ? '' : ` (${f.code})`}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Extension, plug-in, CSP and licence, native parts, browser. */
export function Components({ facts, say }: { facts: CheckFacts; say: Say }) {
  const none = say('popupNotFound');
  const csp = facts.providers.map((p) => `${p.version ?? '?'} (${p.name ?? p.type})`).join('; ') || none;
  const license = facts.licenses.find((l) => l.product === 'csp');
  const hosts = facts.nativeHosts.filter((h) => h.state === 'installed').map((h) => h.name).join(', ') || none;
  return (
    <section>
      <h2>{say('popupComponents')}</h2>
      <ul class="plain">
        <li>{say('popupComponentExtension', { value: facts.extension.version ?? (facts.extension.answered ? '?' : none) })}</li>
        <li>{say('popupComponentPlugin', { value: facts.plugin.version ?? none })}</li>
        <li>{say('popupComponentCsp', { value: csp })}</li>
        {license !== undefined && <li>{say('popupComponentLicense', { value: license.validTo ?? license.state })}</li>}
        <li>{say('popupComponentHosts', { value: hosts })}</li>
        <li>{say('popupComponentBrowser', { value: `${facts.browser.name} ${facts.browser.version ?? ''}`.trim() })}</li>
        {facts.companion?.state === 'ok' && (
          <li data-testid="companion-ok">
            {say('popupComponentCompanion', { version: facts.companion.version ?? '?', n: facts.companion.checks.length })}
            {unread(facts.companion.checks) !== '' && ` ${say('popupComponentCompanionUnread', { checks: unread(facts.companion.checks) })}`}
          </li>
        )}
      </ul>
    </section>
  );
}

/** The helper's checks that could not read (error, timeout): support should know what was not looked at. */
const unread = (checks: NonNullable<CheckFacts['companion']>['checks']) =>
  checks
    .filter((c) => c.status === 'error' || c.status === 'timeout')
    .map((c) => c.name)
    .join(', ');

/** The companion host: what it adds and how to install it when missing; its error when it failed. */
export function CompanionOffer({ facts, say }: { facts: CheckFacts; say: Say }) {
  const companion = facts.companion;
  if (companion === undefined || companion.state === 'ok') return null;
  return (
    <section data-testid="companion">
      <h2>{say('popupHost')}</h2>
      {companion.state === 'missing' ? (
        <>
          <p class="meta">{say('popupHostWhy')}</p>
          <p class="meta">{say(facts.os.os === 'win' ? 'popupHostHowWindows' : facts.os.os === 'mac' ? 'popupHostHowMac' : 'popupHostHowLinux')}</p>
        </>
      ) : (
        <p class="meta">{say('popupHostError', { detail: companion.detail })}</p>
      )}
    </section>
  );
}

/** ✓ usable, ⚠ warnings only, ✗ something stops signing, ○ an older certificate not counted. */
export function statusIcon(problems: readonly string[], severities: Record<string, string | undefined>, superseded: boolean): { icon: string; kind: string } {
  if (superseded) return { icon: '○', kind: 'superseded' };
  if (problems.some((p) => severities[p] === 'error')) return { icon: '✗', kind: 'error' };
  if (problems.length > 0) return { icon: '⚠', kind: 'warning' };
  return { icon: '✓', kind: 'ok' };
}
