// @ts-check
/** A wrong invocation: one line on stderr, exit code 2. */
export class UsageError extends Error {}

/**
 * Parses `--name value` / `--flag` options and positional arguments against a spec.
 * @param {string[]} args
 * @param {Record<string, 'flag' | 'value'>} spec
 */
export function parseArgs(args, spec) {
  /** @type {Record<string, string | true>} */
  const options = {};
  const positional = [];
  for (let i = 0; i < args.length; i++) {
    const arg = /** @type {string} */ (args[i]);
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const kind = spec[key ?? ''];
    if (kind === undefined) throw new UsageError(`unknown option ${arg}`);
    if (kind === 'flag') {
      if (inline !== undefined) throw new UsageError(`option --${key} takes no value`);
      options[key ?? ''] = true;
    } else {
      const value = inline ?? args[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`option --${key} needs a value`);
      options[key ?? ''] = value;
    }
  }
  return { options, positional };
}
