import { hex } from '../der';
import { certFacts, legalEntityInn } from '../facts';
import { gostKeyOf } from '../verify-signature';
import { parseCertificate } from '../x509';
import type { CaEntry } from './types';

/** A CA entry from a CA certificate's DER; status and key id may come from the TSL record around it. */
export function caEntryFromDer(der: Uint8Array, fromList: { keyId?: string; status?: string | null; name?: string | null } = {}): CaEntry {
  const cert = parseCertificate(der);
  const facts = certFacts(cert);
  const keyId = (fromList.keyId ?? facts.extensions.subjectKeyId ?? '').toLowerCase();
  return {
    keyId,
    name: fromList.name ?? facts.subject.organization ?? facts.subject.commonName ?? '',
    innLe: legalEntityInn(facts.subject),
    ogrn: facts.subject.ogrn,
    status: fromList.status ?? null,
    validFrom: cert.notBefore.toISOString(),
    validTo: cert.notAfter.toISOString(),
    keyAlgorithm: cert.keyAlgorithm,
    publicKey: hex(gostKeyOf(cert).publicKey),
    paramSet: cert.keyParameters[0] ?? null,
  };
}

