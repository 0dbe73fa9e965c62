import { browser } from 'wxt/browser';
import { bytesToBase64, freshTestText, verifyTestSignature } from '../../certs/verify-test-signature';
import { CATALOG } from '../../core/catalog';
import type { CheckFacts, CheckProblem, CheckResult } from '../../core/check-result';
import { SEVERITIES } from '../../core/problem-ids';
import { extensionConflicts, interpretProbe, interpretSignature, stackRuleProblems, type HostState, type ProbeContext } from '../../plugin/interpret';
import { osFamily } from '../../plugin/versions';
import { gospluginProblems } from '../../plugin/gosplugin';
import { connectedTokens, interpretCertificates } from '../../plugin/interpret-certificates';
import { parseLicenseValidTo } from '../../plugin/license';
import type { ProbeOptions, ProbeReport } from '../../plugin/probe/report';
import { PLATFORM_MATCHES } from '../../platforms';
import { platformForUrl } from '../../platforms/match-url';
import { readTabFindings } from '../tab-findings';
import { caList, certificateContext } from './certificates';
import { askCompanion } from './companion';
import { discoverNativeHosts } from './discovery';
import { browserAndOs, clockProblems, needsGostTls, serverClock } from './environment';
import { signingExtensions } from './extensions';
import { recordedTlsFailure } from '../tls-watch';
import { tlsVerdict } from './tls-step';
import { PLATFORM_GUIDES } from '../../platforms/guides';
import { runProbeInTab } from './run-probe';
import { writeCheck } from './store';
import { recordCheckExpiry } from '../expiry';

/** Platforms where an employee's certificate needs an МЧД (not the state portals). */
const NO_MCHD_PLATFORMS = new Set(['gosuslugi', 'nalog']);

export interface CheckRequest {
  tabId: number;
  kind: 'quick' | 'sign';
  thumbprint?: string;
}

const running = new Map<string, Promise<CheckResult>>();
/** Tabs whose running quick check the user cancelled: it ends as «cancelled», whatever the probe brings. */
const cancelled = new Set<number>();

export function cancelCheck(tabId: number): void {
  if (running.has(`${tabId}:quick`)) cancelled.add(tabId);
}

/** One check of each kind per tab at a time; a second request while it runs gets the same result. */
export function runCheck(request: CheckRequest, notify: (result: CheckResult) => void): Promise<CheckResult> {
  const key = `${request.tabId}:${request.kind}`;
  const current = running.get(key);
  if (current !== undefined) return current;
  cancelled.delete(request.tabId);
  const task = check(request, notify).finally(() => {
    running.delete(key);
    cancelled.delete(request.tabId);
  });
  running.set(key, task);
  return task;
}

const pageUrlOf = (url: URL): string => `${url.origin}${url.pathname}`.slice(0, 2048);
const bySeverity = (a: CheckProblem, b: CheckProblem): number => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);

async function check(request: CheckRequest, notify: (result: CheckResult) => void): Promise<CheckResult> {
  const started = Date.now();
  const tab = await browser.tabs.get(request.tabId).catch(() => null);
  const url = (() => {
    try {
      return new URL(tab?.url ?? '');
    } catch {
      return null;
    }
  })();
  const platformId = url === null ? null : (platformForUrl(PLATFORM_MATCHES, url.href)?.id ?? null);
  const result: CheckResult = {
    v: 1,
    id: crypto.randomUUID(),
    kind: request.kind,
    status: 'running',
    tabId: request.tabId,
    pageUrl: url === null ? '' : pageUrlOf(url),
    platformId,
    startedAt: started,
    step: 'probe',
    problems: [],
    facts: null,
    pageFindings: (await readTabFindings(request.tabId))?.findings ?? [],
    timings: { total: 0, probe: 0, discovery: 0, analysis: 0 },
  };
  /** The companion's raw listing, for the expiry centre (set once it answered). */
  let hostChecks: { name: string; facts: Record<string, unknown> }[] = [];
  const finish = async (patch: Partial<CheckResult>): Promise<CheckResult> => {
    const stop: Partial<CheckResult> = request.kind === 'quick' && cancelled.has(request.tabId) ? { status: 'failed', reasonCode: 'cancelled', reason: 'cancelled by the user', problems: [] } : {};
    const done: CheckResult = { ...result, ...patch, ...stop, finishedAt: Date.now() };
    delete done.step;
    done.timings = { ...done.timings, total: Date.now() - started };
    await writeCheck(done);
    notify(done);
    if (done.kind === 'quick') await recordCheckExpiry(done, hostChecks).catch(() => undefined);
    return done;
  };
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return finish({ status: 'impossible', reasonCode: 'not-web', reason: 'not a web page: the plug-in can only be checked from an http(s) page' });
  }
  // A GOST TLS host that did not open shows the browser's error page, where nothing of ours runs: its
  // network error says why, and no signing check can say more until the page opens.
  if (needsGostTls(platformId, url)) {
    const failed = await recordedTlsFailure(request.tabId, url.hostname);
    // Only while the tab still shows the browser's error page: a page of that host restored from the
    // back-forward cache loads without a network request, so the record alone could be stale.
    if (failed !== null && (await showsErrorPage(request.tabId))) {
      const verdict = tlsVerdict(failed, await browserAndOs(), PLATFORM_GUIDES[platformId ?? '']?.gostTlsClientCertificate === true);
      if (verdict !== null) return finish({ status: 'done', problems: [verdict] });
    }
  }
  await writeCheck(result);
  notify(result);
  // The CA list (a 320 KB snapshot) is read while the probe waits on the page.
  void caList();
  const testText = freshTestText(new Date(), crypto.getRandomValues(new Uint8Array(16)));

  try {
    const timed = async <T>(task: Promise<T>): Promise<[T, number]> => {
      const t0 = Date.now();
      const value = await task;
      return [value, Date.now() - t0];
    };
    const env0 = await browserAndOs();
    const clock = request.kind === 'quick' ? serverClock(request.tabId) : Promise.resolve(null);
    // Discovery answers in milliseconds and tells the probe whether the CryptoPro extension can answer at
    // all: with no native host registered the real extension stays silent, and waiting on it is wasted.
    const discovery = timed(discoverNativeHosts());
    const probing = discovery.then(([found]) => {
      const nativeHost = found.find((h) => h.name === 'ru.cryptopro.nmcades')?.state ?? 'unknown';
      const options: ProbeOptions = request.kind === 'sign' && request.thumbprint !== undefined ? { mode: 'sign', thumbprint: request.thumbprint, testContent: bytesToBase64(testText), nativeHost } : { mode: 'quick', nativeHost };
      return timed(runProbeInTab(request.tabId, options));
    });
    // A page left mid-check (a navigation or a reload) takes the probe's world with it: the check ends
    // at once instead of waiting on a script that will never answer.
    const left = pageLeft(request.tabId);
    const gathered = Promise.all([
      probing,
      discovery,
      clock,
      Promise.resolve(env0),
      signingExtensions(),
      request.kind === 'quick' ? askCompanion(env0.browser.name, needsGostTls(platformId, url), clock) : Promise.resolve(null),
    ]);
    const settled = await Promise.race([gathered, left.promise]).finally(left.stop);
    if (settled === 'left') return finish({ status: 'failed', reasonCode: 'navigated', reason: 'the page was left or reloaded during the check' });
    const [[probe, probeMs], [hosts, discoveryMs], server, env, extensions, companion] = settled;
    hostChecks = companion?.raw ?? [];
    const skew = server?.skewSeconds ?? null;
    result.timings.probe = probeMs;
    result.timings.discovery = discoveryMs;
    if (!probe.ok) {
      return finish({ status: probe.reason === 'no-access' ? 'impossible' : 'failed', reasonCode: probe.reason, reason: `${probe.reason}: ${probe.detail}`.slice(0, 300) });
    }
    const report = probe.report;
    result.timings.pluginReads = report.timings.read;
    result.timings.pluginCalls = report.calls;
    // The probe used nothing of the page's world; what can still go wrong is someone else answering
    // in the plug-in's name.
    if (report.tampered.length > 0) {
      return finish({ status: 'impossible', reasonCode: 'tampered', reason: `the page posted answers in the plug-in's name (${report.tampered.join(', ')})`.slice(0, 300) });
    }

    // Reads the plug-in left unanswered, or a probe past its deadline: a verdict from half a report
    // would be «всё в порядке» about what was never read.
    if (report.lost === undefined && (report.incomplete === true || (report.slow?.length ?? 0) > 0)) {
      return finish({ status: 'failed', reasonCode: 'plugin-slow', reason: `the plug-in did not answer in time: ${report.slow?.join(', ') ?? 'the probe deadline passed'}`.slice(0, 300) });
    }

    // Progress for the popup: the page is done, the rest is analysis.
    if (request.kind === 'quick') await writeCheck({ ...result, step: 'certificates' });
    const analysisStart = Date.now();
    const nmcades = cryptoproHostState(hosts.find((h) => h.name === 'ru.cryptopro.nmcades')?.state ?? 'unknown', companion?.problems ?? []);
    const gost = needsGostTls(platformId, url);
    const now = new Date();
    const probeContext: ProbeContext = { nmcades, needsGostTls: gost, now, stack: { os: osFamily(env.os.os), browser: { name: env.browser.name, version: env.browser.version } } };
    const problems: CheckProblem[] = [];
    let certificates: CheckFacts['certificates'] = [];
    if (request.kind === 'sign') {
      // No signature, or another certificate's, means the probe did not get its options: never «success».
      if (report.path !== 'none' && report.about.error === undefined && report.signature?.thumbprint !== request.thumbprint) {
        return finish({ status: 'failed', reasonCode: 'bad-report', reason: 'the test signature did not run with the chosen certificate' });
      }
      // «создана» only for a signature over our fresh text, by the chosen certificate, with its key.
      if (report.signature?.ok === true) {
        const check = await verifyTestSignature(report.signature.cms ?? '', testText, request.thumbprint ?? '');
        if (check.result === 'foreign') return finish({ status: 'impossible', reasonCode: 'foreign-signature', reason: `the signature returned is not ours: ${check.reason}`.slice(0, 300) });
        if (check.result === 'unchecked') return finish({ status: 'impossible', reasonCode: 'signature-unchecked', reason: `the signature could not be checked: ${check.reason}`.slice(0, 300) });
      }
      problems.push(...interpretSignature(report, probeContext));
    } else {
      // The companion names causes the page cannot see (a missing manifest): they go first, so their
      // evidence is the one kept when the probe saw the same problem from outside.
      for (const p of companion?.problems ?? []) problems.push({ id: p.id, severity: CATALOG[p.id].severity, source: 'host', evidence: p.evidence, ...(p.cause === undefined ? {} : { cause: p.cause }), ...(p.rule === undefined ? {} : { rule: p.rule }) });
      problems.push(...interpretProbe(report, probeContext), ...stackRuleProblems(report, probeContext));
      // A connection cut mid-check leaves the stores half-read: no verdict about certificates from that.
      if (report.path !== 'none' && report.lost === undefined) {
        const verdicts = await interpretCertificates(report, await certificateContext(now, platformId !== null && !NO_MCHD_PLATFORMS.has(platformId)));
        problems.push(...verdicts.problems);
        certificates = verdicts.facts;
      }
      // Extension conflicts again, now knowing which CryptoPro copy answered the page.
      const conflicts = extensions.list === null ? [] : extensionConflicts(extensions.list, report.bridge.extensionId, env.browser.name);
      problems.push(...clockProblems(skew), ...conflicts);
      // Госуслуги and ЕСИА sign through Госплагин: its extension and its application.
      if (platformId === 'gosuslugi') problems.push(...gospluginProblems({ hosts, extensions: extensions.list, os: env.os.os }));
    }
    result.timings.analysis = Date.now() - analysisStart;
    const facts: CheckFacts = {
      ...env,
      extension: { id: report.bridge.extensionId, version: report.bridge.extensionVersion, answered: report.bridge.source !== null },
      plugin: { version: pluginVersion(report), path: report.path },
      providers: report.providers.filter((p) => p.version !== undefined).map((p) => ({ type: p.type, name: p.name ?? null, version: p.version ?? null })),
      licenses: report.licenses.map((l) => ({ product: l.product, state: l.validTo === undefined ? 'unknown' : parseLicenseValidTo(l.validTo, now).state, validTo: l.validTo ?? null })),
      nativeHosts: hosts,
      extensions: extensions.list,
      certificates,
      readers: report.readers !== null && 'list' in report.readers ? report.readers.list.map((r) => ({ name: r.name, media: r.media ?? null, token: (connectedTokens(report.readers) ?? []).includes(r.name) })) : null,
      ...(companion === null ? {} : { companion: companion.facts }),
      clockSkewSeconds: skew,
    };
    return finish({ status: 'done', problems: dedupe(problems).sort(bySeverity), facts });
  } catch (error) {
    return finish({ status: 'failed', reasonCode: 'internal', reason: `internal error: ${(error as Error).message}`.slice(0, 300) });
  }
}

/**
 * Whether ru.cryptopro.nmcades can start: as the browser refused our connectNative, or — where that
 * says nothing (Firefox words a registered and an absent host alike) — as the companion read this
 * browser's manifests (a missing or broken manifest: the browser cannot start it).
 */
function cryptoproHostState(discovered: HostState, companion: readonly { id: string; cause?: { params: Readonly<Record<string, string>> } }[]): HostState {
  if (discovered !== 'unknown') return discovered;
  return companion.some((p) => p.id === 'plugin-host-missing' && p.cause?.params['host'] === 'ru.cryptopro.nmcades') ? 'missing' : 'unknown';
}

/** The tab's top frame is the browser's error page: our scripts cannot run there, though we may access the host. */
async function showsErrorPage(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, world: 'ISOLATED', func: () => true });
    return false;
  } catch {
    return true;
  }
}

/** Resolves 'left' when the tab starts loading another document. */
function pageLeft(tabId: number): { promise: Promise<'left'>; stop: () => void } {
  let listener: ((id: number, change: { status?: string }) => void) | null = null;
  const promise = new Promise<'left'>((resolve) => {
    listener = (id, change) => {
      if (id === tabId && change.status === 'loading') resolve('left');
    };
    browser.tabs.onUpdated.addListener(listener);
  });
  return { promise, stop: () => listener !== null && browser.tabs.onUpdated.removeListener(listener) };
}

function pluginVersion(report: ProbeReport): string | null {
  const v = report.about.pluginVersion;
  return v !== undefined && v !== '0.0.0000' ? v : (report.about.version ?? v ?? null);
}

/**
 * One problem per id and certificate, the first kept (the companion's cause goes first); a later one that
 * a compatibility rule found lends it the rule and its words (an old site loader behind «reload the page»).
 */
function dedupe(problems: CheckProblem[]): CheckProblem[] {
  const kept = new Map<string, CheckProblem>();
  for (const p of problems) {
    if (CATALOG[p.id] === undefined) continue;
    const key = `${p.id}|${p.certificate ?? ''}`;
    const first = kept.get(key);
    if (first === undefined) kept.set(key, { ...p });
    else if (first.rule === undefined && p.rule !== undefined) kept.set(key, { ...first, rule: p.rule, evidence: `${first.evidence}; ${p.evidence}`.slice(0, 500) });
  }
  return [...kept.values()];
}
