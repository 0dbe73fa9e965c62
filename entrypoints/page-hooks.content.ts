import { defineContentScript } from 'wxt/utils/define-content-script';
import { installPageHooks } from '../src/content/page-hooks';
import { installPluginSilenceWatch } from '../src/plugin/plugin-silence';

/**
 * MAIN-world hooks for alert/confirm texts and open shadow roots, and the watch of the page's own plug-in
 * requests; must run before page scripts.
 * Its matches are the detector's, copied into the manifest at build time (wxt.config.ts), so this
 * bundle carries no platform data; the placeholder matches nothing if that step were ever skipped.
 */
export default defineContentScript({
  matches: ['*://ep-doctor.invalid/*'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_start',
  world: 'MAIN',
  main: () => {
    installPageHooks(window);
    installPluginSilenceWatch(window);
  },
});
