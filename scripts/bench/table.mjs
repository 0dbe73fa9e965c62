// @ts-check
/**
 * One row of the bench table. `floor` is the comparison figure measured in the same run — the page
 * without the extension, or the cheapest possible way to do the same work — so a row reads against
 * what this machine can do right now, not against a number from another day; `floorLabel` says which.
 * `floorUnit` when the floor is counted otherwise than the value; `twoSided` when the budget bounds the
 * value's size either way (a difference).
 * @typedef {{ name: string, value: number, unit: string, budget: number | null, floor: number | null, floorLabel: string | null, detail: string, floorUnit?: string, twoSided?: boolean }} Figure
 */

export { median } from './stats.mjs';

/**
 * @param {string} name @param {number} value @param {string} unit @param {number | null} budget
 * @param {number | null} floor @param {string | null} floorLabel @param {string} detail
 * @returns {Figure}
 */
export function figure(name, value, unit, budget, floor, floorLabel, detail) {
  return { name, value, unit, budget, floor, floorLabel, detail };
}

/** @param {Figure} f */
export const passes = (f) => Number.isFinite(f.value) && (f.budget === null || (f.twoSided === true ? Math.abs(f.value) : f.value) <= f.budget);

const round = (/** @type {number} */ v) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

/**
 * The figures as one Markdown table (pasted into README as printed), details as numbered notes below it.
 * @param {Figure[]} figures
 */
export function markdownTable(figures) {
  const lines = ['| figure | value | floor / without | budget | pass |', '|---|---:|---:|---:|:---:|'];
  figures.forEach((f, i) => {
    const floor = f.floor === null ? '—' : `${round(f.floor)} ${f.floorUnit ?? f.unit} (${f.floorLabel ?? 'floor'})`;
    const budget = f.budget === null ? '—' : `${f.twoSided === true ? '±' : '≤ '}${f.budget} ${f.unit}`;
    lines.push(`| ${f.name} [${i + 1}] | ${round(f.value)} ${f.unit} | ${floor} | ${budget} | ${passes(f) ? 'yes' : '**no**'} |`);
  });
  lines.push('');
  figures.forEach((f, i) => lines.push(`${i + 1}. ${f.detail}`));
  return lines.join('\n');
}
