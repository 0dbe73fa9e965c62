import { describe, expect, it } from 'vitest';
import { ORG_POLICY_FIELDS, parseOrgPolicy } from '@/src/core/org-policy';
import { chromiumExample, firefoxExample, REG_EXAMPLES, regExample, regPolicyValues } from '../helpers/policy-examples';

/** docs/policies: every example sets every value, each one valid, and all of them the same policy. */
describe('policy examples', () => {
  const chromium = chromiumExample();
  const values = chromium['3rdparty'].extensions['<EXTENSION_ID>']!;

  it('the Chromium example sets every field, none ignored, and force-installs from the Chrome Web Store', () => {
    const parsed = parseOrgPolicy(values);
    expect(parsed.ignored).toEqual([]);
    expect(Object.keys(parsed.policy).sort()).toEqual([...ORG_POLICY_FIELDS].sort());
    expect(chromium.ExtensionSettings['<EXTENSION_ID>']).toEqual({ installation_mode: 'force_installed', update_url: 'https://clients2.google.com/service/update2/crx' });
  });

  it('the Firefox example: the add-on id of the build, force-installed from addons.mozilla.org, the same values', () => {
    const firefox = firefoxExample().policies;
    expect(Object.keys(firefox.ExtensionSettings)).toEqual(['ep-doctor@ep-doctor.dev']);
    expect(firefox.ExtensionSettings['ep-doctor@ep-doctor.dev']!['installation_mode']).toBe('force_installed');
    expect(firefox['3rdparty'].Extensions['ep-doctor@ep-doctor.dev']).toEqual(values);
  });

  it.each(REG_EXAMPLES)('%s sets the same policy in the registry, and the force-install list', (name) => {
    const text = regExample(name);
    expect(text.startsWith('Windows Registry Editor Version 5.00')).toBe(true);
    expect(parseOrgPolicy(regPolicyValues(text))).toEqual(parseOrgPolicy(values));
    expect(text).toMatch(/\\ExtensionInstallForcelist\]\r\n"1"="<EXTENSION_ID>;https:\/\//);
  });
});
