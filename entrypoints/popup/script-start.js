// @ts-check
// An async classic script in the popup's <head>: it runs as soon as it arrives, usually before the module
// graph is evaluated (modules also wait for the parser), and never holds the parser up. Its mark lets
// the benchmark count module evaluation as the popup's own time, and it starts the first paint's
// storage reads now, while the modules still load; when it comes late, first-read.ts reads itself.
// It checks nothing: src/popup/first-read.ts takes these promises over and guards what they bring.
// The keys are those of src/core (keys.ts, hint-titles.ts, localized.ts); a test runs this file and
// compares.
performance.mark('ep-doctor:script-start');
{
  const tab = Number(new URLSearchParams(location.search).get('tab'));
  /** @type {Record<string, Promise<Record<string, unknown>>>} */
  const reads = { local: chrome.storage.local.get(['settings:lang', 'hint-titles:ru', 'hint-titles:en']) };
  if (Number.isInteger(tab) && tab > 0) reads[`session:${tab}`] = chrome.storage.session.get([`tab:${tab}`, `check:${tab}`]);
  // A read nobody takes over must not surface as an unhandled rejection.
  for (const read of Object.values(reads)) read.catch(() => undefined);
  Reflect.set(window, 'epDoctorEarlyReads', reads);
}
