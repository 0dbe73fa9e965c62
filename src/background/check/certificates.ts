import { analyseCertificate, type CertAnalysis } from '../../certs/analyse';
import { caEntryFromDer } from '../../certs/ca/from-certificates';
import { caDirectory, unpackSnapshot, type CaDirectory, type PackedCaSnapshot } from '../../certs/ca/types';
import type { CertFinding } from '../../certs/checks';
import { certificateBytes } from '../../certs/input';
import { checkIssuerSignature } from '../../certs/verify-signature';
import { parseCertificate } from '../../certs/x509';
import { DEV_BUILD } from '../../plugin/build-flags';
import { SIMULATOR_CA_BASE64 } from '../../plugin/simulator-ca';
import type { CertificateContext } from '../../plugin/interpret-certificates';

let directory: Promise<CaDirectory> | null = null;

/** The bundled list of accredited CAs (and, in dev/test builds, the simulator's test CA). */
export function caList(): Promise<CaDirectory> {
  directory ??= (async () => {
    const packed = (await import('../../certs/ca/snapshot.json')).default as unknown as PackedCaSnapshot;
    const snapshot = unpackSnapshot(packed);
    if (DEV_BUILD) snapshot.entries.push(caEntryFromDer(certificateBytes(SIMULATOR_CA_BASE64), { status: 'Действует' }));
    return caDirectory(snapshot);
  })();
  return directory;
}

/** Issuer signatures once per certificate per service-worker life: they cost ~30 ms each. */
const signatureCache = new Map<string, Promise<CertFinding[]>>();

export async function certificateContext(now: Date, mchdPlatform: boolean): Promise<CertificateContext> {
  const list = await caList();
  return {
    now,
    mchdPlatform,
    analyse: (der: string): CertAnalysis => analyseCertificate(der, now, list),
    signature: (der: string) => {
      let cached = signatureCache.get(der);
      if (cached === undefined) {
        cached = (async () => {
          const analysis = analyseCertificate(der, now, list);
          if (!analysis.ok) return [];
          return checkIssuerSignature(parseCertificate(certificateBytes(der)), analysis.facts.extensions.authorityKeyId, analysis.facts.selfIssued, list);
        })();
        if (signatureCache.size > 200) signatureCache.clear();
        signatureCache.set(der, cached);
      }
      return cached;
    },
  };
}
