import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './shared';

export interface FixturePage {
  name: string;
  platform: string;
  file: string;
  url: string;
  problems: string[];
}

/** Every committed fixture page (tests/fixtures/pages/<platform>/*.html) with the URL and problems its .json names. */
export function fixturePages(): FixturePage[] {
  const dir = path.join(ROOT, 'tests/fixtures/pages');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(dir, d.name))
        .filter((f) => f.endsWith('.html') && !f.endsWith('.frame.html'))
        .map((f) => {
          const file = path.join(dir, d.name, f);
          const expected = JSON.parse(readFileSync(file.replace(/\.html$/, '.json'), 'utf8')) as { url: string; problems: string[] };
          return { name: `${d.name}/${f}`, platform: d.name, file, url: expected.url, problems: expected.problems };
        }),
    );
}

/**
 * runPages' `settled` for fixture pages: a page has settled when it shows exactly the problems its .json names.
 * The first scan waits for the page's idle moments, and pages are opened several at a time: on a loaded machine
 * some pages' problems came after the 1.5 s wait (a full run, and 2 of 3 Chromium runs beside two busy loops;
 * the latest 0.33 s after it). A page still missing its problems is read again until they come.
 */
export function showsExpectedProblems(cases: readonly FixturePage[]): (problems: string[], index: number) => boolean {
  return (problems, index) => problems.join() === [...cases[index]!.problems].sort().join();
}
