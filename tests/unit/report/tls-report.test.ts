import { it, expect } from 'vitest';
import { buildReport } from '@/src/core/report/build';
import { renderReportText } from '@/src/core/report/render-text';
import { buildHintPack } from '@/src/background/build-hint-pack';
it('a GOST TLS host that never opened: the report says CryptoPro was not checked, not that it is missing', () => {
  const result = { v: 1, id: crypto.randomUUID(), kind: 'quick', status: 'done', tabId: 1, pageUrl: 'https://lk.zakupki.gov.ru/44fz/', platformId: 'eis', startedAt: 1, finishedAt: 2, problems: [{ id: 'gost-tls-unsupported', severity: 'error', source: 'environment', evidence: 'lk.zakupki.gov.ru did not open: net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH in chromium 156', cause: { key: 'tls-no-gost-browser', params: { host: 'lk.zakupki.gov.ru', error: 'ERR_SSL_VERSION_OR_CIPHER_MISMATCH' } } }], facts: null, pageFindings: [], timings: { total: 1, probe: 0, discovery: 0, analysis: 0 } } as never;
  const report = buildReport(result, { now: new Date(), utcOffsetMinutes: 180, timeZone: 'Europe/Moscow', lang: 'ru', extensionVersion: '0.1.0', random: new Uint8Array(8), pageUrl: 'https://lk.zakupki.gov.ru/44fz/', platformId: 'eis' });
  const text = renderReportText(report, buildHintPack('ru', '0.1.0'));
  expect(text).toContain('gost-tls-unsupported');
  expect(text).toContain('КриптоПро: не проверялся — страница площадки не открылась');
  expect(text).not.toContain('плагин нет');
});
