import type { HostCheck, HostProblem } from '../protocol';
import type { ToolRunner } from '../run-tool';
import { parseCertmgrList, type CertmgrEntry } from './cryptopro-parse';

/**
 * Real CA certificates the host recognises by SHA-1 thumbprint (the same public certificates as
 * shared/fixtures/certs/real, checked against them in tests): the Минцифры head CA every accredited
 * CA chains to since 2022, and the state CAs most bidders' certificates come from.
 */
export const KNOWN_CAS = [
  { id: 'mincifry-root-2022', name: 'Минцифры России', role: 'root', thumbprint: '2F0CB09BE3550EF17EC4F29C90ABD18BFCAAD63A', validTo: '2040-01-08' },
  { id: 'fns-ca-2022', name: 'Федеральная налоговая служба', role: 'ca', thumbprint: 'E5AA1938ED28E003B7FEFEF4EAAE4CE7A979A479', validTo: '2037-04-19' },
  { id: 'kazna-ca-2025', name: 'Казначейство России', role: 'ca', thumbprint: '9D2F90006A7A06B8971026FD3153C445A10ED639', validTo: '2039-07-03' },
] as const;

const ROOT_STORES = ['uRoot', 'mRoot'] as const;
const CA_STORES = ['uCA', 'mCA'] as const;

/** What names one CA in a DN as certmgr prints it: its OGRN when present (stable), else its CN. */
export function caKey(dn: string): string {
  const ogrn = /(?:^|[,\s])OGRN=(\d{13})\b/i.exec(dn)?.[1];
  if (ogrn !== undefined) return `ogrn:${ogrn}`;
  const cn = /(?:^|[,\s])CN=("(?:[^"]|"")*"|[^,]*)/i.exec(dn)?.[1] ?? dn;
  return `cn:${cn.replace(/^"|"$/g, '').replace(/\s+/g, ' ').trim().toLowerCase()}`;
}

const commonName = (dn: string) => /(?:^|[,\s])CN=("(?:[^"]|"")*"|[^,]*)/i.exec(dn)?.[1]?.trim() ?? dn.slice(0, 80);

/**
 * Root and intermediate CA certificates in CryptoPro's stores (user and computer), read with certmgr:
 * the Минцифры root must be there, and so must the CA of every personal certificate that has a key —
 * otherwise the chain cannot be built and signing fails with «цепочка сертификатов». Names are compared
 * (OGRN, else CN), not keys: a CA that renewed its key can still be missing, the page check sees that.
 */
export async function rootsCheck(opts: { certmgr: string; run: ToolRunner; personal: readonly CertmgrEntry[] }): Promise<HostCheck> {
  const stores = [...ROOT_STORES, ...CA_STORES];
  const outputs = await Promise.all(stores.map((store) => opts.run(opts.certmgr, ['-list', '-store', store])));
  const byStore = new Map(stores.map((store, i) => [store, parseCertmgrList(outputs[i]?.text ?? '')]));
  const all = [...byStore.values()].flat();
  const rootThumbprints = new Set(ROOT_STORES.flatMap((s) => byStore.get(s) ?? []).map((c) => c.thumbprint));
  const known = KNOWN_CAS.map((ca) => ({ id: ca.id, installed: ca.role === 'root' ? rootThumbprints.has(ca.thumbprint) : all.some((c) => c.thumbprint === ca.thumbprint) }));
  const problems: HostProblem[] = [];
  const mincifry = KNOWN_CAS[0];
  if (!rootThumbprints.has(mincifry.thumbprint)) {
    problems.push({
      id: 'chain-untrusted',
      evidence: `no «${mincifry.name}» root certificate (${mincifry.thumbprint.slice(0, 8)}…, valid to ${mincifry.validTo}) in the user's or the computer's root store (uRoot, mRoot)`,
      cause: { key: 'root-missing', params: { name: mincifry.name } },
    });
  }
  const subjects = new Set(all.map((c) => caKey(c.subject)));
  const missing = new Map<string, string[]>();
  for (const cert of opts.personal) {
    if (cert.privateKeyLink !== true || caKey(cert.issuer) === caKey(cert.subject) || subjects.has(caKey(cert.issuer))) continue;
    const name = commonName(cert.issuer);
    missing.set(name, [...(missing.get(name) ?? []), cert.thumbprint.slice(0, 8)]);
  }
  for (const [name, thumbprints] of missing) {
    problems.push({
      id: 'chain-untrusted',
      evidence: `the CA certificate of «${name.slice(0, 100)}», issuer of ${thumbprints.join(', ')}, is in none of CryptoPro's CA stores (uCA, mCA, uRoot, mRoot)`,
      cause: { key: 'ca-missing', params: { name: name.slice(0, 100) } },
    });
  }
  const timedOut = outputs.some((o) => o.timedOut);
  return {
    name: 'root-certificates',
    status: timedOut ? 'timeout' : problems.length > 0 ? 'problem' : 'ok',
    ms: 0,
    detail: stores.map((s) => `${s}: ${byStore.get(s)?.length ?? 0}`).join(', '),
    problems: problems.slice(0, 20),
    facts: { counts: Object.fromEntries(stores.map((s) => [s, byStore.get(s)?.length ?? 0])), known },
  };
}
