import { bitString, boolean, children, content, DerError, expectTag, hex, integer, oid, readTlv, stringOrHex, time, whole, type Tlv } from './der';

export interface NameAttribute {
  oid: string;
  value: string;
}

export interface Extension {
  oid: string;
  critical: boolean;
  /** The extension value (the content of its OCTET STRING). */
  tlv: Tlv;
}

/** A parsed X.509 v3 certificate: raw fields, undecoded extensions kept as TLVs into `der`. */
export interface Certificate {
  der: Uint8Array;
  /** The TBSCertificate bytes as signed (for signature verification). */
  tbs: Uint8Array;
  version: number;
  serial: string;
  signatureAlgorithm: string;
  signatureValue: Uint8Array;
  issuer: NameAttribute[];
  subject: NameAttribute[];
  /** The issuer and subject Name encodings, compared for self-issued certificates. */
  issuerDer: Uint8Array;
  subjectDer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  keyAlgorithm: string;
  /** OIDs of the key parameters (GOST paramset, digest) when present. */
  keyParameters: string[];
  publicKey: Uint8Array;
  extensions: Map<string, Extension>;
}

function parseName(der: Uint8Array, name: Tlv): NameAttribute[] {
  const attributes: NameAttribute[] = [];
  for (const rdn of children(der, expectTag(name, 0x30, 'a Name'))) {
    for (const atv of children(der, expectTag(rdn, 0x31, 'a RelativeDistinguishedName'))) {
      const [type, value] = children(der, expectTag(atv, 0x30, 'an AttributeTypeAndValue'));
      if (type === undefined || value === undefined) throw new DerError('bad AttributeTypeAndValue');
      attributes.push({ oid: oid(der, type), value: stringOrHex(der, value) });
    }
  }
  return attributes;
}

export function parseCertificate(der: Uint8Array): Certificate {
  const root = readTlv(der, 0);
  if (root.end !== der.length) throw new DerError('trailing data after the certificate');
  const [tbsTlv, sigAlg, sigValue, ...extra] = children(der, expectTag(root, 0x30, 'a Certificate SEQUENCE'));
  if (tbsTlv === undefined || sigAlg === undefined || sigValue === undefined || extra.length > 0) throw new DerError('a Certificate has three parts');
  const fields = children(der, expectTag(tbsTlv, 0x30, 'a TBSCertificate'));
  let i = 0;
  let version = 1;
  if (fields[0]?.tag === 0xa0) {
    const [v] = children(der, fields[0]);
    version = parseInt(integer(der, expectTag(v, 0x02, 'a version')), 16) + 1;
    i = 1;
  }
  const serial = integer(der, expectTag(fields[i], 0x02, 'a serial number'));
  const [innerAlg] = children(der, expectTag(fields[i + 1], 0x30, 'a signature AlgorithmIdentifier'));
  const issuerTlv = expectTag(fields[i + 2], 0x30, 'an issuer Name');
  const [notBefore, notAfter] = children(der, expectTag(fields[i + 3], 0x30, 'a Validity'));
  const subjectTlv = expectTag(fields[i + 4], 0x30, 'a subject Name');
  const [keyAlg, keyBits] = children(der, expectTag(fields[i + 5], 0x30, 'a SubjectPublicKeyInfo'));
  const [keyAlgOid, keyParams] = children(der, expectTag(keyAlg, 0x30, 'a key AlgorithmIdentifier'));
  const [outerAlgOid] = children(der, expectTag(sigAlg, 0x30, 'a signatureAlgorithm'));
  const signatureAlgorithm = oid(der, expectTag(outerAlgOid, 0x06, 'a signature algorithm'));
  if (innerAlg === undefined || oid(der, innerAlg) !== signatureAlgorithm) throw new DerError('the two signature algorithms differ');

  const extensions = new Map<string, Extension>();
  for (const field of fields.slice(i + 6)) {
    if (field.tag !== 0xa3) continue; // issuerUniqueID / subjectUniqueID are ignored
    const [list] = children(der, field);
    for (const ext of children(der, expectTag(list, 0x30, 'Extensions'))) {
      const parts = children(der, expectTag(ext, 0x30, 'an Extension'));
      const id = oid(der, expectTag(parts[0], 0x06, 'an extension id'));
      const critical = parts.length === 3 ? boolean(der, parts[1]!) : false;
      const octets = expectTag(parts[parts.length - 1], 0x04, 'an extension value');
      if (extensions.has(id)) throw new DerError(`extension ${id} appears twice`);
      const value = readTlv(der, octets.contentStart, octets.end);
      if (value.end !== octets.end) throw new DerError(`extension ${id} has trailing data`);
      extensions.set(id, { oid: id, critical, tlv: value });
    }
  }

  return {
    der,
    tbs: whole(der, tbsTlv),
    version,
    serial,
    signatureAlgorithm,
    signatureValue: bitString(der, sigValue).data,
    issuer: parseName(der, issuerTlv),
    subject: parseName(der, subjectTlv),
    issuerDer: whole(der, issuerTlv),
    subjectDer: whole(der, subjectTlv),
    notBefore: time(der, expectTag(notBefore, notBefore?.tag === 0x18 ? 0x18 : 0x17, 'a time')),
    notAfter: time(der, expectTag(notAfter, notAfter?.tag === 0x18 ? 0x18 : 0x17, 'a time')),
    keyAlgorithm: oid(der, expectTag(keyAlgOid, 0x06, 'a key algorithm')),
    keyParameters: keyParams?.tag === 0x30 ? children(der, keyParams).filter((p) => p.tag === 0x06).map((p) => oid(der, p)) : [],
    publicKey: bitString(der, expectTag(keyBits, 0x03, 'a public key')).data,
    extensions,
  };
}

export { content, hex };
