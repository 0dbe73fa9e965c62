import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStorePackages, storeBuildEnv, type StoreBrowser } from '../../scripts/store/zip';
import { SIMULATOR_CA_BASE64 } from '../../src/plugin/simulator-ca';
import { PLATFORM_MATCHES } from '../../src/platforms';
import { matchPatterns } from '../../src/platforms/match-url';

/**
 * `npm run zip`: each store package unpacked and read as the store would — the user build, with nothing
 * a test build adds — and the Firefox sources rebuilt into the very same add-on, with web-ext's linter
 * (addons.mozilla.org's) on the Firefox package.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const work = mkdtempSync(path.join(tmpdir(), 'ep-doctor-store-'));
let packages: ReturnType<typeof buildStorePackages>;

function unpack(zip: string): string {
  const dir = mkdtempSync(path.join(work, `${path.basename(zip, '.zip')}-`));
  execFileSync('python3', ['-m', 'zipfile', '-e', zip, dir]);
  return dir;
}

function files(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))])).sort();
}

const unpacked: Partial<Record<StoreBrowser | 'sources', string>> = {};
const manifestOf = (browser: StoreBrowser): Record<string, unknown> => JSON.parse(readFileSync(path.join(unpacked[browser]!, 'manifest.json'), 'utf8')) as Record<string, unknown>;

beforeAll(() => {
  packages = buildStorePackages();
  for (const [browser, zip] of Object.entries(packages)) unpacked[browser as StoreBrowser] = unpack(zip);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('store packages', () => {
  it.each(['chrome', 'edge', 'opera', 'firefox'] as const)('%s: the user build — no development key, no test-only parts, the version from package.json', (browser) => {
    const dir = unpacked[browser]!;
    const manifest = manifestOf(browser);
    expect(manifest['version']).toBe(VERSION);
    expect(manifest['manifest_version']).toBe(3);
    expect(manifest).not.toHaveProperty('key');
    expect(manifest).not.toHaveProperty('update_url');
    expect(manifest['permissions']).toEqual(['storage', 'scripting', 'activeTab', 'nativeMessaging', 'webRequest', 'alarms', 'notifications']);
    expect(manifest['optional_permissions']).toEqual(['management']);
    expect(manifest['host_permissions']).toEqual([...matchPatterns(PLATFORM_MATCHES)]);
    // The Firefox harness's web-accessible popup and the bench's empty pages are in test builds only.
    expect(JSON.stringify(manifest)).not.toContain('ep-doctor-harness.invalid');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    const list = files(dir);
    for (const benchPage of ['bench-empty.html', 'bench-empty-script.html', 'bench-empty-script.js']) expect(list).not.toContain(benchPage);
    expect(list).toContain('report-viewer.html');
    for (const file of list) {
      const text = readFileSync(path.join(dir, file), 'latin1');
      // The simulator's test CA (anyone can issue with its published test key) and the test extension id.
      expect(text, file).not.toContain(SIMULATOR_CA_BASE64.slice(0, 80));
      expect(text, file).not.toContain('pgejebgggaeiophnmnnockehkjkgfhhe');
      // Nothing of the machine that built it (source paths a development JSX transform would add).
      expect(text, file).not.toContain(ROOT);
    }
  });

  it('Chrome Web Store, Edge Add-ons and Opera add-ons (Yandex Browser\'s catalogue) get the same files; Firefox its own manifest', () => {
    const chrome = files(unpacked.chrome!);
    for (const other of ['edge', 'opera'] as const) {
      expect(files(unpacked[other]!)).toEqual(chrome);
      for (const file of chrome) expect(readFileSync(path.join(unpacked[other]!, file)).equals(readFileSync(path.join(unpacked.chrome!, file))), `${other}: ${file}`).toBe(true);
    }
    expect(manifestOf('chrome')).not.toHaveProperty('browser_specific_settings');
    expect(manifestOf('chrome')['background']).toEqual({ service_worker: 'background.js' });
    // Organisation policy: Chromium-family browsers read its schema; Firefox reads policies.json and has no such key.
    expect(manifestOf('chrome')['storage']).toEqual({ managed_schema: 'managed_schema.json' });
    expect(chrome).toContain('managed_schema.json');
    expect(manifestOf('firefox')).not.toHaveProperty('storage');
    const firefox = manifestOf('firefox');
    expect(firefox['browser_specific_settings']).toMatchObject({ gecko: { id: 'ep-doctor@ep-doctor.dev', data_collection_permissions: { required: ['none'] } } });
    expect(firefox['background']).toEqual({ scripts: ['background.js'] });
  });

  it('the Firefox sources package rebuilds the Firefox package byte for byte (what addons.mozilla.org reviewers do)', () => {
    const sources = unpacked.sources!;
    expect(files(sources)).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md', 'entrypoints/background.ts']));
    expect(files(sources).filter((f) => /^(tests|node_modules|\.output)\//.test(f))).toEqual([]);
    // No network here: the dependencies come from this checkout's node_modules instead of `npm ci`.
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(sources, 'node_modules'), 'dir');
    execFileSync(process.execPath, ['node_modules/wxt/bin/wxt.mjs', 'build', '-b', 'firefox'], { cwd: sources, stdio: 'ignore', env: storeBuildEnv() });
    const rebuilt = path.join(sources, '.output/store/firefox-mv3');
    expect(files(rebuilt)).toEqual(files(unpacked.firefox!));
    for (const file of files(rebuilt)) expect(readFileSync(path.join(rebuilt, file)).equals(readFileSync(path.join(unpacked.firefox!, file))), file).toBe(true);
  }, 120_000);

  it('web-ext lint (addons.mozilla.org\'s linter): no errors; the warnings are the known, explained ones', () => {
    let out: string;
    try {
      out = execFileSync(path.join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', unpacked.firefox!, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch (error) {
      // web-ext exits non-zero when there are errors; its report is still on stdout.
      out = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(out) as { errors: { code: string; file?: string }[]; warnings: { code: string; file?: string }[] };
    expect(report.errors).toEqual([]);
    // Preact's innerHTML path (we never pass dangerouslySetInnerHTML: a convention test forbids it);
    // the standalone report viewer, opened as a file by support, never as an extension page;
    // zod's `new Function` probe, which only tests whether eval is allowed.
    const known = new Set(['UNSAFE_VAR_ASSIGNMENT chunks/popup', 'INLINE_SCRIPT report-viewer.html', 'DANGEROUS_EVAL background.js']);
    for (const w of report.warnings) expect(known, `${w.code} ${w.file}`).toContain(`${w.code} ${(w.file ?? '').replace(/-[\w-]+\.js$/, '')}`);
  }, 120_000);

  it('SHA256SUMS lists every package', () => {
    const sums = readFileSync(path.join(path.dirname(packages.chrome), 'SHA256SUMS'), 'utf8');
    for (const file of Object.values(packages)) {
      expect(existsSync(file) && statSync(file).size > 0).toBe(true);
      expect(sums).toContain(path.basename(file));
    }
  });
});
