import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ORG_POLICY_KEY, storedOrgPolicy, supportLine, type ParsedOrgPolicy } from '../core/org-policy';
import type { Say } from './sections';
import { OrgHosts } from './OrgHosts';

/** The organisation's support contact, its own platforms, and which policy fields were not applied. */
export function OrgSupport({ say }: { say: Say }) {
  const [org, setOrg] = useState<ParsedOrgPolicy | null>(null);
  useEffect(() => {
    let live = true;
    void browser.storage.local.get(ORG_POLICY_KEY).then((stored) => {
      if (live) setOrg(storedOrgPolicy(stored[ORG_POLICY_KEY]));
    });
    return () => {
      live = false;
    };
  }, []);
  if (org === null) return null;
  const contact = supportLine(org.policy);
  const hosts = org.policy.extraHosts ?? [];
  if (contact === null && org.ignored.length === 0 && hosts.length === 0) return null;
  return (
    <section data-testid="org-support">
      {contact !== null && (
        <p>
          {say('orgSupport')}: {contact}
        </p>
      )}
      {hosts.length > 0 && <OrgHosts hosts={hosts} say={say} />}
      {org.ignored.length > 0 && (
        <p class="evidence" data-testid="org-ignored">
          {say('orgPolicyIgnored', { fields: org.ignored.join(', ') })}
        </p>
      )}
    </section>
  );
}
