/** Bounds on page-derived data, shared by the content script (zod-free) and the schemas. */
export const MAX_EXCERPT = 300;
export const MAX_FINDINGS_PER_MESSAGE = 100;
