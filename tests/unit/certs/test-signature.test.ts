import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSignedData } from '../../../src/certs/cms';
import { verifyTestSignature } from '../../../src/certs/verify-test-signature';
import { base64Lines, cadesBes, type CadesInput } from '../../simulator/pki/cades';
import { days, userCertificate, type IssuedCertificate } from '../../simulator/pki/issue';

const now = new Date();
const TEXT = new TextEncoder().encode('ep-doctor test signature 2026-12-04T18:00:00.000Z 3f2a9c0d1e8b7a65');

async function signer(seed: string): Promise<{ cert: IssuedCertificate; thumbprint: string; input: CadesInput }> {
  const cert = await userCertificate({ seed, subject: { CN: 'Петров Пётр' }, notBefore: days(now, -10), notAfter: days(now, 300), keyUsagePeriod: null, qualified: true });
  const thumbprint = createHash('sha1').update(cert.der).digest('hex').toUpperCase();
  return { cert, thumbprint, input: { content: TEXT, certificate: cert.der, serialHex: cert.serial, keySeed: seed, detached: false, now } };
}

const sign = (input: CadesInput): string => base64Lines(cadesBes(input));

describe('the test signature, checked in the service worker', () => {
  it('a CAdES-BES over the test text by the chosen certificate is verified (BER with indefinite lengths, CRLF base64, as CryptoPro writes it)', async () => {
    const { thumbprint, input } = await signer('alice');
    const b64 = sign(input);
    expect(b64).toContain('\r\n');
    expect(b64.startsWith('MIAGCSqGSIb3DQEHAqCA')).toBe(true);
    expect(await verifyTestSignature(b64, TEXT, thumbprint)).toEqual({ result: 'verified' });
    // The same from Node Buffers (views into a shared pool): digests read the view, not the pool.
    expect(await verifyTestSignature(b64, Buffer.from(TEXT), thumbprint)).toEqual({ result: 'verified' });
    expect(await verifyTestSignature(base64Lines(cadesBes({ ...input, content: Buffer.from(TEXT), certificate: Buffer.from(input.certificate) })), TEXT, thumbprint)).toEqual({ result: 'verified' });
  });

  it('reads the content, certificates and signer of the signature', async () => {
    const { cert, input } = await signer('alice');
    const cms = parseSignedData(cadesBes(input));
    expect(Buffer.from(cms.content!).toString()).toBe(Buffer.from(TEXT).toString());
    expect(cms.certificates).toHaveLength(1);
    expect(cms.certificates[0]).toEqual(cert.der);
    expect(cms.signers).toHaveLength(1);
    expect(cms.signers[0]!.sid).toMatchObject({ serial: cert.serial.toLowerCase() });
  });

  it('a signature over other content (the page\'s «ДОГОВОР…») is foreign, whoever signed it', async () => {
    const { thumbprint, input } = await signer('alice');
    const other = new TextEncoder().encode('ДОГОВОР № 1');
    expect(await verifyTestSignature(sign({ ...input, content: other }), TEXT, thumbprint)).toMatchObject({ result: 'foreign', reason: expect.stringContaining('not the test text') });
  });

  it('our text embedded over a digest of other content is foreign', async () => {
    const { thumbprint, input } = await signer('alice');
    const forged = sign({ ...input, content: new TextEncoder().encode('ДОГОВОР'), embedded: TEXT });
    expect(await verifyTestSignature(forged, TEXT, thumbprint)).toMatchObject({ result: 'foreign', reason: expect.stringContaining('message digest') });
  });

  it('another certificate than the chosen one is foreign', async () => {
    const alice = await signer('alice');
    const bob = await signer('bob');
    expect(await verifyTestSignature(sign(bob.input), TEXT, alice.thumbprint)).toMatchObject({ result: 'foreign', reason: expect.stringContaining('not the chosen certificate') });
  });

  it('the chosen certificate with another key (a page that signs with its own key) is foreign', async () => {
    const { thumbprint, input } = await signer('alice');
    expect(await verifyTestSignature(sign({ ...input, keySeed: 'mallory' }), TEXT, thumbprint)).toMatchObject({ result: 'foreign', reason: expect.stringContaining('does not verify') });
  });

  it('a detached signature, a damaged one, text that is not base64 and an empty answer are foreign', async () => {
    const { thumbprint, input } = await signer('alice');
    expect((await verifyTestSignature(sign({ ...input, detached: true }), TEXT, thumbprint)).result).toBe('foreign');
    const der = cadesBes(input);
    for (let at = 0; at < der.length; at += 37) {
      const broken = Uint8Array.from(der);
      broken[at] = broken[at]! ^ 0x5a;
      expect((await verifyTestSignature(Buffer.from(broken).toString('base64'), TEXT, thumbprint)).result, `byte ${at}`).toBe('foreign');
    }
    for (const junk of ['', 'not base64!', 'c2ltdWxhdGVkIENBZEVTLUJFUw==', Buffer.from(der.subarray(0, 200)).toString('base64')]) {
      expect((await verifyTestSignature(junk, TEXT, thumbprint)).result).toBe('foreign');
    }
  });

  it('a real CryptoPro signature\'s shape: BER pieces of content are joined', async () => {
    const { thumbprint, input } = await signer('alice');
    // The content split into two primitive pieces inside the constructed OCTET STRING, as BER allows.
    const der = Buffer.from(cadesBes(input));
    const whole = Buffer.concat([Buffer.from([0x04, TEXT.length]), Buffer.from(TEXT)]);
    const at = der.indexOf(whole);
    expect(at).toBeGreaterThan(0);
    const half = Math.floor(TEXT.length / 2);
    const pieces = Buffer.concat([Buffer.from([0x04, half]), Buffer.from(TEXT.subarray(0, half)), Buffer.from([0x04, TEXT.length - half]), Buffer.from(TEXT.subarray(half))]);
    const split = Buffer.concat([der.subarray(0, at), pieces, der.subarray(at + whole.length)]);
    expect(await verifyTestSignature(split.toString('base64'), TEXT, thumbprint)).toEqual({ result: 'verified' });
  });
});
