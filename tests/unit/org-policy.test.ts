import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHintPack } from '@/src/background/build-hint-pack';
import { HintPack } from '@/src/core/hint-pack';
import { hintModel } from '@/src/content/hint-model';
import { ORG_POLICY_FIELDS, parseOrgPolicy, supportLine } from '@/src/core/org-policy';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('organisation policy', () => {
  it('each field is read on its own: what does not fit, and what is unknown, is ignored and named', () => {
    const parsed = parseOrgPolicy({
      supportName: 'Поддержка',
      supportPhone: '+7 (495) 000-00-00',
      supportEmail: 'not an address',
      supportUrl: 'javascript:alert(1)',
      reminderDays: [60, 0],
      quietHoursFrom: 22,
      quietHoursTo: 7,
      disableTestSignature: 'yes',
      reportRedaction: 'none',
      somethingElse: 1,
    });
    expect(parsed.policy).toEqual({ supportName: 'Поддержка', supportPhone: '+7 (495) 000-00-00', quietHoursFrom: 22, quietHoursTo: 7 });
    expect(parsed.ignored.sort()).toEqual(['disableTestSignature', 'reminderDays', 'reportRedaction', 'somethingElse', 'supportEmail', 'supportUrl']);
  });

  it('no policy is an empty one; a policy that is not an object is named as such', () => {
    expect(parseOrgPolicy(undefined)).toEqual({ policy: {}, ignored: [] });
    expect(parseOrgPolicy({})).toEqual({ policy: {}, ignored: [] });
    expect(parseOrgPolicy([1])).toEqual({ policy: {}, ignored: ['(not an object)'] });
  });

  it('the support line joins what is set; none when nothing is', () => {
    expect(supportLine({ supportName: 'A', supportEmail: 'a@b.ru' })).toBe('A · a@b.ru');
    expect(supportLine({ disableTestSignature: true })).toBeNull();
  });

  it('public/managed_schema.json declares exactly the fields ep-doctor reads (Chromium drops what the schema lacks)', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'public/managed_schema.json'), 'utf8')) as { properties: Record<string, { enum?: string[] }> };
    expect(Object.keys(schema.properties).sort()).toEqual([...ORG_POLICY_FIELDS].sort());
    expect(schema.properties['reportRedaction']!.enum).toEqual(['default', 'always']);
  });

  it('the support link leads every hint: a known platform\'s, and one outside them (an organisation\'s own platform)', () => {
    const support = { title: 'Поддержка организации: ИТ', url: 'https://help.example/ep' };
    const pack = buildHintPack('ru', '1', support);
    expect(HintPack.safeParse(pack).success).toBe(true);
    expect(hintModel(pack, 'chain-untrusted', 'sberbank-ast', {})!.links[0]).toEqual(support);
    expect(hintModel(pack, 'chain-untrusted', null, {})!.links).toEqual([support]);
    expect(hintModel(buildHintPack('ru', '1'), 'chain-untrusted', null, {})!.links).toEqual([]);
  });
});
