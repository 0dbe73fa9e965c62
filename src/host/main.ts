import { realpathSync } from 'node:fs';
import { BROWSERS, type BrowserName } from './manifests';
import { install, status, uninstall } from './install';
import { callerAllowed, startedByBrowser } from './origins';
import { encodeFrame } from './wire';
import { realEnvironment, serve } from './serve';

/**
 * ep-doctor-host: started by the browser it serves ep-doctor over native messaging (read-only);
 * started by a person, `install|uninstall|status [--browser NAME]` registers it per user.
 */
const args = process.argv.slice(2);

if (startedByBrowser(args)) {
  if (!callerAllowed(args)) {
    process.stdout.write(encodeFrame({ id: '', type: 'error', error: 'this host serves only the ep-doctor extension' }));
    process.exit(1);
  }
  serve(realEnvironment());
} else {
  const [command, ...rest] = args;
  const env = realEnvironment();
  const browserAt = rest.indexOf('--browser');
  const browser = browserAt >= 0 ? rest[browserAt + 1] : undefined;
  if (browser !== undefined && !(BROWSERS as readonly string[]).includes(browser)) {
    process.stderr.write(`ep-doctor-host: unknown browser ${browser}; one of ${BROWSERS.join(', ')}\n`);
    process.exit(2);
  }
  const browsers = browser === undefined ? undefined : [browser as BrowserName];
  try {
    if (command === 'install') {
      const hostPath = process.env['EP_DOCTOR_HOST_PATH'] ?? realpathSync(process.execPath);
      for (const file of install({ platform: env.platform, home: env.home, hostPath, ...(browsers === undefined ? {} : { browsers }) })) process.stdout.write(`registered: ${file}\n`);
    } else if (command === 'uninstall') {
      for (const file of uninstall(env)) process.stdout.write(`removed: ${file}\n`);
    } else if (command === 'status') {
      const found = status(env);
      if (found.length === 0) process.stdout.write('not registered for any browser\n');
      for (const s of found) process.stdout.write(`${s.browser}: ${s.file}${s.issues.length > 0 ? ` — ${s.issues.join('; ')}` : ' — ok'}\n`);
    } else {
      process.stderr.write('usage: ep-doctor-host install|uninstall|status [--browser chrome|chromium|yandex|edge|firefox]\n');
      process.exit(2);
    }
  } catch (error) {
    process.stderr.write(`ep-doctor-host: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
