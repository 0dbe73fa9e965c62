import type { ProblemId, Severity } from '../core/problem-ids';
import type { CertFacts } from './facts';
import { isValidInn, isValidInnLe, isValidOgrn, isValidOgrnip, isValidSnils } from './identifiers';
import { GOST2012_KEYS, GOST2012_SIGNATURES, LEGACY_GOST_KEYS, LEGACY_GOST_SIGNATURES, OID } from './oids';

/**
 * One finding about a certificate: the check that fired (ids of research/certificates.md §4), the
 * catalog problem it means, how severe it is here, and the evidence (which field, which value or date).
 */
export interface CertFinding {
  rule: string;
  problem: ProblemId | null;
  severity: Severity;
  evidence: { field: string; value?: string; date?: string };
}

const DAY = 86_400_000;
/** Certificates and keys that end within this many days get a warning. */
export const SOON_DAYS = 30;
/** Since 2022 only ФНС, Казначейство and Банк России certify heads of legal entities. */
const STATE_ONLY_SINCE = Date.UTC(2022, 0, 1);

const iso = (date: Date): string => date.toISOString();

/** The field checks of a certificate at `now` (never the clock: callers pass the time). */
export function checkCertificate(facts: CertFacts, now: Date): CertFinding[] {
  const out: CertFinding[] = [];
  const add = (rule: string, problem: ProblemId | null, severity: Severity, field: string, extra: { value?: string | null; date?: Date | null } = {}): void => {
    out.push({
      rule,
      problem,
      severity,
      evidence: { field, ...(extra.value != null ? { value: extra.value } : {}), ...(extra.date != null ? { date: iso(extra.date) } : {}) },
    });
  };
  const t = now.getTime();
  const { extensions: ext, subject, issuer } = facts;

  // Validity of the certificate and of its private key.
  if (t < facts.notBefore.getTime()) add('CERT_NOT_YET_VALID', 'cert-not-yet-valid', 'error', 'notBefore', { date: facts.notBefore });
  else if (t > facts.notAfter.getTime()) add('CERT_EXPIRED', 'cert-expired', 'error', 'notAfter', { date: facts.notAfter });
  else if (facts.notAfter.getTime() - t <= SOON_DAYS * DAY) add('CERT_EXPIRES_SOON', 'cert-expiring-soon', 'warning', 'notAfter', { date: facts.notAfter });
  const pkup = ext.privateKeyUsagePeriod;
  if (pkup === null) add('PKUP_ABSENT', null, 'info', 'privateKeyUsagePeriod');
  else if (pkup.notBefore !== null && t < pkup.notBefore.getTime()) add('PKUP_NOT_YET_VALID', 'cert-not-yet-valid', 'error', 'privateKeyUsagePeriod.notBefore', { date: pkup.notBefore });
  else if (pkup.notAfter !== null && t > pkup.notAfter.getTime()) add('PKUP_EXPIRED', 'key-usage-period-expired', 'error', 'privateKeyUsagePeriod.notAfter', { date: pkup.notAfter });
  // The key's end near is a reason to order a new key now, like the certificate's own end: the catalog's
  // cert-expiring-soon, with the key period as its evidence — not «ключ истёк» before it has.
  else if (pkup.notAfter !== null && pkup.notAfter.getTime() - t <= SOON_DAYS * DAY) add('PKUP_EXPIRES_SOON', 'cert-expiring-soon', 'warning', 'privateKeyUsagePeriod.notAfter', { date: pkup.notAfter });

  // Algorithms.
  if (LEGACY_GOST_KEYS.has(facts.keyAlgorithm.oid)) add('KEY_ALG_GOST2001', 'cert-algorithm-unsupported', 'error', 'subjectPublicKeyInfo.algorithm', { value: facts.keyAlgorithm.name });
  else if (!GOST2012_KEYS.has(facts.keyAlgorithm.oid)) add('KEY_ALG_NOT_GOST', 'cert-algorithm-unsupported', 'error', 'subjectPublicKeyInfo.algorithm', { value: facts.keyAlgorithm.name ?? facts.keyAlgorithm.oid });
  if (LEGACY_GOST_SIGNATURES.has(facts.signatureAlgorithm.oid)) add('SIG_ALG_GOST2001', 'cert-algorithm-unsupported', 'error', 'signatureAlgorithm', { value: facts.signatureAlgorithm.name });
  else if (!GOST2012_SIGNATURES.has(facts.signatureAlgorithm.oid)) add('SIG_ALG_NOT_GOST', 'cert-algorithm-unsupported', 'error', 'signatureAlgorithm', { value: facts.signatureAlgorithm.name ?? facts.signatureAlgorithm.oid });

  // Usage.
  if (ext.keyUsage === null) add('KU_ABSENT', 'cert-wrong-usage', 'warning', 'keyUsage');
  else if (!ext.keyUsage.includes('digitalSignature') && !ext.keyUsage.includes('nonRepudiation')) add('KU_NO_SIGNATURE', 'cert-wrong-usage', 'error', 'keyUsage', { value: ext.keyUsage.join(', ') });
  if (ext.extendedKeyUsage !== null && !ext.extendedKeyUsage.includes(OID.clientAuth) && !ext.extendedKeyUsage.includes(OID.anyExtendedKeyUsage)) {
    add('EKU_NO_CLIENT_AUTH', 'cert-wrong-usage', 'warning', 'extendedKeyUsage', { value: ext.extendedKeyUsage.join(', ') });
  }
  if (ext.isCa) add('CERT_IS_CA', 'cert-wrong-usage', 'error', 'basicConstraints');

  // Subject attributes of a qualified certificate, by kind of owner.
  const missing = (rule: string, field: string, severity: Severity = 'error'): void => add(rule, 'cert-not-qualified', severity, `subject.${field}`);
  if (subject.commonName === null) missing('SUBJECT_CN_MISSING', 'CN');
  if (subject.country === null) missing('SUBJECT_C_MISSING', 'C');
  if (subject.surname === null || subject.givenName === null) missing('SUBJECT_NAME_MISSING', 'SN/G', 'warning');
  if (facts.ownerKind === 'legal-entity') {
    if (subject.innLe === null) {
      if (subject.inn !== null && /^00\d{10}$/.test(subject.inn)) add('SUBJECT_LEGACY_INN_LE', 'cert-not-qualified', 'warning', 'subject.INN', { value: subject.inn });
      else missing('SUBJECT_INNLE_MISSING', 'INNLE');
    }
    if (subject.ogrn === null) missing('SUBJECT_OGRN_MISSING', 'OGRN');
    if (subject.organization === null) missing('SUBJECT_O_MISSING', 'O');
  }
  const personalInn = subject.inn !== null && !/^00/.test(subject.inn) ? subject.inn : null;
  if (personalInn === null) {
    // A foreigner may have no ИНН: with a СНИЛС its absence is only a warning.
    missing('SUBJECT_INN_MISSING', 'INN', facts.ownerKind === 'individual' && subject.snils !== null ? 'warning' : 'error');
  }
  if (facts.ownerKind !== 'legal-entity' && subject.snils === null) missing('SUBJECT_SNILS_MISSING', 'SNILS');
  const checksum = (rule: string, field: string, value: string | null, valid: (v: string) => boolean): void => {
    if (value !== null && !valid(value)) add(rule, 'cert-not-qualified', 'warning', `subject.${field}`, { value });
  };
  checksum('SUBJECT_INN_CHECKSUM', 'INN', subject.inn, isValidInn);
  checksum('SUBJECT_INNLE_CHECKSUM', 'INNLE', subject.innLe, isValidInnLe);
  checksum('SUBJECT_OGRN_CHECKSUM', 'OGRN', subject.ogrn, isValidOgrn);
  checksum('SUBJECT_OGRNIP_CHECKSUM', 'OGRNIP', subject.ogrnip, isValidOgrnip);
  checksum('SUBJECT_SNILS_CHECKSUM', 'SNILS', subject.snils, isValidSnils);

  // Qualified-certificate extensions.
  if (ext.subjectSignTool === null) add('QC_SUBJECT_SIGN_TOOL_MISSING', 'cert-not-qualified', 'error', 'subjectSignTool');
  if (ext.issuerSignTool === null) add('QC_ISSUER_SIGN_TOOL_MISSING', 'cert-not-qualified', 'error', 'issuerSignTool');
  if (facts.toolClasses.length === 0) add('QC_POLICY_MISSING', 'cert-not-qualified', 'error', 'certificatePolicies');
  if (ext.crlUrls.length === 0) add('CDP_MISSING', 'revocation-check-failed', 'warning', 'cRLDistributionPoints');
  if (ext.ocspUrls.length === 0) add('OCSP_MISSING', null, 'info', 'authorityInfoAccess.ocsp');

  // Issuer.
  if (facts.selfIssued) add('SELF_SIGNED', 'cert-issuer-not-accredited', 'error', 'issuer', { value: issuer.commonName });
  if (facts.ownerKind === 'legal-entity' && !ext.isCa && facts.issuerKind === 'commercial' && facts.notBefore.getTime() >= STATE_ONLY_SINCE) {
    add('LE_CERT_NOT_FROM_FNS', 'cert-issuer-not-accredited', 'warning', 'issuer', { value: issuer.organization ?? issuer.commonName });
  }
  // An employee's (individual's) certificate signs for an organisation only with an МЧД. Information
  // until the check knows the bidder is an organisation, which makes it a warning.
  if (facts.ownerKind === 'individual') add('INFO_MCHD_REQUIRED', 'platform-mchd-required', 'info', 'subject');
  return out;
}
