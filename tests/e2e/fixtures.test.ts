import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPages } from '../../scripts/lib/run-pages.mjs';
import { ROOT } from '../helpers/shared';
import { startSession, type Session } from './support';

/** Every committed fixture page, served under its platform URL in real Chromium with the built extension. */
const FIXTURES = path.join(ROOT, 'tests/fixtures/pages');
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(path.join(FIXTURES, d.name))
      .filter((f) => f.endsWith('.html') && !f.endsWith('.frame.html'))
      .map((f) => {
        const file = path.join(FIXTURES, d.name, f);
        const expected = JSON.parse(readFileSync(file.replace(/\.html$/, '.json'), 'utf8')) as { url: string; problems: string[] };
        return { name: `${d.name}/${f}`, platform: d.name, file, ...expected };
      }),
  );

let session: Session;
let results: Awaited<ReturnType<typeof runPages>>;

beforeAll(async () => {
  session = await startSession();
  results = await runPages(session, cases, { waitMs: 1500, parallel: 4 });
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
