import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_CAUSES } from '@/src/core/host-causes';
import { UI_EN } from '@/src/core/i18n/ui-en';
import { UI_RU } from '@/src/core/i18n/ui-ru';
import { CAUSE_TABLES } from '@/src/core/i18n/causes';
import { ROOT } from '../helpers/shared';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('UI strings', () => {
  it('have the same keys and placeholders in Russian and English', () => {
    expect(Object.keys(UI_EN).sort()).toEqual(Object.keys(UI_RU).sort());
    for (const key of Object.keys(UI_RU) as (keyof typeof UI_RU)[]) {
      expect(placeholders(UI_EN[key]), `placeholders of ${key}`).toEqual(placeholders(UI_RU[key]));
      expect(UI_EN[key].trim(), key).not.toBe('');
    }
  });

  it('word every companion finding (host cause) in both languages', () => {
    for (const cause of HOST_CAUSES) for (const lang of ['ru', 'en'] as const) expect(CAUSE_TABLES[lang][cause]?.trim(), `${lang} ${cause}`).toBeTruthy();
    for (const cause of HOST_CAUSES) expect(placeholders(CAUSE_TABLES.en[cause]), `placeholders of ${cause}`).toEqual(placeholders(CAUSE_TABLES.ru[cause]));
  });

  it('have the same manifest messages in _locales/ru and _locales/en', () => {
    const read = (lang: string) => JSON.parse(readFileSync(path.join(ROOT, `public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>;
    const ru = read('ru');
    const en = read('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });
});
