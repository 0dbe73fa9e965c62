// @ts-check
import path from 'node:path';
import { ROOT } from '../lib/build.mjs';
import { loadScenario, openScenario, pressCheck } from '../lib/scenario-check.mjs';

const median = (/** @type {number[]} */ v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? Number.NaN;

/** @param {string} name */
async function scenario(name) {
  const loaded = await loadScenario(path.join(ROOT, 'tests/simulator/scenarios', `${name}.json`));
  if (!loaded.ok) throw new Error(`${name}: ${loaded.error}`);
  return loaded.scenario;
}

/**
 * The same plug-in reads the quick check makes, written plainly in the page (no timeouts, no report,
 * same parallelism): what the protocol itself costs, to compare the probe with.
 * @param {import('puppeteer-core').Page} page
 */
async function rawReads(page) {
  return page.evaluate(async () => {
    const cp = /** @type {any} */ (window).cadesplugin;
    await cp;
    const start = performance.now();
    const about = await cp.CreateObjectAsync('CAdESCOM.About');
    const readStore = async (/** @type {boolean} */ containers) => {
      const store = await cp.CreateObjectAsync('CAdESCOM.Store');
      await (containers ? store.Open(100) : store.Open(2, 'My', 0));
      const certs = await store.Certificates;
      const count = await certs.Count;
      await Promise.all(
        Array.from({ length: count }, async (_, i) => {
          const c = await certs.Item(i + 1);
          const [, , , , , , hasKey, , status] = await Promise.all([c.Thumbprint, c.SubjectName, c.IssuerName, c.SerialNumber, c.ValidFromDate, c.ValidToDate, c.HasPrivateKey(), c.Export(0), c.IsValid()]);
          await status.Result;
          if (containers || hasKey) {
            const key = await c.PrivateKey;
            await Promise.all([key.ProviderName, key.ProviderType, key.ContainerName, key.UniqueContainerName]);
          }
        }),
      );
      store.Close();
    };
    await Promise.all([
      (async () => (await about.PluginVersion).toString())(),
      about.Version,
      readStore(false),
      readStore(true),
      Promise.all([80, 81, 75, 2, 77, 78].map((t) => Promise.all([about.CSPName(t).catch(() => null), about.CSPVersion('', t).then((/** @type {any} */ v) => v.toString(), () => null)]))),
      (async () => {
        const license = await cp.CreateObjectAsync('CAdESCOM.CPLicense');
        await Promise.all([0, 1, 2].map((p) => Promise.all([license.IsValid(p).catch(() => null), license.ValidTo(p).catch(() => null)])));
      })(),
    ]);
    return performance.now() - start;
  });
}

/** Speed of the check against the CryptoPro simulator (issue «The check», §7). */
export async function checkFigures() {
  const RUNS = 7;
  // The §7 figure is the check itself; the companion host (issue 6) is measured on its own below.
  const ten = await openScenario({ name: 'ten-certificates', scenario: await scenario('ten-certificates'), companion: false });
  /** @type {number[]} */ const totals = [];
  /** @type {number[]} */ const reads = [];
  /** @type {number[]} */ const raws = [];
  let first = Number.NaN;
  let calls = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      const result = await pressCheck(ten);
      if (result.status !== 'done' || result.problems.length !== 0) throw new Error(`ten-certificates: ${result.status} ${result.problems.map((p) => p.id)}`);
      if (run === 0) first = result.timings.total;
      totals.push(result.timings.total);
      reads.push(result.timings.pluginReads ?? Number.NaN);
      calls = result.timings.pluginCalls ?? 0;
      raws.push(await rawReads(ten.page));
    }
  } finally {
    await ten.close();
  }
  /** @param {string} name @param {{ loader?: string, realExtension?: string }} [pieces] */
  const decided = async (name, pieces = {}) => {
    const opened = await openScenario({ name, scenario: await scenario(name), ...pieces });
    try {
      return (await pressCheck(opened)).timings.total;
    } finally {
      await opened.close();
    }
  };
  const withCompanion = await openScenario({ name: 'all-good', scenario: await scenario('all-good') });
  /** @type {number[]} */ const companionTotals = [];
  try {
    for (let run = 0; run < 5; run++) companionTotals.push((await pressCheck(withCompanion)).timings.total);
  } finally {
    await withCompanion.close();
  }
  const extensionMissing = await decided('extension-missing');
  const hostMissing = await decided('host-missing');
  const loadTimeout = await decided('load-timeout');
  // Side by side with the published pieces, when a maintainer points the bench at them (never committed).
  const realExtension = process.env.EP_DOCTOR_FIDELITY_EXTENSION;
  const realLoader = process.env.EP_DOCTOR_FIDELITY_LOADER;
  /** @type {{ name: string, value: number, unit: string, budget: number | null, detail: string }[]} */
  const real = [];
  if (realExtension !== undefined && realLoader !== undefined) {
    const { readFileSync } = await import('node:fs');
    const pieces = { realExtension, loader: readFileSync(realLoader, 'utf8') };
    const detail = `published extension ${path.basename(realExtension)}, vendor loader ${path.basename(realLoader)}`;
    real.push(
      { name: '«extension missing» decided, published loader', value: await decided('extension-missing', { loader: pieces.loader }), unit: 'ms', budget: 2000, detail },
      { name: '«native part missing» decided, published pieces', value: await decided('host-missing', pieces), unit: 'ms', budget: 2000, detail },
      { name: '«load timeout» decided, published pieces', value: await decided('load-timeout', pieces), unit: 'ms', budget: 2000, detail },
    );
  }
  const ratio = median(reads) / median(raws);
  return [
    { name: 'full quick check, 10 certificates, plug-in loaded', value: median(totals), unit: 'ms', budget: 500, detail: `median of ${RUNS}; first run ${first} ms (reads the CA list); ${calls} plug-in calls` },
    { name: 'quick check with ep-doctor-host registered', value: median(companionTotals), unit: 'ms', budget: null, detail: `median of ${companionTotals.length}; the single executable started per check, five checks over the fake CryptoPro install` },
    { name: '«extension missing» decided', value: extensionMissing, unit: 'ms', budget: 2000, detail: 'the vendor loader waits 20,000 ms' },
    { name: '«native part missing» decided', value: hostMissing, unit: 'ms', budget: 2000, detail: 'the extension stays silent; the vendor loader waits 20,000 ms' },
    { name: '«load timeout» decided', value: loadTimeout, unit: 'ms', budget: 2000, detail: 'the site loader stuck since page load; the vendor loader waits 20,000 ms' },
    ...real,
    { name: 'probe overhead over the raw protocol calls', value: ratio, unit: '×', budget: 2, detail: `probe reads ${median(reads).toFixed(0)} ms vs the same calls written plainly ${median(raws).toFixed(0)} ms (medians of ${RUNS})` },
  ];
}
