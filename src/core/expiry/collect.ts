import type { CheckResult } from '../check-result';
import { commonName, maskedOwner } from '../masked-owner';
import type { ExpiryItem } from './model';

const DAY = 86_400_000;
const THUMBPRINT = /^[0-9A-F]{40}$/;

/** A CryptoPro licence end as the plug-in words it («Expires 31.12.2026», «Истекает 31.12.2026»): the end of that day, UTC. */
function licenceEnd(text: string): Date | null {
  const m = /(\d{2})\.(\d{2})\.(\d{4})/.exec(text);
  if (m === null) return null;
  const date = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), 23, 59, 59));
  return Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(m[1]) ? null : date;
}

/** certmgr's «Not valid after» (`19/04/2037  08:55:47 UTC`, day first), or an ISO time. */
export function certmgrDate(text: string): Date | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})\s+(\d{2}):(\d{2}):(\d{2})/.exec(text.trim());
  const date = m === null ? new Date(text.trim()) : new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6])));
  if (Number.isNaN(date.getTime())) return null;
  if (m !== null && date.getUTCDate() !== Number(m[1])) return null;
  return date;
}

function certificateItems(c: { thumbprint: string; subject: string; issuer: string; validTo: Date | null; keyValidTo: Date | null }, source: ExpiryItem['source'], now: number, platforms: string[]): ExpiryItem[] {
  const thumbprint = c.thumbprint.toUpperCase();
  if (!THUMBPRINT.test(thumbprint) || c.validTo === null) return [];
  const base = { owner: maskedOwner(c.subject).slice(0, 200), issuer: commonName(c.issuer).slice(0, 200), source, seenAt: now, platforms };
  const out: ExpiryItem[] = [{ key: `certificate:${thumbprint}`, kind: 'certificate', endsAt: c.validTo.toISOString(), ...base }];
  // The key's 15-month usage period matters when it ends before the certificate does.
  if (c.keyValidTo !== null && c.keyValidTo.getTime() < c.validTo.getTime()) out.push({ key: `key:${thumbprint}`, kind: 'key', endsAt: c.keyValidTo.toISOString(), ...base });
  return out;
}

const iso = (text: string | null): Date | null => {
  if (text === null) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
};

/**
 * What ends, from a finished check: the user's certificates with a key (an older one a newer certificate
 * of the same owner replaced is left out), their keys' usage periods, and the licences the plug-in read.
 */
export function itemsFromCheck(result: CheckResult, now: number): ExpiryItem[] {
  const facts = result.facts;
  if (result.status !== 'done' || facts === null) return [];
  const out: ExpiryItem[] = [];
  // A page's plug-in may report any number of certificates: a bidder's computer holds a few.
  for (const c of facts.certificates.slice(0, 30)) {
    if (c.superseded || !(c.hasPrivateKey || c.stores.includes('container'))) continue;
    out.push(...certificateItems({ thumbprint: c.thumbprint, subject: c.subject, issuer: c.issuer, validTo: iso(c.validTo), keyValidTo: iso(c.keyValidTo) }, 'check', now, result.platformId === null ? [] : [result.platformId]));
  }
  for (const l of facts.licenses) {
    const end = l.state === 'valid' || l.state === 'expired' ? licenceEnd(l.validTo ?? '') : null;
    if (end !== null) out.push({ key: `license:${l.product}`, kind: 'license', owner: `CryptoPro ${l.product.toUpperCase()}`, issuer: '', endsAt: end.toISOString(), source: 'check', seenAt: now, platforms: [] });
  }
  return out;
}

const CRYPTOPRO_TYPES = new Set([75, 80, 81]);

/** The CSP and plug-in versions a finished check read; null when it read neither. */
export function versionsFromCheck(result: CheckResult, now: number): { csp: string | null; plugin: string | null; at: number } | null {
  const facts = result.facts;
  if (result.status !== 'done' || facts === null) return null;
  const csp = facts.providers.find((p) => CRYPTOPRO_TYPES.has(p.type) && p.version !== null)?.version ?? null;
  const plugin = facts.plugin.version;
  return csp === null && plugin === null ? null : { csp: csp?.slice(0, 40) ?? null, plugin: plugin?.slice(0, 40) ?? null, at: now };
}

interface HostCertificate {
  thumbprint?: unknown;
  notAfter?: unknown;
  subject?: unknown;
  issuer?: unknown;
  privateKeyLink?: unknown;
}

/**
 * What ends, from ep-doctor-host's `cryptopro-csp` check (no page needed): the personal store's
 * certificates with a key link, and CSP's licence when cpconfig said how many days are left.
 */
export function itemsFromHost(checks: readonly { name: string; facts: Record<string, unknown> }[], now: number): ExpiryItem[] {
  const csp = checks.find((c) => c.name === 'cryptopro-csp');
  if (csp === undefined) return [];
  const out: ExpiryItem[] = [];
  const certificates = Array.isArray(csp.facts['certificates']) ? (csp.facts['certificates'] as HostCertificate[]).slice(0, 100) : [];
  for (const c of certificates) {
    if (typeof c.thumbprint !== 'string' || typeof c.notAfter !== 'string' || c.privateKeyLink === false) continue;
    out.push(...certificateItems({ thumbprint: c.thumbprint, subject: typeof c.subject === 'string' ? c.subject : '', issuer: typeof c.issuer === 'string' ? c.issuer : '', validTo: certmgrDate(c.notAfter), keyValidTo: null }, 'host', now, []));
  }
  const license = csp.facts['license'] as { state?: unknown; days?: unknown } | null | undefined;
  if (license?.state === 'valid' && typeof license.days === 'number' && Number.isFinite(license.days) && license.days >= 0 && license.days < 100_000) {
    out.push({ key: 'license:csp', kind: 'license', owner: 'CryptoPro CSP', issuer: '', endsAt: new Date(now + license.days * DAY).toISOString(), source: 'host', seenAt: now, platforms: [] });
  }
  return out;
}
