import type { CheckResult } from '../check-result';
import type { ExpiryState } from '../expiry/model';
import { daysLeft } from '../expiry/reminders';
import type { Finding } from '../messages';
import { redactReport } from './redact';
import { REPORT_FORMAT, REPORT_VERSION } from './format';
import type { Report } from './schema';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 8 characters of Crockford base32 from random bytes: short enough to read over the phone. */
export function reportId(random: Uint8Array): string {
  return Array.from(random.slice(0, 8), (b) => CROCKFORD[b % 32]).join('');
}

/** `2026-11-25T15:12:03+03:00`: local time with the offset, which support asks for. */
export function localIso(date: Date, offsetMinutes: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${local.toISOString().slice(0, 19)}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export interface ReportContext {
  now: Date;
  /** Minutes east of UTC (the opposite sign of Date#getTimezoneOffset). */
  utcOffsetMinutes: number;
  timeZone: string;
  lang: 'ru' | 'en';
  extensionVersion: string;
  /** The compatibility rule pack's date (src/plugin/compat/rules.json). */
  rulePack?: string;
  random: Uint8Array;
  /** When there is no check yet: what the page showed, and the browser. */
  pageFindings?: readonly Finding[];
  pageUrl?: string;
  platformId?: string | null;
  browser?: Report['browser'];
  os?: Report['os'];
  /** The expiry centre's state on this computer. */
  expiry?: ExpiryState;
  /** The organisation's support contact (its policy), as one line. */
  support?: string | null;
}

const originAndPath = (url: string): string => {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`.slice(0, 2048);
  } catch {
    return '';
  }
};

/** The report of a check (or of a page without a check), redacted unless `full`. */
export function buildReport(result: CheckResult | null, ctx: ReportContext, full = false): Report {
  const facts = result?.facts ?? null;
  const findings = result?.pageFindings ?? ctx.pageFindings ?? [];
  const report: Report = {
    format: REPORT_FORMAT,
    v: REPORT_VERSION,
    id: reportId(ctx.random),
    createdAt: localIso(ctx.now, ctx.utcOffsetMinutes),
    timeZone: ctx.timeZone.slice(0, 60),
    utcOffsetMinutes: ctx.utcOffsetMinutes,
    lang: ctx.lang,
    extension: { version: ctx.extensionVersion.slice(0, 40), ...(ctx.rulePack === undefined ? {} : { rules: ctx.rulePack }) },
    browser: facts?.browser ?? ctx.browser ?? { name: 'unknown', version: null, userAgent: '', gostTls: false },
    os: facts?.os ?? ctx.os ?? { os: 'unknown', arch: 'unknown' },
    platform: { id: result?.platformId ?? ctx.platformId ?? null, url: originAndPath(result?.pageUrl ?? ctx.pageUrl ?? '') },
    page: findings.slice(0, 100).map((f) => ({ problem: f.problem, source: f.source, ...(f.code === undefined ? {} : { code: f.code }), excerpt: f.excerpt })),
    components: {
      cryptoproExtension: facts?.extension ?? { id: null, version: null, answered: false },
      plugin: facts?.plugin ?? { version: null, path: 'none' },
      providers: facts?.providers ?? [],
      licenses: facts?.licenses ?? [],
      nativeHosts: (facts?.nativeHosts ?? []).map((h) => ({ name: h.name, state: h.state })),
      readers: facts?.readers?.map((r) => ({ name: r.name, token: r.token })) ?? null,
      extensions: facts?.extensions ?? null,
      ...(facts?.companion === undefined ? {} : { companion: { state: facts.companion.state, version: facts.companion.version, checks: facts.companion.checks.map((c) => ({ name: c.name, status: c.status })) } }),
    },
    certificates: (facts?.certificates ?? []).map((c) => ({ ...c })),
    problems: (result?.problems ?? []).map((p) => ({ ...p })),
    check: {
      kind: result?.kind ?? 'none',
      status: result?.status ?? 'none',
      ...(result?.reasonCode === undefined ? {} : { reasonCode: result.reasonCode }),
      ...(result?.reason === undefined ? {} : { reason: result.reason }),
      startedAt: result === null ? null : localIso(new Date(result.startedAt), ctx.utcOffsetMinutes),
      totalMs: result?.timings.total ?? null,
      timings: result === null ? null : { probe: result.timings.probe, discovery: result.timings.discovery, analysis: result.timings.analysis, ...(result.timings.pluginReads === undefined ? {} : { pluginReads: result.timings.pluginReads }), ...(result.timings.pluginCalls === undefined ? {} : { pluginCalls: result.timings.pluginCalls }) },
    },
    clockSkewSeconds: facts?.clockSkewSeconds ?? null,
    ...(ctx.support === undefined || ctx.support === null ? {} : { support: ctx.support.slice(0, 300) }),
    ...(ctx.expiry === undefined || ctx.expiry.items.length === 0
      ? {}
      : { expiry: ctx.expiry.items.map((i) => ({ kind: i.kind, owner: i.owner, issuer: i.issuer, endsAt: i.endsAt, daysLeft: daysLeft(i.endsAt, ctx.now.getTime()), muted: ctx.expiry!.muted.includes(i.key) })) }),
    redacted: false,
  };
  return full ? report : redactReport(report);
}
