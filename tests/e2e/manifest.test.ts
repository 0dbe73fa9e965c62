import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, EXTENSION_DIR } from '../../scripts/lib/build.mjs';
import { GENERIC_TEXT_SIGNALS } from '@/src/detectors/text-signals';
import { PLATFORM_MATCHES } from '@/src/platforms';
import { matchPatterns } from '@/src/platforms/match-url';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  key?: string;
  content_scripts: { js: string[]; matches: string[]; all_frames?: boolean; run_at?: string; world?: string; match_origin_as_fallback?: boolean }[];
  web_accessible_resources?: unknown;
}

let manifest: Manifest;
beforeAll(() => {
  ensureBuilt();
  manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;
});

describe('built manifest', () => {
  it('asks only for what the check needs: host access limited to the platforms, management optional, nothing web-accessible', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['activeTab', 'alarms', 'nativeMessaging', 'notifications', 'scripting', 'storage', 'webRequest']);
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual([...matchPatterns(PLATFORM_MATCHES)].sort());
    expect(manifest.optional_permissions).toEqual(['management']);
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('runs both content scripts on exactly the platform hosts, in all frames, from document_start', () => {
    const expected = matchPatterns(PLATFORM_MATCHES);
    expect(manifest.content_scripts.map((cs) => cs.js)).toEqual([['detect.js'], ['content-scripts/page-hooks.js']]);
    for (const cs of manifest.content_scripts) {
      expect([...cs.matches].sort()).toEqual([...expected].sort());
      expect(cs).toMatchObject({ all_frames: true, run_at: 'document_start', match_origin_as_fallback: true });
    }
    expect(manifest.content_scripts[1]!.world).toBe('MAIN');
    expect(manifest.content_scripts[0]!.world).toBeUndefined();
  });

  it('the detector bundle carries no signal text and no platform host: both come compiled from storage', () => {
    const bundle = readFileSync(path.join(EXTENSION_DIR, 'detect.js'), 'utf8');
    for (const signal of [...GENERIC_TEXT_SIGNALS, ...PLATFORM_MATCHES.flatMap((p) => p.texts)]) expect(bundle, signal.text).not.toContain(signal.text.slice(0, 12));
    for (const host of PLATFORM_MATCHES.flatMap((p) => p.hosts)) expect(bundle, host).not.toContain(host.replace(/^\*\./, ''));
  });

  it('pins the development extension id with a key', () => {
    expect(manifest.key).toMatch(/^MIIBIjAN/);
  });
});
