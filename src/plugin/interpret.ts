import { CATALOG } from '../core/catalog';
import type { CheckProblem } from '../core/check-result';
import type { ProblemId } from '../core/problem-ids';
import { pluginError } from './errors';
import { CHROMIUM_GOST_BUNDLE, CONFLICTING_EXTENSIONS, CRYPTOPRO_EXTENSIONS, CRYPTOPRO_FIREFOX_ID, isCryptoproExtension, SIGNING_EXTENSIONS } from './extension-ids';
import { parseLicenseValidTo } from './license';
import type { CallError, ProbeReport } from './probe/report';
import { keyStoreOf } from './key-store';
import { cspVersionFindings, parseVersion, pluginVersionFindings, ruleFindings, UNKNOWN_STACK, type StackContext } from './versions';

export type HostState = 'installed' | 'missing' | 'unknown';

export interface ProbeContext {
  /** What connectNative said about ru.cryptopro.nmcades. */
  nmcades: HostState;
  /** The platform's host needs GOST TLS (CSP 5.0 in Chromium 90+). */
  needsGostTls: boolean;
  now: Date;
  /** The browser and OS, for the compatibility rules that depend on them; unknown when absent. */
  stack?: Omit<StackContext, 'gostTls' | 'extension'>;
}

const GENERATIONS: Readonly<Record<string, 'mv3' | 'mv2' | 'opera'>> = { [CRYPTOPRO_EXTENSIONS.mv3]: 'mv3', [CRYPTOPRO_EXTENSIONS.mv2]: 'mv2', [CRYPTOPRO_EXTENSIONS.opera]: 'opera' };

/**
 * The rule pack's view of this check: the ProbeContext, and the CryptoPro extension installed — known only
 * when exactly one generation is (with two, which one the site's loader found is not ours to know).
 */
export function stackOf(report: ProbeReport, ctx: ProbeContext): StackContext {
  const installed = new Set(report.bridge.tried.filter((b) => b.loaded).map((b) => GENERATIONS[b.id]).filter((g) => g !== undefined));
  const extension = installed.size === 1 ? [...installed][0]! : null;
  return { ...UNKNOWN_STACK, ...ctx.stack, gostTls: ctx.needsGostTls, extension };
}

export const problem = (id: ProblemId, source: CheckProblem['source'], evidence: string, certificate?: string): CheckProblem => ({
  id,
  severity: CATALOG[id].severity,
  source,
  evidence: evidence.slice(0, 500),
  ...(certificate === undefined ? {} : { certificate }),
});

/** A problem a compatibility rule found carries the rule's id, for support and `diagnose check`. */
export const ruled = (p: CheckProblem, rule: string | undefined): CheckProblem => (rule === undefined ? p : { ...p, rule });

const describe = (error: CallError): string => (error.code === null ? error.message : `${error.message.replace(/\s*\(?0x[0-9a-f]{8}\)?\s*$/i, '')} (${error.code})`);

/** A failed call → the catalog's problems for its code or words; unknown-signing-error when none. */
export function problemsOfError(error: CallError, source: CheckProblem['source'], at: string, certificate?: string): CheckProblem[] {
  const ids = pluginError(error.code === null ? error.message : `${error.message} (${error.code})`).problems;
  const chosen: ProblemId[] = ids.length > 0 ? ids : ['unknown-signing-error'];
  return chosen.map((id) => problem(id, source, `${at}: ${describe(error)}`, certificate));
}

/**
 * Why the plug-in could not be reached, from what the probe saw and what native-messaging discovery
 * says about the native part (research/cryptopro-plugin.md §2.1).
 */
function reachProblems(report: ProbeReport, ctx: ProbeContext): CheckProblem[] {
  const hostMissing = ctx.nmcades === 'missing';
  if (report.bridge.source === null) {
    const tried = report.bridge.tried.map((t) => t.id).join(', ');
    // Firefox has no fixed extension address to try: the add-on either answers the echo or it is not there.
    const out =
      ctx.stack?.browser?.name === 'firefox'
        ? [{ ...problem('plugin-extension-missing', 'plugin', `the CryptoPro add-on for Firefox (${CRYPTOPRO_FIREFOX_ID}) did not answer the page's echo`), cause: { key: 'firefox-addon-missing' as const, params: {} } }]
        : [problem('plugin-extension-missing', 'plugin', `no CryptoPro extension answered (bridge script not loadable for ${tried || 'any id'})`)];
    if (hostMissing) out.push(problem('plugin-host-missing', 'discovery', 'native host ru.cryptopro.nmcades is not registered'));
    return out;
  }
  if (report.bridge.handshake === 'timeout') {
    return [problem('plugin-connection-lost', 'plugin', `the CryptoPro extension's bridge loaded but its content script did not answer the handshake (extension ${report.bridge.extensionId ?? '?'})`)];
  }
  const error = report.about.error;
  if (hostMissing) return [problem('plugin-host-missing', 'discovery', `native host ru.cryptopro.nmcades is not registered${error ? `; plug-in: ${describe(error)}` : ''}`)];
  if (report.about.timedOut === true) {
    const silent = report.about.silentMs === undefined ? '' : ` for ${(report.about.silentMs / 1000).toFixed(1)} s`;
    const counted = report.loader.state === 'pending' ? ', counting the site loader\'s own wait' : '';
    return [problem('plugin-load-timeout', 'plugin', `the extension answered, the plug-in stayed silent${silent}${counted} (a hidden «Подтверждение доступа» window, or the native part hangs)`)];
  }
  if (error !== undefined && error.code !== null) return problemsOfError(error, 'plugin', 'CAdESCOM.About');
  return [problem('plugin-host-missing', 'plugin', `the extension answered but the plug-in did not start${error ? `: ${describe(error)}` : ''}`)];
}

const CRYPTOPRO_TYPES = new Set([75, 80, 81]);
const isVipnet = (p: { type: number; name?: string }): boolean => /infotecs|vipnet/i.test(p.name ?? '') || (p.type === 77 || p.type === 78);

function cspProblems(report: ProbeReport, ctx: ProbeContext): CheckProblem[] {
  const out: CheckProblem[] = [];
  const answered = report.providers.filter((p) => p.version !== undefined);
  const cryptopro = answered.filter((p) => CRYPTOPRO_TYPES.has(p.type) && !isVipnet(p));
  const vipnet = answered.filter(isVipnet);
  if (cryptopro.length === 0 && vipnet.length === 0) {
    const failed = report.providers.find((p) => p.error !== undefined)?.error;
    out.push(problem('csp-missing', 'plugin', `no crypto provider answered CSPVersion for types 75/80/81/2/77/78${failed ? `: ${describe(failed)}` : ''}`));
  } else if (cryptopro.length > 0) {
    const newest = cryptopro.map((p) => p.version!).sort((a, b) => (parseVersion(b)?.[0] ?? 0) - (parseVersion(a)?.[0] ?? 0))[0] ?? null;
    for (const f of cspVersionFindings(newest, stackOf(report, ctx))) out.push(ruled(problem(f.problem, 'plugin', f.evidence), f.rule));
  }
  if (cryptopro.length > 0 && vipnet.length > 0) {
    out.push(problem('csp-conflict', 'plugin', `CryptoPro (${cryptopro[0]!.name ?? cryptopro[0]!.type} ${cryptopro[0]!.version}) and ViPNet (${vipnet[0]!.name ?? vipnet[0]!.type} ${vipnet[0]!.version}) are both installed`));
  }
  const csp = report.licenses.find((l) => l.product === 'csp');
  if (csp !== undefined && cryptopro.length > 0) {
    const state = csp.validTo === undefined ? null : parseLicenseValidTo(csp.validTo, ctx.now);
    if (csp.valid === false || state?.state === 'expired') out.push(problem('csp-license-expired', 'plugin', `CAdESCOM.CPLicense: CSP licence ${csp.validTo ?? 'invalid'}`));
  }
  if (cryptopro.length > 0) out.push(...expiringLicences(report, ctx.now));
  return out;
}

/** A connection cut mid-check: nothing else can be said from a half-read report. */
const lostProblem = (lost: NonNullable<ProbeReport['lost']>): CheckProblem =>
  problem('plugin-connection-lost', 'plugin', `the plug-in answered ${lost.answered} requests, then ${lost.unanswered} went unanswered and a fresh one too: the CryptoPro extension was reloaded or updated, or its native part stopped`);

const LICENCE_SOON_DAYS = 30;
const PRODUCT_NAMES = { csp: 'CryptoPro CSP', ocsp: 'OCSP client', tsp: 'TSP client' } as const;

/**
 * Licences that still work but end within 30 days: the CSP's always, the OCSP/TSP clients' when they
 * have a term (an installed, time-limited client licence was bought for a platform that needs it).
 */
function expiringLicences(report: ProbeReport, now: Date): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const licence of report.licenses) {
    if (licence.valid === false || licence.validTo === undefined) continue;
    const state = parseLicenseValidTo(licence.validTo, now);
    if (state.state !== 'valid') continue;
    const days = Math.floor((state.validTo.getTime() - now.getTime()) / 86_400_000);
    if (days <= LICENCE_SOON_DAYS) out.push(problem('csp-license-expiring', 'plugin', `${PRODUCT_NAMES[licence.product]} licence ends ${state.validTo.toISOString().slice(0, 10)} (in ${days} days)`));
  }
  return out;
}

/**
 * What the rule pack knows of the rest of the stack: the browser (a build the CryptoPro extension does
 * not support, no GOST TLS where the platform needs it), the CryptoPro extension that answered, and the
 * site's cadesplugin_api.js — that one only where the site's own loader failed: a working loader's
 * version is no news.
 */
export function stackRuleProblems(report: ProbeReport, ctx: ProbeContext): CheckProblem[] {
  const stack = stackOf(report, ctx);
  const out: CheckProblem[] = [];
  // GOST TLS rules speak only of a host that did not open (src/core/tls-failure.ts, the check's TLS step):
  // on a page that opened they would contradict what the user sees.
  if (stack.browser !== null) for (const f of ruleFindings('browser', stack.browser.version, stack)) if (f.problem !== 'gost-tls-unsupported') out.push(ruled(problem(f.problem, 'environment', f.evidence), f.rule));
  for (const f of ruleFindings('extension', report.bridge.extensionVersion, stack)) out.push(ruled(problem(f.problem, 'plugin', f.evidence), f.rule));
  if (report.loader.state === 'rejected' || report.loader.state === 'pending') {
    for (const f of ruleFindings('loader', report.loader.version ?? null, stack)) out.push(ruled(problem(f.problem, 'plugin', `${f.evidence}; the site's loader said «${report.loader.message ?? report.loader.state}»`), f.rule));
  }
  return out;
}

/** Problems of the plug-in, the CSP and its licence; certificates are interpreted separately. */
export function interpretProbe(report: ProbeReport, ctx: ProbeContext): CheckProblem[] {
  if (report.lost !== undefined) return [lostProblem(report.lost)];
  if (report.path === 'none' || !report.about.ok) return reachProblems(report, ctx);
  const out: CheckProblem[] = [];
  if (report.loader.state === 'rejected' && report.path === 'bridge') {
    // The plug-in works for us now, so what failed was the site's own attempt: most often the page was
    // opened before the extension or plug-in was installed (a reload fixes it), else its loader does
    // not know this extension's id.
    out.push(
      problem(
        'plugin-connection-lost',
        'plugin',
        `the site's loader failed («${report.loader.message ?? ''}»), but the plug-in answers through extension ${report.bridge.extensionId ?? '?'}: reload the page; if it fails again, the site's cadesplugin_api.js does not know this extension`,
      ),
    );
  }
  const version = report.about.pluginVersion !== undefined && report.about.pluginVersion !== '0.0.0000' ? report.about.pluginVersion : (report.about.version ?? null);
  for (const f of pluginVersionFindings(version, stackOf(report, ctx))) out.push(ruled(problem(f.problem, 'plugin', f.evidence), f.rule));
  out.push(...cspProblems(report, ctx));
  return out;
}

/**
 * Pairs of signing extensions that must not be enabled together (seen with the `management` permission).
 * Chromium-Gost installs both CryptoPro extensions (MV2 1.2.13 and MV3) and both Госуслуги ones on every
 * start, on purpose (deemru/Chromium-Gost, patch/chromium.patch, since 135.0.7049.95): there the pair
 * is the browser's design, not the user's mistake — only a copy beyond its bundle is a conflict.
 */
export function extensionConflicts(list: readonly SigningExtension[], answered: string | null = null, browserName: string | null = null): CheckProblem[] {
  const enabled = list.filter((e) => e.enabled);
  const bundled = browserName === 'chromium-gost' ? CHROMIUM_GOST_BUNDLE : new Set<string>();
  const out: CheckProblem[] = [];
  // Two enabled copies of the CryptoPro extension (old and new, or a browser-bundled one beside the
  // store's or the policy's): the page talks to one, the other answers too. Name each, and the one used.
  const cryptopro = enabled.filter((e) => isCryptoproExtension(e.id, e.name));
  if (cryptopro.length >= 2 && cryptopro.some((e) => !bundled.has(e.id))) {
    const copies = cryptopro.map((e) => `${e.id} ${e.version} (${bundled.has(e.id) ? 'bundled with Chromium-Gost' : INSTALLED_BY[e.installType ?? 'other']}${e.id === answered ? ', used by this page' : ''})`);
    out.push(problem('signing-extension-conflict', 'discovery', `${cryptopro.length} copies of the CryptoPro extension enabled: ${copies.join('; ')}`));
  }
  const ids = new Set(enabled.map((e) => e.id));
  for (const [a, b] of CONFLICTING_EXTENSIONS) {
    if (isCryptoproExtension(a, '') && isCryptoproExtension(b, '')) continue;
    if (bundled.has(a) && bundled.has(b)) continue;
    if (ids.has(a) && ids.has(b)) out.push(problem('signing-extension-conflict', 'discovery', `both enabled: ${SIGNING_EXTENSIONS[a]} and ${SIGNING_EXTENSIONS[b]}`));
  }
  return out;
}

interface SigningExtension {
  id: string;
  name: string;
  enabled: boolean;
  version: string;
  installType?: 'admin' | 'development' | 'normal' | 'sideload' | 'other';
}

/** management's install types in support's words: who put the copy there, so support knows which to remove. */
const INSTALLED_BY = { admin: 'installed by policy', development: 'unpacked, developer mode', normal: 'from a store', sideload: 'installed by another program (e.g. the browser\'s own bundle)', other: 'installed otherwise' } as const;

const CLOUD_KEY_FAILURES: ReadonlySet<ProblemId> = new Set(['key-container-missing', 'token-not-detected', 'unknown-signing-error', 'plugin-load-timeout']);

/** «Тестовая подпись»: its error code is the cause, stated by the CSP itself. */
export function interpretSignature(report: ProbeReport, ctx: ProbeContext): CheckProblem[] {
  if (report.lost !== undefined) return [lostProblem(report.lost)];
  if (report.path === 'none') return reachProblems(report, ctx);
  if (report.signature === undefined && report.about.error !== undefined) return reachProblems(report, ctx);
  const signature = report.signature;
  if (signature === undefined || signature.ok) return [];
  const problems = problemsOfError(signature.error ?? { code: null, message: 'failed' }, 'plugin', `test signature with ${signature.thumbprint}`, signature.thumbprint);
  // A cloud key fails for reasons of its own (not signed in, DSS unreachable, not confirmed on the phone).
  const cert = report.stores.my.certificates.find((c) => (c.thumbprint ?? '').replace(/[^0-9a-f]/gi, '').toUpperCase() === signature.thumbprint.replace(/[^0-9a-f]/gi, '').toUpperCase());
  if (keyStoreOf(cert?.uniqueContainer) !== 'cloud') return problems;
  // Only failures of reaching the key: an expired licence or a revoked certificate is no cloud matter.
  return problems.map((p) => (CLOUD_KEY_FAILURES.has(p.id) ? { ...p, cause: { key: 'cloud-key' as const, params: {} } } : p));
}
