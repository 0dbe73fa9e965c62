import { describe, expect, it } from 'vitest';
import type { CheckFacts } from '@/src/core/check-result';
import { GOSPLUGIN } from '@/src/plugin/extension-ids';
import { gospluginProblems } from '@/src/plugin/gosplugin';

const hosts = (state: 'installed' | 'missing' | 'unknown', only?: string): CheckFacts['nativeHosts'] =>
  GOSPLUGIN.hosts.map((name) => ({ name, state: only === undefined || only === name ? state : 'missing', detail: '' }));
const extension = (enabled = true): NonNullable<CheckFacts['extensions']> => [{ id: GOSPLUGIN.chromeExtension, name: 'Госплагин', enabled, version: '1.3.42.0' }];
const ids = (p: { id: string }[]): string[] => p.map((x) => x.id);

describe('Госплагин on a Госуслуги check', () => {
  it('the extension there, no native host of its application registered: gosplugin-app-missing naming the hosts', () => {
    const problems = gospluginProblems({ hosts: hosts('missing'), extensions: extension(), os: 'win' });
    expect(ids(problems)).toEqual(['gosplugin-app-missing']);
    expect(problems[0]!.evidence).toContain('chrome.gosuslugi.plugin, opera.gosuslugi.plugin, gosuslugi.plugin');
  });

  it('any one host name registered (the legacy gosuslugi.plugin too) is the application installed', () => {
    expect(gospluginProblems({ hosts: hosts('installed', 'gosuslugi.plugin'), extensions: extension(), os: 'win' })).toEqual([]);
    expect(gospluginProblems({ hosts: hosts('installed', 'chrome.gosuslugi.plugin'), extensions: extension(), os: 'win' })).toEqual([]);
  });

  it('on macOS the extension reaches its application over ws://localhost:9001, not native messaging: no host proves nothing there', () => {
    expect(gospluginProblems({ hosts: hosts('missing'), extensions: extension(), os: 'mac' })).toEqual([]);
    expect(ids(gospluginProblems({ hosts: hosts('missing'), extensions: extension(), os: 'linux' }))).toEqual(['gosplugin-app-missing']);
  });

  it('an unknown host state proves nothing', () => {
    expect(gospluginProblems({ hosts: hosts('unknown', 'chrome.gosuslugi.plugin'), extensions: extension(), os: 'win' })).toEqual([]);
  });

  it('no extension, or a disabled one, is gosplugin-extension-missing; without the management permission nothing is said', () => {
    expect(ids(gospluginProblems({ hosts: hosts('installed'), extensions: [], os: 'win' }))).toEqual(['gosplugin-extension-missing']);
    expect(gospluginProblems({ hosts: hosts('installed'), extensions: extension(false), os: 'win' })[0]!.evidence).toContain('disabled');
    expect(gospluginProblems({ hosts: hosts('missing'), extensions: null, os: 'win' })).toEqual([]);
  });
});
