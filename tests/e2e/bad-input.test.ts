import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsOf, hintTexts, openHtml, startSession, until, type Session } from './support';

const URL = 'https://44.tektorg.ru/procedures/my';
let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const problemsOf = async (tabId: number) => ((await findingsOf(session, tabId))?.findings ?? []).map((f) => f.problem).sort();
const waitForProblems = (tabId: number) => until(() => problemsOf(tabId).then((p) => (p.length > 0 ? p : null)), 10_000);

describe('bad input', () => {
  it('copes with 100,000 text nodes and finds the one error among them', async () => {
    const html = `<!doctype html><meta charset="utf-8"><body><div id="big"></div><script>
      const big = document.getElementById('big');
      for (let i = 0; i < 1000; i++) { const p = document.createElement('p'); for (let j = 0; j < 100; j++) p.append('лот ' + (i * 100 + j) + ' '); big.append(p); }
      const e = document.createElement('p'); e.textContent = 'Сертификат отозван'; big.append(e);
    </script>`;
    const { page, tabId } = await openHtml(session, URL, html);
    expect(await waitForProblems(tabId)).toEqual(['cert-revoked']);
    expect(await page.evaluate(() => document.querySelectorAll('#big p').length)).toBe(1001);
    await page.close();
  });

  it('copes with very deep nesting', async () => {
    const depth = 4000;
    const html = `<!doctype html><meta charset="utf-8"><body>${'<div>'.repeat(depth)}Набор ключей не существует${'</div>'.repeat(depth)}`;
    const { page, tabId } = await openHtml(session, URL, html);
    // Blink caps tree depth while parsing; whatever it builds, the error is found and nothing crashes.
    expect(await waitForProblems(tabId)).toEqual(['key-container-missing']);
    await page.close();
  });

  it('copes with one enormous text node and a flood of mutations', async () => {
    const html = `<!doctype html><meta charset="utf-8"><body><pre id="log"></pre><div id="feed"></div><script>
      document.getElementById('log').textContent = 'x '.repeat(2_000_000);
      let n = 0; const feed = document.getElementById('feed');
      const tick = () => { for (let i = 0; i < 200; i++) { const s = document.createElement('span'); s.textContent = 'обновление ' + (n++); feed.append(s); }
        if (n < 20000) setTimeout(tick, 0); else { const e = document.createElement('div'); e.textContent = 'Ошибка при подписании (0x8007065B)'; feed.append(e); } };
      tick();
    </script>`;
    const { page, tabId } = await openHtml(session, URL, html);
    expect(await waitForProblems(tabId)).toEqual(['csp-license-expired']);
    expect(await until(() => hintTexts(page).then((t) => (t.length > 0 ? t : null)))).toHaveLength(1);
    await page.close();
  });

  it('never shows a hint for hidden or script text, however much of it there is', async () => {
    const hidden = Array.from({ length: 300 }, (_, i) => `<div style="display:none">Плагин недоступен ${i}</div><script>/* Сертификат отозван ${i} */</script>`).join('');
    const { page, tabId } = await openHtml(session, URL, `<!doctype html><meta charset="utf-8"><body>${hidden}<p>Реестр процедур</p>`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await problemsOf(tabId)).toEqual([]);
    expect(await hintTexts(page)).toEqual([]);
    await page.close();
  });
});
