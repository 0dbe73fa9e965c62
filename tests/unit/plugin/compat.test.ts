import { describe, expect, it } from 'vitest';
import { parseRulePack, RULES, type Component } from '@/src/plugin/compat/pack';
import { cspVersionFindings, pluginVersionFindings, ruleFindings, UNKNOWN_STACK, type StackContext } from '@/src/plugin/versions';

/**
 * One row per rule of the committed pack: a build the rule must catch (with the stack it needs), and the
 * nearest build or stack it must not. Adding a rule without its row fails «every rule has a row».
 */
type Row = { component: Component; hit: string | null; miss: string | null; ctx?: Partial<StackContext>; missCtx?: Partial<StackContext> };
const chrome = (version: string): StackContext['browser'] => ({ name: 'chrome', version });
const ROWS: Record<string, Row> = {
  'plugin-pkcs7-bug': { component: 'plugin', hit: '2.0.13642', miss: '2.0.14071' },
  'plugin-unsupported': { component: 'plugin', hit: '2.0.12000', miss: '2.0.13771' },
  'plugin-no-container-store': { component: 'plugin', hit: '2.0.13000', miss: '2.0.13292' },
  'plugin-below-recommended': { component: 'plugin', hit: '2.0.13700', miss: '2.0.13771' },
  'plugin-mv3-extension-needs-15400': { component: 'plugin', hit: '2.0.15000', miss: '2.0.15000', ctx: { extension: 'mv3' }, missCtx: { extension: 'mv2' } },
  'csp-below-4': { component: 'csp', hit: '3.9.8423', miss: '4.0.9963' },
  'csp-4-before-9963': { component: 'csp', hit: '4.0.9944', miss: '4.0.9963' },
  'csp-4-gost-tls-chromium-90': { component: 'csp', hit: '4.0.9963', miss: '5.0.11455', ctx: { gostTls: true }, missCtx: { gostTls: true } },
  'csp-4-development-ended': { component: 'csp', hit: '4.0.9975', miss: '5.0.11455' },
  'csp-below-r2': { component: 'csp', hit: '5.0.11455', miss: '5.0.12000' },
  'csp-5.0.12600-known-bad': { component: 'csp', hit: '5.0.12600', miss: '5.0.12900' },
  'csp-5.0.12800-gost-tls': { component: 'csp', hit: '5.0.12800', miss: '5.0.12800', ctx: { gostTls: true }, missCtx: { gostTls: false } },
  'csp-r3-interim-builds': { component: 'csp', hit: '5.0.12500', miss: '5.0.12900' },
  'browser-mv3-extension-minimum': { component: 'browser', hit: '104.0.5112.102', miss: '105.0.5195.52', ctx: { browser: chrome('104.0.5112.102') }, missCtx: { browser: chrome('105.0.5195.52') } },
  'browser-firefox-below-52': { component: 'browser', hit: '51.0', miss: '52.0', ctx: { browser: { name: 'firefox', version: '51.0' } }, missCtx: { browser: { name: 'firefox', version: '52.0' } } },
  'browser-no-gost-tls': { component: 'browser', hit: '131.0.6778.86', miss: '131.0.6778.86', ctx: { gostTls: true, browser: chrome('131.0.6778.86') }, missCtx: { gostTls: true, browser: { name: 'chromium-gost', version: '131.0.6778.86' } } },
  'yandex-gost-tls-windows-only': { component: 'browser', hit: '25.2.1', miss: '25.2.1', ctx: { gostTls: true, os: 'linux', browser: { name: 'yandex', version: '25.2.1' } }, missCtx: { gostTls: true, os: 'windows', browser: { name: 'yandex', version: '25.2.1' } } },
  'chromium-gost-tls13-no-fallback': { component: 'browser', hit: '140.0.7339.80', miss: '146.0.7680.153', ctx: { gostTls: true, browser: { name: 'chromium-gost', version: '140.0.7339.80' } }, missCtx: { gostTls: true, browser: { name: 'chromium-gost', version: '146.0.7680.153' } } },
  'loader-without-mv3-id': { component: 'loader', hit: '2.3.5', miss: '2.4.1', ctx: { browser: chrome('131.0'), extension: 'mv3' }, missCtx: { browser: chrome('131.0'), extension: 'mv3' } },
  'loader-2.3-yandex-opera-only': { component: 'loader', hit: '2.3.2', miss: '2.3.2', ctx: { browser: { name: 'yandex', version: '24.1' }, extension: 'mv2' }, missCtx: { browser: { name: 'yandex', version: '24.1' }, extension: 'opera' } },
  'loader-before-2.3-yandex-mv3': { component: 'loader', hit: '2.1.2', miss: '2.4.1', ctx: { browser: { name: 'yandex', version: '24.1' }, extension: 'mv3' } },
  'loader-2.3-opera-store-only': { component: 'loader', hit: '2.3.5', miss: '2.3.5', ctx: { browser: { name: 'opera', version: '115.0' }, extension: 'mv3' }, missCtx: { browser: { name: 'opera', version: '115.0' }, extension: 'opera' } },
  'extension-mv2-chrome-138': { component: 'extension', hit: null, miss: null, ctx: { browser: chrome('138.0.7204.49'), extension: 'mv2' }, missCtx: { browser: chrome('137.0.7151.55'), extension: 'mv2' } },
  'extension-mv2-edge-2026': { component: 'extension', hit: null, miss: null, ctx: { browser: { name: 'edge', version: '142.0' }, extension: 'mv2' }, missCtx: { browser: { name: 'edge', version: '142.0' }, extension: 'mv3' } },
  'loader-firefox-npapi': { component: 'loader', hit: '2.1.0', miss: '2.1.1', ctx: { browser: { name: 'firefox', version: '128.0' } }, missCtx: { browser: { name: 'firefox', version: '128.0' } } },
};

const stack = (over: Partial<StackContext> = {}): StackContext => ({ ...UNKNOWN_STACK, ...over });
const findings = (component: Component, version: string | null, over?: Partial<StackContext>) =>
  component === 'plugin' ? pluginVersionFindings(version, stack(over)) : component === 'csp' ? cspVersionFindings(version, stack(over)) : ruleFindings(component, version, stack(over));

describe('the compatibility rule pack (src/plugin/compat/rules.json)', () => {
  it('parses, is dated, and every rule has a source and the date it was checked', () => {
    expect(RULES.pack).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const rule of RULES.rules) {
      expect(rule.source.length, rule.id).toBeGreaterThan(5);
      expect(rule.date <= RULES.pack, rule.id).toBe(true);
    }
  });

  it('every rule has a row', () => {
    expect(Object.keys(ROWS).sort()).toEqual(RULES.rules.map((r) => r.id).sort());
  });

  it.each(Object.entries(ROWS))('%s catches its build and not the next build or stack', (id, row) => {
    const hit = findings(row.component, row.hit, row.ctx).filter((f) => f.rule === id);
    expect(hit).toHaveLength(1);
    expect(hit[0]!.evidence).toContain(`rule ${id}`);
    expect(hit[0]!.evidence).toContain(`pack ${RULES.pack}`);
    expect(findings(row.component, row.miss, row.missCtx ?? row.ctx).filter((f) => f.rule === id)).toEqual([]);
  });

  it('one finding per problem: the first matching rule in pack order, the most specific', () => {
    expect(pluginVersionFindings('2.0.12000').map((f) => f.rule)).toEqual(['plugin-unsupported']);
    expect(cspVersionFindings('5.0.12600', stack({ gostTls: true })).map((f) => f.rule)).toEqual(['csp-5.0.12600-known-bad']);
  });

  it('a fact the check does not know satisfies no condition', () => {
    expect(ruleFindings('browser', null, stack({ gostTls: true }))).toEqual([]);
    expect(ruleFindings('loader', '2.3.5', stack({ browser: chrome('131.0') }))).toEqual([]);
    expect(cspVersionFindings('5.0.12000', stack({ os: 'macos' }))).toEqual([]);
  });

  it('current builds pass, in every browser that can do GOST TLS', () => {
    expect(pluginVersionFindings(RULES.current.plugin, stack({ extension: 'mv3' }))).toEqual([]);
    expect(cspVersionFindings(RULES.current.csp, stack({ gostTls: true, os: 'macos', browser: { name: 'chromium-gost', version: '148.0.7778.254' } }))).toEqual([]);
    expect(cspVersionFindings('5.0.12000', stack({ os: 'macos', browser: { name: 'chromium-gost', version: '148.0.7778.254' } }))).toEqual([]);
    expect(ruleFindings('browser', '148.0.7778.254', stack({ gostTls: true, os: 'linux', browser: { name: 'chromium-gost', version: '148.0.7778.254' } }))).toEqual([]);
    expect(ruleFindings('browser', '25.8.0', stack({ gostTls: true, os: 'windows', browser: { name: 'yandex', version: '25.8.0' } }))).toEqual([]);
  });

  it('has at least 25 rules, each with a source', () => {
    expect(RULES.rules.length).toBeGreaterThanOrEqual(25);
  });

  it('a rule the checks do not read is refused: both or neither bound, a repeated id, an unknown problem, no source', () => {
    const rule = { id: 'x-rule', component: 'csp', below: '5.0', problem: 'csp-outdated', evidence: 'evidence of a test rule', source: 'a source', date: '2026-01-01' };
    const pack = (rules: unknown[]) => ({ pack: '2026-12-04', current: { plugin: '2.0.15700', csp: '5.0.13600' }, rules });
    expect(() => parseRulePack(pack([rule]))).not.toThrow();
    expect(() => parseRulePack(pack([{ ...rule, exactly: '5.0.1' }]))).toThrow(/exactly stands alone/);
    expect(() => parseRulePack(pack([{ ...rule, below: undefined }]))).toThrow(/needs a version bound/);
    expect(() => parseRulePack(pack([{ ...rule, below: undefined, when: { gostTls: true } }]))).not.toThrow();
    expect(() => parseRulePack(pack([{ ...rule, when: { os: ['windows'], color: 'red' } }]))).toThrow(/when/);
    expect(() => parseRulePack(pack([{ ...rule, component: 'gosplugin' }]))).toThrow(/component/);
    expect(() => parseRulePack(pack([{ ...rule, below: undefined, when: {} }]))).toThrow(/rules\[0\]\.when: empty/);
    expect(() => parseRulePack(pack([{ ...rule, when: { browserAtLeast: '138' } }]))).toThrow(/need browser/);
    expect(() => parseRulePack(pack([rule, rule]))).toThrow(/twice/);
    expect(() => parseRulePack(pack([{ ...rule, problem: 'no-such-problem' }]))).toThrow();
    expect(() => parseRulePack(pack([{ ...rule, source: '' }]))).toThrow();
  });

  it('a malformed pack names the rule\'s index and field', () => {
    const rule = { id: 'x-rule', component: 'csp', below: '5.0', problem: 'csp-outdated', evidence: 'evidence of a test rule', source: 'a source', date: '2026-01-01' };
    const pack = (rules: unknown[]) => ({ pack: '2026-12-04', current: { plugin: '2.0.15700', csp: '5.0.13600' }, rules });
    expect(() => parseRulePack(pack([rule, { ...rule, id: 'y-rule', source: 'x' }]))).toThrow(/rules\[1\]\.source: /);
    expect(() => parseRulePack(pack([rule, rule, { ...rule, id: 'z-rule', below: '5.0.x' }]))).toThrow(/rules\[2\]\.below: /);
    expect(() => parseRulePack(pack([rule, { ...rule, exactly: '5.0.1', id: 'w-rule' }]))).toThrow(/rules\[1\] \(w-rule\): exactly stands alone/);
    expect(() => parseRulePack(pack([rule, { ...rule, id: 'v-rule', when: { browser: ['netscape'] } }]))).toThrow(/rules\[1\]\.when\.browser\[0\]: /);
  });

  it('a new pack changes verdicts without code: a rule added in data is read', () => {
    const pack = parseRulePack({ ...RULES, rules: [...RULES.rules, { id: 'csp-13600-test', component: 'csp', exactly: '5.0.13600', problem: 'csp-outdated', evidence: 'evidence of a test row', source: 'a test row', date: RULES.pack }] });
    expect(cspVersionFindings('5.0.13600', UNKNOWN_STACK, pack).map((f) => f.problem)).toEqual(['csp-outdated']);
  });
});
