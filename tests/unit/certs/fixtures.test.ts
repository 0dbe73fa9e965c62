import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCertificate } from '@/src/certs/analyse';
import { caDirectory } from '@/src/certs/ca/types';
import { snapshotFromTsl } from '../../../scripts/ca-snapshot/tsl';
import { sharedDir } from '../../helpers/shared';

/** The fixtures were generated for this moment (shared/fixtures/certs/README.md). */
const NOW = new Date('2026-06-01T00:00:00Z');
const GENERATED = path.join(sharedDir(), 'fixtures/certs/generated');
/** The issuers are looked up in the mock TSL, as the manifest says. */
const MOCK_CA_LIST = caDirectory(snapshotFromTsl(readFileSync(path.join(GENERATED, 'tsl-test.xml'), 'utf8')));

/** The research's check ids → our problem ids (the contract with hints, report and tests). */
const PROBLEM_OF: Record<string, string | null> = {
  CERT_EXPIRED: 'cert-expired',
  CERT_NOT_YET_VALID: 'cert-not-yet-valid',
  CERT_EXPIRES_SOON: 'cert-expiring-soon',
  PKUP_EXPIRED: 'key-usage-period-expired',
  // The catalog: a key period that ends soon is a warning to order a new key, not «ключ истёк» before it has.
  PKUP_EXPIRES_SOON: 'cert-expiring-soon',
  PKUP_NOT_YET_VALID: 'cert-not-yet-valid',
  PKUP_ABSENT: null,
  KEY_ALG_NOT_GOST: 'cert-algorithm-unsupported',
  KEY_ALG_GOST2001: 'cert-algorithm-unsupported',
  SIG_ALG_GOST2001: 'cert-algorithm-unsupported',
  KU_NO_SIGNATURE: 'cert-wrong-usage',
  EKU_NO_CLIENT_AUTH: 'cert-wrong-usage',
  SUBJECT_INNLE_MISSING: 'cert-not-qualified',
  SUBJECT_OGRN_MISSING: 'cert-not-qualified',
  SUBJECT_INN_MISSING: 'cert-not-qualified',
  SUBJECT_INN_CHECKSUM: 'cert-not-qualified',
  SUBJECT_SNILS_CHECKSUM: 'cert-not-qualified',
  QC_SUBJECT_SIGN_TOOL_MISSING: 'cert-not-qualified',
  QC_ISSUER_SIGN_TOOL_MISSING: 'cert-not-qualified',
  QC_POLICY_MISSING: 'cert-not-qualified',
  CDP_MISSING: 'revocation-check-failed',
  SELF_SIGNED: 'cert-issuer-not-accredited',
  ISSUER_NOT_ACCREDITED: 'cert-issuer-not-accredited',
  ISSUER_ACCREDITATION_INACTIVE: 'cert-issuer-not-accredited',
  LE_CERT_NOT_FROM_FNS: 'cert-issuer-not-accredited',
  INFO_MCHD_REQUIRED: 'platform-mchd-required',
};

const variants = readFileSync(path.join(GENERATED, 'manifest.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [name, issuer, key, description, checks] = line.split('\t') as [string, string, string, string, string];
    return { name, issuer, key, description, expected: checks === 'OK' ? [] : checks.split(/,\s*/) };
  });

describe('certificate fixtures (manifest.tsv)', () => {
  it.each(variants.map((v) => [v.name, v] as const))('%s gives exactly its expected checks', (_name, variant) => {
    for (const form of ['pem', 'b64'] as const) {
      const result = analyseCertificate(readFileSync(path.join(GENERATED, `${variant.name}.${form}`), 'utf8'), NOW, MOCK_CA_LIST);
      if (!result.ok) throw new Error(result.error);
      // The manifest lists every error and warning, and only the info findings a variant is about.
      const rules = result.findings.filter((f) => f.severity !== 'info' || variant.expected.includes(f.rule)).map((f) => f.rule).sort();
      expect(rules, `${variant.name}.${form}: ${variant.description}`).toEqual([...variant.expected].sort());
      const problems = [...new Set(result.findings.filter((f) => variant.expected.includes(f.rule)).map((f) => f.problem))].sort();
      expect(problems, `${variant.name}: problem ids`).toEqual([...new Set(variant.expected.map((r) => PROBLEM_OF[r]))].sort());
    }
  });

  it('reads the plug-in’s base64 with line breaks and a file of raw DER alike', () => {
    const b64 = readFileSync(path.join(GENERATED, 'ee-fl-valid.b64'), 'utf8').trim();
    const wrapped = b64.replace(/(.{64})/g, '$1\r\n');
    const der = Uint8Array.from(Buffer.from(b64, 'base64'));
    const a = analyseCertificate(wrapped, NOW);
    const b = analyseCertificate(der, NOW);
    expect(a.ok && b.ok && a.facts.serial === b.facts.serial).toBe(true);
  });

  it('extracts the facts of a legal entity head certified by ФНС', () => {
    const result = analyseCertificate(readFileSync(path.join(GENERATED, 'ee-le-head-fns-valid.pem'), 'utf8'), NOW);
    if (!result.ok) throw new Error(result.error);
    const { facts } = result;
    expect(facts.ownerKind).toBe('legal-entity');
    expect(facts.issuerKind).toBe('fns');
    expect(facts.keyAlgorithm.name).toBe('ГОСТ Р 34.10-2012 (256)');
    expect(facts.subject.innLe).toMatch(/^\d{10}$/);
    expect(facts.subject.ogrn).toMatch(/^\d{13}$/);
    expect(facts.subject.snils).toMatch(/^\d{11}$/);
    expect(facts.toolClasses).toEqual(['КС1', 'КС2']);
    expect(facts.extensions.subjectSignTool).toBeTruthy();
    expect(facts.extensions.issuerSignTool?.caTool).toBeTruthy();
    expect(facts.extensions.privateKeyUsagePeriod?.notAfter).toBeInstanceOf(Date);
    expect(facts.extensions.crlUrls.length).toBeGreaterThan(0);
    expect(facts.extensions.ocspUrls.length).toBeGreaterThan(0);
    expect(facts.extensions.identificationKind).toBe(0);
    expect(facts.extensions.authorityKeyId).toMatch(/^[0-9a-f]{40}$/);
  });

  it('every finding names a field; dated ones carry the date', () => {
    const result = analyseCertificate(readFileSync(path.join(GENERATED, 'ee-pkup-expired.pem'), 'utf8'), NOW);
    if (!result.ok) throw new Error(result.error);
    expect(result.findings.filter((f) => f.rule.startsWith('PKUP'))).toEqual([
      { rule: 'PKUP_EXPIRED', problem: 'key-usage-period-expired', severity: 'error', evidence: { field: 'privateKeyUsagePeriod.notAfter', date: expect.stringMatching(/^2026-05-01/) } },
    ]);
  });
});

describe('the private key usage period', () => {
  const pem = () => readFileSync(path.join(GENERATED, 'ee-pkup-expired.pem'), 'utf8');

  it('ending within 30 days, the certificate running on: cert-expiring-soon (warning) naming the key period and its date', () => {
    // 11 days before the key period ends (2026-05-01); the certificate runs to August.
    const result = analyseCertificate(pem(), new Date('2026-04-20T00:00:00Z'));
    if (!result.ok) throw new Error(result.error);
    const validity = result.findings.filter((f) => f.rule.startsWith('PKUP') || f.rule.startsWith('CERT_'));
    expect(validity).toEqual([{ rule: 'PKUP_EXPIRES_SOON', problem: 'cert-expiring-soon', severity: 'warning', evidence: { field: 'privateKeyUsagePeriod.notAfter', date: expect.stringMatching(/^2026-05-01/) } }]);
    expect(result.findings.map((f) => f.problem)).not.toContain('key-usage-period-expired');
  });

  it('key-usage-period-expired only once the end has passed', () => {
    const before = analyseCertificate(pem(), new Date('2026-04-30T23:00:00Z'));
    const after = analyseCertificate(pem(), new Date('2026-05-02T00:00:00Z'));
    if (!before.ok || !after.ok) throw new Error('parse');
    expect(before.findings.map((f) => f.problem)).not.toContain('key-usage-period-expired');
    expect(after.findings.filter((f) => f.problem === 'key-usage-period-expired').map((f) => f.severity)).toEqual(['error']);
  });
});

describe('real CA certificates', () => {
  const real = path.join(sharedDir(), 'fixtures/certs/real');
  const bundle = readFileSync(path.join(sharedDir(), 'fixtures/ca-list/tsl-16314-ca-certificates.pem'), 'utf8');
  const pems = bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];

  it('parses all 2,403 certificates of the accredited-CA list', () => {
    expect(pems.length).toBeGreaterThan(2400);
    const failures = pems.map((pem, i) => [i, analyseCertificate(pem, NOW)] as const).filter(([, r]) => !r.ok);
    expect(failures.map(([i, r]) => `${i}: ${r.ok ? '' : r.error}`)).toEqual([]);
  });

  it('recognises ФНС and Минцифры among them by ИНН ЮЛ', () => {
    const fns = readFileSync(path.join(real, readdirPem(real, /fns/)), 'utf8');
    const result = analyseCertificate(fns, NOW);
    expect(result.ok && result.facts.subject.innLe).toBe('7707329152');
    expect(result.ok && result.facts.extensions.isCa).toBe(true);
  });
});

function readdirPem(dir: string, pattern: RegExp): string {
  const file = readdirSync(dir).find((f) => pattern.test(f) && f.endsWith('.pem'));
  if (file === undefined) throw new Error(`no ${pattern} certificate in ${dir}`);
  return file;
}
