import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHintPack } from '@/src/background/build-hint-pack';
import { createHash } from 'node:crypto';
import { analyseCertificate } from '@/src/certs/analyse';
import { parseSignedData } from '@/src/certs/cms';
import { DerError } from '@/src/certs/der';
import { verifyTestSignature } from '@/src/certs/verify-test-signature';
import { PROBLEM_IDS } from '@/src/core/problem-ids';
import { encodeBlock, readReport } from '@/src/core/report/block';
import { buildReport } from '@/src/core/report/build';
import { renderReportText, reportMessage } from '@/src/core/report/render-text';
import { createMatcher } from '@/src/detectors/matcher';
import { GENERIC_TEXT_SIGNALS } from '@/src/detectors/text-signals';
import { answer } from '@/src/host/serve';
import { frameReader } from '@/src/host/wire';
import { parseProbeReport } from '@/src/plugin/probe-schema';
import { emptyReport } from '@/src/plugin/probe/run';
import { sharedDir } from '../helpers/shared';
import { base64Lines, cadesBes } from '../simulator/pki/cades';
import { days, userCertificate } from '../simulator/pki/issue';

/**
 * Fuzzing with fixed seeds: every parser of untrusted input — certificates, pasted reports, native
 * frames and host requests, page text, the probe's report — takes mutated and random input without
 * throwing, hanging or answering outside its contract. `EP_DOCTOR_FUZZ_LONG=1` runs 50 times more cases.
 */
const ROUNDS = process.env['EP_DOCTOR_FUZZ_LONG'] === '1' ? 50 : 1;
/** Per test: generous for a loaded machine, and scaled for the long run. */
const TIMEOUT = 30_000 * ROUNDS;

/** A small deterministic PRNG (mulberry32): the same cases every run. */
function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

function mutateBytes(bytes: Uint8Array, rnd: (n: number) => number): Uint8Array {
  const out = Uint8Array.from(bytes);
  switch (rnd(4)) {
    case 0:
      for (let i = 0; i < 1 + rnd(8); i++) out[rnd(out.length)] = rnd(256);
      return out;
    case 1:
      return out.slice(0, rnd(out.length));
    case 2: {
      const at = rnd(out.length);
      return Uint8Array.from([...out.slice(0, at), ...Array.from({ length: 1 + rnd(16) }, () => rnd(256)), ...out.slice(at)]);
    }
    default:
      // A length byte made huge: the classic DER trap.
      out[rnd(Math.min(out.length, 64))] = 0x84 + rnd(4);
      return out;
  }
}

function mutateText(text: string, rnd: (n: number) => number, extra: readonly string[]): string {
  let out = text;
  for (let i = 0; i < 1 + rnd(4); i++) {
    const at = rnd(out.length + 1);
    switch (rnd(4)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + 1 + rnd(20));
        break;
      case 1:
        out = out.slice(0, at) + (extra[rnd(extra.length)] ?? '') + out.slice(at);
        break;
      case 2:
        out = out.slice(0, at) + String.fromCharCode(rnd(0x500)) + out.slice(at + 1);
        break;
      default:
        out = out.slice(0, at) + out.slice(at, at + rnd(200)).repeat(1 + rnd(3)) + out.slice(at);
    }
  }
  return out;
}

const bounded = async <T>(work: () => Promise<T> | T, ms = 2000): Promise<T> => {
  const started = performance.now();
  const value = await work();
  expect(performance.now() - started).toBeLessThan(ms);
  return value;
};

describe('fuzzing with fixed seeds', () => {
  it('certificates: mutated real and generated certificates are a result, never an exception', async () => {
    const dirs = ['fixtures/certs/real', 'fixtures/certs/generated'].map((d) => path.join(sharedDir(), d));
    const inputs = dirs.flatMap((dir) => readdirSync(dir).filter((f) => /\.(der|pem|b64)$/.test(f)).map((f) => readFileSync(path.join(dir, f))));
    expect(inputs.length).toBeGreaterThan(10);
    const rnd = random(1);
    for (let i = 0; i < 400 * ROUNDS; i++) {
      const base = inputs[rnd(inputs.length)]!;
      const bytes = mutateBytes(base, rnd);
      const result = await bounded(() => analyseCertificate(bytes, new Date('2026-12-01T00:00:00Z')));
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) expect(result.error).toMatch(/^unreadable certificate/);
    }
  }, TIMEOUT);

  it('test signatures: a mutated CAdES-BES (BER, indefinite lengths) is parsed or refused with DerError; «verified» only when what the signature covers is unchanged', async () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const text = new TextEncoder().encode('ep-doctor test signature fuzz');
    const cert = await userCertificate({ seed: 'fuzz', subject: { CN: 'Петров Пётр' }, notBefore: days(now, -10), notAfter: days(now, 300), keyUsagePeriod: null, qualified: true });
    const thumbprint = createHash('sha1').update(cert.der).digest('hex').toUpperCase();
    const cms = cadesBes({ content: text, certificate: cert.der, serialHex: cert.serial, keySeed: 'fuzz', detached: false, now });
    expect(await verifyTestSignature(base64Lines(cms), text, thumbprint)).toEqual({ result: 'verified' });
    const original = parseSignedData(cms);
    const rnd = random(7);
    let verified = 0;
    for (let i = 0; i < 300 * ROUNDS; i++) {
      const bytes = mutateBytes(cms, rnd);
      try {
        parseSignedData(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(DerError);
      }
      const check = await bounded(() => verifyTestSignature(base64Lines(bytes), text, thumbprint));
      expect(['verified', 'foreign', 'unchecked']).toContain(check.result);
      if (check.result === 'verified') {
        // Fields outside the signature (versions, the digestAlgorithms list) may change; what is signed may not.
        verified++;
        const read = parseSignedData(bytes);
        expect(Buffer.from(read.content!).equals(Buffer.from(text))).toBe(true);
        expect(Buffer.from(read.certificates[0]!).equals(Buffer.from(cert.der))).toBe(true);
        expect(Buffer.from(read.signers[0]!.signature).equals(Buffer.from(original.signers[0]!.signature))).toBe(true);
        expect(Buffer.from(read.signers[0]!.signedAttributes!).equals(Buffer.from(original.signers[0]!.signedAttributes!))).toBe(true);
      }
    }
    expect(verified).toBeLessThan(300 * ROUNDS * 0.1);
  }, TIMEOUT);

  it('pasted reports: a mutated message reads as a report or as a named error, never throws', async () => {
    const report = buildReport(null, { now: new Date('2026-12-01T00:00:00Z'), utcOffsetMinutes: 180, timeZone: 'Europe/Moscow', lang: 'ru', extensionVersion: '0.1.0', random: new Uint8Array(8), pageUrl: 'https://www.sberbank-ast.ru/sign', platformId: 'sberbank-ast' });
    const message = reportMessage(renderReportText(report, buildHintPack('ru', '0.1.0')), await encodeBlock(report), 'ru');
    const extra = ['-----BEGIN EP-DOCTOR REPORT-----', '-----END EP-DOCTOR REPORT-----', 'v1 crc32=00000000', '{', '}', '"v":9', '> ', '\r\n', '='];
    const rnd = random(2);
    for (let i = 0; i < 300 * ROUNDS; i++) {
      const read = await bounded(() => readReport(mutateText(message, rnd, extra)));
      if (!read.ok) expect(['empty', 'too-large', 'no-report', 'truncated', 'damaged', 'future-version', 'invalid']).toContain(read.error);
    }
  }, TIMEOUT);

  it('native frames: random chunks give messages or a refused frame, and host requests an answer, never a crash', async () => {
    const rnd = random(3);
    for (let i = 0; i < 300 * ROUNDS; i++) {
      const received: unknown[] = [];
      const read = frameReader((m) => received.push(m), 1024 * 1024);
      const bytes = Buffer.from(Array.from({ length: rnd(64) }, () => rnd(256)));
      try {
        read(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(Error);
      }
      const request = [{}, { id: 'x' }, { id: 'x', type: 'hello' }, { id: 'x', type: 'inventory', browser: rnd(2) ? 'chromium' : 42 }, null, 'hello', [1, 2], { id: 'x'.repeat(rnd(200)), type: 'inventory', browser: 'chromium', gostTls: 'yes' }][rnd(8)];
      const reply = await bounded(() => answer(request, { platform: 'linux', home: '/nonexistent', root: '/nonexistent' }), 15_000);
      expect(['error', 'hello', 'inventory']).toContain(reply.type);
    }
  }, TIMEOUT);

  it('page text: random mixes of signal fragments, codes and spaces never throw and find only known problems', () => {
    const matcher = createMatcher(GENERIC_TEXT_SIGNALS);
    const words = [...GENERIC_TEXT_SIGNALS.flatMap((s) => s.text.split(/\s+/)), 'код', 'code', 'ошибки', '0x8009200B', '-2146885621', '(', ')', '«', '»', '…', '\u00a0', '\n', '   '];
    const rnd = random(4);
    for (let i = 0; i < 300 * ROUNDS; i++) {
      const text = Array.from({ length: rnd(2000) }, () => words[rnd(words.length)]).join(rnd(2) ? ' ' : '');
      for (const signal of matcher.find(text)) expect(PROBLEM_IDS).toContain(signal.problem);
    }
  }, TIMEOUT);

  it('the probe\'s report from the page: random shapes are refused or bounded, never throw', () => {
    const rnd = random(5);
    const values = (): unknown => [null, 1, -1, 'x'.repeat(rnd(2000)), [], {}, true, { code: '0x80090016', message: 'm' }, Array.from({ length: rnd(100) }, () => ({}))][rnd(9)];
    for (let i = 0; i < 500 * ROUNDS; i++) {
      const report = emptyReport() as unknown as Record<string, unknown>;
      const keys = Object.keys(report);
      for (let j = 0; j < 1 + rnd(3); j++) report[keys[rnd(keys.length)]!] = values();
      const parsed = parseProbeReport(rnd(10) === 0 ? values() : report);
      if (parsed !== null) expect(parsed.v).toBe(1);
    }
  }, TIMEOUT);
});
