import { existsSync } from 'node:fs';
import { clockCheck } from './checks/clock';
import { cryptoproInventory, type CryptoproInventory } from './checks/cryptopro';
import { rootsCheck } from './checks/roots';
import { tokensCheck, unixSmartCard, type SmartCardState } from './checks/tokens';
import { manifestsCheck } from './manifests';
import type { HostCheck, HostRequest } from './protocol';
import { runTool } from './run-tool';
import type { HostEnvironment } from './serve';
import { windowsCryptoproInventory } from './windows/cryptopro';
import { windowsManifestsCheck } from './windows/manifests';
import { windowsSmartCard } from './windows/smartcard';

const CHECK_MS = 5000;

export const CAPABILITIES = ['inventory', 'native-host-manifests', 'cryptopro-csp', 'root-certificates', 'tokens', 'clock'] as const;

/** One read-only check with its own time bound: a hung check is reported, not waited for. */
async function bounded(name: string, run: () => HostCheck | Promise<HostCheck>): Promise<HostCheck> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      Promise.resolve()
        .then(run)
        .then((check) => ({ ...check, ms: Date.now() - started })),
      new Promise<HostCheck>((resolve) => {
        timer = setTimeout(() => resolve({ name, status: 'timeout', ms: CHECK_MS, detail: `no result in ${CHECK_MS} ms`, problems: [], facts: {} }), CHECK_MS);
      }),
    ]);
  } catch (error) {
    return { name, status: 'error', ms: Date.now() - started, detail: String((error as Error).message ?? error).slice(0, 300), problems: [], facts: {} };
  } finally {
    clearTimeout(timer);
  }
}

const skipped = (name: string, detail: string): HostCheck => ({ name, status: 'skipped', ms: 0, detail, problems: [], facts: {} });

/** The same checks read the Windows way (registry, sc.exe, CryptoPro's .exe tools) or the Unix way (files, CryptoPro's tools). */
function platformParts(env: HostEnvironment, request: Extract<HostRequest, { type: 'inventory' }>) {
  const vars = env.vars ?? process.env;
  if (env.platform === 'win32') {
    return {
      manifests: () => windowsManifestsCheck({ env: vars, browser: request.browser }),
      cryptopro: () => windowsCryptoproInventory({ env: vars, exists: existsSync, needsGostTls: request.gostTls }),
      smartCard: async (): Promise<SmartCardState> => {
        const found = await windowsSmartCard({ env: vars, exists: existsSync });
        // SCardSvr is trigger-started on Windows 8 and later: stopped means «starts when a reader appears».
        return { service: found.service === 'stopped' ? 'on-demand' : found.service, drivers: found.drivers };
      },
    };
  }
  return {
    manifests: () => manifestsCheck({ ...env, browser: request.browser }),
    cryptopro: () => cryptoproInventory({ platform: env.platform, root: env.root, needsGostTls: request.gostTls }),
    smartCard: async (): Promise<SmartCardState> => unixSmartCard(env.platform, env.root),
  };
}

/**
 * Every read-only check, each bounded on its own. The root and token checks build on what the
 * CryptoPro one found (personal certificates, containers), so they follow it; the rest run alongside.
 */
export async function inventory(request: Extract<HostRequest, { type: 'inventory' }>, env: HostEnvironment): Promise<HostCheck[]> {
  const parts = platformParts(env, request);
  // Set when the CryptoPro check finishes in time; a timed-out one leaves the dependent checks without it.
  let found: CryptoproInventory | null = null;
  const cryptopro = bounded('cryptopro-csp', async () => {
    const result = await parts.cryptopro();
    found = result;
    return result.check;
  });
  const dependent = cryptopro.then(() => {
    const csp = found as CryptoproInventory | null;
    const certmgr = csp?.certmgr ?? null;
    return Promise.all([
      certmgr === null ? skipped('root-certificates', 'certmgr is not installed') : bounded('root-certificates', () => rootsCheck({ certmgr, run: runTool, personal: csp?.personal ?? [] })),
      bounded('tokens', async () => tokensCheck({ containers: csp?.containers ?? null, smartCard: await parts.smartCard() })),
    ]);
  });
  const [manifests, clock, csp, [roots, tokens]] = await Promise.all([
    bounded('native-host-manifests', parts.manifests),
    bounded('clock', () => clockCheck({ platform: env.platform, root: env.root, now: new Date(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, server: request.server ?? null })),
    cryptopro,
    dependent,
  ]);
  return [manifests, csp, roots, tokens, clock];
}
