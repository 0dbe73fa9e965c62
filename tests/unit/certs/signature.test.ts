import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caDirectory } from '@/src/certs/ca/types';
import { certFacts } from '@/src/certs/facts';
import { certificateBytes } from '@/src/certs/input';
import { checkIssuerSignature, gostKeyOf, verifyWithKey } from '@/src/certs/verify-signature';
import { parseCertificate } from '@/src/certs/x509';
import { snapshotFromTsl } from '../../../scripts/ca-snapshot/tsl';
import { sharedDir } from '../../helpers/shared';

const CERTS = path.join(sharedDir(), 'fixtures/certs');
const GENERATED = path.join(CERTS, 'generated');
const load = (file: string) => parseCertificate(certificateBytes(readFileSync(file, 'utf8')));
const mockList = caDirectory(snapshotFromTsl(readFileSync(path.join(GENERATED, 'tsl-test.xml'), 'utf8')));
const variants = readdirSync(GENERATED).filter((f) => /^ee-.*\.pem$/.test(f));

describe('issuer signature (GOST R 34.10-2012)', () => {
  it.each(variants)('%s: the signature checks out against its CA key from the TSL', async (file) => {
    const cert = load(path.join(GENERATED, file));
    const facts = certFacts(cert);
    const findings = await checkIssuerSignature(cert, facts.extensions.authorityKeyId, facts.selfIssued, mockList);
    // GOST 2001 signatures are not checked (they are invalid anyway since 2019, and said so by the checks).
    expect(findings.map((f) => f.rule)).toEqual(file === 'ee-gost2001.pem' ? ['CHAIN_SIGNATURE_UNCHECKED'] : []);
  });

  it('finds a certificate changed after signing', async () => {
    const der = certificateBytes(readFileSync(path.join(GENERATED, 'ee-fl-valid.pem'), 'utf8'));
    const at = Buffer.from(der).indexOf(Buffer.from('Петров'));
    const tampered = Uint8Array.from(der);
    tampered[at] = tampered[at]! ^ 0x01; // Петров → another letter, same structure
    const cert = parseCertificate(tampered);
    const facts = certFacts(cert);
    const findings = await checkIssuerSignature(cert, facts.extensions.authorityKeyId, false, mockList);
    expect(findings).toEqual([{ rule: 'CHAIN_SIGNATURE_INVALID', problem: 'cert-invalid', severity: 'error', evidence: { field: 'signatureValue', value: facts.extensions.authorityKeyId } }]);
  });

  const paramsets = readdirSync(path.join(GENERATED, 'paramsets')).filter((f) => f.endsWith('.pem'));
  it.each(paramsets)('%s: verified on its own key, or said to be unchecked for the Edwards curves', async (file) => {
    const cert = load(path.join(GENERATED, 'paramsets', file));
    const expected = /TCA|512-C/.test(file) ? 'unchecked' : 'valid';
    expect(await verifyWithKey(cert, gostKeyOf(cert))).toBe(expected);
  });

  it('verifies the real chain: УЦ ФНС России signed by the Минцифры root', async () => {
    const fns = load(path.join(CERTS, 'real/fns-ca-2022.pem'));
    const root = load(path.join(CERTS, 'real/mincifry-root-2022.pem'));
    expect(await verifyWithKey(fns, gostKeyOf(root))).toBe('valid');
    expect(await verifyWithKey(root, gostKeyOf(fns))).toBe('invalid');
  });
});
