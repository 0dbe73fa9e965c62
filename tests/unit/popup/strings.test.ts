import { describe, expect, it } from 'vitest';
import { UI_EN } from '@/src/core/i18n/ui-en';
import { UI_RU } from '@/src/core/i18n/ui-ru';

describe('the popup\'s strings: Russian at once, English fetched', () => {
  it('says everything in Russian before any load, and English only once its chunk is here', async () => {
    const strings = await import('@/src/popup/strings');
    expect(strings.uiText('ru', 'popupLanguage')).toBe(UI_RU.popupLanguage);
    // Not loaded yet: Russian stands in rather than a key or nothing.
    expect(strings.uiText('en', 'popupLanguage')).toBe(UI_RU.popupLanguage);
    expect(strings.causeString('en', 'clock-behind', { minutes: 7 })).toBe('Часы компьютера отстают от сервера площадки на 7 мин.');
    await Promise.all([strings.loadStrings('en'), strings.loadStrings('en')]);
    expect(strings.uiText('en', 'popupLanguage')).toBe(UI_EN.popupLanguage);
    expect(strings.causeString('en', 'clock-behind', { minutes: 7 })).toBe('This computer\'s clock is 7 min behind the platform server.');
    expect(strings.uiText('ru', 'popupPlatform', { platform: 'РТС-тендер' })).toBe('Площадка: РТС-тендер');
  });
});
