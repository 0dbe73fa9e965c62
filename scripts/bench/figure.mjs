// @ts-check
/**
 * One row of the bench table. `floor` is the comparison figure measured in the same run — the page
 * without the extension, or the cheapest possible way to do the same work — so a row reads against
 * what this machine can do right now, not against a number from another day; `floorLabel` says which.
 * @typedef {{ name: string, value: number, unit: string, budget: number | null, floor: number | null, floorLabel: string | null, detail: string }} Figure
 */
export {};
