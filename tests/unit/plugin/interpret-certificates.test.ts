import { beforeAll, describe, expect, it } from 'vitest';
import { analyseCertificate } from '@/src/certs/analyse';
import { caEntryFromDer } from '@/src/certs/ca/from-certificates';
import { caDirectory, type CaDirectory } from '@/src/certs/ca/types';
import { certificateBytes } from '@/src/certs/input';
import { connectedTokens, interpretCertificates, readerOf, type CertificateContext } from '@/src/plugin/interpret-certificates';
import type { CertRead, ProbeReport } from '@/src/plugin/probe/report';
import { emptyReport } from '@/src/plugin/probe/run';
import { SIMULATOR_CA_BASE64 } from '@/src/plugin/simulator-ca';
import { days, simulatorCa, userCertificate, type NameSpec } from '../../simulator/pki/issue';
import { HEAD_SUBJECT } from '../../simulator/resolve';

const NOW = new Date();
let list: CaDirectory;
let context: CertificateContext;

async function cert(seed: string, over: { subject?: NameSpec; valid?: [number, number] } = {}): Promise<{ der: string; thumbprint: string }> {
  const [from, to] = over.valid ?? [-30, 400];
  const issued = await userCertificate({ seed, subject: over.subject ?? HEAD_SUBJECT, notBefore: days(NOW, from), notAfter: days(NOW, to), keyUsagePeriod: { from: days(NOW, from), to: days(NOW, to) }, qualified: true });
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', issued.der.slice().buffer));
  return { der: Buffer.from(issued.der).toString('base64'), thumbprint: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase() };
}

const read = (c: { der: string; thumbprint: string }, over: Partial<CertRead> = {}): CertRead => ({ thumbprint: c.thumbprint, der: c.der, subject: 'CN=x', issuer: 'CN=y', hasPrivateKey: true, isValid: true, uniqueContainer: '\\\\.\\Aktiv Rutoken ECP 00 00\\c', errors: {}, ...over });

function report(my: CertRead[], container: CertRead[]): ProbeReport {
  const r = emptyReport();
  r.path = 'bridge';
  r.stores = { my: { opened: true, count: my.length, certificates: my }, container: { opened: true, count: container.length, certificates: container } };
  return r;
}
const ids = (v: { problems: { id: string }[] }): string[] => [...new Set(v.problems.map((p) => p.id))].sort();

beforeAll(() => {
  list = caDirectory({ version: 1, source: 'pem-bundle', listedAt: NOW.toISOString(), listVersion: null, entries: [caEntryFromDer(certificateBytes(SIMULATOR_CA_BASE64), { status: 'Действует' })] });
  context = { now: NOW, mchdPlatform: true, analyse: (der) => analyseCertificate(der, NOW, list) };
});

describe('certificates as the plug-in sees them', () => {
  it('the committed simulator CA is the one the simulator issues with', async () => {
    const ca = await simulatorCa();
    const committed = caEntryFromDer(certificateBytes(SIMULATOR_CA_BASE64));
    const generated = caEntryFromDer(ca.der);
    expect(committed.keyId).toBe(generated.keyId);
    expect(committed.publicKey).toBe(generated.publicKey);
  });

  it('a certificate in «Личное» with its container present is fine', async () => {
    const c = await cert('ok');
    const v = await interpretCertificates(report([read(c)], [read(c)]), context);
    expect(ids(v)).toEqual([]);
    expect(v.facts).toHaveLength(1);
    expect(v.facts[0]).toMatchObject({ stores: ['my', 'container'], hasPrivateKey: true, superseded: false, ownerKind: 'legal-entity' });
  });

  it('an old expired certificate next to a usable one of the same owner is superseded, not a problem', async () => {
    const [fresh, old] = await Promise.all([cert('fresh'), cert('old', { valid: [-500, -40] })]);
    const v = await interpretCertificates(report([read(fresh), read(old)], [read(fresh)]), context);
    expect(ids(v)).toEqual([]);
    const listed = v.facts.find((f) => f.thumbprint === old.thumbprint);
    expect(listed?.superseded).toBe(true);
    expect(listed?.problems).toContain('cert-expired');
  });

  it('an expired certificate alone is the problem, without the key period repeated', async () => {
    const old = await cert('old', { valid: [-500, -40] });
    expect(ids(await interpretCertificates(report([read(old)], [read(old)]), context))).toEqual(['cert-expired']);
  });

  it('no key link, container not visible, key errors, and none at all', async () => {
    const c = await cert('c');
    expect(ids(await interpretCertificates(report([read(c, { hasPrivateKey: false })], []), context))).toEqual(['cert-no-private-key', 'cert-none-found']);
    expect(ids(await interpretCertificates(report([read(c)], []), context))).toEqual(['key-container-missing']);
    expect(ids(await interpretCertificates(report([read(c, { errors: { PrivateKey: { code: '0x8009000D', message: 'Ключ не существует. (0x8009000D)' } } })], [read(c)]), context))).toEqual(['key-missing']);
    expect(ids(await interpretCertificates(report([], []), context))).toEqual(['cert-none-found']);
    const onlyInContainer = await interpretCertificates(report([], [read(c)]), context);
    expect(ids(onlyInContainer)).toEqual(['cert-none-found']);
    expect(onlyInContainer.problems[0]!.evidence).toContain('not installed');
  });

  it('the chain and revocation, from the plug-in’s own checks', async () => {
    const c = await cert('c');
    expect(ids(await interpretCertificates(report([read(c, { isValid: false, validity: { chain: false, time: true, revocation: false } })], [read(c)]), context))).toEqual(['chain-untrusted']);
    const revoked = await interpretCertificates(report([read(c, { isValid: false, validity: { chain: true, time: true, revocation: false } })], [read(c)]), context);
    expect(ids(revoked)).toEqual(['cert-invalid']);
    expect(revoked.problems[0]!.evidence).toContain('revocation');
  });

  it('several tokens, and an employee certificate on a procurement platform needs an МЧД', async () => {
    const a = await cert('a');
    const employee = await cert('e', { subject: { CN: 'Петрова Мария Ивановна', SN: 'Петрова', G: 'Мария Ивановна', C: 'RU', INN: '770123456703', SNILS: '11223344595' } });
    const v = await interpretCertificates(report([read(a), read(employee)], [read(a), read(employee, { uniqueContainer: '\\\\.\\Aktiv Rutoken ECP 01 00\\e' })]), context);
    expect(ids(v)).toEqual(['multiple-tokens', 'platform-mchd-required']);
    expect(ids(await interpretCertificates(report([read(employee)], [read(employee)]), { ...context, mchdPlatform: false }))).toEqual([]);
  });

  it('several carriers are «multiple tokens» only when they hold different certificates (catalog: carriers, not containers)', async () => {
    const a = await cert('a');
    const b = await cert('b');
    const token = (n: string, name: string) => `\\\\.\\Aktiv Rutoken ECP ${n}\\${name}`;
    // An old and a new container on one token: one carrier.
    expect(ids(await interpretCertificates(report([read(a), read(b)], [read(a, { uniqueContainer: token('00 00', 'old') }), read(b, { uniqueContainer: token('00 00', 'new') })]), context))).toEqual([]);
    // The same certificate's key copied onto two tokens: the same certificates, nothing to choose wrongly.
    expect(ids(await interpretCertificates(report([read(a)], [read(a, { uniqueContainer: token('00 00', 'k') }), read(a, { uniqueContainer: token('01 00', 'k') })]), context))).toEqual([]);
    // Two tokens with different certificates.
    const two = await interpretCertificates(report([read(a), read(b)], [read(a, { uniqueContainer: token('00 00', 'k') }), read(b, { uniqueContainer: token('01 00', 'k') })]), context);
    expect(ids(two)).toEqual(['multiple-tokens']);
  });

  it('a key link to the registry, a disk or a cloud key is never «token not detected»', async () => {
    const c = await cert('c');
    for (const link of ['\\\\.\\REGISTRY\\c', '\\\\.\\HDIMAGE\\c', '\\\\.\\FAT12_E\\c', '\\\\.\\Cloud\\c']) {
      const r = report([read(c, { uniqueContainer: link })], []);
      r.readers = { list: [{ name: 'REGISTRY', media: 'NO_MEDIA' }] };
      expect(ids(await interpretCertificates(r, context)), link).toEqual(['key-container-missing']);
    }
    // No key link name at all: which carrier is unproven.
    const unnamed = report([read(c, { uniqueContainer: undefined })], []);
    unnamed.readers = { list: [] };
    expect(ids(await interpretCertificates(unnamed, context))).toEqual(['key-container-missing']);
  });

  it('«Личное» with 20 or more expired or other people\'s certificates is cluttered; fewer is not', async () => {
    const current = await cert('current');
    const expired = await Promise.all(Array.from({ length: 14 }, (_, i) => cert(`old-${i}`, { valid: [-800 - i, -400 - i] })));
    const others = await Promise.all(Array.from({ length: 6 }, (_, i) => cert(`other-${i}`, { subject: { CN: `Контрагент ${i}` } })));
    const my = [read(current), ...expired.map((c) => read(c)), ...others.map((c) => read(c, { hasPrivateKey: false }))];
    const v = await interpretCertificates(report(my, [read(current)]), context);
    const cluttered = v.problems.filter((p) => p.id === 'cert-store-cluttered');
    expect(cluttered).toHaveLength(1);
    expect(cluttered[0]!.evidence).toMatch(/^20 of 21 certificates in «Личное» are expired \(14, the oldest ended \d{4}-\d\d-\d\d\) or without a private key \(6\)/);
    const fewer = await interpretCertificates(report([read(current), ...expired.slice(0, 10).map((c) => read(c))], [read(current)]), context);
    expect(ids(fewer)).not.toContain('cert-store-cluttered');
  });

  it('IsValid() over 10 s is the CA\'s revocation endpoints not answering: revocation-check-failed naming them', async () => {
    const c = await cert('slow');
    const slow = await interpretCertificates(report([read(c, { isValidMs: 11_400 })], [read(c)]), context);
    const found = slow.problems.filter((p) => p.id === 'revocation-check-failed');
    expect(found).toHaveLength(1);
    expect(found[0]!.evidence).toMatch(/^IsValid\(\) took 11\.4 s: the CA's revocation endpoints do not answer from this computer \(CRL http:\/\/simulator\.invalid\/cdp\/ca\.crl; OCSP http:\/\/simulator\.invalid\/ocsp\); signing will hang the same way$/);
    const unfinished = await interpretCertificates(report([read(c, { isValid: undefined, isValidMs: 12_000 })], [read(c)]), context);
    expect(unfinished.problems.find((p) => p.id === 'revocation-check-failed')?.evidence).toContain('and did not finish');
    expect(ids(await interpretCertificates(report([read(c, { isValidMs: 900 })], [read(c)]), context))).toEqual([]);
  });

  it('garbage instead of a certificate is reported, not thrown', async () => {
    const v = await interpretCertificates(report([read({ der: 'AAAA', thumbprint: 'AB' })], []), context);
    expect(ids(v)).toContain('cert-invalid');
  });

  it('no carrier connected at all is «token not detected»; another token is «key container missing»', async () => {
    const c = await cert('c');
    const disk = { name: 'HDIMAGE', media: 'NO_UNIQUE' };
    const noTokens = report([read(c)], []);
    noTokens.readers = { list: [disk, { name: 'REGISTRY', media: 'NO_MEDIA' }] };
    expect(ids(await interpretCertificates(noTokens, context))).toEqual(['token-not-detected']);
    const otherToken = report([read(c)], []);
    otherToken.readers = { list: [disk, { name: 'Aktiv Rutoken ECP 01 00', media: 'rutoken_ecp_1' }] };
    expect(ids(await interpretCertificates(otherToken, context))).toEqual(['key-container-missing']);
    const unknown = report([read(c)], []);
    unknown.readers = { error: { code: '0x80040154', message: 'Класс не зарегистрирован. (0x80040154)' } };
    expect(ids(await interpretCertificates(unknown, context))).toEqual(['key-container-missing']);
    expect(connectedTokens(null)).toBeNull();
    expect(connectedTokens({ list: [disk, { name: 'T', media: 'x' }, { name: 'E', media: '' }] })).toEqual(['T']);
  });

  it('registry and disk containers are not key carriers', async () => {
    const [a, b] = await Promise.all([cert('a'), cert('b')]);
    const v = await interpretCertificates(report([read(a), read(b)], [read(a), read(b, { uniqueContainer: '\\\\.\\REGISTRY\\b' })]), context);
    expect(ids(v)).toEqual([]);
  });

  it('reads the reader out of a unique container name', () => {
    expect(readerOf('\\\\.\\Aktiv Rutoken ECP 00 00\\te-1234')).toBe('Aktiv Rutoken ECP 00 00');
    expect(readerOf('\\\\.\\REGISTRY\\x')).toBe('REGISTRY');
    expect(readerOf('plain')).toBeNull();
    expect(readerOf(undefined)).toBeNull();
  });
});
