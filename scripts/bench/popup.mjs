// @ts-check
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, EXTENSION_ID, ROOT } from '../lib/build.mjs';
import { loadScenario, openScenario, pressCheck } from '../lib/scenario-check.mjs';

/** What the popup loads: its HTML's script, the chunks that script imports (transitively), its CSS. */
function popupBytes() {
  const html = readFileSync(path.join(EXTENSION_DIR, 'popup.html'), 'utf8');
  const files = new Set([...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => /** @type {string} */ (m[1])));
  const queue = [...files].filter((f) => f.endsWith('.js'));
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.pop());
    for (const m of readFileSync(path.join(EXTENSION_DIR, file), 'utf8').matchAll(/from"\.\/([^"]+\.js)"|import\("\.\/([^"]+\.js)"\)/g)) {
      const next = path.posix.join(path.posix.dirname(file), /** @type {string} */ (m[1] ?? m[2]));
      if (!files.has(next)) {
        files.add(next);
        queue.push(next);
      }
    }
  }
  return { kb: [...files].reduce((n, f) => n + statSync(path.join(EXTENSION_DIR, f)).size, 0) / 1024, files: [...files] };
}

/** Popup first paint with a stored result, popup bundle and standalone viewer sizes (issue «Popup…», §5). */
export async function popupFigures() {
  const loaded = await loadScenario(path.join(ROOT, 'tests/simulator/scenarios/demo.json'));
  if (!loaded.ok) throw new Error(loaded.error);
  const opened = await openScenario({ name: 'demo', scenario: loaded.scenario });
  /** @type {number[]} */
  const paints = [];
  /** @type {number[]} */
  const own = [];
  try {
    await pressCheck(opened);
    for (let run = 0; run < 9; run++) {
      const popup = await opened.browser.newPage();
      await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html?tab=${opened.tabId}`);
      const mark = await popup.waitForFunction(() => performance.getEntriesByName('ep-doctor:result-shown')[0]?.startTime, { timeout: 10_000 });
      paints.push(Number(await mark.jsonValue()));
      own.push(await popup.evaluate(() => (performance.getEntriesByName('ep-doctor:result-shown')[0]?.startTime ?? NaN) - (performance.getEntriesByName('ep-doctor:popup-start')[0]?.startTime ?? NaN)));
      await popup.close();
    }
  } finally {
    await opened.close();
  }
  const sorted = [...paints].sort((a, b) => a - b);
  const ownMedian = [...own].sort((a, b) => a - b)[Math.floor(own.length / 2)] ?? Number.NaN;
  const bundle = popupBytes();
  const viewerKb = statSync(path.join(EXTENSION_DIR, 'report-viewer.html')).size / 1024;
  return [
    { name: 'popup first paint with a stored result', value: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, unit: 'ms', budget: 100, detail: `median of ${paints.length} openings, from navigation start; max ${Math.max(...paints).toFixed(1)} ms; the popup's own part (script start → result on screen) ${ownMedian.toFixed(1)} ms` },
    { name: 'popup bundle (minified, all it loads)', value: bundle.kb, unit: 'KB', budget: 80, detail: bundle.files.join(', ') },
    { name: 'standalone report viewer file', value: viewerKb, unit: 'KB', budget: 150, detail: 'one offline HTML file: code, styles, both languages\' texts (deflated)' },
  ];
}
