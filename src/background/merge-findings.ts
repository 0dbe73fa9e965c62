import type { Finding, TabFindings } from '../core/messages';
import { CATALOG } from '../core/catalog';

/** Adds new findings to a tab's record, one per problem (the first evidence wins), capped. */
export function mergeFindings(
  current: TabFindings | null,
  /** The top frame's URL when the top frame reported; sub-frames do not know it. */
  topUrl: string | null,
  platformId: string | null,
  incoming: readonly Finding[],
  now: number,
): TabFindings {
  const base: TabFindings = current ?? { pageUrl: topUrl ?? '', platformId, findings: [], updatedAt: now };
  const known = new Set(base.findings.map((f) => f.problem));
  const findings = [...base.findings];
  for (const finding of incoming) {
    if (known.has(finding.problem) || findings.length >= 60) continue;
    known.add(finding.problem);
    findings.push(finding);
  }
  // The top frame names the page and its platform; a sub-frame only fills them in until it reports.
  return { pageUrl: topUrl ?? base.pageUrl, platformId: topUrl !== null ? platformId : (base.platformId ?? platformId), findings, updatedAt: now };
}

/** The badge for a tab: the number of problems, coloured by the worst severity. */
export function badgeFor(record: TabFindings | null): { text: string; color: string } {
  const findings = record?.findings ?? [];
  if (findings.length === 0) return { text: '', color: '#1e6fd9' };
  const severities = new Set(findings.map((f) => CATALOG[f.problem].severity));
  const color = severities.has('error') ? '#c62828' : severities.has('warning') ? '#e08a00' : '#1e6fd9';
  return { text: String(findings.length), color };
}
