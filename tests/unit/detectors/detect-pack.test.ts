import { describe, expect, it } from 'vitest';
import { matcherFromCompiled } from '@/src/detectors/compiled-detector';
import { buildDetectPack } from '@/src/detectors/detect-pack';
import { DETECT_INDEX_KEY, detectPlatformKey, type DetectIndex, type DetectPlatform } from '@/src/detectors/detect-pack-format';
import { GENERIC_TEXT_SIGNALS } from '@/src/detectors/text-signals';
import { PLATFORM_MATCHES } from '@/src/platforms';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const OLD_IE = 'Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko';

/** What a content script reads: the pack after storage's JSON round trip. */
const stored = (userAgent = CHROME): Record<string, unknown> => JSON.parse(JSON.stringify(buildDetectPack('1.2.3', PLATFORM_MATCHES, GENERIC_TEXT_SIGNALS, userAgent))) as Record<string, unknown>;

describe('the detect pack content scripts read from storage', () => {
  it('holds every platform\'s hosts, the code table and one detector per platform, all of this version', () => {
    const items = stored();
    const index = items[DETECT_INDEX_KEY] as DetectIndex;
    expect(index.version).toBe('1.2.3');
    expect(index.platforms.map((p) => p.id)).toEqual(PLATFORM_MATCHES.map((p) => p.id));
    expect(index.codes['8009200b']).toBe('cert-no-private-key');
    for (const p of PLATFORM_MATCHES) expect((items[detectPlatformKey(p.id)] as DetectPlatform).version).toBe('1.2.3');
    expect(Object.keys(items)).toHaveLength(PLATFORM_MATCHES.length + 1);
  });

  it('a platform\'s detector finds its own texts and the generic ones; the generic detector only the generic', () => {
    const items = stored();
    const index = items[DETECT_INDEX_KEY] as DetectIndex;
    for (const p of PLATFORM_MATCHES.filter((m) => m.texts.length > 0)) {
      const own = matcherFromCompiled((items[detectPlatformKey(p.id)] as DetectPlatform).detector, index.codes);
      const text = p.texts[0]!.text.replace(/…|\.\.\./g, ' и ');
      expect(own.find(`Ошибка: ${text}`).map((s) => s.problem), p.id).toContain(p.texts[0]!.problem);
      expect(own.find('Ошибка: Набор ключей не существует (0x80090016)').map((s) => s.problem)).toEqual(['key-container-missing', 'key-container-missing']);
    }
    const generic = matcherFromCompiled(index.generic, index.codes);
    expect(generic.find('Выбранная ЭЦП не авторизована').map((s) => s.problem)).toEqual(['platform-signature-not-authorized']);
    const gosuslugiOnly = PLATFORM_MATCHES.find((p) => p.id === 'gosuslugi')!.texts.find((t) => !GENERIC_TEXT_SIGNALS.some((g) => g.text === t.text))!;
    expect(generic.find(gosuslugiOnly.text.replace(/…|\.\.\./g, ' и ')).map((s) => s.problem)).not.toContain(gosuslugiOnly.problem);
  });

  it('«Браузер не поддерживается» is the platform\'s wrong guess in a supported browser, decided when the pack is built', () => {
    const find = (userAgent: string) => {
      const index = stored(userAgent)[DETECT_INDEX_KEY] as DetectIndex;
      return matcherFromCompiled(index.generic, index.codes).find('Браузер не поддерживается').map((s) => s.problem);
    };
    expect(find(CHROME)).toEqual(['platform-browser-check-false']);
    expect(find(OLD_IE)).toEqual(['browser-unsupported']);
  });
});
