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
  const param = Number(new URLSearchParams(location.search).get('tab'));
  const named = Number.isInteger(param) && param > 0;
  /** @param {number} id */
  const perTab = (id) => chrome.storage.session.get([`tab:${id}`, `check:${id}`]).then((stored) => ({ id, stored }));
  // The toolbar popup has no ?tab=: its tab is the active one, and that tab's keys are read as soon as
  // the query answers, chained here (two browser round trips, ~7 ms) rather than after the modules.
  const tab = named ? chrome.tabs.get(param) : chrome.tabs.query({ active: true, currentWindow: true }).then((tabs) => tabs[0]);
  /** @type {Record<string, Promise<unknown>>} */
  const reads = {
    local: chrome.storage.local.get(['settings:lang', 'hint-titles:ru', 'hint-titles:en']),
    tab,
    perTab: named ? perTab(param) : tab.then((found) => (found?.id === undefined ? null : perTab(found.id))),
  };
  // A read nobody takes over must not surface as an unhandled rejection.
  for (const read of Object.values(reads)) read.catch(() => undefined);
  Reflect.set(window, 'epDoctorEarlyReads', reads);
}
