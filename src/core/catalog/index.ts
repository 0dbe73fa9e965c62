import type { ProblemId } from '../problem-ids';
import { CERTIFICATE_PROBLEMS } from './certificate';
import { CSP_PROBLEMS } from './csp';
import { ENVIRONMENT_PROBLEMS } from './environment';
import { PLATFORM_PROBLEMS } from './platform';
import { PLUGIN_PROBLEMS } from './plugin';
import { TOKEN_PROBLEMS } from './token';
import type { ProblemEntry } from './types';

export type { ProblemEntry, ProblemGroup } from './types';

/** Every problem of the spec with its texts; a type error names any id left out. */
export const CATALOG: { readonly [K in ProblemId]: ProblemEntry } = {
  ...PLUGIN_PROBLEMS,
  ...CSP_PROBLEMS,
  ...CERTIFICATE_PROBLEMS,
  ...TOKEN_PROBLEMS,
  ...PLATFORM_PROBLEMS,
  ...ENVIRONMENT_PROBLEMS,
};
