import { describe, expect, it } from 'vitest';
import { parseRulePack, RULES } from '@/src/plugin/compat/pack';
import { cspVersionFindings, pluginVersionFindings } from '@/src/plugin/versions';

/**
 * One row per rule of the committed pack: a build the rule must catch, and the nearest build it must
 * not. Adding a rule without its row fails «every rule has a row».
 */
const ROWS: Record<string, { component: 'plugin' | 'csp'; hit: string; miss: string; gostTls?: boolean }> = {
  'plugin-unsupported': { component: 'plugin', hit: '2.0.12000', miss: '2.0.13771' },
  'plugin-pkcs7-bug': { component: 'plugin', hit: '2.0.13642', miss: '2.0.14071' },
  'plugin-below-recommended': { component: 'plugin', hit: '2.0.13700', miss: '2.0.13771' },
  'csp-below-4': { component: 'csp', hit: '3.9.8423', miss: '4.0.9963' },
  'csp-4-gost-tls-chromium-90': { component: 'csp', hit: '4.0.9963', miss: '5.0.11455', gostTls: true },
  'csp-5.0.12600-known-bad': { component: 'csp', hit: '5.0.12600', miss: '5.0.12900' },
};

const findings = (component: 'plugin' | 'csp', version: string, gostTls = false) => (component === 'plugin' ? pluginVersionFindings(version) : cspVersionFindings(version, gostTls));

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

  it.each(Object.entries(ROWS))('%s catches its build and not the next one', (id, row) => {
    const hit = findings(row.component, row.hit, row.gostTls);
    expect(hit).toHaveLength(1);
    expect(hit[0]!.evidence).toContain(`rule ${id}`);
    expect(hit[0]!.evidence).toContain(`pack ${RULES.pack}`);
    expect(findings(row.component, row.miss, row.gostTls).filter((f) => f.evidence.includes(`rule ${id}`))).toEqual([]);
  });

  it('current builds pass', () => {
    expect(pluginVersionFindings(RULES.current.plugin)).toEqual([]);
    expect(cspVersionFindings(RULES.current.csp, true)).toEqual([]);
  });

  it('a rule the checks do not read is refused: both or neither bound, a repeated id, an unknown problem, no source', () => {
    const rule = { id: 'x-rule', component: 'csp', below: '5.0', problem: 'csp-outdated', evidence: 'e', source: 'a source', date: '2026-01-01' };
    const pack = (rules: unknown[]) => ({ pack: '2026-12-04', current: { plugin: '2.0.15700', csp: '5.0.13600' }, rules });
    expect(() => parseRulePack(pack([rule]))).not.toThrow();
    expect(() => parseRulePack(pack([{ ...rule, exactly: '5.0.1' }]))).toThrow(/exactly one/);
    expect(() => parseRulePack(pack([{ ...rule, below: undefined }]))).toThrow(/exactly one/);
    expect(() => parseRulePack(pack([rule, rule]))).toThrow(/twice/);
    expect(() => parseRulePack(pack([{ ...rule, problem: 'no-such-problem' }]))).toThrow();
    expect(() => parseRulePack(pack([{ ...rule, source: '' }]))).toThrow();
  });

  it('a malformed pack names the rule\'s index and field', () => {
    const rule = { id: 'x-rule', component: 'csp', below: '5.0', problem: 'csp-outdated', evidence: 'e', source: 'a source', date: '2026-01-01' };
    const pack = (rules: unknown[]) => ({ pack: '2026-12-04', current: { plugin: '2.0.15700', csp: '5.0.13600' }, rules });
    expect(() => parseRulePack(pack([rule, { ...rule, id: 'y-rule', source: 'x' }]))).toThrow(/rules\[1\]\.source: /);
    expect(() => parseRulePack(pack([rule, rule, { ...rule, id: 'z-rule', below: '5.0.x' }]))).toThrow(/rules\[2\]\.below: /);
    expect(() => parseRulePack(pack([rule, { ...rule, exactly: '5.0.1', id: 'w-rule' }]))).toThrow(/rules\[1\] \(w-rule\): exactly one/);
  });

  it('a new pack changes verdicts without code: a rule added in data is read', () => {
    const pack = parseRulePack({ ...RULES, rules: [...RULES.rules, { id: 'csp-13600-test', component: 'csp', exactly: '5.0.13600', problem: 'csp-outdated', evidence: 'test', source: 'a test row', date: RULES.pack }] });
    expect(cspVersionFindings('5.0.13600', false, pack).map((f) => f.problem)).toEqual(['csp-outdated']);
  });
});
