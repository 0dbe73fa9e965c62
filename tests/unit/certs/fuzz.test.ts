import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCertificate } from '@/src/certs/analyse';
import { sharedDir } from '../../helpers/shared';

const GENERATED = path.join(sharedDir(), 'fixtures/certs/generated');
const seeds = readdirSync(GENERATED)
  .filter((f) => f.endsWith('.b64'))
  .map((f) => Uint8Array.from(Buffer.from(readFileSync(path.join(GENERATED, f), 'utf8').trim(), 'base64')));
const NOW = new Date('2026-06-01T00:00:00Z');

/** Deterministic, so a failing case can be replayed from its number. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function mutate(der: Uint8Array, next: () => number): Uint8Array {
  const bytes = Uint8Array.from(der);
  switch (Math.floor(next() * 4)) {
    case 0: // truncate
      return bytes.subarray(0, Math.floor(next() * bytes.length));
    case 1: // flip bits
      for (let i = 0; i < 1 + next() * 8; i++) bytes[Math.floor(next() * bytes.length)]! ^= 1 << Math.floor(next() * 8);
      return bytes;
    case 2: // random bytes over a header region, where lengths and tags live
      for (let i = 0; i < 1 + next() * 4; i++) bytes[Math.floor(next() * Math.min(bytes.length, 64 + next() * bytes.length))] = Math.floor(next() * 256);
      return bytes;
    default: {
      // splice a chunk of another certificate in
      const other = seeds[Math.floor(next() * seeds.length)]!;
      const at = Math.floor(next() * bytes.length);
      const from = Math.floor(next() * other.length);
      return Uint8Array.from([...bytes.subarray(0, at), ...other.subarray(from, from + Math.floor(next() * 200)), ...bytes.subarray(at)]);
    }
  }
}

describe('malformed certificates', () => {
  it('10,000 truncated, bit-flipped and spliced certificates: no exception, no hang, every result clean', () => {
    const next = random(20261125);
    let unreadable = 0;
    const started = Date.now();
    for (let i = 0; i < 10_000; i++) {
      const input = mutate(seeds[i % seeds.length]!, next);
      const result = analyseCertificate(input, NOW);
      if (result.ok) {
        expect(Array.isArray(result.findings), `case ${i}`).toBe(true);
      } else {
        expect(result.error, `case ${i}`).toMatch(/^unreadable certificate: /);
        unreadable++;
      }
    }
    expect(unreadable).toBeGreaterThan(5000);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it.each([
    ['empty', ''],
    ['not base64', 'Сертификат'],
    ['PEM of garbage', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'],
    ['a huge length', '\u0030\u0084\u00ff\u00ff\u00ff\u00ff'],
  ])('%s is a clean «unreadable» result', (_label, input) => {
    const result = analyseCertificate(input, NOW);
    expect(result.ok).toBe(false);
  });
});

describe('DER strictness', () => {
  it('rejects impossible times, non-minimal OIDs and oversized or broken input as unreadable', async () => {
    const { readTlv, time, oid } = await import('@/src/certs/der');
    const tlv = (bytes: number[]) => ({ bytes: Uint8Array.from(bytes), tlv: readTlv(Uint8Array.from(bytes), 0) });
    const utc = (text: string) => tlv([0x17, text.length, ...Buffer.from(text, 'latin1')]);
    const t1 = utc('240115990000Z');
    expect(() => time(t1.bytes, t1.tlv)).toThrow(/impossible/);
    const t2 = tlv([0x18, 15, ...Buffer.from('00490101000000Z', 'latin1')]);
    expect(time(t2.bytes, t2.tlv).getUTCFullYear()).toBe(49);
    const o = tlv([0x06, 3, 0x2a, 0x80, 0x03]);
    expect(() => oid(o.bytes, o.tlv)).toThrow(/non-minimal/);
    expect(analyseCertificate('MIIBA', NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/^unreadable certificate: not a certificate/) });
    expect(analyseCertificate(new Uint8Array(200_000).fill(0x30), NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
  });
});
