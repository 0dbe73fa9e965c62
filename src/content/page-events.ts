/**
 * Events the MAIN-world hook dispatches for the isolated content script. Events are the only channel:
 * the two worlds share the DOM, not JavaScript objects. A page can dispatch them too; that only makes
 * us read text the page could show anyway, so nothing depends on their origin.
 */
export const DIALOG_EVENT = 'ep-doctor:dialog';
export const SHADOW_EVENT = 'ep-doctor:shadow-root';
/** Longest dialog text passed on. */
export const MAX_DIALOG_TEXT = 2000;
