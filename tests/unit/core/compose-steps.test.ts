import { describe, expect, it } from 'vitest';
import { composeSteps } from '@/src/core/compose-steps';
import { langFromLocale, resolveLang } from '@/src/core/localized';

describe('composeSteps', () => {
  const generic = ['g1', 'g2'];
  it('keeps the generic steps without a platform remedy', () => expect(composeSteps(generic, undefined)).toEqual(['g1', 'g2']));
  it('replaces', () => expect(composeSteps(generic, { mode: 'replace', steps: ['p'] })).toEqual(['p']));
  it('puts platform steps first', () => expect(composeSteps(generic, { mode: 'before', steps: ['p'] })).toEqual(['p', 'g1', 'g2']));
  it('puts platform steps last', () => expect(composeSteps(generic, { mode: 'after', steps: ['p'] })).toEqual(['g1', 'g2', 'p']));
});

describe('language', () => {
  it.each([
    ['en-US', 'en'],
    ['en', 'en'],
    ['EN-gb', 'en'],
    ['ru', 'ru'],
    ['de-DE', 'ru'],
    ['uk', 'ru'],
    [undefined, 'ru'],
  ])('browser UI %s → %s', (locale, lang) => expect(langFromLocale(locale)).toBe(lang));

  it('prefers the user choice, ignores junk', () => {
    expect(resolveLang('en', 'ru')).toBe('en');
    expect(resolveLang('ru', 'en-US')).toBe('ru');
    expect(resolveLang('auto', 'en-US')).toBe('en');
    expect(resolveLang({ evil: 1 }, 'en-US')).toBe('en');
  });
});
