import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../src/content/start';
import { PLATFORM_MATCHES } from '../src/platforms';
import { matchPatterns } from '../src/platforms/match-url';

/** Recognises signing errors on platform pages and shows hints; every frame, from document_start. */
export default defineContentScript({
  matches: matchPatterns(PLATFORM_MATCHES),
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_start',
  main: (ctx) => startContentScript(ctx),
});
