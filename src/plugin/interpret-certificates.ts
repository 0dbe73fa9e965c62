import type { CertAnalysis } from '../certs/analyse';
import type { CertFinding } from '../certs/checks';
import type { CertificateFact, CheckProblem } from '../core/check-result';
import { problem, problemsOfError } from './interpret';
import { keyStoreOf, keyStoreOfReader, readerOf } from './key-store';
import type { CertRead, ProbeReport } from './probe/report';

/** One certificate as seen in the personal store and/or a key container. */
interface Seen {
  thumbprint: string;
  my: CertRead | null;
  container: CertRead | null;
}

export interface CertificateVerdicts {
  facts: CertificateFact[];
  problems: CheckProblem[];
}

export interface CertificateContext {
  now: Date;
  /** The platform is a procurement platform where employees need an МЧД. */
  mchdPlatform: boolean;
  /** Certificate analysis of a DER (base64), with the bundled CA list. */
  analyse: (der: string) => CertAnalysis;
  /** The issuer's signature check; findings as the analysis gives them. */
  signature?: (der: string) => Promise<CertFinding[]>;
}

const normalise = (thumbprint: string | undefined): string => (thumbprint ?? '').replace(/[^0-9a-f]/gi, '').toUpperCase();

function merge(report: ProbeReport): Seen[] {
  const byThumb = new Map<string, Seen>();
  const add = (cert: CertRead, where: 'my' | 'container', index: number): void => {
    const key = normalise(cert.thumbprint) || `${where}#${index}`;
    const seen = byThumb.get(key) ?? { thumbprint: key, my: null, container: null };
    seen[where] = cert;
    byThumb.set(key, seen);
  };
  report.stores.my.certificates.forEach((c, i) => add(c, 'my', i));
  report.stores.container.certificates.forEach((c, i) => add(c, 'container', i));
  return [...byThumb.values()];
}

/** Readers holding a key carrier (a unique Media id), or null when the plug-in could not list readers. */
export function connectedTokens(readers: ProbeReport['readers']): string[] | null {
  if (readers === null || !('list' in readers)) return null;
  return readers.list.filter((r) => r.media !== undefined && r.media !== '' && !/^NO_(UNIQUE|MEDIA)$/i.test(r.media)).map((r) => r.name);
}

export { readerOf };

const ownerKey = (analysis: CertAnalysis | null, seen: Seen): string => {
  if (analysis?.ok) {
    const s = analysis.facts.subject;
    return [s.innLe ?? s.inn ?? '', s.snils ?? '', s.commonName ?? '', s.surname ?? ''].join('|');
  }
  return (seen.my ?? seen.container)?.subject ?? seen.thumbprint;
};

/**
 * Certificates → facts and problems. A certificate is judged where the platform looks for it: in the
 * personal store, with a key link that resolves to a container the CSP can see. Analysis (profile,
 * dates, issuer) runs on its DER. An expired or broken certificate of an owner who also has a usable
 * one is «superseded»: listed, not counted.
 */
export async function interpretCertificates(report: ProbeReport, ctx: CertificateContext): Promise<CertificateVerdicts> {
  const seen = merge(report);
  const containerStore = report.stores.container;
  const facts: CertificateFact[] = [];
  const perCert = new Map<string, CheckProblem[]>();
  const tokens = connectedTokens(report.readers);
  const analyses = new Map<string, CertAnalysis | null>();

  for (const s of seen) {
    const read = s.my ?? s.container!;
    const der = s.my?.der ?? s.container?.der;
    const analysis = der === undefined ? null : ctx.analyse(der);
    analyses.set(s.thumbprint, analysis);
    const problems: CheckProblem[] = [];
    const t = s.thumbprint;

    if (s.my !== null) {
      if (s.my.hasPrivateKey === false) {
        problems.push(problem('cert-no-private-key', 'plugin', s.container !== null ? 'in «Личное» without a key link, while its key container is present: reinstall it from the container' : 'in «Личное» without a link to a private key', t));
      } else if (s.my.hasPrivateKey === true) {
        const keyError = s.my.errors['PrivateKey'];
        if (keyError !== undefined) problems.push(...problemsOfError(keyError, 'plugin', 'private key link', t));
        else if (containerStore.opened && containerStore.error === undefined && s.container === null) {
          // «Token not detected» needs proof: the key link names a carrier, and no carrier is connected.
          const store = keyStoreOf(s.my.uniqueContainer);
          if (store === 'cloud') {
            // A cloud key (КриптоПро DSS) has no carrier to plug in: the cloud token is not signed in or not reachable.
            problems.push({ ...problem('key-container-missing', 'plugin', `its key is in CryptoPro's cloud token (${s.my.uniqueContainer ?? ''}), which CryptoPro CSP cannot reach now: not signed in to the cloud token, or the DSS service is unreachable`, t), cause: { key: 'cloud-key', params: {} } });
          } else if (tokens !== null && tokens.length === 0 && store === 'token') {
            // No carrier at all: the token is not connected (or its driver is missing), not just the wrong one.
            problems.push(problem('token-not-detected', 'plugin', `its key container ${s.my.uniqueContainer ?? s.my.container ?? ''} is on a carrier, and CryptoPro CSP sees none connected`, t));
          } else {
            problems.push(problem('key-container-missing', 'plugin', `its key container ${s.my.uniqueContainer ?? s.my.container ?? ''} is not visible: the token with it is not inserted or the reader is not configured`, t));
          }
        }
      }
    }
    const slowMs = read.isValidMs ?? 0;
    if (slowMs >= SLOW_REVOCATION_MS) {
      // The plug-in's IsValid() waits on the CA's CRL and OCSP endpoints; signing waits on them the same way.
      const ext = analysis?.ok ? analysis.facts.extensions : null;
      const endpoints = ext === null ? 'its CRL/OCSP addresses unknown' : `CRL ${ext.crlUrls.join(', ') || 'none'}; OCSP ${ext.ocspUrls.join(', ') || 'none'}`;
      problems.push(problem('revocation-check-failed', 'plugin', `IsValid() took ${(slowMs / 1000).toFixed(1)} s${read.isValid === undefined ? ' and did not finish' : ''}: the CA's revocation endpoints do not answer from this computer (${endpoints}); signing will hang the same way`, t));
    }
    if (read.isValid === false) {
      const v = read.validity ?? {};
      if (v.chain === false) problems.push(problem('chain-untrusted', 'plugin', 'the plug-in cannot build the chain to a trusted root (CA certificates missing from the current user\'s stores)', t));
      else if (v.time !== false) {
        const how = v.revocation === false ? 'chain and dates are fine, the revocation check failed: revoked, or the CA\'s CRL/OCSP is unreachable (run «Тестовая подпись» for the exact code)' : 'the plug-in reports it invalid (IsValid)';
        problems.push(problem('cert-invalid', 'plugin', how, t));
      }
    }
    if (analysis !== null && analysis.ok) {
      // IsValid() true means CryptoAPI built and verified the chain, signatures included; our own check
      // of the issuer's signature (~30 ms each) adds something only when the plug-in could not say.
      const verify = ctx.signature !== undefined && der !== undefined && read.isValid !== true;
      const findings = [...analysis.findings, ...(verify ? await ctx.signature!(der) : [])];
      for (const f of findings) {
        if (f.problem === null) continue;
        if (f.severity === 'info' && !(f.problem === 'platform-mchd-required' && ctx.mchdPlatform)) continue;
        const detail = f.evidence.date ?? f.evidence.value ?? '';
        problems.push(problem(f.problem, 'certificate', `${f.rule}: ${f.evidence.field}${detail ? ` ${detail}` : ''}`, t));
      }
    } else if (analysis !== null && !analysis.ok) {
      problems.push(problem('cert-invalid', 'certificate', analysis.error, t));
    }
    // The key period ending is only news while the certificate itself is still valid (problems.md).
    const expired = problems.some((p) => p.id === 'cert-expired');
    perCert.set(t, dedupe(problems.filter((p) => !(expired && p.id === 'key-usage-period-expired'))));

    const pkup = analysis?.ok ? analysis.facts.extensions.privateKeyUsagePeriod : null;
    facts.push({
      thumbprint: t.slice(0, 64),
      subject: (read.subject ?? '').slice(0, 1000),
      issuer: (read.issuer ?? '').slice(0, 1000),
      validFrom: analysis?.ok ? analysis.facts.notBefore.toISOString() : null,
      validTo: analysis?.ok ? analysis.facts.notAfter.toISOString() : null,
      keyValidTo: pkup?.notAfter?.toISOString() ?? null,
      stores: [...(s.my !== null ? (['my'] as const) : []), ...(s.container !== null ? (['container'] as const) : [])],
      hasPrivateKey: s.container !== null || s.my?.hasPrivateKey === true,
      pluginValid: read.isValid ?? null,
      container: s.my?.uniqueContainer ?? s.container?.uniqueContainer ?? s.container?.container ?? null,
      keyStore: keyStoreOf(s.my?.uniqueContainer ?? s.container?.uniqueContainer),
      provider: s.my?.provider?.name ?? s.container?.provider?.name ?? null,
      ownerKind: analysis?.ok ? analysis.facts.ownerKind : null,
      superseded: false,
      problems: [],
    });
  }

  // Usable: in «Личное» with a reachable key and nothing that stops signing.
  const usable = (f: CertificateFact): boolean => f.stores.includes('my') && f.hasPrivateKey && (perCert.get(f.thumbprint) ?? []).every((p) => p.severity !== 'error');
  const usableOwners = new Set(facts.filter(usable).map((f) => ownerKey(analyses.get(f.thumbprint) ?? null, seen.find((s) => s.thumbprint === f.thumbprint)!)));
  const problems: CheckProblem[] = [];
  for (const f of facts) {
    const own = perCert.get(f.thumbprint) ?? [];
    f.problems = [...new Set(own.map((p) => p.id))];
    f.superseded = !usable(f) && usableOwners.has(ownerKey(analyses.get(f.thumbprint) ?? null, seen.find((s) => s.thumbprint === f.thumbprint)!));
    if (!f.superseded) problems.push(...own);
  }

  const withKey = facts.filter((f) => f.hasPrivateKey && f.stores.includes('my'));
  if (report.stores.my.opened && withKey.length === 0) {
    const inContainers = facts.filter((f) => f.stores.includes('container') && !f.stores.includes('my'));
    problems.push(
      problem(
        'cert-none-found',
        'plugin',
        inContainers.length > 0 ? `no certificate with a private key in «Личное»; ${inContainers.length} in key containers not installed` : `no certificate with a private key in «Личное» or in key containers (${facts.length} certificates seen)`,
      ),
    );
  }
  const readers = new Map<string, Set<string>>();
  for (const c of containerStore.certificates) {
    const reader = readerOf(c.uniqueContainer);
    if (reader !== null && keyStoreOfReader(reader) === 'token') readers.set(reader, (readers.get(reader) ?? new Set()).add(normalise(c.thumbprint)));
  }
  problems.push(...clutter(report, analyses, ctx.now));
  // Carriers, not containers (an old and a new key on one token is one carrier), and only carriers
  // that hold different certificates (a key copied onto a second token leaves nothing to mix up).
  const holdings = new Set([...readers.values()].map((set) => [...set].sort().join(',')));
  if (readers.size >= 2 && holdings.size >= 2) problems.push(problem('multiple-tokens', 'plugin', `${readers.size} key carriers with different certificates connected: ${[...readers.keys()].join('; ')}`));
  return { facts, problems };
}

/** IsValid() slower than this: the revocation endpoints are unreachable (issue 14, item 9). */
const SLOW_REVOCATION_MS = 10_000;

/** From this many expired or keyless certificates in «Личное», lists get slow and some portals hang. */
const CLUTTER_LIMIT = 20;

/** «Личное» full of expired certificates and other people's (no key link): say how many, and which kind. */
function clutter(report: ProbeReport, analyses: Map<string, CertAnalysis | null>, now: Date): CheckProblem[] {
  const my = report.stores.my;
  if (!my.opened) return [];
  let expired = 0;
  let keyless = 0;
  let oldest: Date | null = null;
  for (const c of my.certificates) {
    if (c.thumbprint === undefined) continue;
    const analysis = analyses.get(c.thumbprint);
    const notAfter = analysis?.ok ? analysis.facts.notAfter : null;
    if (notAfter !== null && notAfter.getTime() < now.getTime()) {
      expired++;
      if (oldest === null || notAfter < oldest) oldest = notAfter;
    } else if (c.hasPrivateKey === false) keyless++;
  }
  if (expired + keyless < CLUTTER_LIMIT) return [];
  const total = my.count ?? my.certificates.length;
  const since = oldest === null ? '' : `, the oldest ended ${oldest.toISOString().slice(0, 10)}`;
  return [problem('cert-store-cluttered', 'plugin', `${expired + keyless} of ${total} certificates in «Личное» are expired (${expired}${since}) or without a private key (${keyless}): delete the expired ones`)];
}

/** One problem per id and certificate; what several checks saw for it is kept together in its evidence. */
function dedupe(problems: CheckProblem[]): CheckProblem[] {
  const kept = new Map<string, CheckProblem>();
  for (const p of problems) {
    const key = `${p.id}|${p.certificate ?? ''}`;
    const first = kept.get(key);
    if (first === undefined) kept.set(key, { ...p });
    else if (!first.evidence.includes(p.evidence)) first.evidence = `${first.evidence}; ${p.evidence}`.slice(0, 500);
  }
  return [...kept.values()];
}
