import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { extraHostPattern } from '../core/extra-hosts';
import type { Say } from './sections';

/**
 * The organisation's own platforms (policy `extraHosts`): which ones ep-doctor may work on, and the
 * button that asks the browser for the rest. The request must come straight from the click (a user
 * gesture); the background registers the content scripts when the browser grants it.
 */
export function OrgHosts({ hosts, say }: { hosts: readonly string[]; say: Say }) {
  const [granted, setGranted] = useState<ReadonlySet<string> | null>(null);
  const [refused, setRefused] = useState(false);
  const read = async (): Promise<void> => {
    const allowed = new Set<string>();
    for (const host of hosts) if (await browser.permissions.contains({ origins: [extraHostPattern(host)] }).catch(() => false)) allowed.add(host);
    setGranted(allowed);
  };
  useEffect(() => {
    void read();
  }, [hosts.join(' ')]);
  if (granted === null || hosts.length === 0) return null;
  const missing = hosts.filter((h) => !granted.has(h));
  const ask = (): void => {
    browser.permissions
      .request({ origins: missing.map(extraHostPattern) })
      .then((ok) => {
        setRefused(!ok);
        return read();
      })
      .catch(() => setRefused(true));
  };
  return (
    <div data-testid="org-hosts">
      {granted.size > 0 && <p class="meta">{say('orgHostsWorking', { hosts: hosts.filter((h) => granted.has(h)).join(', ') })}</p>}
      {missing.length > 0 && (
        <>
          <p class="meta" data-testid="org-hosts-missing">
            {say('orgHostsMissing', { hosts: missing.join(', ') })}
          </p>
          <button class="secondary" type="button" onClick={ask} data-testid="org-hosts-grant">
            {say('orgHostsGrant')}
          </button>
          {refused && <p class="evidence">{say('orgHostsRefused')}</p>}
        </>
      )}
    </div>
  );
}
