import { existsSync } from 'node:fs';
import path from 'node:path';
import type { HostCheck, HostProblem } from '../protocol';

/** The catalog's limit for `clock-skew`. */
const SKEW_LIMIT_SECONDS = 5 * 60;

export interface ServerTime {
  /** The platform server's clock, as the extension read it (HTTP Date header). */
  serverTime: string;
  /** This computer's clock at the moment the answer arrived, in ms since 1970. */
  localTime: number;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Zones run from UTC−12 to UTC+14: a wrong zone moves the clock by at most 26 h. */
const MAX_ZONE_HOURS = 26;

/**
 * A skew close to a whole number of hours, up to 26, is the time zone; beyond that it is the date
 * (the right time of day on the wrong day); anything else, the clock itself.
 */
function skewProblem(skew: number, zone: string, zoneShort: string, ntp: boolean | null): HostProblem {
  const side = skew > 0 ? 'behind' : 'ahead of';
  const hours = Math.round(skew / 3600);
  const wholeHours = hours !== 0 && Math.abs(skew - hours * 3600) <= SKEW_LIMIT_SECONDS;
  if (wholeHours && Math.abs(hours) > MAX_ZONE_HOURS) {
    const days = Math.round(Math.abs(skew) / 86_400);
    const amount = Math.abs(hours) % 24 === 0 ? `${days} days` : `${Math.abs(hours)} h`;
    return {
      id: 'clock-skew',
      cause: { key: 'date-wrong', params: { days: String(Math.max(1, days)), direction: skew > 0 ? 'behind' : 'ahead' } },
      evidence: `the system clock is ${amount} ${side} the platform server: the date is wrong (more than any time zone can explain), ${zone}`,
    };
  }
  if (wholeHours) {
    return {
      id: 'clock-skew',
      cause: { key: 'time-zone-wrong', params: { hours: String(Math.abs(hours)), zone: zoneShort } },
      evidence: `the system clock is ${Math.abs(hours)} h ${side} the platform server, a whole number of hours: the time zone (${zone}) is likely wrong, not the time`,
    };
  }
  const minutes = Math.round(Math.abs(skew) / 60);
  return {
    id: 'clock-skew',
    cause: { key: skew > 0 ? 'clock-behind' : 'clock-ahead', params: { minutes: String(minutes) } },
    evidence: `the system clock is ${minutes} min ${side} the platform server (${zone}${ntp === true ? '' : '; no NTP synchronisation seen'})`,
  };
}

/**
 * The system clock and time zone against the platform server's time the extension passes in. A skew
 * close to a whole number of hours means the clock shows the right local time in the wrong time zone —
 * fixing the clock alone would not help, so the evidence says which to change.
 */
export function clockCheck(opts: { platform: NodeJS.Platform; root: string; now: Date; timeZone: string | undefined; server: ServerTime | null }): HostCheck {
  const offset = -opts.now.getTimezoneOffset();
  // systemd-timesyncd leaves this file while the clock is synchronised; other NTP daemons do not.
  const ntp = opts.platform === 'linux' && existsSync(path.join(opts.root, '/run/systemd/timesync/synchronized')) ? true : null;
  const facts: Record<string, unknown> = { systemTime: opts.now.toISOString(), timeZone: opts.timeZone ?? null, utcOffset: offsetText(offset), ntpSynchronized: ntp };
  const problems: HostProblem[] = [];
  let detail = `${opts.timeZone ?? 'unknown zone'} (${offsetText(offset)})`;
  const server = opts.server === null ? Number.NaN : Date.parse(opts.server.serverTime);
  if (opts.server !== null && Number.isFinite(server)) {
    const skew = Math.round((server - opts.server.localTime) / 1000);
    facts['serverSkewSeconds'] = skew;
    detail += `, ${Math.abs(skew)} s ${skew >= 0 ? 'behind' : 'ahead of'} the platform server`;
    if (Math.abs(skew) > SKEW_LIMIT_SECONDS) problems.push(skewProblem(skew, `time zone ${opts.timeZone ?? 'unknown'}, ${offsetText(offset)}`, `${opts.timeZone ?? '?'} (${offsetText(offset)})`, ntp));
  }
  return { name: 'clock', status: problems.length > 0 ? 'problem' : 'ok', ms: 0, detail, problems, facts };
}
