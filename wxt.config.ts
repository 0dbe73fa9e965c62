import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * Public key that pins the dev/test extension id (pgejebgggaeiophnmnnockehkjkgfhhe), so the native
 * host manifest and the tests can name it. The store package (npm run zip) leaves it out.
 */
const EXTENSION_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArnBXneHhUf+CD843anCLjdh2fRxidob+iazSmpAI0H9Fpy7fduNm7O72OdwGHOhRTfRTHJSp0DWrdnnMMRtB3WhJSV90xUFjCd3gYYPCml2Rsk/iJWjvMJNlujQLV0SahsDIGkSNCdrDAEiNv5ipLXjiGv9O1QpDwsACqiSgLo1fdbSAub+kPje8dukkDZyYn3gNEdxLxmqowk9J7TlzGjxVwWIz5H00Os9TKpKqOgBADt+4+/tECA0vmdqaC3VSch/96VfHT1boejdt0FikCRdlVBt3bpwvmcEIBkSlmUGno/DgwnGz5+OiBljMR4pBjZejAsCdwD09fxLjyM/MAwIDAQAB';

/** Both content scripts get the platforms' matches here, so their bundles carry no platform data. */
export const MATCHES_PLACEHOLDER = '*://ep-doctor.invalid/*';
/** The detector, built as an unlisted script (no WXT content-script runtime) and declared here. */
const DETECT_SCRIPT = 'detect.js';

export default defineConfig({
  manifestVersion: 3,
  // The store packages (npm run zip, scripts/store/zip.ts) are built apart from the test builds.
  outDir: process.env.EP_DOCTOR_STORE_BUILD === '1' ? '.output/store' : '.output',
  zip: {
    // addons.mozilla.org rebuilds the package from these: the build's inputs, not the tests or local output.
    excludeSources: ['tests/**', '.ci/**', 'bench-results/**', 'demo-screenshots/**', 'test-artifacts/**', '*.log'],
  },
  hooks: {
    // A malformed compatibility rule pack fails the build, naming the rule's index and field.
    'build:before': async () => {
      const { parseRulePack } = await import('./src/plugin/compat/pack');
      parseRulePack(JSON.parse(readFileSync(new URL('./src/plugin/compat/rules.json', import.meta.url), 'utf8')));
    },
    // The standalone report viewer ships with the extension as one offline file (scripts/viewer).
    'build:publicAssets': async (_wxt, files) => {
      const { buildStandaloneViewer } = await import('./scripts/viewer/build-standalone');
      const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
      files.push({ relativeDest: 'report-viewer.html', contents: await buildStandaloneViewer(version) });
      // The popup's first mark comes from a classic script, which Vite leaves unbundled; the bench's empty
      // popup pages, the floors its opening is measured against, ship in test builds only (scripts/bench/popup.mjs).
      files.push({ absoluteSrc: fileURLToPath(new URL('./entrypoints/popup/script-start.js', import.meta.url)), relativeDest: 'script-start.js' });
      if (process.env.EP_DOCTOR_DEV_BUILD === '1') {
        for (const file of ['bench-empty.html', 'bench-empty-script.js']) {
          files.push({ absoluteSrc: fileURLToPath(new URL(`./entrypoints/popup/${file}`, import.meta.url)), relativeDest: file });
        }
        // The second floor is the same empty page with one tiny module: nothing else may differ.
        const empty = readFileSync(new URL('./entrypoints/popup/bench-empty.html', import.meta.url), 'utf8');
        if (!empty.includes('</head>')) throw new Error('ep-doctor: bench-empty.html has no </head>');
        files.push({ relativeDest: 'bench-empty-script.html', contents: empty.replace('</head>', '  <script type="module" src="/bench-empty-script.js"></script>\n  </head>') });
      }
    },
    'build:manifestGenerated': async (_wxt, manifest) => {
      const { PLATFORM_MATCHES } = await import('./src/platforms');
      const { matchPatterns } = await import('./src/platforms/match-url');
      const scripts = manifest.content_scripts ?? [];
      const hooks = scripts.find((cs) => cs.js?.includes('content-scripts/page-hooks.js'));
      if (hooks === undefined || hooks.matches?.[0] !== MATCHES_PLACEHOLDER || scripts.some((cs) => cs.js?.includes(DETECT_SCRIPT))) {
        throw new Error('ep-doctor: content scripts not found as expected in the manifest');
      }
      const matches = matchPatterns(PLATFORM_MATCHES);
      hooks.matches = [...matches];
      // The detector (entrypoints/detect.ts) runs where the hooks run, in the isolated world.
      const detect: Record<string, unknown> = { ...hooks, js: [DETECT_SCRIPT], matches: [...matches] };
      delete detect['world'];
      manifest.content_scripts = [detect as (typeof scripts)[number], ...scripts];
      // The check injects its probe into platform tabs: the same hosts, so no new install warning.
      manifest.host_permissions = [...matches];
    },
  },
  imports: false,
  vite: () => ({
    plugins: [preact()],
    // Test builds (EP_DOCTOR_DEV_BUILD=1: npm test, npm start, diagnose, bench) also know the CryptoPro
    // simulator's extension id and test CA (src/plugin/build-flags.ts); `npm run build` and the store
    // package never do, since anyone can play that id or issue with that public test key.
    define: { __EP_DOCTOR_DEV_BUILD__: JSON.stringify(process.env.EP_DOCTOR_DEV_BUILD === '1' && process.env.EP_DOCTOR_STORE_BUILD !== '1') },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    // storage: findings and checks; scripting + host_permissions (the platforms, same as the content
    // scripts) + activeTab: the plug-in probe in the tab the user checks; nativeMessaging: telling
    // installed signing components from missing ones; management only when the user asks for it;
    // webRequest: only the network error of a GOST TLS host that did not open (no blocking, no bodies,
    // no headers; within the platforms' host permissions), so the check can say why the page is blank;
    // alarms: the expiry centre's hourly run (no install warning); notifications: its reminders at 30,
    // 14, 7 and 1 days before a certificate, key or licence ends («Display notifications»).
    // optional_host_permissions: the organisation's own platforms (policy extraHosts), unknown when
    // this is built: requested host by host from the popup, only for hosts the policy names, and given
    // back when the policy drops them (src/background/extra-hosts.ts). Optional: no install warning.
    permissions: ['storage', 'scripting', 'activeTab', 'nativeMessaging', 'webRequest', 'alarms', 'notifications'],
    optional_permissions: ['management'],
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'ep-doctor@ep-doctor.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            // data_collection_permissions needs 142 on Android (web-ext lint); on Android there is no native messaging anyway.
            gecko_android: { strict_min_version: '142.0' },
          },
          // Test builds only: Firefox's WebDriver BiDi cannot open a moz-extension:// page, so the e2e
          // harness reaches the popup from a page of this test-only origin (scripts/lib/firefox.mjs).
          ...(process.env.EP_DOCTOR_DEV_BUILD === '1' && process.env.EP_DOCTOR_STORE_BUILD !== '1'
            ? { web_accessible_resources: [{ resources: ['popup.html'], matches: ['https://ep-doctor-harness.invalid/*'] }] }
            : {}),
        }
      : {
          // Organisation mode: the policy an administrator sets (src/core/org-policy.ts). Firefox reads it from policies.json.
          storage: { managed_schema: 'managed_schema.json' },
          ...(process.env.EP_DOCTOR_STORE_BUILD === '1' ? {} : { key: EXTENSION_KEY }),
        }),
  }),
});
