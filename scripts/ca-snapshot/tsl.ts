import { XMLParser } from 'fast-xml-parser';
import { caEntryFromDer } from '../../src/certs/ca/from-certificates';
import type { CaEntry, CaSnapshot } from '../../src/certs/ca/types';

/** Elements that may repeat; the parser must give them as arrays even when there is one. */
const LISTS = new Set(['УдостоверяющийЦентр', 'ПрограммноАппаратныйКомплекс', 'Ключ', 'ДанныеСертификата', 'СтатусАккредитации', 'Адрес']);

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const text = (value: unknown): string | null => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : null);

interface TslCa {
  Название?: unknown;
  КраткоеНазвание?: unknown;
  ИНН?: unknown;
  ОГРН?: unknown;
  СтатусАккредитации?: { Статус?: unknown }[];
  ПрограммноАппаратныеКомплексы?: { ПрограммноАппаратныйКомплекс?: { КлючиУполномоченныхЛиц?: { Ключ?: { ИдентификаторКлюча?: unknown; Сертификаты?: { ДанныеСертификата?: { Данные?: unknown }[] } }[] } }[] };
}

/**
 * Reads the Минцифры list of accredited CAs (TSL XML, Russian element names; research/certificates.md
 * §3.2) into a snapshot: one entry per CA certificate, with the CA's accreditation status. Keys whose
 * certificates all expired before the list's date are left out: they certify no valid certificate.
 */
export function snapshotFromTsl(xml: string): CaSnapshot {
  const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: (name) => LISTS.has(name) });
  const root = parser.parse(xml)?.['АккредитованныеУдостоверяющиеЦентры'] as { Версия?: unknown; Дата?: unknown; УдостоверяющийЦентр?: TslCa[] } | undefined;
  if (root === undefined) throw new Error('not a TSL: no <АккредитованныеУдостоверяющиеЦентры>');
  const listedAt = text(root.Дата);
  if (listedAt === null || Number.isNaN(Date.parse(listedAt))) throw new Error('the TSL has no valid <Дата>');
  const entries: CaEntry[] = [];
  for (const ca of asArray(root.УдостоверяющийЦентр)) {
    const status = text(asArray(ca.СтатусАккредитации)[0]?.Статус);
    const name = text(ca.КраткоеНазвание) ?? text(ca.Название);
    for (const complex of asArray(ca.ПрограммноАппаратныеКомплексы?.ПрограммноАппаратныйКомплекс)) {
      for (const key of asArray(complex.КлючиУполномоченныхЛиц?.Ключ)) {
        const keyId = text(key.ИдентификаторКлюча)?.replace(/[^0-9a-f]/gi, '').toLowerCase();
        for (const data of asArray(key.Сертификаты?.ДанныеСертификата)) {
          const base64 = text(data.Данные)?.replace(/\s+/g, '');
          if (!base64) continue;
          const entry = caEntryFromDer(Uint8Array.from(Buffer.from(base64, 'base64')), { keyId, status, name });
          entries.push({ ...entry, innLe: text(ca.ИНН) ?? entry.innLe, ogrn: text(ca.ОГРН) ?? entry.ogrn });
        }
      }
    }
  }
  return { version: 1, source: 'tsl', listedAt: new Date(listedAt).toISOString(), listVersion: text(root.Версия), entries: current(entries, listedAt) };
}

/** The same from a PEM bundle of the list's CA certificates (no statuses: «в перечне», not «действует»). */
export function snapshotFromPemBundle(pem: string, listedAt: string, listVersion: string | null): CaSnapshot {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  const entries = blocks.map((block) => caEntryFromDer(Uint8Array.from(Buffer.from(block.replace(/-----[A-Z ]+-----|\s+/g, ''), 'base64'))));
  return { version: 1, source: 'pem-bundle', listedAt: new Date(listedAt).toISOString(), listVersion, entries: current(entries, listedAt) };
}

/**
 * Keys with a CA certificate still valid at the list's date, with all their certificates (a CA re-certified
 * under the same key keeps the older certificate that issued older user certificates).
 */
function current(entries: CaEntry[], listedAt: string): CaEntry[] {
  const at = Date.parse(listedAt);
  const live = new Set(entries.filter((e) => Date.parse(e.validTo) >= at).map((e) => e.keyId));
  return entries.filter((e) => e.keyId !== '' && live.has(e.keyId)).sort((a, b) => a.keyId.localeCompare(b.keyId) || a.validFrom.localeCompare(b.validFrom));
}
