import type { CheckResult } from '../core/check-result';
import type { TabFindings } from '../core/messages';

/**
 * Shape guards for what the popup reads from storage.session at open. Only our background writes
 * there (from typed data); the full schemas load later, for message replies, so the first paint
 * carries no schema code.
 */
export function looksLikeCheckResult(value: unknown): value is CheckResult {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<CheckResult>;
  return r.v === 1 && typeof r.status === 'string' && typeof r.tabId === 'number' && typeof r.startedAt === 'number' && Array.isArray(r.problems) && Array.isArray(r.pageFindings) && typeof r.timings === 'object' && (r.facts === null || typeof r.facts === 'object');
}

export function looksLikeTabFindings(value: unknown): value is TabFindings {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Partial<TabFindings>;
  return typeof f.pageUrl === 'string' && Array.isArray(f.findings) && (f.platformId === null || typeof f.platformId === 'string');
}

/** A message reply, parsed with the full schema (loaded on first use). */
export async function parseCheckReply(reply: unknown): Promise<CheckResult | null> {
  const { CheckResult } = await import('../core/check-result');
  const parsed = CheckResult.safeParse((reply as { result?: unknown } | undefined)?.result);
  return parsed.success ? parsed.data : null;
}
