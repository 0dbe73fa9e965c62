import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCertificate } from '@/src/certs/analyse';
import { caDirectory, packSnapshot, unpackSnapshot, type PackedCaSnapshot } from '@/src/certs/ca/types';
import { snapshotFromTsl } from '../../../scripts/ca-snapshot/tsl';
import { ROOT, sharedDir } from '../../helpers/shared';

const GENERATED = path.join(sharedDir(), 'fixtures/certs/generated');
const mock = snapshotFromTsl(readFileSync(path.join(GENERATED, 'tsl-test.xml'), 'utf8'));
const NOW = new Date('2026-06-01T00:00:00Z');

describe('CA list from the TSL format', () => {
  it('reads every CA certificate of the mock TSL with its status, key id in lower case', () => {
    expect(mock.source).toBe('tsl');
    expect(mock.listedAt).toBe('2026-06-01T00:00:00.000Z');
    expect(new Set(mock.entries.map((e) => e.status))).toEqual(new Set(['Действует', 'Прекращена']));
    for (const entry of mock.entries) expect(entry.keyId).toMatch(/^[0-9a-f]{40}$/);
    expect(mock.entries.find((e) => e.innLe === '7707329152')?.status).toBe('Действует');
  });

  it('packs and unpacks without loss (dates to the day)', () => {
    const back = unpackSnapshot(packSnapshot(mock));
    expect(back.entries.map((e) => [e.keyId, e.name, e.innLe, e.status, e.publicKey, e.paramSet])).toEqual(mock.entries.map((e) => [e.keyId, e.name, e.innLe, e.status, e.publicKey, e.paramSet]));
    for (const [i, e] of back.entries.entries()) {
      expect(Date.parse(e.validFrom)).toBeLessThanOrEqual(Date.parse(mock.entries[i]!.validFrom));
      expect(Date.parse(e.validTo)).toBeGreaterThanOrEqual(Date.parse(mock.entries[i]!.validTo));
    }
  });

  it('a list older than 90 days only notes its age instead of failing certificates', () => {
    const late = new Date(NOW.getTime() + 100 * 86_400_000);
    const result = analyseCertificate(readFileSync(path.join(GENERATED, 'ee-selfsigned.pem'), 'utf8'), late, caDirectory(mock));
    if (!result.ok) throw new Error(result.error);
    const byRule = Object.fromEntries(result.findings.map((f) => [f.rule, f.severity]));
    expect(byRule).toMatchObject({ CA_LIST_OUTDATED: 'info', ISSUER_NOT_ACCREDITED: 'info' });
  });
});

describe('the shipped snapshot', () => {
  const packed = JSON.parse(readFileSync(path.join(ROOT, 'src/certs/ca/snapshot.json'), 'utf8')) as PackedCaSnapshot;
  const directory = caDirectory(unpackSnapshot(packed));

  it('is the dated PEM-bundle snapshot of TSL 16314, without statuses («в перечне УЦ»)', () => {
    expect(packed).toMatchObject({ version: 1, source: 'pem-bundle', listVersion: '16314' });
    expect(packed.entries.length).toBeGreaterThan(1000);
    expect(unpackSnapshot(packed).entries.every((e) => e.status === null)).toBe(true);
  });

  it('finds the real ФНС CA by its key identifier', () => {
    const fns = analyseCertificate(readFileSync(path.join(sharedDir(), 'fixtures/certs/real/fns-ca-2022.pem'), 'utf8'), NOW);
    if (!fns.ok) throw new Error(fns.error);
    const entries = directory.byKeyId(fns.facts.extensions.subjectKeyId!);
    expect(entries.map((e) => e.innLe)).toContain('7707329152');
  });
});
