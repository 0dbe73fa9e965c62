import { isSea } from 'node:sea';
import { cli } from './cli';
import { callerAllowed, startedByBrowser } from './origins';
import { realEnvironment, serve, TEST_ROOT } from './serve';
import { encodeFrame } from './wire';

/**
 * ep-doctor-host: started by the browser it serves ep-doctor over native messaging (read-only);
 * started by a person, `install|uninstall|status [--browser NAME]` registers it per user.
 */
const argv = process.argv.slice(2);
const args = argv.filter((a) => !a.startsWith(TEST_ROOT));

if (startedByBrowser(args)) {
  if (!callerAllowed(args)) {
    process.stdout.write(encodeFrame({ id: '', type: 'error', error: 'this host serves only the ep-doctor extension' }));
    process.exit(1);
  }
  serve(realEnvironment(argv));
} else {
  void cli(args, realEnvironment(argv), { path: process.execPath, single: isSea() }, { out: (l) => process.stdout.write(l), err: (l) => process.stderr.write(l) }).then((code) => {
    process.exitCode = code;
  });
}
