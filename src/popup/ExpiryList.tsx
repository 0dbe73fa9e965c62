import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EXPIRY_KEY, parseExpiryState, type ExpiryItem, type ExpiryState } from '../core/expiry/model';
import { daysLeft } from '../core/expiry/reminders';
import type { Lang } from '../core/localized';
import type { Say } from './sections';

const KIND_KEYS = { certificate: 'expiryKindCertificate', key: 'expiryKindKey', license: 'expiryKindLicense' } as const;

/**
 * «Что и когда закончится»: the expiry centre's list, soonest first, from storage (the background keeps
 * it from every check and from ep-doctor-host), following its changes; «Не напоминать» per item.
 */
export function ExpiryList({ say, lang }: { say: Say; lang: Lang }) {
  const [state, setState] = useState<ExpiryState | null>(null);
  useEffect(() => {
    let live = true;
    const read = async () => {
      const next = parseExpiryState((await browser.storage.local.get(EXPIRY_KEY))[EXPIRY_KEY]);
      if (live) setState(next);
    };
    const changed = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && EXPIRY_KEY in changes) void read();
    };
    void read();
    browser.storage.onChanged.addListener(changed);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(changed);
    };
  }, []);
  if (state === null) return null;
  const now = Date.now();
  const date = (iso: string) => new Date(iso).toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const mute = (item: ExpiryItem, muted: boolean) => void browser.runtime.sendMessage({ type: 'ui→bg:mute-expiry', key: item.key, muted });
  return (
    <section data-testid="expiry">
      <h2>{say('expiryTitle')}</h2>
      {state.versions !== undefined && (
        <p class="evidence" data-testid="expiry-versions">
          {say('expiryVersions', { csp: state.versions.csp ?? '—', plugin: state.versions.plugin ?? '—', date: date(new Date(state.versions.at).toISOString()) })}
        </p>
      )}
      {state.items.length === 0 ? (
        <p class="muted">{say('expiryEmpty')}</p>
      ) : (
        <ul class="expiry">
          {state.items.map((item) => {
            const left = daysLeft(item.endsAt, now);
            const muted = state.muted.includes(item.key);
            return (
              <li key={item.key} data-key={item.key} data-days={left} class={left <= 7 ? 'soon' : undefined}>
                <div>{say(KIND_KEYS[item.kind], { owner: item.owner })}{item.issuer === '' ? '' : ` — ${item.issuer}`}</div>
                <div class="evidence">{left > 0 ? say('expiryDaysLeft', { days: left, date: date(item.endsAt) }) : say('expiryEnded', { date: date(item.endsAt) })}</div>
                {left > 0 && (
                  <button type="button" class="link" data-testid="expiry-mute" onClick={() => mute(item, !muted)}>
                    {say(muted ? 'expiryUnmute' : 'expiryMute')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
