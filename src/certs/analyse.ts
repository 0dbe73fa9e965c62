import type { CaDirectory } from './ca/types';
import { checkCertificate, type CertFinding } from './checks';
import { DerError } from './der';
import { certFacts, type CertFacts } from './facts';
import { certificateBytes } from './input';
import { checkIssuer } from './issuer-checks';
import { parseCertificate } from './x509';

export type CertAnalysis = { ok: true; facts: CertFacts; findings: CertFinding[] } | { ok: false; error: string };

/**
 * Everything the extension knows about one certificate (DER, PEM or the plug-in's base64) at `now`,
 * with the issuer looked up in the bundled CA list when one is given.
 * Never throws: unreadable input is a result, whatever the bytes.
 */
export function analyseCertificate(input: Uint8Array | string, now: Date, caList: CaDirectory | null = null): CertAnalysis {
  try {
    const facts = certFacts(parseCertificate(certificateBytes(input)));
    const findings = [...checkCertificate(facts, now), ...(caList === null ? [] : checkIssuer(facts, caList, now))];
    return { ok: true, facts, findings };
  } catch (error) {
    const reason = error instanceof DerError ? error.message : 'malformed certificate';
    return { ok: false, error: `unreadable certificate: ${reason}` };
  }
}
