import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOrgPolicy } from '@/src/core/org-policy';
import { chromiumExample, POLICY_DIR, REG_EXAMPLES, regExample, regPolicyValues } from '../helpers/policy-examples';
import { createPrefix, zPath, type WinePrefix } from './wine';

/**
 * The Windows policy examples (docs/policies/*.reg) imported by a real regedit (Wine's) and exported
 * back from where each browser reads its policy: the keys exist there, and the values read back are
 * the policy of the Linux example.
 */
const BASES: Record<(typeof REG_EXAMPLES)[number], string> = {
  'windows-chrome.reg': 'Google\\Chrome',
  'windows-edge.reg': 'Microsoft\\Edge',
  'windows-yandex.reg': 'YandexBrowser',
  'windows-chromium-gost.reg': 'Chromium',
};

let wine: WinePrefix;
const out = mkdtempSync(path.join(tmpdir(), 'ep-doctor-policy-export-'));
beforeAll(async () => {
  wine = await createPrefix();
}, 300_000);
afterAll(async () => {
  await wine?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('Windows policy examples under a real regedit', () => {
  const expected = parseOrgPolicy(chromiumExample()['3rdparty'].extensions['<EXTENSION_ID>']);

  it.each(REG_EXAMPLES)('%s', async (name) => {
    const imported = await wine.run('regedit', ['/S', zPath(path.join(POLICY_DIR, name))]);
    expect(imported.code).toBe(0);
    const file = path.join(out, `${name}.export.reg`);
    const exported = await wine.run('regedit', ['/E', zPath(file), `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${BASES[name]}`]);
    expect(exported.code).toBe(0);
    const bytes = readFileSync(file);
    const text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2).toString('utf16le') : bytes.toString('utf8');
    expect(text).toContain(`[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${BASES[name]}\\3rdparty\\extensions\\<EXTENSION_ID>\\policy]`);
    expect(text).toContain(`[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${BASES[name]}\\ExtensionInstallForcelist]`);
    expect(parseOrgPolicy(regPolicyValues(text))).toEqual(expected);
    // The example's own text says the same.
    expect(parseOrgPolicy(regPolicyValues(regExample(name)))).toEqual(expected);
  }, 60_000);
});
