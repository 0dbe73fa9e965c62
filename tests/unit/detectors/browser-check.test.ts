import { describe, expect, it } from 'vitest';
import { problemForBrowser } from '@/src/detectors/browser-check';

const UA = {
  chrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  yandex: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 YaBrowser/24.10.0.0 Safari/537.36',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
  oldChrome: 'Mozilla/5.0 (Windows NT 6.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/49.0.2623.112 Safari/537.36',
  ie: 'Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko',
};

describe('«браузер не поддерживается» in a supported browser', () => {
  it('is the platform sniffing the user agent in current Chrome, Yandex Browser and Firefox', () => {
    for (const ua of [UA.chrome, UA.yandex, UA.firefox]) expect(problemForBrowser('browser-unsupported', ua)).toBe('platform-browser-check-false');
  });

  it('stays browser-unsupported in Chrome 49 (Windows XP/7 era) and Internet Explorer', () => {
    expect(problemForBrowser('browser-unsupported', UA.oldChrome)).toBe('browser-unsupported');
    expect(problemForBrowser('browser-unsupported', UA.ie)).toBe('browser-unsupported');
  });

  it('leaves every other problem as it is', () => {
    expect(problemForBrowser('plugin-load-timeout', UA.chrome)).toBe('plugin-load-timeout');
  });
});
