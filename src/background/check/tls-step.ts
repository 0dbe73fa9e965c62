import { CATALOG } from '../../core/catalog';
import type { CheckFacts, CheckProblem } from '../../core/check-result';
import { tlsFailure } from '../../core/tls-failure';
import { boundsNoVersion, findingOf, matchingRules, osFamily, UNKNOWN_STACK, type StackContext } from '../../plugin/versions';
import type { TlsRecord } from '../tls-watch';

/**
 * The check's verdict on a GOST TLS host that did not open, from the browser's network error and the
 * rule pack: a browser rule on `gost-tls-unsupported` that bounds no build says the browser cannot do GOST
 * TLS at all (Chrome, Edge…, Yandex Browser outside Windows); one with bounds names a build's own GOST TLS
 * defect (Chromium-Gost without the TLS 1.2 fallback), which explains a broken handshake.
 */
export function tlsVerdict(record: TlsRecord, env: Pick<CheckFacts, 'browser' | 'os'>, clientCertificate: boolean): CheckProblem | null {
  const stack: StackContext = { ...UNKNOWN_STACK, gostTls: true, os: osFamily(env.os.os), browser: { name: env.browser.name, version: env.browser.version } };
  const rules = matchingRules('browser', env.browser.version, stack).filter((r) => r.problem === 'gost-tls-unsupported');
  const noGost = rules.find(boundsNoVersion);
  const defect = rules.find((r) => !boundsNoVersion(r));
  const found = tlsFailure({ error: record.error, host: record.host, clientCertificate, browser: { ...env.browser, gostTls: env.browser.gostTls && noGost === undefined }, os: stack.os });
  if (found === null) return null;
  const rule = found.cause?.key === 'tls-no-gost-browser' ? noGost : found.cause?.key === 'tls-handshake-broken' ? defect : undefined;
  const said = rule === undefined ? null : findingOf(rule, 'browser', env.browser.version, stack);
  return {
    ...found,
    severity: CATALOG[found.id].severity,
    source: 'environment',
    ...(said === null ? {} : { evidence: `${found.evidence}; ${said.evidence}`.slice(0, 500), rule: said.rule }),
  };
}
