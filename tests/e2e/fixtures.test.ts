import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPages } from '../../scripts/lib/run-pages.mjs';
import { fixturePages, showsExpectedProblems } from '../helpers/fixture-pages';
import { startSession, type Session } from './support';

/** Every committed fixture page, served under its platform URL in real Chromium with the built extension. */
const cases = fixturePages();

let session: Session;
let results: Awaited<ReturnType<typeof runPages>>;

beforeAll(async () => {
  session = await startSession();
  results = await runPages(session, cases, { waitMs: 1500, parallel: 4, settled: showsExpectedProblems(cases) });
}, 300_000);
afterAll(async () => {
  await session?.close();
});

describe('fixture pages', () => {
  it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    const expected = cases[i]!;
    const result = results[i]!;
    expect(result.platform, 'platform').toBe(expected.platform);
    expect(result.problems, `problems found on ${expected.name}`).toEqual([...expected.problems].sort());
  });
});
