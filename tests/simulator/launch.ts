import { build } from 'esbuild';
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIMULATOR_EXTENSION_ID } from '../../src/plugin/extension-ids';
import { resolveScenario, type ResolvedScenario } from './resolve';
import type { Scenario } from './scenario';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SIMULATOR_PAGE_DIR = path.join(HERE, 'page');
export const SCENARIO_DIR = path.join(HERE, 'scenarios');

export interface SimulatorSetup {
  /** The simulated CryptoPro extension to install, or null when the scenario has none. */
  extensionDir: string | null;
  resolved: ResolvedScenario;
}

/**
 * Puts the simulator into a browser profile before Chromium starts: the scenario resolved for today,
 * the nmcades host bundled and registered in the profile's NativeMessagingHosts (Chromium reads user
 * manifests from there), and a copy of the simulated CryptoPro extension with the scenario's version.
 */
export async function prepareSimulator(name: string, scenario: Scenario, userDataDir: string, workDir: string): Promise<SimulatorSetup> {
  mkdirSync(workDir, { recursive: true });
  const resolved = await resolveScenario(name, scenario);
  const resolvedFile = path.join(workDir, 'scenario.resolved.json');
  writeFileSync(resolvedFile, JSON.stringify(resolved));

  const hostFile = path.join(workDir, 'nmcades.mjs');
  await build({ entryPoints: [path.join(HERE, 'host/nmcades.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: hostFile, logLevel: 'error' });
  const launcher = path.join(workDir, 'nmcades');
  writeFileSync(launcher, `#!/bin/sh\nexec '${process.execPath}' '${hostFile}' '${resolvedFile}' "$@"\n`);
  chmodSync(launcher, 0o755);

  if (scenario.host !== 'missing') {
    const hostsDir = path.join(userDataDir, 'NativeMessagingHosts');
    mkdirSync(hostsDir, { recursive: true });
    const manifest = {
      name: 'ru.cryptopro.nmcades',
      description: 'ep-doctor simulator of the CAdES Browser plug-in native host',
      path: launcher,
      type: 'stdio',
      allowed_origins: [`chrome-extension://${SIMULATOR_EXTENSION_ID}/`],
    };
    writeFileSync(path.join(hostsDir, 'ru.cryptopro.nmcades.json'), JSON.stringify(manifest, null, 2));
  }

  let extensionDir: string | null = null;
  if (scenario.extension.installed) {
    extensionDir = path.join(workDir, 'extension');
    cpSync(path.join(HERE, 'extension'), extensionDir, { recursive: true });
    const manifestFile = path.join(extensionDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version: string };
    manifest.version = scenario.extension.version;
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  }
  return { extensionDir, resolved };
}

export function readScenarioFile(file: string): string {
  return readFileSync(file, 'utf8');
}
