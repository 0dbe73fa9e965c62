import { ascii, bitString, boolean, children, content, hex, integer, oid, stringOrHex, time, type Tlv } from './der';
import type { Certificate } from './x509';

export const KEY_USAGE_BITS = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'] as const;
export type KeyUsage = (typeof KEY_USAGE_BITS)[number];

/** Decoded extensions a diagnosis needs; a malformed extension throws DerError like the rest. */
export interface DecodedExtensions {
  keyUsage: KeyUsage[] | null;
  extendedKeyUsage: string[] | null;
  isCa: boolean;
  privateKeyUsagePeriod: { notBefore: Date | null; notAfter: Date | null } | null;
  policies: string[];
  subjectSignTool: string | null;
  issuerSignTool: { signTool: string; caTool: string; signToolCert: string; caToolCert: string } | null;
  identificationKind: number | null;
  crlUrls: string[];
  ocspUrls: string[];
  caIssuerUrls: string[];
  subjectKeyId: string | null;
  authorityKeyId: string | null;
}

/** GeneralName URI ([6] IA5String) values. */
function uris(der: Uint8Array, names: Tlv[]): string[] {
  return names.filter((n) => n.tag === 0x86).map((n) => ascii(content(der, n)));
}

export function decodeExtensions(cert: Certificate): DecodedExtensions {
  const { der, extensions } = cert;
  const get = (id: string): Tlv | undefined => extensions.get(id)?.tlv;

  let keyUsage: KeyUsage[] | null = null;
  const ku = get('2.5.29.15');
  if (ku !== undefined) {
    const { data } = bitString(der, ku);
    keyUsage = KEY_USAGE_BITS.filter((_, bit) => ((data[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
  }

  const eku = get('2.5.29.37');
  const bc = get('2.5.29.19');
  const bcParts = bc === undefined ? [] : children(der, bc);

  let privateKeyUsagePeriod: DecodedExtensions['privateKeyUsagePeriod'] = null;
  const pkup = get('2.5.29.16');
  if (pkup !== undefined) {
    const parts = children(der, pkup);
    const at = (tag: number) => {
      const part = parts.find((p) => p.tag === tag);
      return part === undefined ? null : time(der, part, true);
    };
    privateKeyUsagePeriod = { notBefore: at(0x80), notAfter: at(0x81) };
  }

  const policies = get('2.5.29.32');
  const ist = get('1.2.643.100.112');
  const istParts = ist === undefined ? [] : children(der, ist).map((p) => stringOrHex(der, p));
  const kind = get('1.2.643.100.114');

  const crlUrls: string[] = [];
  const cdp = get('2.5.29.31');
  if (cdp !== undefined) {
    for (const point of children(der, cdp)) {
      const name = children(der, point).find((p) => p.tag === 0xa0);
      const full = name === undefined ? undefined : children(der, name).find((p) => p.tag === 0xa0);
      if (full !== undefined) crlUrls.push(...uris(der, children(der, full)));
    }
  }

  const ocspUrls: string[] = [];
  const caIssuerUrls: string[] = [];
  const aia = get('1.3.6.1.5.5.7.1.1');
  if (aia !== undefined) {
    for (const access of children(der, aia)) {
      const [method, location] = children(der, access);
      if (method === undefined || location === undefined) continue;
      const id = oid(der, method);
      if (id === '1.3.6.1.5.5.7.48.1') ocspUrls.push(...uris(der, [location]));
      if (id === '1.3.6.1.5.5.7.48.2') caIssuerUrls.push(...uris(der, [location]));
    }
  }

  const ski = get('2.5.29.14');
  const aki = get('2.5.29.35');
  const akiKeyId = aki === undefined ? undefined : children(der, aki).find((p) => p.tag === 0x80);

  return {
    keyUsage,
    extendedKeyUsage: eku === undefined ? null : children(der, eku).map((p) => oid(der, p)),
    isCa: bcParts[0]?.tag === 0x01 ? boolean(der, bcParts[0]) : false,
    privateKeyUsagePeriod,
    policies: policies === undefined ? [] : children(der, policies).map((p) => oid(der, children(der, p)[0]!)),
    subjectSignTool: get('1.2.643.100.111') === undefined ? null : stringOrHex(der, get('1.2.643.100.111')!),
    issuerSignTool: ist === undefined ? null : { signTool: istParts[0] ?? '', caTool: istParts[1] ?? '', signToolCert: istParts[2] ?? '', caToolCert: istParts[3] ?? '' },
    identificationKind: kind === undefined ? null : parseInt(integer(der, kind), 16),
    crlUrls,
    ocspUrls,
    caIssuerUrls,
    subjectKeyId: ski === undefined ? null : hex(content(der, ski)),
    authorityKeyId: akiKeyId === undefined ? null : hex(content(der, akiKeyId)),
  };
}
