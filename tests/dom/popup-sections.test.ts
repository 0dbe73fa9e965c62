import { h, render, type ComponentChild } from 'preact';
import { describe, expect, it } from 'vitest';
import type { CheckFacts, CheckProblem } from '@/src/core/check-result';
import { t } from '@/src/core/i18n';
import { causeText, CompanionOffer, Components, ProblemItem } from '@/src/popup/sections';
import { loadStrings } from '@/src/popup/strings';

const say = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t('ru', key, params);

const facts = (companion: CheckFacts['companion'], os = 'linux'): CheckFacts => ({
  browser: { name: 'chromium', version: '156', userAgent: '', gostTls: false },
  os: { os, arch: 'x86-64' },
  extension: { id: null, version: '1.3.17', answered: true },
  plugin: { version: '2.0.15700', path: 'page' },
  providers: [],
  licenses: [],
  nativeHosts: [],
  extensions: null,
  certificates: [],
  readers: null,
  ...(companion === undefined ? {} : { companion }),
  clockSkewSeconds: null,
});

function text(vnode: ComponentChild): string {
  const root = document.createElement('div');
  render(vnode, root);
  return root.textContent ?? '';
}

describe('the popup on ep-doctor-host', () => {
  const checks = ['native-host-manifests', 'cryptopro-csp', 'root-certificates', 'tokens', 'clock'].map((name) => ({ name, status: name === 'tokens' ? ('timeout' as const) : ('ok' as const), detail: '' }));

  it('lists the helper among the components, naming the checks that could not read', () => {
    expect(text(h(Components, { facts: facts({ state: 'ok', version: '0.1.0', detail: '', checks }), say }))).toContain('Помощник ep-doctor-host 0.1.0: проверок вне браузера — 5 (не удалось прочитать: tokens)');
    expect(text(h(Components, { facts: facts(undefined), say }))).not.toContain('ep-doctor-host');
  });

  it('offers installing it with the steps of the user\'s OS', () => {
    const missing = { state: 'missing' as const, version: null, detail: 'not found', checks: [] };
    expect(text(h(CompanionOffer, { facts: facts(missing, 'win'), say }))).toContain('ep-doctor-host.exe install');
    expect(text(h(CompanionOffer, { facts: facts(missing, 'mac'), say }))).toContain('xattr -d com.apple.quarantine');
    expect(text(h(CompanionOffer, { facts: facts(missing, 'linux'), say }))).toContain('chmod +x ep-doctor-host');
  });

  it('words a finding in the user\'s language, with the browser\'s name in the phrase', async () => {
    await loadStrings('en');
    const problem: CheckProblem = { id: 'plugin-host-missing', severity: 'error', source: 'host', evidence: 'no ru.cryptopro.nmcades manifest for yandex', cause: { key: 'manifest-missing', params: { host: 'ru.cryptopro.nmcades', browser: 'yandex' } } };
    expect(causeText(problem.cause!, say, 'ru')).toBe('Манифест ru.cryptopro.nmcades для Яндекс Браузера отсутствует: браузер не может запустить плагин КриптоПро.');
    expect(causeText(problem.cause!, (key, params) => t('en', key, params), 'en')).toBe('The ru.cryptopro.nmcades manifest for Yandex Browser is missing: the browser cannot start the CryptoPro plug-in.');
    const shown = text(h(ProblemItem, { problem, pack: null, platformId: null, say, lang: 'ru' }));
    expect(shown).toContain('Манифест ru.cryptopro.nmcades для Яндекс Браузера отсутствует');
    expect(shown).toContain('plugin-host-missing · no ru.cryptopro.nmcades manifest for yandex');
  });
});
