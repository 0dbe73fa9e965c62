import { browser } from 'wxt/browser';
import { disconnectReason } from '../native-port-error';
import type { CheckFacts } from '../../core/check-result';
import { HOST_NAME, HostReply, type HostProblem } from '../../host/protocol';
import type { ServerClock } from './environment';

const COMPANION_MS = 6000;

export interface CompanionOutcome {
  facts: CheckFacts['companion'];
  problems: HostProblem[];
  /** Each check's facts as the host gave them (schema-checked records), for the expiry centre. */
  raw: { name: string; facts: Record<string, unknown> }[];
}

/**
 * Asks ep-doctor-host, when it is registered, for its read-only inventory (what the page cannot see:
 * native-host manifests per browser, …). One port per check, closed at the end; bounded in time;
 * every reply parsed. Not registered is not a problem: the popup offers to install it.
 */
export function askCompanion(browserName: string, gostTls: boolean, clock: Promise<ServerClock | null>): Promise<CompanionOutcome> {
  return new Promise((resolve) => {
    let port: ReturnType<typeof browser.runtime.connectNative> | null = null;
    let version: string | null = null;
    const done = (outcome: CompanionOutcome): void => {
      clearTimeout(timer);
      try {
        port?.disconnect();
      } catch {
        // closed already
      }
      resolve(outcome);
    };
    const failed = (state: 'missing' | 'error', detail: string): void => done({ facts: { state, version, detail: detail.slice(0, 200), checks: [] }, problems: [], raw: [] });
    const timer = setTimeout(() => failed('error', `no inventory in ${COMPANION_MS} ms`), COMPANION_MS);
    try {
      port = browser.runtime.connectNative(HOST_NAME);
    } catch (error) {
      failed('missing', (error as Error).message);
      return;
    }
    port.onDisconnect.addListener((closed) => {
      const message = disconnectReason(closed, browser.runtime.lastError) || 'the host exited';
      failed(/not found|no such native application/i.test(message) ? 'missing' : 'error', message);
    });
    port.onMessage.addListener((raw: unknown) => {
      const parsed = HostReply.safeParse(raw);
      if (!parsed.success) return failed('error', 'the host answered something that is not its protocol');
      const reply = parsed.data;
      if (reply.type === 'error') return failed('error', reply.error);
      if (reply.type === 'hello') {
        version = reply.version;
        // The inventory compares the system clock with the platform server's: it waits for that reading
        // (bounded by its own timeout), and goes without it when there is none.
        void clock.then((server) => {
          try {
            port?.postMessage({ id: 'inventory', type: 'inventory', browser: browserName, gostTls, ...(server === null ? {} : { server: { serverTime: server.serverTime, localTime: server.localTime } }) });
          } catch {
            // the port closed meanwhile: onDisconnect has ended the request
          }
        });
        return;
      }
      done({
        facts: {
          state: 'ok',
          version,
          detail: reply.truncated ? 'inventory cut to fit 1 MB' : '',
          checks: reply.checks.map((c) => ({ name: c.name, status: c.status, detail: c.detail })),
        },
        problems: reply.checks.flatMap((c) => c.problems),
        raw: reply.checks.map((c) => ({ name: c.name, facts: c.facts })),
      });
    });
    port.postMessage({ id: 'hello', type: 'hello' });
  });
}
