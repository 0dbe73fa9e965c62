import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, EXTENSION_ID, ROOT } from '../../scripts/lib/build.mjs';
import { openScenario, pressCheck, problemIds } from '../../scripts/lib/scenario-check.mjs';
import { parseScenario } from '../simulator/scenario';
import { until } from './support';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

function scenario(name: string) {
  const parsed = parseScenario(readFileSync(path.join(ROOT, 'tests/simulator/scenarios', `${name}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

type Page = Awaited<ReturnType<typeof openScenario>>['page'];

async function showInViewer(page: Page, text: string): Promise<{ problems: string | null; error: string | null; integrity: string | null }> {
  await page.waitForSelector('#report-input');
  await page.$eval('#report-input', (el, value) => ((el as HTMLTextAreaElement).value = value), text);
  // The previous answer goes first: waiting for «some output» must not see the last one.
  await page.$eval('#report-output', (out) => out.replaceChildren());
  await page.click('.controls button');
  await page.waitForSelector('#report-output > *', { timeout: 10_000 });
  return page.$eval('#report-output', (out) => ({
    problems: out.querySelector('article')?.getAttribute('data-problems') ?? null,
    error: out.querySelector('.error')?.getAttribute('data-error') ?? null,
    integrity: out.querySelector('.integrity')?.textContent ?? null,
  }));
}

describe('the support report', () => {
  for (const lang of ['ru', 'en'] as const) {
    it(`copies from the popup and reads back in both viewers with the same problem ids (${lang})`, async () => {
      const opened = await openScenario({ name: 'demo', scenario: scenario('demo'), lang: lang === 'en' ? 'en-US' : 'ru-RU' });
      try {
        const result = await pressCheck(opened);
        const ids = problemIds(result).join(' ');
        await opened.popup.setViewport({ width: 380, height: 600 });
        await opened.popup.waitForSelector('[data-testid=report-copy]:not([disabled])');
        const context = opened.browser.defaultBrowserContext();
        await context.overridePermissions(`chrome-extension://${EXTENSION_ID}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
        await opened.popup.bringToFront();
        await opened.popup.click('[data-testid=report-copy]');
        await opened.popup.waitForSelector('[role=status]');
        const copied = await opened.popup.evaluate(() => navigator.clipboard.readText());
        const preview = await opened.popup.$eval('[data-testid=report-preview]', (e) => e.textContent ?? '');
        expect(copied.trim()).toBe(preview.trim());
        expect(copied.split('\n')[0]).toContain(lang === 'ru' ? 'Найдено проблем: 3' : 'Problems found: 3');
        // Redacted by default: the head's surname is not in it.
        expect(copied).not.toContain('Иванов');
        await opened.popup.screenshot({ path: path.join(ARTIFACTS, `popup-problems-${lang}.png`), fullPage: true });

        const viewer = await opened.browser.newPage();
        await viewer.goto(`chrome-extension://${EXTENSION_ID}/viewer.html`);
        const integrity = lang === 'ru' ? expect.stringContaining('не правку') : expect.stringContaining('not edits');
        expect(await showInViewer(viewer, copied)).toEqual({ problems: ids, error: null, integrity });
        await viewer.screenshot({ path: path.join(ARTIFACTS, `viewer-${lang}.png`), fullPage: true });

        const standalone = await opened.browser.newPage();
        await standalone.goto(pathToFileURL(path.join(EXTENSION_DIR, 'report-viewer.html')).href);
        expect(await showInViewer(standalone, copied)).toEqual({ problems: ids, error: null, integrity });
        await standalone.screenshot({ path: path.join(ARTIFACTS, `standalone-viewer-${lang}.png`), fullPage: true });
      } finally {
        await opened.close();
      }
    });
  }

  it('the standalone viewer answers bad input with a clear message, never a blank page', async () => {
    const opened = await openScenario({ name: 'all-good', scenario: scenario('all-good') });
    try {
      const result = await pressCheck(opened);
      expect(result.status).toBe('done');
      await opened.popup.waitForSelector('[data-testid=report-copy]:not([disabled])');
      const good = await opened.popup.$eval('[data-testid=report-preview]', (e) => e.textContent ?? '');
      await opened.popup.screenshot({ path: path.join(ARTIFACTS, 'popup-good-ru.png'), fullPage: true });
      const page = await opened.browser.newPage();
      await page.goto(pathToFileURL(path.join(EXTENSION_DIR, 'report-viewer.html')).href);
      const lines = good.split('\n');
      const dataLine = lines.findIndex((l) => l.startsWith('v1 crc32=')) + 1;
      const damaged = lines.map((l, i) => (i === dataLine ? l.replace(/[A-Z]/, (c) => (c === 'Q' ? 'R' : 'Q')) : l)).join('\n');
      expect((await showInViewer(page, damaged)).error).toBe('damaged');
      expect((await showInViewer(page, good.slice(0, Math.floor(good.length * 0.8)))).error).toBe('truncated');
      expect((await showInViewer(page, good.replace('v1 crc32', 'v7 crc32'))).error).toBe('future-version');
      expect((await showInViewer(page, 'Добрый день, у меня не работает подпись')).error).toBe('no-report');
      expect((await showInViewer(page, '<img src=x onerror=alert(1)>{"format":"ep-doctor-report"}')).error).toBe('invalid');
      expect(await page.$$eval('img', (imgs) => imgs.length)).toBe(0);
      expect((await showInViewer(page, good)).problems).toBe('');
    } finally {
      await opened.close();
    }
  });

  it('the popup of a computer ready to sign, in English', async () => {
    const opened = await openScenario({ name: 'all-good', scenario: scenario('all-good'), lang: 'en-US' });
    try {
      const result = await pressCheck(opened);
      expect(result.problems).toEqual([]);
      expect(await opened.popup.$eval('[data-testid=result] .verdict', (e) => e.textContent)).toBe('Ready to sign');
      // Every control has a name a screen reader can say, and the check runs from the keyboard.
      interface AxNode { role: string; name?: string; children?: AxNode[] }
      const unnamed: string[] = [];
      const walk = (node: AxNode | null): void => {
        if (node === null) return;
        if (['button', 'checkbox', 'combobox', 'link', 'textbox'].includes(node.role) && !(node.name ?? '').trim()) unnamed.push(node.role);
        for (const child of node.children ?? []) walk(child);
      };
      walk((await opened.popup.accessibility.snapshot({ interestingOnly: true })) as AxNode | null);
      expect(unnamed).toEqual([]);
      const startedAt = async () => opened.worker.evaluate(async (id: number) => ((await chrome.storage.session.get(`check:${id}`))[`check:${id}`] as { startedAt: number }).startedAt, opened.tabId);
      const before = await startedAt();
      await opened.popup.focus('[data-testid=check]');
      await opened.popup.keyboard.press('Enter');
      expect(await until(async () => (await startedAt()) !== before, 10_000)).toBe(true);
      await opened.popup.setViewport({ width: 380, height: 600 });
      await opened.popup.screenshot({ path: path.join(ARTIFACTS, 'popup-good-en.png'), fullPage: true });
    } finally {
      await opened.close();
    }
  });

  it('the popup when the check could not run, in Russian', async () => {
    // A page that answers in the plug-in's name next to the real plug-in: its answers cannot be trusted.
    const forger = `window.addEventListener('message', (e) => { const m = e.data; if (m && typeof m === 'object' && typeof m.destination === 'string') window.postMessage({ tabid: 'page', data: { type: 'result', requestid: m.requestid, value: 1 } }, '*'); });`;
    const html = readFileSync(path.join(ROOT, 'tests/simulator/page/sign.html'), 'utf8').replace('</head>', `<script>${forger}</script></head>`);
    const opened = await openScenario({ name: 'all-good', scenario: scenario('all-good'), html });
    try {
      const result = await pressCheck(opened);
      expect(result.status).toBe('impossible');
      expect(await opened.popup.$eval('[data-testid=result] .verdict', (e) => e.textContent)).toContain('Проверка невозможна');
      await opened.popup.setViewport({ width: 380, height: 600 });
      await opened.popup.screenshot({ path: path.join(ARTIFACTS, 'popup-failed-ru.png'), fullPage: true });
    } finally {
      await opened.close();
    }
  });

  it('the popup shows progress, can cancel a long check, and switches language', async () => {
    const opened = await openScenario({ name: 'load-timeout', scenario: scenario('load-timeout') });
    try {
      await opened.popup.click('[data-testid=check]');
      await opened.popup.waitForSelector('[data-testid=cancel]');
      expect(await opened.popup.$eval('.progress [role=status]', (e) => e.textContent)).toContain('Проверяем');
      await opened.popup.click('[data-testid=cancel]');
      await opened.popup.waitForSelector('[data-testid=result][data-status=failed]', { timeout: 5000 });
      expect(await opened.popup.$eval('[data-testid=result] .verdict', (e) => e.textContent)).toContain('отменена');
      // The background ends the check itself as cancelled, not as a load timeout.
      const stored = await opened.worker.evaluate(async (id: number) => {
        for (let i = 0; i < 100; i++) {
          const r = (await chrome.storage.session.get(`check:${id}`))[`check:${id}`] as { status: string; reasonCode?: string } | undefined;
          if (r !== undefined && r.status !== 'running') return r;
          await new Promise((res) => setTimeout(res, 200));
        }
        return null;
      }, opened.tabId);
      expect(stored).toMatchObject({ status: 'failed', reasonCode: 'cancelled' });
      await opened.popup.select('[data-testid=language]', 'en');
      await opened.popup.waitForFunction(() => document.querySelector('[data-testid=check]')?.textContent === 'Check');
      expect(await opened.worker.evaluate(async () => (await chrome.storage.local.get('settings:lang'))['settings:lang'])).toBe('en');
      await opened.popup.setViewport({ width: 380, height: 600 });
      await opened.popup.screenshot({ path: path.join(ARTIFACTS, 'popup-failed-en.png'), fullPage: true });
    } finally {
      await opened.close();
    }
  });

  it('the standalone viewer is one offline file within its size budget', () => {
    const file = path.join(EXTENSION_DIR, 'report-viewer.html');
    const html = readFileSync(file, 'utf8');
    expect(statSync(file).size).toBeLessThanOrEqual(150 * 1024);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/[^"'\s]*\.(js|css)\b/);
    expect(readdirSync(ARTIFACTS).length).toBeGreaterThan(0);
  });
});
