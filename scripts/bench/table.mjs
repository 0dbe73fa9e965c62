// @ts-check
/**
 * One benchmark figure: its value, the floor or «without» figure measured in the same run that it is
 * judged against, and its budget.
 * @typedef {{ name: string, value: number, unit: string, budget: number | null, floor: number | null, floorLabel: string | null, detail: string }} Figure
 */

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? /** @type {number} */ (sorted[mid]) : (/** @type {number} */ (sorted[mid - 1]) + /** @type {number} */ (sorted[mid])) / 2;
}

/**
 * @param {string} name @param {number} value @param {string} unit @param {number | null} budget
 * @param {number | null} floor @param {string | null} floorLabel @param {string} detail
 * @returns {Figure}
 */
export function figure(name, value, unit, budget, floor, floorLabel, detail) {
  return { name, value, unit, budget, floor, floorLabel, detail };
}

/** @param {Figure} f */
export const passes = (f) => Number.isFinite(f.value) && (f.budget === null || f.value <= f.budget);

const round = (/** @type {number} */ v) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

/**
 * The figures as one Markdown table (pasted into README as printed), details as numbered notes below it.
 * @param {Figure[]} figures
 */
export function markdownTable(figures) {
  const lines = ['| figure | value | floor / without | budget | pass |', '|---|---:|---:|---:|:---:|'];
  figures.forEach((f, i) => {
    const floor = f.floor === null ? '—' : `${round(f.floor)} ${f.unit} (${f.floorLabel ?? 'floor'})`;
    const budget = f.budget === null ? '—' : `≤ ${f.budget} ${f.unit}`;
    lines.push(`| ${f.name} [${i + 1}] | ${round(f.value)} ${f.unit} | ${floor} | ${budget} | ${passes(f) ? 'yes' : '**no**'} |`);
  });
  lines.push('');
  figures.forEach((f, i) => lines.push(`${i + 1}. ${f.detail}`));
  return lines.join('\n');
}
