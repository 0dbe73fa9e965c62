import { createHash } from 'node:crypto';
import { keyStoreOfReader } from '../../src/plugin/key-store';
import { days, nameString, simulatorCa, userCertificate, type NameSpec } from './pki/issue';
import type { Scenario } from './scenario';

/**
 * A scenario made concrete for one run: certificates issued with real dates, licence dates written the
 * way CAdESCOM.CPLicense writes them. The native host reads only this (it does no crypto of its own).
 */
export interface ResolvedCertificate {
  name: string;
  der: string;
  thumbprint: string;
  subjectName: string;
  issuerName: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  stores: ('my' | 'container')[];
  hasPrivateKey: boolean;
  container: { reader: string; name: string };
  provider: { name: string; type: number };
  chain: 'trusted' | 'untrusted' | 'revoked';
  /** Set when the private key usage period has ended (signing fails with NTE_PERM). */
  keyExpired: boolean;
  failures: Record<string, string>;
}

export interface ResolvedScenario {
  name: string;
  host: Scenario['host'];
  hostStartDelayMs: number;
  hostExitsAfter: number | null;
  replyDelays: Record<string, number>;
  hostExitsOn: string | null;
  brokenReplies: string[];
  siteAccess: Scenario['siteAccess'];
  pluginVersion: string;
  providers: Scenario['providers'];
  licenses: Record<'csp' | 'ocsp' | 'tsp', string | null>;
  certificates: ResolvedCertificate[];
  caCertificate: string;
  readers: { name: string; nickname: string; media: string }[];
  failures: Record<string, string>;
  chunkSize: number;
  system: Scenario['system'];
}

/** The head of a fictitious company, as ФНС issues it (valid check digits, fictitious numbers). */
export const HEAD_SUBJECT: NameSpec = {
  CN: 'ООО "РОМАШКА"',
  SN: 'Иванов',
  G: 'Иван Иванович',
  T: 'Генеральный директор',
  O: 'ООО "РОМАШКА"',
  C: 'RU',
  ST: '77 г. Москва',
  L: 'г. Москва',
  street: 'ул. Тестовая, д. 1',
  E: 'info@romashka.invalid',
  INN: '770123456703',
  INNLE: '7701123451',
  OGRN: '1027700543210',
  SNILS: '11223344595',
};

const ddmmyyyy = (d: Date): string => `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;

function license(value: 'unlimited' | number | undefined, now: Date): string | null {
  if (value === undefined) return null;
  if (value === 'unlimited') return 'Unlimited';
  const date = days(now, value);
  return value < 0 ? `Expired ${ddmmyyyy(date)}` : ddmmyyyy(date);
}

/**
 * The disk and the registry, plus a token in every reader that holds a container the plug-in can see, and
 * CryptoPro's cloud token (reader CLOUD, «Облачный токен», no media) when a key is there.
 */
function defaultReaders(scenario: Scenario): ResolvedScenario['readers'] {
  const readers = [...new Set(scenario.certificates.map((c) => c.container.reader))];
  const tokens = readers.filter((name) => keyStoreOfReader(name) === 'token' && scenario.certificates.some((c) => c.container.reader === name && c.stores.includes('container')));
  return [
    { name: 'HDIMAGE', nickname: 'HDD key storage', media: 'NO_UNIQUE' },
    { name: 'REGISTRY', nickname: 'Registry', media: 'NO_UNIQUE' },
    ...readers.filter((name) => keyStoreOfReader(name) === 'cloud').map((name) => ({ name, nickname: 'Облачный токен', media: 'NO_MEDIA' })),
    ...readers.filter((name) => keyStoreOfReader(name) === 'removable').map((name) => ({ name, nickname: 'Flash drive', media: 'NO_UNIQUE' })),
    ...tokens.map((name, i) => ({ name, nickname: 'Rutoken ECP', media: `pkcs11_rutoken_ecp_${(0x435461fa + i).toString(16)}` })),
  ];
}

export async function resolveScenario(name: string, scenario: Scenario, now = new Date()): Promise<ResolvedScenario> {
  const certificates: ResolvedCertificate[] = [];
  for (const cert of scenario.certificates) {
    const keyDays = cert.keyUsageDays === undefined ? cert.validDays : cert.keyUsageDays;
    const issued = await userCertificate({
      seed: cert.name,
      subject: cert.subject ?? HEAD_SUBJECT,
      notBefore: days(now, cert.validDays[0]),
      notAfter: days(now, cert.validDays[1]),
      keyUsagePeriod: keyDays === null ? null : { from: days(now, keyDays[0]), to: days(now, keyDays[1]) },
      qualified: cert.qualified,
      algorithm: cert.algorithm,
      keyUsage: cert.keyUsage,
      issuer: cert.issuer,
    });
    certificates.push({
      name: cert.name,
      der: Buffer.from(issued.der).toString('base64'),
      thumbprint: createHash('sha1').update(issued.der).digest('hex').toUpperCase(),
      subjectName: nameString(issued.subject),
      issuerName: nameString(issued.issuer),
      serialNumber: issued.serial,
      validFrom: issued.notBefore.toISOString(),
      validTo: issued.notAfter.toISOString(),
      stores: cert.stores,
      hasPrivateKey: cert.hasPrivateKey,
      container: cert.container,
      provider: cert.provider,
      chain: cert.chain,
      keyExpired: keyDays !== null && keyDays[1] < 0,
      failures: cert.failures,
    });
  }
  const ca = await simulatorCa();
  return {
    name,
    host: scenario.host,
    hostStartDelayMs: scenario.hostStartDelayMs,
    hostExitsAfter: scenario.hostExitsAfter,
    replyDelays: scenario.replyDelays,
    hostExitsOn: scenario.hostExitsOn,
    brokenReplies: scenario.brokenReplies,
    siteAccess: scenario.siteAccess,
    pluginVersion: scenario.pluginVersion,
    providers: scenario.providers,
    system: scenario.system,
    licenses: { csp: license(scenario.license.csp, now), ocsp: license(scenario.license.ocsp, now), tsp: license(scenario.license.tsp, now) },
    certificates,
    caCertificate: Buffer.from(ca.der).toString('base64'),
    readers: scenario.readers ?? defaultReaders(scenario),
    failures: scenario.failures,
    chunkSize: scenario.chunkSize,
  };
}
