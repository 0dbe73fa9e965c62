import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORM_MATCHES } from '@/src/platforms';
import { PLATFORM_GUIDES } from '@/src/platforms/guides';
import { ROOT } from '../helpers/shared';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** Rows of the "Supported platforms" table: | `id` | name | hosts | */
function platformRows(): { id: string; name: string; hosts: string }[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Supported platforms')) ?? '';
  return [...section.matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|([^|]*)\|([^|]*)\|/gm)].map((m) => ({ id: m[1]!, name: m[2]!.trim(), hosts: m[3]!.trim() }));
}

describe('README', () => {
  it('lists exactly the supported platforms, with their names and hosts', () => {
    const rows = platformRows();
    expect(rows.map((r) => r.id), 'README "Supported platforms" table must list every platform id').toEqual(PLATFORM_MATCHES.map((p) => p.id));
    for (const row of rows) {
      const platform = PLATFORM_MATCHES.find((p) => p.id === row.id)!;
      expect(row.name, `README name of ${row.id}`).toBe(PLATFORM_GUIDES[row.id]!.name.ru);
      expect(row.hosts, `README hosts of ${row.id}`).toBe(platform.hosts.map((h) => `\`${h}\``).join(', '));
    }
  });

  it('shows the two set-up commands', () => {
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
  });
});
