import path from 'node:path';
import { readFileSync } from 'node:fs';
import { EXTENSION_ID, ROOT } from './lib/build.mjs';
import { loadScenario, openScenario, pressCheck } from './lib/scenario-check.mjs';
const loaded = await loadScenario(path.join(ROOT, 'tests/simulator/scenarios/demo.json'));
const opened = await openScenario({ name: 'demo', scenario: loaded.scenario });
await pressCheck(opened); await opened.popup.close();
const sizes = await opened.worker.evaluate(async (id) => { const s = await chrome.storage.session.get(null); const l = await chrome.storage.local.get(null); return Object.fromEntries([...Object.entries(s), ...Object.entries(l)].map(([k, v]) => [k, JSON.stringify(v).length])); }, opened.tabId);
console.log(sizes);
for (let i = 0; i < 3; i++) {
  const page = await opened.browser.newPage();
  await page.tracing.start({ path: `/tmp/trace${i}.json`, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'v8'] });
  await page.goto(`chrome-extension://${EXTENSION_ID}/popup.html?tab=${opened.tabId}`);
  await page.waitForFunction(() => performance.getEntriesByName('ep-doctor:result-shown').length > 0 && performance.getEntriesByName('first-contentful-paint').length > 0, { polling: 50 });
  await new Promise(r => setTimeout(r, 300));
  await page.tracing.stop();
  await page.close();
}
await opened.close();
