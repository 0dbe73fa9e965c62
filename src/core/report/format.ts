/** The report's format name and version, zod-free (the schema is in schema.ts). */
export const REPORT_FORMAT = 'ep-doctor-report';
export const REPORT_VERSION = 1;
