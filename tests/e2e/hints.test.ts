import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickInHint, findingsOf, hintTexts, openHtml, startSession, until, type Session } from './support';

const SBER = 'https://www.sberbank-ast.ru/tradezone/Supplier/Login.aspx';
const ZAKAZRF = 'https://etp.zakazrf.ru/Logon/Participants';
let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const page = (body: string, head = '') => `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Площадка</title>${head}</head><body>${body}</body></html>`;
const problemsOf = async (tabId: number) => ((await findingsOf(session, tabId))?.findings ?? []).map((f) => f.problem).sort();
/** The hint is drawn before the background has stored the finding: wait for the store, not for a time. */
const storedProblems = (tabId: number) => until(() => problemsOf(tabId).then((p) => (p.length > 0 ? p : null)));

describe('hints on platform pages', () => {
  it('shows a hint next to an error present at load, with the platform remedy', async () => {
    const { page: tab, tabId } = await openHtml(session, SBER, page('<div class="modal"><p id="msg">Клиентский сертификат не сопоставлен с пользователем</p></div>'));
    const texts = await until(() => hintTexts(tab).then((t) => (t.length > 0 ? t : null)));
    expect(texts).toHaveLength(1);
    expect(texts![0]).toContain('Сбербанк-АСТ');
    expect(await storedProblems(tabId)).toEqual(['platform-cert-not-registered']);
    // The hint sits right after the message's block.
    expect(await tab.evaluate(() => document.getElementById('msg')?.nextElementSibling?.localName)).toBe('ep-doctor-hint');
    const record = await findingsOf(session, tabId);
    expect(record).toMatchObject({ pageUrl: SBER, platformId: 'sberbank-ast' });
    const badge = await session.worker.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(badge).toBe('1');
    await tab.close();
  });

  it('shows a hint after an error dialog appears later, and only after it', async () => {
    const html = page(`<div id="root"></div><script>
      window.__insertedAt = 0; window.__hintAt = 0;
      new MutationObserver(() => { if (!window.__hintAt && document.querySelector('ep-doctor-hint')) window.__hintAt = performance.now(); })
        .observe(document.documentElement, {childList: true, subtree: true});
      setTimeout(() => {
        const d = document.createElement('div'); d.className = 'x-window x-msg-box';
        d.innerHTML = '<div class="x-window-header">Ошибка</div><div class="ext-mb-text">Выбранная <b>ЭЦП</b> не авторизована</div>';
        document.getElementById('root').append(d); window.__insertedAt = performance.now();
      }, 600);</script>`);
    const { page: tab, tabId } = await openHtml(session, ZAKAZRF, html);
    const hintAt = await until(() => tab.evaluate(() => (window as unknown as { __hintAt: number }).__hintAt));
    const insertedAt = await tab.evaluate(() => (window as unknown as { __insertedAt: number }).__insertedAt);
    expect(insertedAt).toBeGreaterThan(0);
    expect(hintAt).toBeGreaterThanOrEqual(insertedAt);
    expect(await storedProblems(tabId)).toEqual(['platform-signature-not-authorized']);
    await tab.close();
  });

  it('explains an alert in a corner card and leaves the page\'s alert working', async () => {
    const html = page(`<p>Вход по сертификату</p><script>
      window.__native = String(window.alert).includes('[native code]') && window.alert.length === 0;
      setTimeout(() => { window.__confirmed = confirm('Продолжить?'); alert('Истекло время ожидания загрузки плагина'); window.__after = true; }, 300);
      </script>`);
    const { page: tab, tabId } = await openHtml(session, SBER, html);
    const texts = await until(() => hintTexts(tab, 'ep-doctor-cards').then((t) => (t.length > 0 ? t : null)));
    expect(texts![0]).toContain('Истекло время ожидания загрузки плагина');
    const findings = (await findingsOf(session, tabId))!.findings;
    expect(findings.map((f) => [f.problem, f.source])).toEqual([['plugin-load-timeout', 'dialog']]);
    expect(await tab.evaluate(() => (window as unknown as Record<string, unknown>).__native)).toBe(true);
    expect(await tab.evaluate(() => (window as unknown as Record<string, unknown>).__confirmed)).toBe(false);
    expect(await tab.evaluate(() => (window as unknown as Record<string, unknown>).__after)).toBe(true);
    await tab.close();
  });

  it('finds errors inside an iframe of the platform (srcdoc)', async () => {
    const frame = '<p class=&quot;error&quot;>Ошибка при подписании: Набор ключей не существует (0x80090016)</p>';
    const { page: tab, tabId } = await openHtml(session, SBER, page(`<iframe srcdoc="${frame}" style="width:600px;height:300px"></iframe>`));
    const problems = await storedProblems(tabId);
    expect(problems).toEqual(['key-container-missing']);
    expect((await findingsOf(session, tabId))!.findings[0]!.frameUrl).toBe('about:srcdoc');
    expect((await hintTexts(tab)).length).toBe(1);
    await tab.close();
  });

  it('stays silent on a clean platform page full of look-alikes', async () => {
    const html = page(`<h1>Извещение № 0373200000124000017</h1><p>Для участия нужен квалифицированный сертификат электронной подписи и плагин КриптоПро.</p>
      <script type="application/json">{"errors":{"plugin":"Плагин недоступен","cert":"Сертификат недействителен"}}</script>
      <template><div>Истекло время ожидания загрузки плагина</div></template><div hidden>Набор ключей не существует</div>
      <div style="width:0;height:0;overflow:hidden">Сертификат отозван</div><textarea>Плагин недоступен</textarea>`);
    const { page: tab, tabId } = await openHtml(session, SBER, html);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await problemsOf(tabId)).toEqual([]);
    expect((await findingsOf(session, tabId))?.platformId).toBe('sberbank-ast');
    expect(await hintTexts(tab)).toEqual([]);
    await tab.close();
  });

  it('does nothing on a host that is not a platform', async () => {
    const { page: tab, tabId } = await openHtml(session, 'https://example.org/', page('<p>Плагин недоступен</p>'));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await findingsOf(session, tabId)).toBeNull();
    expect(await tab.evaluate(() => document.querySelector('ep-doctor-hint, ep-doctor-cards'))).toBeNull();
    await tab.close();
  });

  it('waits for hidden error text until the page shows it', async () => {
    const html = page(`<div id="err" class="modal" style="display:none"><p>Сертификат недействителен</p></div>
      <script>setTimeout(() => { document.getElementById('err').style.display = 'block'; window.__shownAt = performance.now(); }, 700);</script>`);
    const { page: tab, tabId } = await openHtml(session, SBER, html);
    await new Promise((r) => setTimeout(r, 300));
    expect(await problemsOf(tabId)).toEqual([]);
    expect(await storedProblems(tabId)).toEqual(['cert-invalid']);
    await tab.close();
  });

  it('finds text in open shadow roots attached after load', async () => {
    const html = page(`<x-toast id="t"></x-toast><script>setTimeout(() => {
      const root = document.getElementById('t').attachShadow({mode: 'open'});
      setTimeout(() => { root.innerHTML = '<div role="alert">Сертификат отозван</div>'; }, 200);
    }, 300);</script>`);
    const { page: tab, tabId } = await openHtml(session, SBER, html);
    expect(await storedProblems(tabId)).toEqual(['cert-revoked']);
    await tab.close();
  });

  it('finds text in the shadow root of a custom element that attached it before it was in the page', async () => {
    const html = page(`<div id="app"></div><script>
      customElements.define('x-notice', class extends HTMLElement { constructor() { super(); this.attachShadow({mode: 'open'}).append('Сертификат отозван'); } });
      setTimeout(() => document.getElementById('app').append(document.createElement('x-notice')), 300);</script>`);
    const { page: tab, tabId } = await openHtml(session, SBER, html);
    expect(await storedProblems(tabId)).toEqual(['cert-revoked']);
    await tab.close();
  });

  it('follows SPA navigation: the same problem gets a hint again on the next view', async () => {
    const html = page(`<div id="app"><p>Ошибка при загрузке плагина</p></div><script>
      setTimeout(() => { history.pushState({}, '', '/cabinet/sign'); document.getElementById('app').innerHTML = '<p>Загрузка…</p>';
        setTimeout(() => { document.getElementById('app').innerHTML = '<p class="toast">Ошибка при загрузке плагина</p>'; }, 500); }, 800);</script>`);
    const { page: tab, tabId } = await openHtml(session, SBER, html);
    await storedProblems(tabId);
    await until(() => tab.evaluate(() => location.pathname === '/cabinet/sign'));
    await new Promise((r) => setTimeout(r, 1200));
    expect(await problemsOf(tabId)).toEqual(['plugin-host-missing']);
    expect(await hintTexts(tab)).toHaveLength(1);
    expect((await findingsOf(session, tabId))!.pageUrl).toContain('/cabinet/sign');
    await tab.close();
  });

  it('moves the hint of a toast that fades to the corner, and keeps a dismissed hint away', async () => {
    const html = page(`<div id="toasts"><div class="toast" id="t1">Ошибка при подписании. Набор ключей не существует</div></div>
      <p id="other">Сертификат недействителен</p><script>setTimeout(() => document.getElementById('t1').remove(), 900);</script>`);
    const { page: tab } = await openHtml(session, SBER, html);
    await until(() => hintTexts(tab).then((t) => (t.length === 2 ? t : null)));
    await until(() => hintTexts(tab, 'ep-doctor-cards').then((t) => (t.length > 0 ? t : null)));
    expect((await hintTexts(tab, 'ep-doctor-cards'))[0]).toMatch(/ключ/i);
    expect(await hintTexts(tab)).toHaveLength(1);
    // Dismissed: gone, and the same problem shown again on this page gets no new hint.
    expect(await clickInHint(tab, 'Скрыть')).toBe(true);
    await until(() => hintTexts(tab).then((t) => (t.length === 0 ? true : null)));
    await tab.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>Сертификат недействителен!</p>'));
    await new Promise((r) => setTimeout(r, 500));
    expect(await hintTexts(tab)).toEqual([]);
    await tab.close();
  });
});

describe('hostile pages', () => {
  it('keeps the hint visible under hostile CSS', async () => {
    const css = `<style>ep-doctor-hint, ep-doctor-cards { display: none !important; position: absolute !important; left: -9999px !important; opacity: 0 !important; }
      * { color: transparent !important; font-family: serif !important; margin: 40px !important; } body * + * { transform: scale(0) !important; }
      section, ol, li, p, button, style { display: none !important; } div + * { visibility: hidden !important; }</style>`;
    const { page: tab } = await openHtml(session, SBER, page('<div class="err">Набор ключей не существует</div>', css));
    await until(() => hintTexts(tab).then((t) => (t.length > 0 ? t : null)));
    const box = await tab.evaluate(() => {
      const host = document.querySelector('ep-doctor-hint')!;
      const rect = host.getBoundingClientRect();
      return { width: rect.width, height: rect.height, display: getComputedStyle(host).display };
    });
    expect(box.display).toBe('block');
    expect(box.height).toBeGreaterThan(80);
    expect(box.width).toBeGreaterThan(200);
    await tab.close();
  });

  it('survives pages that redefine alert, MutationObserver and DOM methods, and throw', async () => {
    const html = page(`<div id="root"></div><script>
      window.__pageAlerts = [];
      window.alert = (m) => window.__pageAlerts.push(m);
      window.MutationObserver = function () { throw new Error('no observers here'); };
      Node.prototype.appendChild = function () { throw new Error('nope'); };
      Element.prototype.after = function () { throw new Error('nope'); };
      Element.prototype.attachShadow = function () { throw new Error('nope'); };
      window.addEventListener('error', () => { throw new Error('handler throws'); });
      setTimeout(() => { document.getElementById('root').innerHTML = '<p>Набор ключей не существует</p>'; alert('сохранено'); }, 300);
      setTimeout(() => { throw new Error('page bug'); }, 100);</script>`);
    const { page: tab, tabId } = await openHtml(session, SBER, html);
    expect(await storedProblems(tabId)).toEqual(['key-container-missing']);
    expect(await until(() => hintTexts(tab).then((t) => (t.length > 0 ? t : null)))).toHaveLength(1);
    expect(await tab.evaluate(() => (window as unknown as { __pageAlerts: string[] }).__pageAlerts)).toEqual(['сохранено']);
    await tab.close();
  });
});

describe('floods: the hint still comes, and what the content script cost is printed', () => {
  /** The content script's own marks (src/content/start.ts), read from the page's performance timeline. */
  const cost = (tab: Awaited<ReturnType<typeof openHtml>>['page']) =>
    tab.evaluate(() => {
      const ours = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('ep-doctor:'));
      return { tasks: ours.length, total: Math.round(ours.reduce((s, e) => s + e.duration, 0)), longest: Math.round(Math.max(0, ...ours.map((e) => e.duration))) };
    });

  it('100,000 nodes at load, then 20,000 rows added in 1,000-row batches, with the error text last', async () => {
    const html = page(`<div id="root"></div><script>
      const root = document.getElementById('root');
      const big = document.createElement('div');
      for (let i = 0; i < 100000; i++) { const s = document.createElement('span'); s.textContent = 'Лот ' + i + ' '; big.appendChild(s); }
      root.appendChild(big);
      let n = 0;
      const timer = setInterval(() => {
        const batch = document.createDocumentFragment();
        for (let i = 0; i < 1000; i++) { const p = document.createElement('p'); p.textContent = 'Строка реестра ' + (n++); batch.appendChild(p); }
        root.appendChild(batch);
        if (n >= 20000) { clearInterval(timer); root.insertAdjacentHTML('beforeend', '<p class="err">Набор ключей не существует</p>'); }
      }, 10);</script>`);
    const { page: tab } = await openHtml(session, SBER, html);
    expect(await until(() => hintTexts(tab).then((t) => (t.length > 0 ? t : null)), 60_000)).toHaveLength(1);
    const spent = await cost(tab);
    console.log(`[flood] 100k nodes + 20k rows in 1,000-row batches: the content script ran ${spent.tasks} tasks, ${spent.total} ms in all, the longest ${spent.longest} ms`);
    expect(spent.tasks).toBeGreaterThan(0);
    await tab.close();
  });

  it('a mutation storm (the same node rewritten 20,000 times) with the error text inside it', async () => {
    const html = page(`<div id="root"><p id="ticker"></p></div><script>
      const ticker = document.getElementById('ticker');
      let n = 0;
      const timer = setInterval(() => {
        for (let i = 0; i < 500; i++) ticker.textContent = 'Обновление ' + (n++);
        if (n >= 20000) { clearInterval(timer); ticker.textContent = 'Набор ключей не существует'; }
      }, 5);</script>`);
    const { page: tab } = await openHtml(session, SBER, html);
    expect(await until(() => hintTexts(tab).then((t) => (t.length > 0 ? t : null)), 60_000)).toHaveLength(1);
    const spent = await cost(tab);
    console.log(`[flood] 20,000 rewrites of one node: the content script ran ${spent.tasks} tasks, ${spent.total} ms in all, the longest ${spent.longest} ms`);
    expect(spent.tasks).toBeGreaterThan(0);
    await tab.close();
  });
});

describe('language', () => {
  it('speaks English when the browser UI is English', async () => {
    // Headless Chromium's UI is en-US: "auto" must follow it.
    const english = await startSession('auto');
    try {
      const { page: tab } = await openHtml(english, SBER, page('<p>Истекло время ожидания загрузки плагина</p>'));
      const texts = await until(() => hintTexts(tab).then((t) => (t.length > 0 ? t : null)));
      expect(texts![0]).toMatch(/What to do/);
      expect(texts![0]).toContain('Sberbank-AST');
    } finally {
      await english.close();
    }
  });
});
