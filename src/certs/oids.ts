/** OIDs of the Russian qualified-certificate profile (research/certificates.md §2). */
export const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  givenName: '2.5.4.42',
  title: '2.5.4.12',
  organization: '2.5.4.10',
  country: '2.5.4.6',
  inn: '1.2.643.3.131.1.1',
  innLe: '1.2.643.100.4',
  ogrn: '1.2.643.100.1',
  ogrnip: '1.2.643.100.5',
  snils: '1.2.643.100.3',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  anyExtendedKeyUsage: '2.5.29.37.0',
} as const;

export const KEY_ALGORITHMS: Readonly<Record<string, string>> = {
  '1.2.643.7.1.1.1.1': 'ГОСТ Р 34.10-2012 (256)',
  '1.2.643.7.1.1.1.2': 'ГОСТ Р 34.10-2012 (512)',
  '1.2.643.2.2.19': 'ГОСТ Р 34.10-2001',
  '1.2.643.2.2.20': 'ГОСТ Р 34.10-94',
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.10045.2.1': 'ECDSA',
};

export const SIGNATURE_ALGORITHMS: Readonly<Record<string, string>> = {
  '1.2.643.7.1.1.3.2': 'ГОСТ Р 34.10-2012 / 34.11-2012 (256)',
  '1.2.643.7.1.1.3.3': 'ГОСТ Р 34.10-2012 / 34.11-2012 (512)',
  '1.2.643.2.2.3': 'ГОСТ Р 34.10-2001 / 34.11-94',
  '1.2.643.2.2.4': 'ГОСТ Р 34.10-94 / 34.11-94',
};

export const GOST2012_KEYS = new Set(['1.2.643.7.1.1.1.1', '1.2.643.7.1.1.1.2']);
export const GOST2012_SIGNATURES = new Set(['1.2.643.7.1.1.3.2', '1.2.643.7.1.1.3.3']);
export const LEGACY_GOST_KEYS = new Set(['1.2.643.2.2.19', '1.2.643.2.2.20']);
export const LEGACY_GOST_SIGNATURES = new Set(['1.2.643.2.2.3', '1.2.643.2.2.4']);

/** Signing-tool classes of certificatePolicies 1.2.643.100.113.N. */
export const TOOL_CLASSES: Readonly<Record<string, string>> = {
  '1.2.643.100.113.1': 'КС1',
  '1.2.643.100.113.2': 'КС2',
  '1.2.643.100.113.3': 'КС3',
  '1.2.643.100.113.4': 'КВ1',
  '1.2.643.100.113.5': 'КВ2',
  '1.2.643.100.113.6': 'КА1',
};

/** ИНН ЮЛ of the issuers allowed to certify heads of legal entities since 2022. */
export const STATE_ISSUERS: Readonly<Record<string, 'fns' | 'treasury' | 'central-bank'>> = {
  '7707329152': 'fns',
  '7710568760': 'treasury',
  '7702235133': 'central-bank',
};
