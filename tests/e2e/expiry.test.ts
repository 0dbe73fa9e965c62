import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/build.mjs';
import { openScenario, pressCheck } from '../../scripts/lib/scenario-check.mjs';
import { parseScenario } from '../simulator/scenario';
import { until } from './support';

/**
 * The expiry centre in the built extension: a check remembers what ends (the key's usage period 20 days
 * away, the certificate a year away, also listed by ep-doctor-host without the page), the popup lists it,
 * the hourly alarm shows one notification at the 30-day threshold and the days on the toolbar badge, and
 * «Не напоминать» silences that item.
 */
const parsed = parseScenario(readFileSync(path.join(ROOT, 'tests/simulator/scenarios/key-period-ending.json'), 'utf8'));
if (!parsed.ok) throw new Error(parsed.error);

type Stored = { items: { key: string; kind: string; source: string; platforms: string[]; owner: string }[]; muted: string[]; reminded: Record<string, number[]>; hostReadAt: number | null; ranAt?: number };

describe('expiry centre', () => {
  it('remembers a check\'s ends, lists them, reminds once at the threshold, shows the days on the badge, and mutes', async () => {
    const opened = await openScenario({ name: 'key-period-ending', scenario: parsed.scenario });
    try {
      const { worker, popup } = opened;
      // Quiet hours off: the machine's hour must not decide the test.
      await worker.evaluate(() => chrome.storage.local.set({ 'settings:expiry': { quietHours: null } }));
      await pressCheck(opened);
      const read = () => worker.evaluate(async () => (await chrome.storage.local.get('expiry:v1'))['expiry:v1'] as unknown) as Promise<Stored | undefined>;
      const state = await until(async () => ((await read())?.items.length ?? 0) >= 2 ? read() : null);
      const key = state!.items.find((i) => i.kind === 'key')!;
      expect(key).toMatchObject({ platforms: ['sberbank-ast'] });
      expect(key.owner).not.toMatch(/Иванов/);
      expect(state!.items.some((i) => i.kind === 'certificate')).toBe(true);
      // ep-doctor-host listed the personal store during the check: it was read without a page too.
      expect(state!.hostReadAt).not.toBeNull();

      await popup.waitForSelector(`[data-testid=expiry] li[data-key="${key.key}"]`, { timeout: 10_000 });
      const shown = await popup.$eval(`[data-testid=expiry] li[data-key="${key.key}"]`, (e) => (e as HTMLElement).innerText);
      expect(shown).toMatch(/Закрытый ключ/);
      expect(shown).toMatch(/через 20 дн\./);
      expect(await popup.$eval('[data-testid=expiry-versions]', (e) => e.textContent ?? '')).toMatch(/КриптоПро CSP 5\.0\.13800, плагин 2\.0\.15700/);

      // The hourly alarm, now: one reminder at the 30-day threshold, the badge counts the days.
      await worker.evaluate(() => chrome.alarms.create('expiry', { when: Date.now() + 50 }));
      const reminded = await until(async () => ((await read())?.reminded[key.key]?.length ?? 0) > 0 ? read() : null, 15_000);
      expect(reminded!.reminded[key.key]).toEqual([30]);
      // The run marks the reminder first (a worker stopped mid-run must not remind twice), then shows it and the badge.
      const shownIds = await until(async () => {
        const ids = Object.keys(await worker.evaluate(() => chrome.notifications.getAll()));
        return ids.includes(`expiry:${key.key}`) ? ids : null;
      }, 10_000);
      expect(shownIds).toContain(`expiry:${key.key}`);
      expect(await until(async () => ((await worker.evaluate(() => chrome.action.getBadgeText({}))) === '20д' ? '20д' : null), 10_000)).toBe('20д');
      // A second run the same day shows nothing new.
      const firstRun = reminded!.ranAt!;
      await worker.evaluate(() => chrome.alarms.create('expiry', { when: Date.now() + 50 }));
      const second = await until(async () => ((await read())?.ranAt ?? 0) > firstRun ? read() : null, 15_000);
      expect(second!.reminded[key.key]).toEqual([30]);

      // «Не напоминать»: muted, and the badge no longer counts it.
      await popup.click(`[data-testid=expiry] li[data-key="${key.key}"] [data-testid=expiry-mute]`);
      const muted = await until(async () => ((await read())?.muted.includes(key.key) ? read() : null));
      expect(muted!.muted).toEqual([key.key]);
      expect(await until(async () => ((await worker.evaluate(() => chrome.action.getBadgeText({}))) === '' ? true : null))).toBe(true);
    } finally {
      await opened.close();
    }
  }, 120_000);
});
