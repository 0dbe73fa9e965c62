import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxHintTexts, launchFirefoxWithExtension, openExtensionPage } from '../../scripts/lib/firefox.mjs';
import { newTrackedPage, tabFindings } from '../../scripts/lib/chromium.mjs';
import { runPages } from '../../scripts/lib/run-pages.mjs';
import { servePage } from '../../scripts/lib/serve.mjs';
import { fixturePages, showsExpectedProblems } from '../helpers/fixture-pages';

/**
 * The Firefox build (MV3, background as an event page) in Debian's Firefox ESR over WebDriver BiDi:
 * every committed fixture page served under its platform URL gives the problems it gives in Chromium,
 * the hint shows its text, and the popup for that tab shows the finding and copies the report.
 */
const cases = fixturePages();

let session: Awaited<ReturnType<typeof launchFirefoxWithExtension>>;
let results: Awaited<ReturnType<typeof runPages>>;

beforeAll(async () => {
  const started = Date.now();
  session = await launchFirefoxWithExtension();
  await session.worker.evaluate(() => chrome.storage.local.set({ 'settings:lang': 'ru' }));
  const launched = Date.now();
  results = await runPages(session, cases, { waitMs: 1500, parallel: 3, settled: showsExpectedProblems(cases) });
  process.stdout.write(`  Firefox ESR: started with ep-doctor in ${launched - started} ms; ${cases.length} fixture pages in ${Date.now() - launched} ms\n`);
}, 300_000);
afterAll(async () => {
  await session?.close();
});

describe('Firefox: fixture pages', () => {
  it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    const expected = cases[i]!;
    const result = results[i]!;
    expect(result.platform, 'platform').toBe(expected.platform);
    expect(result.problems, `problems found on ${expected.name}`).toEqual([...expected.problems].sort());
  });
});

describe('Firefox: hint and popup', () => {
  it('the hint says what the error means on this platform; the popup shows it and copies the report', async () => {
    const item = cases.find((c) => c.name === 'sberbank-ast/login-cert-not-mapped.html')!;
    const { page, tabId } = await newTrackedPage(session.browser, session.worker);
    await servePage(page, item.file, item.url);
    await page.goto(item.url, { waitUntil: 'load' });
    await page.waitForSelector('ep-doctor-hint');
    const [hint] = await firefoxHintTexts(page);
    expect(hint).toContain('Сбербанк-АСТ');
    expect(hint).toContain('Проверить');
    expect((await tabFindings(session.worker, tabId))?.findings.map((f) => f.problem)).toEqual(['platform-cert-not-registered']);

    const popup = await openExtensionPage(session.browser, `popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-testid=check]:not([disabled])');
    const shown = await popup.evaluate(() => document.body.innerText);
    expect(shown).toContain('Сбербанк-АСТ');
    // Copy report: the clipboard is the extension's to write (clipboardWrite is not needed for a user
    // gesture); what was written is read back through the preview the popup shows.
    await popup.waitForSelector('[data-testid=report-copy]:not([disabled])');
    await popup.click('[data-testid=report-copy]');
    await popup.waitForSelector('[role=status]');
    const preview = await popup.$eval('[data-testid=report-preview]', (e) => e.textContent ?? '');
    expect(preview).toContain('Площадка: Сбербанк-АСТ — https://login.sberbank-ast.ru/Login.aspx');
    expect(preview).toContain('Клиентский сертификат не сопоставлен с пользователем.');
    // The report names the browser from the popup itself when no check ran (Firefox has no client hints).
    expect(preview).toMatch(/Браузер: firefox \d+/);
    expect(preview).toContain('-----BEGIN EP-DOCTOR REPORT-----');
    await popup.close();
    await page.close();
  });
});
