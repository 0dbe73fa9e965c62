import { readFirst } from '../../src/popup/first-read';

/**
 * main.tsx imports this module first, so the storage reads start while preact and the popup's own
 * modules are still being evaluated, not after. A failed read is null: the popup then opens empty.
 */
export const firstRead = readFirst().catch(() => null);
