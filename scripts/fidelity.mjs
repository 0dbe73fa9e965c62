#!/usr/bin/env node
// @ts-check
/**
 * `npm run fidelity -- [--extension DIR] [--loader FILE] [--scenario NAME[,NAME…] | --all] [--json]`
 *
 * For maintainers: runs the simulator's scenarios with a given unpacked CryptoPro extension and a given
 * page loader in front of the simulated native host, and prints per scenario the problems the check
 * found against those expected, and how long the check took. The native host is registered for the
 * extension's id (from its manifest `key`), so a published extension keeps its real id and the
 * vendor's loader finds it. With no --extension the simulated extension plays each scenario's
 * generation; with no --loader each scenario's page serves the simulator's loader of its generation.
 * Exit 0 when every scenario matches, 1 on a mismatch, 2 (one line) on a wrong argument or scenario.
 * The vendor's files are read from where they are; nothing is copied into the repository.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/build.mjs';
import { loadScenario, openScenario, pressCheck, problemIds } from './lib/scenario-check.mjs';
import { parseArgs, UsageError } from './diagnose/usage.mjs';

const SCENARIO_DIR = path.join(ROOT, 'tests/simulator/scenarios');
/** The verdicts that must come in ≤ 2 s although the vendor's loader waits 20 s (issue: fidelity). */
const FAST_VERDICTS = new Set(['plugin-host-missing', 'plugin-extension-missing', 'plugin-load-timeout']);
const FAST_MS = 2000;

/** @param {string} value */
function scenarioFiles(value) {
  return value.split(',').map((item) => {
    const name = item.trim();
    const file = name.endsWith('.json') ? path.resolve(name) : path.join(SCENARIO_DIR, `${name}.json`);
    if (!existsSync(file)) throw new UsageError(`--scenario: no such scenario: ${name}`);
    return file;
  });
}

/** @param {string} dir */
function checkExtension(dir) {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--extension: not a directory: ${dir}`);
  if (!existsSync(manifestFile)) throw new UsageError(`--extension: ${dir} has no manifest.json (give the unpacked extension)`);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch (error) {
    throw new UsageError(`--extension: ${manifestFile} is not JSON: ${/** @type {Error} */ (error).message}`);
  }
  if (typeof manifest.key !== 'string') throw new UsageError(`--extension: ${manifestFile} has no "key", so the extension would not get its published id`);
  if (!existsSync(path.join(dir, 'nmcades_plugin_api.js'))) throw new UsageError(`--extension: ${dir} has no nmcades_plugin_api.js: not a CryptoPro extension`);
  const generation = /^(\d+\.\d+)/.exec(String(manifest.version))?.[1];
  if (generation !== '1.3' && generation !== '1.2') throw new UsageError(`--extension: version ${String(manifest.version)} is neither a 1.3.x nor a 1.2.x CryptoPro extension`);
  return { dir: path.resolve(dir), generation };
}

/**
 * The loader's text and generation (`2.4` of JSModuleVersion "2.4.1", which every vendor build carries).
 * @param {string} file
 */
function readLoader(file) {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`--loader: no such file: ${file}`);
  const text = readFileSync(file, 'utf8');
  const version = /JSModuleVersion\s*=\s*["'](\d+\.\d+)[.\d]*["']/.exec(text);
  if (!/cadesplugin/.test(text) || version === null) throw new UsageError(`--loader: ${file} is not a cadesplugin_api.js (no JSModuleVersion)`);
  return { text, generation: /** @type {string} */ (version[1]) };
}

/** @param {string[]} args */
async function main(args) {
  const { options, positional } = parseArgs(args, { extension: 'value', loader: 'value', scenario: 'value', all: 'flag', json: 'flag' });
  if (positional.length > 0) throw new UsageError(`unexpected argument ${positional[0]}`);
  if (options.all === true && options.scenario !== undefined) throw new UsageError('--all and --scenario go alone');
  const extension = typeof options.extension === 'string' ? checkExtension(options.extension) : undefined;
  const loader = typeof options.loader === 'string' ? readLoader(options.loader) : undefined;
  const files =
    typeof options.scenario === 'string'
      ? scenarioFiles(options.scenario)
      : readdirSync(SCENARIO_DIR)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => path.join(SCENARIO_DIR, f));
  const scenarios = [];
  for (const file of files) {
    const loaded = await loadScenario(file);
    if (!loaded.ok) throw new UsageError(`${path.relative(process.cwd(), file)}: ${loaded.error}`);
    scenarios.push({ name: path.basename(file, '.json'), scenario: loaded.scenario });
  }

  const label = [
    `extension: ${extension === undefined ? 'simulated' : `${extension.dir} (for the scenarios of the ${extension.generation} generation)`}`,
    `loader: ${loader === undefined ? 'simulated' : `${path.resolve(String(options.loader))} (for the scenarios of the ${loader.generation} generation)`}`,
    'other pieces: the simulator\'s of each scenario\'s generation',
  ].join('; ');
  if (options.json !== true) process.stdout.write(`${label}\n`);
  let mismatches = 0;
  for (const { name, scenario } of scenarios) {
    // The given pieces stand in for their own generation; a scenario about another generation (a 2.0
    // loader, the MV2 extension) or about a page without a loader keeps the simulator's piece.
    const pageLoader = loader !== undefined && scenario.loader === loader.generation ? loader.text : undefined;
    const realExtension = extension !== undefined && scenario.extension.generation === extension.generation ? extension.dir : undefined;
    const simulated = [...(loader !== undefined && pageLoader === undefined && scenario.loader !== 'none' ? [`simulated ${scenario.loader} loader`] : []), ...(extension !== undefined && realExtension === undefined && scenario.extension.installed ? [`simulated ${scenario.extension.generation} extension`] : [])];
    const opened = await openScenario({ name, scenario, ...(pageLoader === undefined ? {} : { loader: pageLoader }), ...(realExtension === undefined ? {} : { realExtension }) });
    let line;
    try {
      const result = await pressCheck(opened);
      const found = result.status === 'done' ? problemIds(result) : [`(${result.status}: ${result.reasonCode ?? ''})`];
      const expected = [...scenario.expect].sort();
      const matches = JSON.stringify(found) === JSON.stringify(expected);
      if (!matches) mismatches++;
      const ms = result.timings.total;
      const fast = expected.some((id) => FAST_VERDICTS.has(id));
      line = options.json === true
        ? JSON.stringify({ scenario: name, expected, found, matches, ms, simulated, ...(fast ? { fastTargetMs: FAST_MS, fast: ms <= FAST_MS } : {}) })
        : `${matches ? 'ok  ' : 'FAIL'} ${name.padEnd(24)} ${String(ms).padStart(6)} ms${fast ? (ms <= FAST_MS ? ' (≤ 2 s)' : ' (over 2 s!)') : ''}  expected [${expected.join(', ')}]${matches ? '' : ` found [${found.join(', ')}]`}${simulated.length > 0 ? `  (${simulated.join(', ')})` : ''}`;
    } finally {
      await opened.close();
    }
    process.stdout.write(`${line}\n`);
  }
  if (options.json !== true) process.stdout.write(`${scenarios.length - mismatches} passed, ${mismatches} failed\n`);
  return mismatches > 0 ? 1 : 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`fidelity: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
