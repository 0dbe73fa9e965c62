import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ORIGINS, FIREFOX_ADDON_IDS } from '@/src/host/origins';
import { EXTENSION_ID } from '../../scripts/lib/build.mjs';
import { ROOT } from '../helpers/shared';

/** ep-doctor-host serves only ep-doctor: its allowed callers must be the ids the extension really has. */
describe('ep-doctor-host callers', () => {
  it('include the pinned Chromium id and the Firefox add-on id of wxt.config.ts', () => {
    expect(EXTENSION_ORIGINS).toContain(`chrome-extension://${EXTENSION_ID}/`);
    const gecko = /gecko:\s*\{\s*id:\s*'([^']+)'/.exec(readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8'))?.[1];
    expect(gecko).toBeDefined();
    expect(FIREFOX_ADDON_IDS).toContain(gecko);
  });
});
