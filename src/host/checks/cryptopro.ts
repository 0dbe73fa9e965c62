import { existsSync } from 'node:fs';
import path from 'node:path';
import { cspVersionFindings, UNKNOWN_STACK } from '../../plugin/versions';
import type { HostCheck, HostProblem } from '../protocol';
import { runTool, type ToolRunner } from '../run-tool';
import { parseCertmgrList, parseContainerList, parseLicenseView, type CertmgrEntry } from './cryptopro-parse';

/** The only programs the host runs: CryptoPro's own tools at their fixed install paths. */
export function cryptoproTools(platform: NodeJS.Platform, root: string): { csptest: string; certmgr: string; cpconfig: string } | null {
  const at = (p: string) => path.join(root, p);
  if (platform === 'linux') return { csptest: at('/opt/cprocsp/bin/amd64/csptest'), certmgr: at('/opt/cprocsp/bin/amd64/certmgr'), cpconfig: at('/opt/cprocsp/sbin/amd64/cpconfig') };
  if (platform === 'darwin') return { csptest: at('/opt/cprocsp/bin/csptest'), certmgr: at('/opt/cprocsp/bin/certmgr'), cpconfig: at('/opt/cprocsp/sbin/cpconfig') };
  return null;
}

/**
 * CryptoPro CSP through its own tools, read-only: installed and its version (csptest), the licence
 * (cpconfig), key containers (csptest -enum_cont), the personal store with key links (certmgr).
 */
export async function cryptoproCheck(opts: { platform: NodeJS.Platform; root: string; needsGostTls: boolean; run?: ToolRunner }): Promise<HostCheck> {
  return (await cryptoproInventory(opts)).check;
}

/** The check, and what the root and token checks build on: containers, personal certificates, certmgr. */
export interface CryptoproInventory {
  check: HostCheck;
  /** null when csptest could not be run. */
  containers: string[] | null;
  personal: CertmgrEntry[];
  certmgr: string | null;
}

export async function cryptoproInventory(opts: { platform: NodeJS.Platform; root: string; needsGostTls: boolean; run?: ToolRunner }): Promise<CryptoproInventory> {
  const run = opts.run ?? runTool;
  const started = Date.now();
  const tools = cryptoproTools(opts.platform, opts.root);
  if (tools === null) return { check: { name: 'cryptopro-csp', status: 'skipped', ms: 0, detail: 'CryptoPro tools are not read on this OS', problems: [], facts: {} }, containers: null, personal: [], certmgr: null };
  const problems: HostProblem[] = [];
  if (!existsSync(tools.csptest)) {
    problems.push({ id: 'csp-missing', evidence: `CryptoPro CSP is not installed: ${tools.csptest.slice(opts.root.length)} does not exist`, cause: { key: 'csp-missing', params: {} } });
    return { check: { name: 'cryptopro-csp', status: 'problem', ms: Date.now() - started, detail: 'not installed', problems, facts: { installed: false } }, containers: null, personal: [], certmgr: null };
  }
  const [containers, license, store] = await Promise.all([
    run(tools.csptest, ['-keyset', '-enum_cont', '-fqcn', '-verifyc']),
    existsSync(tools.cpconfig) ? run(tools.cpconfig, ['-license', '-view']) : Promise.resolve(null),
    existsSync(tools.certmgr) ? run(tools.certmgr, ['-list', '-store', 'uMy']) : Promise.resolve(null),
  ]);
  const list = parseContainerList(containers.text);
  for (const f of cspVersionFindings(list.cspVersion, { ...UNKNOWN_STACK, gostTls: opts.needsGostTls, os: opts.platform === 'darwin' ? 'macos' : 'linux' })) problems.push({ id: f.problem, evidence: `csptest: ${f.evidence}`, ...(f.rule === undefined ? {} : { rule: f.rule }), ...(f.problem === 'csp-outdated' ? { cause: { key: 'csp-outdated' as const, params: { version: list.cspVersion ?? '?' } } } : {}) });
  const licenseView = license === null ? null : parseLicenseView(license.text);
  if (licenseView?.state === 'expired') problems.push({ id: 'csp-license-expired', evidence: 'cpconfig -license -view: the licence has expired', cause: { key: 'license-expired', params: {} } });
  if (licenseView?.state === 'error') problems.push({ id: 'csp-config-damaged', evidence: `cpconfig -license -view: ${licenseView.text}`, cause: { key: 'csp-damaged', params: {} } });
  const certificates = store === null ? [] : parseCertmgrList(store.text);
  const timedOut = [containers, license, store].some((r) => r?.timedOut === true);
  const check: HostCheck = {
    name: 'cryptopro-csp',
    status: timedOut ? 'timeout' : problems.length > 0 ? 'problem' : 'ok',
    ms: Date.now() - started,
    detail: `CSP ${list.cspVersion ?? '?'}, ${list.containers.length} containers, ${certificates.length} personal certificates`,
    problems,
    facts: { installed: true, cspVersion: list.cspVersion, containers: list.containers, license: licenseView, certificates: certificates.map((c) => ({ thumbprint: c.thumbprint, notAfter: c.notAfter, privateKeyLink: c.privateKeyLink, container: c.container, subject: c.subject, issuer: c.issuer })) },
  };
  return { check, containers: containers.code === null ? null : list.containers, personal: certificates, certmgr: existsSync(tools.certmgr) ? tools.certmgr : null };
}
