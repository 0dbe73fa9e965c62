import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/shared';

/**
 * Page text, native replies and reports are untrusted: nothing of ours writes HTML from a string. The
 * one innerHTML web-ext lint finds in the Firefox package is Preact's own dangerouslySetInnerHTML path,
 * which stays unused as long as this holds.
 */
const SINKS = /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(|createContextualFragment|DOMParser/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.(ts|tsx|js|mjs)$/.test(e.name) ? [full] : [];
  });
}

describe('no HTML sinks in shipped code', () => {
  it.each(['src', 'entrypoints', 'scripts/viewer'])('%s writes DOM nodes and text, never HTML strings', (dir) => {
    const found = sources(path.join(ROOT, dir)).filter((file) => SINKS.test(readFileSync(file, 'utf8')));
    expect(found.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
