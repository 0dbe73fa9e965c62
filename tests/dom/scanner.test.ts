import { beforeEach, describe, expect, it } from 'vitest';
import { createMatcher } from '@/src/detectors/matcher';
import { GENERIC_TEXT_SIGNALS } from '@/src/detectors/text-signals';
import { createScanner, type Hit } from '@/src/content/scanner';

/** happy-dom has no layout: "rendered" here means no hidden ancestor by attribute or inline style. */
const fakeRendered = (element: Element): boolean =>
  element.closest('[hidden], [style*="display: none"], [style*="display:none"], [style*="visibility: hidden"]') === null;

let hits: Hit[];
const scanner = () =>
  createScanner({
    matcher: createMatcher(GENERIC_TEXT_SIGNALS),
    onHit: (hit) => hits.push(hit),
    isOwn: (node) => (node instanceof Element ? node : node.parentElement)?.closest('ep-doctor-hint') != null,
    isRendered: fakeRendered,
  });

/**
 * Counts the steps of tree walks (happy-dom's tree walkers move by these getters) and throws past
 * `limit`: a complexity bound that does not depend on how busy the machine is.
 */
function domStepBound(limit: number): { count(): number; restore(): void } {
  const proto = Node.prototype;
  const saved = (['firstChild', 'nextSibling'] as const).map((name) => [name, Object.getOwnPropertyDescriptor(proto, name)!] as const);
  let count = 0;
  for (const [name, descriptor] of saved) {
    Object.defineProperty(proto, name, {
      ...descriptor,
      get(this: Node) {
        if (++count > limit) throw new Error(`over ${limit} DOM steps`);
        return descriptor.get!.call(this);
      },
    });
  }
  return { count: () => count, restore: () => saved.forEach(([name, descriptor]) => Object.defineProperty(proto, name, descriptor)) };
}

const problems = (): string[] => hits.map((h) => h.signal.problem).sort();
/** Reads a subtree to the end, as the idle slices would. */
const scanAll = (s: ReturnType<typeof scanner>, root: Node): void => {
  s.add(root);
  while (s.work(Number.POSITIVE_INFINITY));
};

beforeEach(() => {
  hits = [];
  document.body.replaceChildren();
});

describe('initial scan', () => {
  it('finds text split across inline elements and anchors it on their container', () => {
    document.body.innerHTML = '<div class="modal"><p id="msg">Ошибка: <b>Набор</b> ключей <span>не существует</span> (0x80090016)</p></div>';
    scanAll(scanner(), document.body);
    expect(problems()).toEqual(['key-container-missing', 'key-container-missing']);
    expect(hits[0]!.element.id).toBe('msg');
    expect(hits[0]!.excerpt).toBe('Ошибка: Набор ключей не существует (0x80090016)');
  });

  it.each([
    ['script', '<script>var i18n = {err: "Плагин недоступен"};</script>'],
    ['style', '<style>/* Плагин недоступен */</style>'],
    ['template', '<template><p>Плагин недоступен</p></template>'],
    ['textarea', '<textarea>Плагин недоступен</textarea>'],
    ['noscript', '<noscript>Плагин недоступен</noscript>'],
  ])('ignores text in %s', (_tag, html) => {
    document.body.innerHTML = `<main>${html}<p>Извещение № 0373200000124000017</p></main>`;
    scanAll(scanner(), document.body);
    expect(problems()).toEqual([]);
  });

  it('ignores its own hints', () => {
    document.body.innerHTML = '<ep-doctor-hint><span>Плагин недоступен</span></ep-doctor-hint>';
    scanAll(scanner(), document.body);
    expect(problems()).toEqual([]);
  });

  it('scans open shadow roots it is given', () => {
    const host = document.createElement('x-toast');
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = '<div role="alert">Истекло время ожидания загрузки плагина</div>';
    scanAll(scanner(), host.shadowRoot!);
    expect(problems()).toEqual(['plugin-load-timeout']);
  });

  it('text right under a shadow root keeps its words in the excerpt (the host\'s own text has none)', () => {
    const host = document.createElement('x-error');
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).append('Набор ключей не существует (0x80090016)');
    scanAll(scanner(), host.shadowRoot!);
    expect(hits.map((h) => h.excerpt)).toContain('Набор ключей не существует (0x80090016)');
  });
});

describe('hidden text', () => {
  it('waits until hidden text is shown', () => {
    document.body.innerHTML = '<div id="err" hidden><p>Сертификат недействителен</p></div>';
    const s = scanner();
    scanAll(s, document.body);
    expect(problems()).toEqual([]);
    expect(s.pendingCount()).toBe(1);
    document.getElementById('err')!.hidden = false;
    s.enqueue([{ type: 'attributes' } as MutationRecord]);
    s.work(Number.POSITIVE_INFINITY);
    expect(problems()).toEqual(['cert-invalid']);
    expect(s.pendingCount()).toBe(0);
  });

  it('forgets pending text the page removed', () => {
    document.body.innerHTML = '<div id="err" style="display:none">Сертификат недействителен</div>';
    const s = scanner();
    scanAll(s, document.body);
    document.getElementById('err')!.remove();
    s.enqueue([{ type: 'attributes' } as MutationRecord]);
    s.work(Number.POSITIVE_INFINITY);
    expect(s.pendingCount()).toBe(0);
    expect(problems()).toEqual([]);
  });
});

describe('mutations', () => {
  const observe = (s: ReturnType<typeof scanner>) => {
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    return async () => {
      await new Promise((r) => setTimeout(r, 0));
      records.push(...observer.takeRecords());
      s.enqueue(records.splice(0));
      while (s.work(Number.POSITIVE_INFINITY));
    };
  };

  it('scans only what was added, including a word completed by a later insertion', async () => {
    document.body.innerHTML = '<p id="p">Выбранная <b>ЭЦП</b> не </p>';
    const s = scanner();
    scanAll(s, document.body);
    const settle = observe(s);
    document.getElementById('p')!.append(document.createTextNode('авторизована'));
    await settle();
    expect(problems()).toEqual(['platform-signature-not-authorized']);
  });

  it('finds a text node added straight into a big container', async () => {
    const list = document.createElement('div');
    for (let i = 0; i < 60; i++) list.append(document.createElement('span'));
    document.body.append(list);
    const s = scanner();
    const settle = observe(s);
    list.append(document.createTextNode('Ошибка: Сертификат отозван'));
    await settle();
    expect(problems()).toEqual(['cert-revoked']);
    expect(hits[0]!.element).toBe(list);
  });

  it('never re-reads the whole page for a small element added to <body>', async () => {
    document.body.innerHTML = '<main><p>Плагин недоступен</p></main>';
    const s = scanner();
    const settle = observe(s);
    document.body.append(document.createElement('span'), document.createElement('img'));
    const tracker = document.createElement('b');
    tracker.textContent = 'pixel';
    document.body.append(tracker);
    await settle();
    expect(problems()).toEqual([]);
  });

  it.each([1, 25])('skips added script, style, SVG style and title elements and reads added rows (%i at once)', async (count) => {
    document.body.innerHTML = '<table><tbody id="rows"></tbody></table><svg id="svg"></svg>';
    const s = scanner();
    const settle = observe(s);
    const make = (html: string, parent: string): Element[] =>
      Array.from({ length: count }, () => {
        const holder = document.createElementNS(parent === 'svg' ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml', parent === 'svg' ? 'svg' : 'tbody');
        holder.innerHTML = html;
        return holder.firstElementChild!;
      });
    const rows = document.getElementById('rows')!;
    rows.append(...make('<script>var e = "Плагин недоступен";</script>', 'tbody'));
    rows.append(...make('<style>/* Сертификат отозван */</style>', 'tbody'));
    document.getElementById('svg')!.append(...make('<style>/* Набор ключей не существует */</style>', 'svg'), ...make('<title>Сертификат отозван</title>', 'svg'));
    await settle();
    expect(problems()).toEqual([]);
    rows.append(...make('<tr><td>№ 1</td><td>Ошибка: <b>Сертификат отозван</b></td></tr>', 'tbody'));
    await settle();
    expect(new Set(problems())).toEqual(new Set(['cert-revoked']));
    expect(hits[0]!.element.closest('tr')).not.toBeNull();
  });

  it('reads nothing of a <style> or <script> whose text the page changes (CSS-in-JS libraries add rules all the time)', async () => {
    document.body.innerHTML = '<style id="css">.a{}</style><script id="js">var a;</script><svg><style id="svg-css">.b{}</style></svg>';
    const s = scanner();
    const settle = observe(s);
    let reads = 0;
    for (const id of ['css', 'js', 'svg-css']) {
      Object.defineProperty(document.getElementById(id)!, 'textContent', { configurable: true, get: () => (reads++, 'Плагин недоступен') });
    }
    document.getElementById('css')!.append(document.createTextNode('.c{} /* Плагин недоступен */'));
    document.getElementById('js')!.firstChild!.nodeValue = 'var e = "Сертификат отозван";';
    document.getElementById('svg-css')!.append(document.createTextNode('.d{}'));
    await settle();
    expect(reads).toBe(0);
    expect(problems()).toEqual([]);
  });

  it('finds text set through characterData', async () => {
    document.body.innerHTML = '<div class="toast"><span id="t">Загрузка…</span></div>';
    const s = scanner();
    const settle = observe(s);
    document.getElementById('t')!.firstChild!.nodeValue = 'Ошибка при загрузке плагина';
    await settle();
    expect(problems()).toEqual(['plugin-host-missing']);
  });

  it('stops at the deadline and finishes in later batches, changes before subtrees', () => {
    let clock = 0;
    const s = createScanner({
      matcher: createMatcher(GENERIC_TEXT_SIGNALS),
      onHit: (hit) => hits.push(hit),
      isOwn: () => false,
      isRendered: fakeRendered,
      // Every look at the clock costs a millisecond: a batch of 4 ms sees a few units only.
      now: () => clock++,
    });
    const rows = Array.from({ length: 600 }, (_, i) => {
      const row = document.createElement('div');
      row.textContent = `${'лот '.repeat(100)} ${i === 599 ? 'Сертификат отозван' : ''}`;
      document.body.append(row);
      return row;
    });
    s.add(document.body);
    const toast = document.createElement('p');
    toast.textContent = 'Плагин недоступен';
    document.body.append(toast);
    s.enqueue([
      { type: 'childList', addedNodes: rows as unknown as NodeList } as unknown as MutationRecord,
      { type: 'childList', addedNodes: [toast] as unknown as NodeList } as unknown as MutationRecord,
    ]);
    // Even a batch whose time is already up reads the new small message.
    s.work(clock);
    expect(problems()).toEqual(['plugin-extension-missing']);
    let batches = 1;
    while (s.work(clock + 4)) batches++;
    expect(batches).toBeGreaterThan(3);
    expect([...new Set(problems())]).toEqual(['cert-revoked', 'plugin-extension-missing']);
  });
});

describe('subtrees read in chunks', () => {
  const chunked = (chunkChars: number) =>
    createScanner({ matcher: createMatcher(GENERIC_TEXT_SIGNALS), onHit: (hit) => hits.push(hit), isOwn: () => false, isRendered: fakeRendered, chunkChars });
  const found = (): string[] => hits.map((h) => `${h.signal.problem}@${h.element.id}`).sort();

  it('finds every signal exactly once whatever the chunk size, text split across nodes included', () => {
    const parts: string[] = [];
    const errors = ['Набор <b>ключей</b> не существует', 'Сертификат отозван (0x800B010C)', 'Ошибка: код ошибки -2146885621', 'Истекла лицензия на КриптоПро CSP'];
    for (let i = 0; i < 40; i++) parts.push(`<p id="p${i}">${i % 9 === 4 ? errors[(i / 9) | 0] : `строка ${i} реестра лотов `.repeat(1 + (i % 5))}</p>`);
    document.body.innerHTML = parts.join('');
    const whole = chunked(1_000_000);
    whole.add(document.body);
    while (whole.work(Number.POSITIVE_INFINITY));
    const expected = found();
    expect(expected.length).toBeGreaterThanOrEqual(4);
    for (let size = 1; size <= 700; size += 7) {
      hits = [];
      const s = chunked(size);
      s.add(document.body);
      while (s.work(Number.POSITIVE_INFINITY));
      expect(found(), `chunks of ${size}`).toEqual(expected);
    }
  });

  it('reads a subtree holding a long list a piece of the list at a time (never its whole textContent) and finds the same, text across a cut included', () => {
    const parts: string[] = [];
    const errors = ['Набор <b>ключей</b> <i>не</i> существует', 'Сертификат <span>отозван</span> (0x800B010C)', 'Ошибка: <b>код ошибки</b> -2146885621', 'Истекла лицензия на <b>КриптоПро</b> CSP'];
    for (let i = 0; i < 40; i++) parts.push(`<p id="p${i}">${i % 9 === 4 ? errors[(i / 9) | 0] : i === 20 ? 'Набор ключей ' : i === 21 ? 'не существует' : `строка ${i} <b>реестра</b> лотов `.repeat(1 + (i % 3))}</p>`);
    // Text before and after the list, a signal across two of its children, whitespace nodes between them.
    document.body.innerHTML = `<header id="h"><b>Истекла</b> лицензия на КриптоПро CSP</header><main id="m">${parts.join('\n')}</main><footer id="f">Сертификат отозван</footer>`;
    const whole = chunked(1_000_000);
    whole.add(document.body);
    while (whole.work(Number.POSITIVE_INFINITY));
    const expected = found();
    expect(expected).toEqual(expect.arrayContaining(['key-container-missing@m', 'cert-revoked@f', 'csp-license-expired@h']));
    const body = document.body;
    let proto: object | null = Object.getPrototypeOf(body) as object;
    while (proto !== null && Object.getOwnPropertyDescriptor(proto, 'textContent') === undefined) proto = Object.getPrototypeOf(proto) as object | null;
    const read = Object.getOwnPropertyDescriptor(proto!, 'textContent')!;
    let wholeReads = 0;
    Object.defineProperty(body, 'textContent', { configurable: true, get() { wholeReads++; return read.get!.call(this); } });
    try {
      for (const pieceChildren of [1, 2, 3, 5, 8, 13, 20]) {
        for (const chunkChars of [50, 1_000_000]) {
          hits = [];
          const s = createScanner({ matcher: createMatcher(GENERIC_TEXT_SIGNALS), onHit: (hit) => hits.push(hit), isOwn: () => false, isRendered: fakeRendered, chunkChars, pieceChildren });
          s.add(body);
          while (s.work(Number.POSITIVE_INFINITY));
          expect(found(), `pieces of ${pieceChildren} children, chunks of ${chunkChars}`).toEqual(expected);
        }
      }
    } finally {
      delete (body as unknown as Record<string, unknown>)['textContent'];
    }
    expect(wholeReads).toBe(0);
  });

  it('cuts falling on rows without text (empty rows, comments, a list ending in empty rows) lose and double nothing', () => {
    const errors = ['Набор ключей не существует', 'Сертификат отозван (0x800B010C)', 'Истекла лицензия на КриптоПро CSP'];
    const rows = Array.from({ length: 48 }, (_, i) =>
      i >= 40 || i % 4 === 0 ? '<p></p>' : i % 4 === 1 ? '<p><!-- пусто --></p>' : `<p id="p${i}">${i % 13 === 2 ? errors[(i / 13) | 0] : `лот ${i}`}</p>`);
    document.body.innerHTML = `<main id="m">${rows.join('')}</main>`;
    const whole = chunked(1_000_000);
    whole.add(document.body);
    while (whole.work(Number.POSITIVE_INFINITY));
    const expected = found();
    expect(expected).toHaveLength(3);
    for (let pieceChildren = 1; pieceChildren <= 9; pieceChildren++) {
      for (const chunkChars of [7, 1_000_000]) {
        hits = [];
        const s = createScanner({ matcher: createMatcher(GENERIC_TEXT_SIGNALS), onHit: (hit) => hits.push(hit), isOwn: () => false, isRendered: fakeRendered, chunkChars, pieceChildren });
        s.add(document.body);
        while (s.work(Number.POSITIVE_INFINITY));
        expect(found(), `pieces of ${pieceChildren} children, chunks of ${chunkChars}`).toEqual(expected);
      }
    }
  });

  it('a long run of empty rows costs one look per row, not one walk across the run per cut (a hostile page of empty rows)', () => {
    // Cut every other row (the list is <main>: <body>'s two children are not one): a cut that walked on to the
    // next text node would cross the rest of the run each time (quadratic).
    const rows = 20_000;
    document.body.innerHTML = `<main>${'<p></p>'.repeat(rows)}<p id="e">Сертификат отозван</p></main><footer id="f">Набор ключей не существует</footer>`;
    // Counted, not timed: linear is a few steps a row; a walk per cut across the run is ~10^8 steps, and
    // fails here at the bound instead of running for minutes.
    const steps = domStepBound(50 * rows);
    try {
      const s = createScanner({ matcher: createMatcher(GENERIC_TEXT_SIGNALS), onHit: (hit) => hits.push(hit), isOwn: () => false, isRendered: fakeRendered, pieceChildren: 2 });
      s.add(document.body);
      while (s.work(Number.POSITIVE_INFINITY));
    } finally {
      steps.restore();
    }
    expect(found()).toEqual(['cert-revoked@e', 'key-container-missing@f']);
    expect(steps.count()).toBeGreaterThan(rows);
  });

  it('a page that removes or refills its long list between piece reads gets no error and no stale hit', () => {
    const rows = (tag: string): string => Array.from({ length: 40 }, (_, i) => `<p>${tag} строка ${i}${i === 7 ? ' Набор ключей не существует' : ''}</p>`).join('');
    for (const change of ['remove', 'refill'] as const) {
      hits = [];
      document.body.innerHTML = `<main id="m">${rows('старая')}</main><footer id="f">Сертификат отозван</footer>`;
      let clock = 0;
      const s = createScanner({ matcher: createMatcher(GENERIC_TEXT_SIGNALS), onHit: (hit) => hits.push(hit), isOwn: () => false, isRendered: fakeRendered, pieceChildren: 5, now: () => clock++ });
      s.add(document.body);
      // A step per slice: the pieces are cut, the first ones read, then the page changes the list.
      for (let i = 0; i < 3; i++) s.work(clock + 1);
      const list = document.getElementById('m')!;
      if (change === 'remove') list.remove();
      else list.innerHTML = rows('новая').replace(' Набор ключей не существует', '');
      while (s.work(Number.POSITIVE_INFINITY));
      expect(found(), change).toEqual(['cert-revoked@f']);
    }
  });

  it('reads one huge text node in pieces and still finds what ends it', () => {
    document.body.innerHTML = `<pre id="log">${'запись журнала '.repeat(20_000)}Ошибка: Набор ключей не существует</pre>`;
    let clock = 0;
    const s = createScanner({ matcher: createMatcher(GENERIC_TEXT_SIGNALS), onHit: (hit) => hits.push(hit), isOwn: () => false, isRendered: fakeRendered, now: () => clock++ });
    s.add(document.body);
    // One chunk per slice: 300,000 characters of one node take ten slices, none of them the whole node.
    let slices = 1;
    while (s.work(clock + 1)) slices++;
    expect(slices).toBeGreaterThanOrEqual(10);
    expect(found()).toEqual(['key-container-missing@log']);
  });

  it('a subtree queued again while waiting is read once (a page flipping views cannot pile up rescans)', () => {
    document.body.innerHTML = '<p id="m">Сертификат отозван</p>';
    let reads = 0;
    const s = createScanner({ matcher: createMatcher(GENERIC_TEXT_SIGNALS), onHit: (hit) => hits.push(hit), isOwn: () => false, isRendered: fakeRendered });
    const body = document.body;
    let proto: object | null = Object.getPrototypeOf(body) as object;
    while (proto !== null && Object.getOwnPropertyDescriptor(proto, 'textContent') === undefined) proto = Object.getPrototypeOf(proto) as object | null;
    const read = Object.getOwnPropertyDescriptor(proto!, 'textContent')!;
    Object.defineProperty(body, 'textContent', { configurable: true, get() { reads++; return read.get!.call(this); } });
    for (let i = 0; i < 1000; i++) s.add(body);
    while (s.work(Number.POSITIVE_INFINITY));
    delete (body as unknown as Record<string, unknown>)['textContent'];
    expect(reads).toBe(1);
    expect(found()).toEqual(['cert-revoked@m']);
  });

  it('goes on after the node it stopped at when the page removed it meanwhile', () => {
    document.body.innerHTML = `<div id="a">${'<p>строка реестра лотов</p>'.repeat(50)}</div><p id="late">Сертификат отозван</p>`;
    let clock = 0;
    const s = createScanner({ matcher: createMatcher(GENERIC_TEXT_SIGNALS), onHit: (hit) => hits.push(hit), isOwn: () => false, isRendered: fakeRendered, chunkChars: 100, now: () => clock++ });
    s.add(document.body);
    // Time for one chunk: the walk stops inside the block, which the page then removes.
    expect(s.work(clock + 1)).toBe(true);
    document.getElementById('a')!.remove();
    while (s.work(Number.POSITIVE_INFINITY));
    expect(found()).toEqual(['cert-revoked@late']);
  });
});

describe('a library\'s generic step text beside a specific error', () => {
  it('in one message, the specific one speaks', () => {
    document.body.innerHTML = '<div class="toast"><p>Ошибка при подписании данных: Набор ключей не существует. (0x80090016)</p></div>';
    scanAll(scanner(), document.body);
    expect([...new Set(problems())]).toEqual(['key-container-missing']);
  });

  it('a specific text in a script or in another element does not silence the visible generic one', () => {
    document.body.innerHTML = '<div class="toast"><p id="err">Ошибка при подписании данных</p><script>var hint = "Набор ключей не существует";</script></div>';
    scanAll(scanner(), document.body);
    expect(problems()).toEqual(['unknown-signing-error']);
    hits = [];
    document.body.innerHTML = '<p id="a">Ошибка при подписании данных</p><p id="b">Набор ключей не существует</p>';
    scanAll(scanner(), document.body);
    expect(problems()).toEqual(['key-container-missing', 'unknown-signing-error']);
  });
});
