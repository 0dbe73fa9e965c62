/**
 * The bundled list of CA keys (from the Минцифры TSL or a PEM bundle of its certificates), compact:
 * one entry per CA certificate, keyed by the CA key identifier (SKI, lower-case hex).
 */
export interface CaEntry {
  keyId: string;
  name: string;
  innLe: string | null;
  ogrn: string | null;
  /** The TSL's accreditation status («Действует», «Прекращена», …); null when the source has none. */
  status: string | null;
  validFrom: string;
  validTo: string;
  keyAlgorithm: string;
  /** Public key bytes (hex) and curve OID: what a later signature check needs. */
  publicKey: string;
  paramSet: string | null;
}

export interface CaSnapshot {
  version: 1;
  /** Where it came from: `tsl` (with statuses) or `pem-bundle` (certificates only). */
  source: 'tsl' | 'pem-bundle';
  /** The date of the list itself (TSL `<Дата>`), which ages the snapshot. */
  listedAt: string;
  /** TSL `<Версия>` when known. */
  listVersion: string | null;
  entries: CaEntry[];
}

/**
 * The shipped form: CA parties in a table (many certificates share one CA), each certificate a tuple
 * [keyId hex, party index, status index, valid from (days since 1970), valid to (days), key algorithm
 * index, public key base64, parameter set index]; `strings` holds statuses, algorithms and parameter sets.
 */
export interface PackedCaSnapshot {
  version: 1;
  source: CaSnapshot['source'];
  listedAt: string;
  listVersion: string | null;
  parties: [name: string, innLe: string | null, ogrn: string | null][];
  strings: string[];
  entries: [string, number, number, number, number, number, string, number][];
}

const DAY = 86_400_000;
const toDays = (iso: string): number => Math.floor(Date.parse(iso) / DAY);
const fromDays = (days: number): string => new Date(days * DAY).toISOString();
const hexToBase64 = (hex: string): string => btoa(String.fromCharCode(...(hex.match(/../g) ?? []).map((h) => parseInt(h, 16))));
const base64ToHex = (b64: string): string => Array.from(atob(b64), (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');

export function packSnapshot(snapshot: CaSnapshot): PackedCaSnapshot {
  const parties: PackedCaSnapshot['parties'] = [];
  const partyIndex = new Map<string, number>();
  const strings: string[] = [''];
  const stringIndex = (value: string | null): number => {
    const key = value ?? '';
    let i = strings.indexOf(key);
    if (i < 0) i = strings.push(key) - 1;
    return i;
  };
  const entries = snapshot.entries.map((e): PackedCaSnapshot['entries'][number] => {
    const key = JSON.stringify([e.name, e.innLe, e.ogrn]);
    let party = partyIndex.get(key);
    if (party === undefined) {
      party = parties.push([e.name, e.innLe, e.ogrn]) - 1;
      partyIndex.set(key, party);
    }
    return [e.keyId, party, stringIndex(e.status), toDays(e.validFrom), toDays(e.validTo), stringIndex(e.keyAlgorithm), hexToBase64(e.publicKey), stringIndex(e.paramSet)];
  });
  return { version: 1, source: snapshot.source, listedAt: snapshot.listedAt, listVersion: snapshot.listVersion, parties, strings, entries };
}

export function unpackSnapshot(packed: PackedCaSnapshot): CaSnapshot {
  const str = (i: number): string | null => (packed.strings[i] ? packed.strings[i]! : null);
  return {
    version: 1,
    source: packed.source,
    listedAt: packed.listedAt,
    listVersion: packed.listVersion,
    entries: packed.entries.map(([keyId, party, status, from, to, alg, key, params]) => {
      const [name, innLe, ogrn] = packed.parties[party] ?? ['', null, null];
      return { keyId, name, innLe, ogrn, status: str(status), validFrom: fromDays(from), validTo: fromDays(to + 1), keyAlgorithm: str(alg) ?? '', publicKey: base64ToHex(key), paramSet: str(params) };
    }),
  };
}

export interface CaDirectory {
  listedAt: Date;
  source: CaSnapshot['source'];
  byKeyId(keyId: string): CaEntry[];
}

export function caDirectory(snapshot: CaSnapshot): CaDirectory {
  const index = new Map<string, CaEntry[]>();
  for (const entry of snapshot.entries) index.set(entry.keyId, [...(index.get(entry.keyId) ?? []), entry]);
  return {
    listedAt: new Date(snapshot.listedAt),
    source: snapshot.source,
    byKeyId: (keyId) => index.get(keyId.toLowerCase()) ?? [],
  };
}
