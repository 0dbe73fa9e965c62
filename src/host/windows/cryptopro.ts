import path from 'node:path';
import { cspVersionFindings, UNKNOWN_STACK } from '../../plugin/versions';
import type { CryptoproInventory } from '../checks/cryptopro';
import { parseCertmgrList, parseContainerList, type LicenseView } from '../checks/cryptopro-parse';
import type { HostCheck, HostProblem } from '../protocol';
import { runTool, type ToolOutput, type ToolRunner } from '../run-tool';
import { windowsDirs, type WindowsEnv } from './paths';
import { queryKey, subkeyNames, type RegQueryResult } from './reg';

/** CryptoAPI's list of installed providers: every CSP registers a subkey named after itself. */
export const PROVIDERS_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Cryptography\\Defaults\\Provider';

const CRYPTOPRO = /^Crypto-Pro\b/i;
// ViPNet CSP registers as "Infotecs …"; with CryptoPro on one machine both break (problems.md csp-conflict).
const INFOTECS = /^Infotecs\b/i;

/**
 * The CSP licence lives behind the CSP's own API on Windows (there is no `cpconfig -license -view`
 * there, and no documented registry value we could find), so the page check reads it through
 * CAdESCOM.CPLicense instead of this host guessing.
 */
const LICENSE: LicenseView = { state: 'unknown', text: 'read by the page check (CPLicense) on Windows' };

export function windowsCryptoproTools(env: WindowsEnv): { csptest: string; certmgr: string; miniCsp: string[] } {
  const dirs = windowsDirs(env);
  return {
    csptest: path.win32.join(dirs.csp, 'csptest.exe'),
    certmgr: path.win32.join(dirs.csp, 'certmgr.exe'),
    // The plug-in's bundled "Mini CSP" keeps its providers in its own config.ini and registers none in
    // the registry (a public install snapshot, kriptosfera docs/minicsp-snapshots): noted, not counted.
    miniCsp: [path.win32.join(dirs.programFilesX86, 'Crypto Pro', 'CAdES Browser Plug-in', 'Mini CSP', 'config.ini'), path.win32.join(dirs.programFiles, 'Crypto Pro', 'CAdES Browser Plug-in', 'Mini CSP', 'config64.ini')],
  };
}

function providerNames(results: RegQueryResult[]): string[] | null {
  if (results.every((r) => r.state === 'failed')) return null;
  const names = results.flatMap((r) => (r.state === 'found' ? subkeyNames(r.keys, PROVIDERS_KEY) : []));
  return [...new Map(names.map((n) => [n.toLowerCase(), n])).values()].slice(0, 60);
}

/**
 * CryptoPro CSP on Windows, read-only, like the Linux check: the installed providers from the registry
 * (both views: 32-bit programs such as the plug-in's nmcades.exe see the 32-bit list), then version and
 * key containers from csptest and the personal store from certmgr, at CryptoPro's fixed install folder.
 */
export async function windowsCryptoproCheck(opts: { run?: ToolRunner; env: WindowsEnv; exists: (file: string) => boolean; needsGostTls: boolean }): Promise<HostCheck> {
  return (await windowsCryptoproInventory(opts)).check;
}

export async function windowsCryptoproInventory(opts: { run?: ToolRunner; env: WindowsEnv; exists: (file: string) => boolean; needsGostTls: boolean }): Promise<CryptoproInventory> {
  const started = Date.now();
  const run = opts.run ?? runTool;
  const tools = windowsCryptoproTools(opts.env);
  const has = { csptest: opts.exists(tools.csptest), certmgr: opts.exists(tools.certmgr), miniCsp: tools.miniCsp.some((f) => opts.exists(f)) };
  const none = Promise.resolve(null);
  const [view64, view32, containers, store] = await Promise.all([
    queryKey(run, opts.env, PROVIDERS_KEY, 64),
    queryKey(run, opts.env, PROVIDERS_KEY, 32),
    has.csptest ? run(tools.csptest, ['-keyset', '-enum_cont', '-fqcn', '-verifyc']) : none,
    has.certmgr ? run(tools.certmgr, ['-list', '-store', 'uMy']) : none,
  ]);
  const providers = providerNames([view64, view32]);
  const cryptopro = providers?.filter((p) => CRYPTOPRO.test(p)) ?? [];
  const infotecs = providers?.filter((p) => INFOTECS.test(p)) ?? [];
  // The registry decides "installed"; csptest.exe stands in only when the registry could not be read.
  const installed = providers === null ? has.csptest : cryptopro.length > 0;
  const problems: HostProblem[] = [];
  const miniCspNote = has.miniCsp ? '; the plug-in\'s Mini CSP is present, which registers no providers' : '';
  if (!installed) {
    const where = providers === null ? `${tools.csptest} does not exist` : `no Crypto-Pro provider under ${PROVIDERS_KEY}`;
    problems.push({ id: 'csp-missing', evidence: `CryptoPro CSP is not installed: ${where}${miniCspNote}`.slice(0, 500), cause: { key: 'csp-missing', params: {} } });
  }
  if (cryptopro.length > 0 && infotecs.length > 0) {
    problems.push({ id: 'csp-conflict', evidence: `CryptoPro CSP and ViPNet CSP are both installed: ${[...cryptopro, ...infotecs].join(', ')}`.slice(0, 500), cause: { key: 'csp-conflict', params: {} } });
  }
  const list = containers === null ? null : parseContainerList(containers.text);
  // A version csptest printed is checked; none printed is not read as "missing" when the registry has the CSP.
  if (installed && list !== null && list.cspVersion !== null) for (const f of cspVersionFindings(list.cspVersion, { ...UNKNOWN_STACK, gostTls: opts.needsGostTls, os: 'windows' })) problems.push({ id: f.problem, evidence: `csptest: ${f.evidence}`, ...(f.rule === undefined ? {} : { rule: f.rule }), ...(f.problem === 'csp-outdated' ? { cause: { key: 'csp-outdated' as const, params: { version: list.cspVersion } } } : {}) });
  const certificates = store === null ? [] : parseCertmgrList(store.text);
  const timedOut = [view64, view32].some((r) => r.state === 'failed' && r.timedOut) || [containers, store].some((r: ToolOutput | null) => r?.timedOut === true);
  const check: HostCheck = {
    name: 'cryptopro-csp',
    status: timedOut ? 'timeout' : problems.length > 0 ? 'problem' : 'ok',
    ms: Date.now() - started,
    detail: (installed ? `CSP ${list?.cspVersion ?? '?'}, ${list?.containers.length ?? 0} containers, ${certificates.length} personal certificates` : 'not installed').slice(0, 500),
    problems,
    facts: {
      installed,
      providers,
      tools: { csptest: has.csptest ? tools.csptest : `${tools.csptest} is absent`, certmgr: has.certmgr ? tools.certmgr : `${tools.certmgr} is absent` },
      miniCsp: has.miniCsp,
      cspVersion: list?.cspVersion ?? null,
      containers: list?.containers ?? [],
      license: LICENSE,
      certificates: certificates.map((c) => ({ thumbprint: c.thumbprint, notAfter: c.notAfter, privateKeyLink: c.privateKeyLink, container: c.container, subject: c.subject, issuer: c.issuer })),
    },
  };
  return { check, containers: list === null || containers?.code === null ? null : list.containers, personal: certificates, certmgr: has.certmgr ? tools.certmgr : null };
}
