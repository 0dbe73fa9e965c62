import type { CaDirectory } from './ca/types';
import type { CertFinding } from './checks';
import type { CertFacts } from './facts';

/** A bundled list older than this is not trusted to fail a certificate. */
export const CA_LIST_MAX_AGE_DAYS = 90;
const ACTIVE = 'Действует';

/**
 * The issuer against the bundled CA list, matched by authority key identifier. The list from the PEM
 * bundle has no statuses: it can say «в перечне УЦ», never «аккредитация действует».
 */
export function checkIssuer(facts: CertFacts, directory: CaDirectory, now: Date): CertFinding[] {
  if (facts.extensions.isCa) return [];
  const ageDays = (now.getTime() - directory.listedAt.getTime()) / 86_400_000;
  const stale = ageDays > CA_LIST_MAX_AGE_DAYS;
  const out: CertFinding[] = [];
  if (stale) out.push({ rule: 'CA_LIST_OUTDATED', problem: null, severity: 'info', evidence: { field: 'caList.listedAt', date: directory.listedAt.toISOString() } });
  const keyId = facts.extensions.authorityKeyId;
  const entries = keyId === null || facts.selfIssued ? [] : directory.byKeyId(keyId);
  if (entries.length === 0) {
    out.push({
      rule: 'ISSUER_NOT_ACCREDITED',
      problem: 'cert-issuer-not-accredited',
      severity: stale ? 'info' : 'warning',
      evidence: { field: 'authorityKeyIdentifier', value: keyId ?? facts.issuer.commonName ?? '' },
    });
    return out;
  }
  const named = entries[0]!;
  if (entries.every((e) => e.status !== null && e.status !== ACTIVE)) {
    out.push({ rule: 'ISSUER_ACCREDITATION_INACTIVE', problem: 'cert-issuer-not-accredited', severity: 'error', evidence: { field: 'issuer', value: `${named.name}: ${named.status ?? ''}` } });
  }
  const issued = facts.notBefore.getTime();
  if (!entries.some((e) => Date.parse(e.validFrom) <= issued && issued <= Date.parse(e.validTo))) {
    out.push({ rule: 'ISSUER_CA_CERT_NOT_VALID_AT_ISSUE', problem: 'cert-issuer-not-accredited', severity: 'error', evidence: { field: 'notBefore', date: facts.notBefore.toISOString() } });
  }
  return out;
}
