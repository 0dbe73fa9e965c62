import { decodeExtensions, type DecodedExtensions } from './extensions';
import { KEY_ALGORITHMS, OID, SIGNATURE_ALGORITHMS, STATE_ISSUERS, TOOL_CLASSES } from './oids';
import type { Certificate, NameAttribute } from './x509';

export type OwnerKind = 'legal-entity' | 'sole-proprietor' | 'individual';
export type IssuerKind = 'fns' | 'treasury' | 'central-bank' | 'commercial';

export interface Party {
  commonName: string | null;
  organization: string | null;
  surname: string | null;
  givenName: string | null;
  title: string | null;
  country: string | null;
  inn: string | null;
  innLe: string | null;
  ogrn: string | null;
  ogrnip: string | null;
  snils: string | null;
}

/** What a certificate says, in the terms a diagnosis and a report use. */
export interface CertFacts {
  serial: string;
  subject: Party;
  issuer: Party;
  ownerKind: OwnerKind;
  issuerKind: IssuerKind;
  selfIssued: boolean;
  notBefore: Date;
  notAfter: Date;
  keyAlgorithm: { oid: string; name: string | null; parameters: string[] };
  signatureAlgorithm: { oid: string; name: string | null };
  toolClasses: string[];
  extensions: DecodedExtensions;
}

function party(attributes: NameAttribute[]): Party {
  const get = (oid: string): string | null => attributes.find((a) => a.oid === oid)?.value.trim() ?? null;
  return {
    commonName: get(OID.commonName),
    organization: get(OID.organization),
    surname: get(OID.surname),
    givenName: get(OID.givenName),
    title: get(OID.title),
    country: get(OID.country),
    inn: get(OID.inn),
    innLe: get(OID.innLe),
    ogrn: get(OID.ogrn),
    ogrnip: get(OID.ogrnip),
    snils: get(OID.snils),
  };
}

/** ИНН ЮЛ, also from the legacy form «00» + 10 digits in the INN attribute. */
export const legalEntityInn = (p: Party): string | null => p.innLe ?? (p.inn !== null && /^00\d{10}$/.test(p.inn) ? p.inn.slice(2) : null);

function ownerKind(subject: Party): OwnerKind {
  if (subject.ogrnip !== null) return 'sole-proprietor';
  if (subject.innLe !== null || subject.ogrn !== null || subject.organization !== null || legalEntityInn(subject) !== null) return 'legal-entity';
  return 'individual';
}

const equalBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export function certFacts(cert: Certificate): CertFacts {
  const subject = party(cert.subject);
  const issuer = party(cert.issuer);
  const extensions = decodeExtensions(cert);
  const issuerInn = legalEntityInn(issuer);
  return {
    serial: cert.serial,
    subject,
    issuer,
    ownerKind: ownerKind(subject),
    issuerKind: (issuerInn !== null ? STATE_ISSUERS[issuerInn] : undefined) ?? 'commercial',
    selfIssued: equalBytes(cert.issuerDer, cert.subjectDer) && (extensions.authorityKeyId === null || extensions.authorityKeyId === extensions.subjectKeyId),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    keyAlgorithm: { oid: cert.keyAlgorithm, name: KEY_ALGORITHMS[cert.keyAlgorithm] ?? null, parameters: cert.keyParameters },
    signatureAlgorithm: { oid: cert.signatureAlgorithm, name: SIGNATURE_ALGORITHMS[cert.signatureAlgorithm] ?? null },
    toolClasses: extensions.policies.map((p) => TOOL_CLASSES[p]).filter((c): c is string => c !== undefined),
    extensions,
  };
}
