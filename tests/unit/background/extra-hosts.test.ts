import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncExtraHosts } from '@/src/background/extra-hosts';
import { extraHostScripts, uncoveredExtraHosts } from '@/src/core/extra-hosts';
import { parseOrgPolicy } from '@/src/core/org-policy';
import { PLATFORM_MATCHES } from '@/src/platforms';

const MANIFEST_SCRIPTS = [
  { js: ['detect.js'], matches: ['*://*.sberbank-ast.ru/*'], all_frames: true, match_about_blank: true, run_at: 'document_start', match_origin_as_fallback: true },
  { js: ['content-scripts/page-hooks.js'], matches: ['*://*.sberbank-ast.ru/*'], all_frames: true, run_at: 'document_start', match_origin_as_fallback: true, world: 'MAIN' },
];
const REQUIRED = ['*://*.sberbank-ast.ru/*'];

/** A browser whose permissions and registered scripts are plain sets the test can read. */
function fakeHost(grantedAtStart: string[]) {
  const granted = new Set([...REQUIRED, ...grantedAtStart]);
  const scripts = new Map<string, { id: string; matches: string[]; js: string[] }>([['someone-else', { id: 'someone-else', matches: ['*://x.example/*'], js: ['x.js'] }]]);
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'ep-doctor', version: '1', host_permissions: REQUIRED, content_scripts: MANIFEST_SCRIPTS } as never);
  Object.assign(fakeBrowser.permissions, {
    getAll: async () => ({ origins: [...granted], permissions: [] }),
    contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)),
    remove: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.delete(o)),
  });
  Object.assign(fakeBrowser, {
    scripting: {
      getRegisteredContentScripts: async () => [...scripts.values()],
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => ids.forEach((id) => scripts.delete(id)),
      registerContentScripts: async (list: { id: string; matches: string[]; js: string[] }[]) => {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, s);
        }
      },
    },
  });
  return { granted, scripts };
}

const policy = (extraHosts?: unknown) => parseOrgPolicy(extraHosts === undefined ? {} : { extraHosts });

describe('the organisation\'s extra platform hosts', () => {
  afterEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('policy values: host names, lower-cased; anything with a scheme, port, path or space is refused', () => {
    expect(policy([' ETP.Romashka.Example ', '*.torgi.example.ru', 'xn--80aswg.xn--p1ai']).policy.extraHosts).toEqual(['etp.romashka.example', '*.torgi.example.ru', 'xn--80aswg.xn--p1ai']);
    for (const bad of ['https://a.ru', 'a.ru:8443', 'a.ru/lots', 'localhost', '*.ru.', 'a b.ru', '-a.ru', '*', '*://a.ru/*', 'a.*.ru', 'x'.repeat(121) + '.ru']) {
      expect(policy([bad]), bad).toEqual({ policy: {}, ignored: ['extraHosts'] });
    }
    expect(policy(Array.from({ length: 21 }, (_, i) => `h${i}.ru`)).ignored).toEqual(['extraHosts']);
  });

  it('hosts a known platform already covers get nothing of their own (no second detector on the page)', () => {
    expect(uncoveredExtraHosts(['login.sberbank-ast.ru', '*.sberbank-ast.ru', '*.utp.sberbank-ast.ru', 'etp.romashka.example', 'sberbank-ast.ru.evil.example', 'etp.romashka.example'], PLATFORM_MATCHES)).toEqual(['etp.romashka.example', 'sberbank-ast.ru.evil.example']);
  });

  it('registers the manifest\'s content scripts again, unchanged but for the hosts', () => {
    expect(extraHostScripts(MANIFEST_SCRIPTS, ['*://etp.romashka.example/*'])).toEqual([
      { id: 'extra-hosts-0', js: ['detect.js'], matches: ['*://etp.romashka.example/*'], allFrames: true, runAt: 'document_start', matchOriginAsFallback: true, persistAcrossSessions: true },
      { id: 'extra-hosts-1', js: ['content-scripts/page-hooks.js'], matches: ['*://etp.romashka.example/*'], allFrames: true, runAt: 'document_start', world: 'MAIN', matchOriginAsFallback: true, persistAcrossSessions: true },
    ]);
    expect(extraHostScripts(MANIFEST_SCRIPTS, [])).toEqual([]);
    // Firefox's getManifest() names the files by their full address.
    const firefox = MANIFEST_SCRIPTS.map((cs) => ({ ...cs, js: cs.js.map((f) => `moz-extension://6f1b2d3c/${f}`) }));
    expect(extraHostScripts(firefox, ['*://a.example/*'], 'moz-extension://6f1b2d3c/').map((s) => s.js)).toEqual([['detect.js'], ['content-scripts/page-hooks.js']]);
  });

  it('only granted hosts get scripts; a second run changes nothing; other extensions\' scripts are left alone', async () => {
    const { scripts } = fakeHost(['*://etp.romashka.example/*']);
    const parsed = policy(['etp.romashka.example', '*.torgi.romashka.example']);
    await syncExtraHosts(parsed);
    await syncExtraHosts(parsed);
    expect([...scripts.keys()].sort()).toEqual(['extra-hosts-0', 'extra-hosts-1', 'someone-else']);
    expect(scripts.get('extra-hosts-0')!.matches).toEqual(['*://etp.romashka.example/*']);
  });

  it('runs one at a time: overlapping runs (start, policy change, a grant) leave one set of scripts', async () => {
    const { scripts } = fakeHost(['*://etp.romashka.example/*', '*://*.torgi.romashka.example/*']);
    const parsed = policy(['etp.romashka.example', '*.torgi.romashka.example']);
    await Promise.all([syncExtraHosts(parsed), syncExtraHosts(parsed), syncExtraHosts(parsed)]);
    expect(scripts.get('extra-hosts-1')!.matches).toEqual(['*://etp.romashka.example/*', '*://*.torgi.romashka.example/*']);
    expect(scripts.size).toBe(3);
  });

  it('a host the policy drops loses its scripts and its permission; the platforms\' own permissions stay', async () => {
    const { scripts, granted } = fakeHost(['*://etp.romashka.example/*', '*://*.torgi.romashka.example/*']);
    await syncExtraHosts(policy(['etp.romashka.example', '*.torgi.romashka.example']));
    await syncExtraHosts(policy(['etp.romashka.example']));
    expect(scripts.get('extra-hosts-0')!.matches).toEqual(['*://etp.romashka.example/*']);
    expect([...granted].sort()).toEqual(['*://*.sberbank-ast.ru/*', '*://etp.romashka.example/*']);
    await syncExtraHosts(policy());
    expect([...scripts.keys()]).toEqual(['someone-else']);
    expect([...granted]).toEqual(REQUIRED);
  });

  it('a site the user allowed through the browser\'s own menu, never a policy host, is not taken back', async () => {
    const { scripts, granted } = fakeHost(['*://lots.other.example/*', '*://etp.romashka.example/*']);
    await syncExtraHosts(policy(['etp.romashka.example']));
    await syncExtraHosts(policy());
    expect([...granted].sort()).toEqual(['*://*.sberbank-ast.ru/*', '*://lots.other.example/*']);
    expect([...scripts.keys()]).toEqual(['someone-else']);
  });
});
