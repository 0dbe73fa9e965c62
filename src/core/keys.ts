/** Storage keys, zod-free so that pages which only read storage need no schema code. */
export const tabFindingsKey = (tabId: number): string => `tab:${tabId}`;
export const checkResultKey = (tabId: number): string => `check:${tabId}`;
