import { describe, expect, it } from 'vitest';
import { CODE_PROBLEMS, hexFromSignedDecimal } from '@/src/detectors/code-signals';
import { createMatcher, withoutGenericBesideSpecific } from '@/src/detectors/matcher';
import { GENERIC_TEXT_SIGNALS } from '@/src/detectors/text-signals';

const matcher = createMatcher(GENERIC_TEXT_SIGNALS);
const problems = (text: string): string[] => [...new Set(matcher.find(text).map((s) => s.problem))].sort();

describe('text signals', () => {
  it.each(GENERIC_TEXT_SIGNALS.map((s) => [s.text, s.problem] as const))('«%s» → %s', (text, problem) => {
    expect(problems(`Ошибка: ${text.replace('…', 'на')}.`)).toContain(problem);
  });

  it.each([
    ['case', 'ПЛАГИН НЕДОСТУПЕН'],
    ['non-breaking and repeated spaces', 'Плагин\u00a0\u00a0  недоступен'],
    ['line breaks', 'Плагин\n\t  недоступен'],
    ['text split across inline elements without spaces', 'Плагиннедоступен'],
  ])('tolerates %s', (_label, text) => {
    expect(problems(text)).toEqual(['plugin-extension-missing']);
  });

  it('matches ё where the signal has е and the other way round', () => {
    expect(problems('Истёк срок действия сертификата')).toEqual(['cert-expired']);
    expect(problems('Ваш сертификат ключа подписи включён в список отозванных')).toEqual(['cert-revoked']);
  });

  it('tolerates any quote style', () => {
    const signals = [{ text: 'Вход через «Госуслуги» невозможен', problem: 'plugin-host-missing' as const }];
    const quoted = createMatcher(signals);
    for (const text of ['Вход через "Госуслуги" невозможен', 'Вход через „Госуслуги“ невозможен', 'Вход через Госуслуги невозможен']) {
      expect(quoted.find(text).map((s) => s.problem)).toEqual(['plugin-host-missing']);
    }
  });

  it('treats … as a bounded gap', () => {
    expect(problems('Истекла лицензия на программу КриптоПро CSP')).toEqual(['csp-license-expired']);
    expect(problems(`Истекла лицензия ${'x'.repeat(200)} КриптоПро`)).toEqual([]);
  });

  it('reports where each signal is', () => {
    const text = 'Внимание! Плагин недоступен';
    const [signal] = matcher.find(text);
    expect(text.slice(signal!.index, signal!.index + signal!.length)).toBe('Плагин недоступен');
  });

  it('does not fire on help text that merely mentions certificates or the plug-in', () => {
    expect(problems('Для работы на площадке нужен квалифицированный сертификат и КриптоПро ЭЦП Browser plug-in. Сертификат можно получить в УЦ.')).toEqual([]);
  });
});

describe('code signals', () => {
  const codes = Object.entries(CODE_PROBLEMS);

  it.each(codes)('0x%s in every written form → %s', (hex, problem) => {
    const upper = hex.toUpperCase();
    expect(problems(`Ошибка подписи (0x${upper})`)).toEqual([problem]);
    expect(problems(`error 0x${hex}`)).toEqual([problem]);
    expect(problems(`Код ошибки: ${upper}`)).toEqual([problem]);
    expect(problems(`code ${hex}`)).toEqual([problem]);
  });

  it.each(codes.filter(([hex]) => parseInt(hex, 16) >= 0x80000000))('signed decimal of 0x%s → %s', (hex, problem) => {
    const decimal = String(parseInt(hex, 16) - 0x100000000);
    expect(problems(`Ошибка ${decimal}`)).toEqual([problem]);
    expect(hexFromSignedDecimal(decimal)).toBe(hex);
  });

  it('names the code in upper-case 0x form', () => {
    expect(matcher.find('(0x8009200b)')[0]).toMatchObject({ source: 'code', code: '0x8009200B', problem: 'cert-no-private-key' });
    expect(matcher.find('Ошибка -2146885621')[0]).toMatchObject({ code: '0x8009200B' });
  });

  it('reports an unknown failure code as unknown-signing-error', () => {
    expect(problems('Ошибка при подписании данных. Параметр задан неверно. (0x80070057)')).toEqual(['unknown-signing-error']);
    expect(problems('код ошибки C2100121')).toEqual(['unknown-signing-error']);
    expect(problems('Ошибка -2147024809 при подписи')).toEqual(['unknown-signing-error']);
  });

  it.each([
    ['a lot number', 'Извещение № 0373200000124000017, лот 80090016'],
    ['a purchase code', 'код закупки 241770800012177080100100010010000244'],
    ['bare hex without context', 'идентификатор 8009200B'],
    ['an 8-digit purchase code after «код»', 'код 12345678'],
    ['a non-failure 0x value', 'значение 0x00000001'],
    ['a negative amount', 'Сальдо: -2146885621,50 руб.'],
    ['an unknown signed decimal without context', 'Разница -2000000001'],
    ['a date range', '2024-2146885621'],
  ])('ignores %s', (_label, text) => {
    expect(problems(text)).toEqual([]);
  });
});

describe('generic step texts of signing libraries', () => {
  const found = (text: string) => withoutGenericBesideSpecific(matcher.find(text)).map((s) => s.problem);
  it('alone they are unknown-signing-error; followed by the plug-in\'s own code they give way to it', () => {
    expect(found('Ошибка при подписании данных')).toEqual(['unknown-signing-error']);
    expect(found('Ошибка при подписании данных: Внутренняя ошибка. (0x8007065B)')).toEqual(['csp-license-expired']);
    expect(found(`Ошибка при подписании данных${' '.repeat(300)}(0x8007065B)`)).toEqual(['unknown-signing-error', 'csp-license-expired']);
    expect(matcher.find('Ошибка при инициализации модуля для работы с Cades plugin').map((s) => s.problem)).toEqual(['plugin-extension-missing']);
    expect(matcher.find('Сертификат с отпечатком: "1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D" не найден').map((s) => s.problem)).toEqual(['cert-none-found']);
  });
});
