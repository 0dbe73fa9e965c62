import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createLifetime } from '../src/content/lifetime';
import { startContentScript } from '../src/content/start';
import { timed } from '../src/content/timing';

/**
 * Recognises signing errors on platform pages and shows hints; every frame, from document_start.
 * Built as a plain script and declared as a content script at build time (wxt.config.ts), with the
 * platforms' hosts as its matches: its bundle carries neither platform data nor WXT's content-script
 * runtime, which it does not use.
 */
export default defineUnlistedScript(() => timed('start', () => startContentScript(createLifetime())));
