// @ts-check
/**
 * Robust statistics for the bench: this 2-core machine is shared, so single runs are noise; medians
 * and quartiles of many runs are what the figures report.
 */

/**
 * The q-quantile (0 ≤ q ≤ 1) with linear interpolation between the two nearest ranks; NaN when empty.
 * @param {readonly number[]} values
 * @param {number} q
 */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * q;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = /** @type {number} */ (sorted[low]);
  return lowValue + (/** @type {number} */ (sorted[high]) - lowValue) * (rank - low);
}

/** @param {readonly number[]} values */
export const median = (values) => quantile(values, 0.5);

/**
 * Lower and upper quartile.
 * @param {readonly number[]} values
 * @returns {[number, number]}
 */
export const quartiles = (values) => [quantile(values, 0.25), quantile(values, 0.75)];

/**
 * Smallest and largest value.
 * @param {readonly number[]} values
 * @returns {[number, number]}
 */
export const range = (values) => [Math.min(...values), Math.max(...values)];
