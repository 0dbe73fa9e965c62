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
    if (Math.abs(skew) > SKEW_LIMIT_SECONDS) {
      const hours = Math.round(skew / 3600);
      const wholeHours = hours !== 0 && Math.abs(skew - hours * 3600) <= SKEW_LIMIT_SECONDS;
      const minutes = Math.round(Math.abs(skew) / 60);
      const zone = `time zone ${opts.timeZone ?? 'unknown'}, ${offsetText(offset)}`;
      problems.push({
        id: 'clock-skew',
        cause: wholeHours ? { key: 'time-zone-wrong', params: { hours: String(Math.abs(hours)), zone: `${opts.timeZone ?? '?'} (${offsetText(offset)})` } } : { key: skew > 0 ? 'clock-behind' : 'clock-ahead', params: { minutes: String(minutes) } },
        evidence: wholeHours
          ? `the system clock is ${Math.abs(hours)} h ${skew > 0 ? 'behind' : 'ahead of'} the platform server, a whole number of hours: the time zone (${zone}) is likely wrong, not the time`
          : `the system clock is ${minutes} min ${skew > 0 ? 'behind' : 'ahead of'} the platform server (${zone}${ntp === true ? '' : '; no NTP synchronisation seen'})`,
      });
    }
  }
  return { name: 'clock', status: problems.length > 0 ? 'problem' : 'ok', ms: 0, detail, problems, facts };
}
