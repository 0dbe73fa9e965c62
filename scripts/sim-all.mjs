import { launchWithExtension, newTrackedPage } from './lib/chromium.mjs';
import { servePage } from './lib/serve.mjs';
import { EXTENSION_ID } from './lib/build.mjs';
import { parseScenario } from '../tests/simulator/scenario.ts';
import { readFileSync, readdirSync } from 'node:fs';
const dir = new URL('../tests/simulator/scenarios/', import.meta.url).pathname;
for (const f of process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(dir)) {
  const parsed = parseScenario(readFileSync(dir + f, 'utf8'));
  const { browser, worker, close } = await launchWithExtension({ simulator: { name: f, scenario: parsed.scenario } });
  try {
    const { page, tabId } = await newTrackedPage(browser, worker);
    await servePage(page, new URL('../tests/simulator/page/sign.html', import.meta.url).pathname, 'https://www.sberbank-ast.ru/sign');
    await page.goto('https://www.sberbank-ast.ru/sign');
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html?tab=${tabId}`);
    const t0 = Date.now();
    await popup.click('[data-testid=check]');
    await popup.waitForSelector('[data-testid=result]:not([data-status=running])', { timeout: 60000 });
    const result = await worker.evaluate(async (id) => (await chrome.storage.session.get(`check:${id}`))[`check:${id}`], tabId);
    const got = [...new Set(result.problems.map((p) => p.id))].sort();
    const ok = JSON.stringify(got) === JSON.stringify([...parsed.scenario.expect].sort());
    console.log(ok ? 'OK  ' : 'BAD ', f, Date.now() - t0, 'ms', result.status, result.reason ?? '', got.join(','), ok ? '' : `expected ${parsed.scenario.expect}`);
    if (!ok) for (const p of result.problems) console.log('     ', p.id, p.source, p.evidence);
  } finally {
    await close();
  }
}
