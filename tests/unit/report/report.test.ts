import { describe, expect, it } from 'vitest';
import { buildHintPack } from '@/src/background/build-hint-pack';
import type { CheckResult } from '@/src/core/check-result';
import { BLOCK_BEGIN, BLOCK_END, encodeBlock, readReport } from '@/src/core/report/block';
import { buildReport, localIso, type ReportContext } from '@/src/core/report/build';
import { maskName, redactSubject, redactText } from '@/src/core/report/redact';
import { MAX_TEXT_LINES, renderReportText, reportMessage } from '@/src/core/report/render-text';
import { Report } from '@/src/core/report/schema';
import { packPlatform } from '@/src/core/pack-platform';
import { HOST_CAUSES } from '@/src/core/host-causes';

const SUBJECT = 'CN="ООО ""РОМАШКА""", SN=Иванов, G=Иван Иванович, T=Генеральный директор, O="ООО ""РОМАШКА""", C=RU, E=ivanov@romashka.invalid, INN=770123456703, INNLE=7701123451, OGRN=1027700543210, SNILS=11223344595';
const PERSON = 'CN=Петрова Мария Ивановна, SN=Петрова, G=Мария Ивановна, C=RU, INN=500100732259, SNILS=12345678964';

function result(over: Partial<CheckResult> = {}): CheckResult {
  return {
    v: 1,
    id: 'x',
    kind: 'quick',
    status: 'done',
    tabId: 1,
    pageUrl: 'https://www.sberbank-ast.ru/sign',
    platformId: 'sberbank-ast',
    startedAt: Date.parse('2026-11-25T12:00:00Z'),
    finishedAt: Date.parse('2026-11-25T12:00:01Z'),
    problems: [
      { id: 'csp-license-expired', severity: 'error', source: 'plugin', evidence: 'CAdESCOM.CPLicense: CSP licence Expired 24.11.2026' },
      { id: 'cert-not-qualified', severity: 'warning', source: 'certificate', evidence: 'SUBJECT_SNILS_CHECKSUM: subject.SNILS 12345678964 of Петрова Мария Ивановна', certificate: 'AB'.repeat(20) },
    ],
    facts: {
      browser: { name: 'chrome', version: '142.0', userAgent: 'UA', gostTls: false },
      os: { os: 'win', arch: 'x86-64' },
      extension: { id: 'pfhgbfnnjiafkhfdkmpiflachepdcjod', version: '1.3.17', answered: true },
      plugin: { version: '2.0.15700', path: 'page' },
      providers: [{ type: 80, name: 'Crypto-Pro GOST R 34.10-2012 Cryptographic Service Provider', version: '5.0.13800' }],
      licenses: [{ product: 'csp', state: 'expired', validTo: 'Expired 24.11.2026' }],
      nativeHosts: [{ name: 'ru.cryptopro.nmcades', state: 'installed', detail: 'Access … forbidden.' }],
      extensions: null,
      certificates: [
        { thumbprint: 'CD'.repeat(20), subject: SUBJECT, issuer: 'CN=ТЕСТОВЫЙ УЦ ФНС России, O=Федеральная налоговая служба', validFrom: '2026-01-01T00:00:00.000Z', validTo: '2027-03-31T00:00:00.000Z', keyValidTo: '2027-03-31T00:00:00.000Z', stores: ['my', 'container'], hasPrivateKey: true, pluginValid: true, container: '\\\\.\\Aktiv Rutoken ECP 00 00\\ivanov-2026', provider: 'Crypto-Pro', ownerKind: 'legal-entity', superseded: false, problems: [] },
        { thumbprint: 'AB'.repeat(20), subject: PERSON, issuer: 'CN=УЦ, O=УЦ', validFrom: null, validTo: null, keyValidTo: null, stores: ['my'], hasPrivateKey: true, pluginValid: true, container: null, provider: null, ownerKind: 'individual', superseded: false, problems: ['cert-not-qualified'] },
      ],
      readers: [{ name: 'Aktiv Rutoken ECP 00 00', media: 'x', token: true }],
      clockSkewSeconds: 2,
    },
    pageFindings: [{ problem: 'csp-license-expired', source: 'code', code: '0x8007065B', excerpt: 'Ошибка подписи Иванов Иван Иванович, СНИЛС 112-233-445 95 (0x8007065B)', at: 1 }],
    timings: { total: 420, probe: 300, discovery: 10, analysis: 5 },
    ...over,
  };
}

const ctx = (over: Partial<ReportContext> = {}): ReportContext => ({
  now: new Date('2026-11-25T12:00:02Z'),
  utcOffsetMinutes: 180,
  timeZone: 'Europe/Moscow',
  lang: 'ru',
  extensionVersion: '0.1.0',
  random: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]),
  ...over,
});

describe('the report', () => {
  it('carries local time with offset and zone, and is valid against its schema', () => {
    const report = buildReport(result(), ctx());
    expect(Report.safeParse(report).success).toBe(true);
    expect(report.createdAt).toBe('2026-11-25T15:00:02+03:00');
    expect(report.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(localIso(new Date('2026-01-01T00:30:00Z'), -330)).toBe('2025-12-31T19:00:00-05:30');
    expect(report.platform.url).toBe('https://www.sberbank-ast.ru/sign');
  });

  it('names the compatibility rule pack its verdicts used', async () => {
    const report = buildReport(result(), ctx({ rulePack: '2026-12-04' }));
    expect(report.extension).toEqual({ version: '0.1.0', rules: '2026-12-04' });
    expect(renderReportText(report, buildHintPack('ru', '0.1.0'))).toContain('ep-doctor 0.1.0 (правила совместимости от 2026-12-04)');
    expect((await readReport(await encodeBlock(report))).ok).toBe(true);
  });

  it('round-trips through the pasted block, quoted and re-wrapped by a mail client', async () => {
    const report = buildReport(result(), ctx());
    const block = await encodeBlock(report);
    expect((await readReport(`Здравствуйте!\n${block}\nСпасибо`)).ok).toBe(true);
    const quoted = block.split('\n').map((l) => `> ${l}`).join('\r\n');
    const back = await readReport(quoted);
    expect(back.ok && back.report).toEqual(report);
    const rewrapped = block.replace(/\n(?!-)/g, ' \n  ');
    expect((await readReport(rewrapped)).ok).toBe(true);
    // Bare JSON (the --json output) is read too.
    expect((await readReport(JSON.stringify(report))).ok).toBe(true);
  });

  it('a report naming the platform «__proto__» or «constructor» renders as an unknown platform', () => {
    for (const id of ['__proto__', 'constructor', 'toString']) {
      const report = buildReport(result(), ctx());
      const text = renderReportText({ ...report, platform: { ...report.platform, id } }, buildHintPack('ru', '0.1.0'));
      expect(text).toContain(id);
      expect(packPlatform(buildHintPack('ru', '0.1.0'), id)).toBeUndefined();
    }
  });

  it('page text carrying a block marker cannot pose as the report, and a quoted marker above the block does not hide it', async () => {
    const page = `${BLOCK_BEGIN}\nv1 crc32=00000000\nAAAA\n${BLOCK_END}`;
    const report = buildReport(result({ pageFindings: [{ problem: 'csp-license-expired', source: 'text', excerpt: page.slice(0, 120), at: 1 }] }), ctx());
    const message = reportMessage(renderReportText(report, buildHintPack('ru', '0.1.0')), await encodeBlock(report), 'ru');
    // The readable part has no marker of its own; only the data block does.
    expect(message.split(BLOCK_BEGIN)).toHaveLength(2);
    const back = await readReport(message);
    expect(back.ok && back.report).toEqual(report);
    // A message written by hand (or an older version) with a fake block above the real one still reads.
    const both = await readReport(`${page}\n\n${await encodeBlock(report)}`);
    expect(both.ok && both.report).toEqual(report);
    // Hundreds of markers cost a bounded number of reads, and say what was wrong with the first.
    const flood = await readReport(`${BLOCK_BEGIN}\n`.repeat(5000));
    expect(flood).toMatchObject({ ok: false, error: 'truncated' });
  });

  it('detects damage, truncation, oversize, future versions and garbage — never throws', async () => {
    const block = await encodeBlock(buildReport(result(), ctx()));
    const lines = block.split('\n');
    const body = lines[2]!;
    const flipped = [...lines.slice(0, 2), body.slice(0, 10) + (body[10] === 'A' ? 'B' : 'A') + body.slice(11), ...lines.slice(3)].join('\n');
    expect(await readReport(flipped)).toMatchObject({ ok: false, error: 'damaged' });
    expect(await readReport(lines.slice(0, 4).join('\n'))).toMatchObject({ ok: false, error: 'truncated' });
    expect(await readReport(lines.filter((_, i) => i !== 3).join('\n'))).toMatchObject({ ok: false, error: 'damaged' });
    expect(await readReport(block.replace(/crc32=[0-9A-F]{8}/, 'crc32=00000000'))).toMatchObject({ ok: false, error: 'damaged' });
    expect(await readReport(block.replace('v1 crc32', 'v9 crc32'))).toMatchObject({ ok: false, error: 'future-version' });
    expect(await readReport(JSON.stringify({ ...buildReport(result(), ctx()), v: 2 }))).toMatchObject({ ok: false, error: 'future-version' });
    expect(await readReport('x'.repeat(1024 * 1024 + 1))).toMatchObject({ ok: false, error: 'too-large' });
    expect(await readReport('   ')).toMatchObject({ ok: false, error: 'empty' });
    expect(await readReport('просто текст без отчёта')).toMatchObject({ ok: false, error: 'no-report' });
    expect(await readReport('{"format":"ep-doctor-report","v":1,"id":"x"}')).toMatchObject({ ok: false, error: 'invalid' });
    expect(await readReport(`${BLOCK_BEGIN}\nv1 crc32=00000000\n!!!!\n${BLOCK_END}`)).toMatchObject({ ok: false, error: 'damaged' });
    // Any cut inside the data, with or without an end marker pasted after it.
    const dataEnd = block.indexOf(BLOCK_END) - 1;
    for (let i = 0; i < 200; i++) {
      const cut = block.slice(0, Math.floor((dataEnd * i) / 200));
      const r = await readReport(cut + (i % 2 ? BLOCK_END : ''));
      expect(r.ok).toBe(false);
    }
  });

  it('renders plain text: verdict and ids first, what support asks for, at most 60 lines', () => {
    const pack = buildHintPack('ru', '0.1.0');
    const text = renderReportText(buildReport(result(), ctx()), pack);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^Отчёт ep-doctor [0-9A-Z]{8}: Найдено проблем: 2 — csp-license-expired, cert-not-qualified$/);
    for (const part of ['Время: 2026-11-25 15:00:02 (Europe/Moscow, UTC+03:00)', 'Площадка: Сбербанк-АСТ — https://www.sberbank-ast.ru/sign', 'плагин 2.0.15700', '(0x8007065B)', 'Истекла лицензия КриптоПро CSP (csp-license-expired)', 'Личные данные скрыты']) {
      expect(text).toContain(part);
    }
    expect(lines.length).toBeLessThanOrEqual(MAX_TEXT_LINES);
    const many = result({ problems: Array.from({ length: 80 }, (_, i) => ({ id: 'unknown-signing-error' as const, severity: 'warning' as const, source: 'plugin' as const, evidence: `code ${i}` })) });
    const long = renderReportText(buildReport(many, ctx()), pack).split('\n');
    expect(long.length).toBeLessThanOrEqual(MAX_TEXT_LINES);
    expect(long.join('\n')).toContain('…и ещё');
    expect(renderReportText(buildReport(result(), ctx({ lang: 'en' })), buildHintPack('en', '0.1.0')).split('\n')[0]).toContain('Problems found: 2');
  });

  it('says whether ep-doctor-host answered and which of its checks found something', async () => {
    const pack = buildHintPack('ru', '0.1.0');
    const base = result();
    const checks = ['native-host-manifests', 'cryptopro-csp', 'root-certificates', 'tokens', 'clock'].map((name) => ({ name, status: name === 'root-certificates' ? ('problem' as const) : ('ok' as const), detail: 'x' }));
    const withHost = buildReport({ ...base, facts: { ...base.facts!, companion: { state: 'ok', version: '0.1.0', detail: '', checks } } }, ctx());
    expect(renderReportText(withHost, pack)).toContain('Помощник ep-doctor-host: 0.1.0 проверок: 5; root-certificates — problem');
    expect((await readReport(reportMessage('', await encodeBlock(withHost), 'ru'))).ok).toBe(true);
    const missing = buildReport({ ...base, facts: { ...base.facts!, companion: { state: 'missing', version: null, detail: 'not found', checks: [] } } }, ctx());
    expect(renderReportText(missing, pack)).toContain('Помощник ep-doctor-host: не установлен');
    expect(renderReportText(buildReport(base, ctx()), pack)).not.toContain('ep-doctor-host');
  });
});

describe('text rendering snapshot', () => {
  it('stays as support reads it (Russian and English)', () => {
    expect(renderReportText(buildReport(result(), ctx()), buildHintPack('ru', '0.1.0'))).toMatchSnapshot();
    expect(renderReportText(buildReport(result(), ctx({ lang: 'en' })), buildHintPack('en', '0.1.0'))).toMatchSnapshot();
  });
});

describe('redaction', () => {
  it('masks the person, keeps the organisation, thumbprints, issuer and dates', () => {
    expect(maskName('Иван Иванович')).toBe('И*** И*******');
    const subject = redactSubject(SUBJECT);
    expect(subject).toContain('SN=И*****');
    expect(subject).toContain('G=И*** И*******');
    expect(subject).toContain('INN=*********703');
    expect(subject).toContain('SNILS=********595');
    expect(subject).toContain('E=i***@romashka.invalid');
    expect(subject).toContain('INNLE=7701123451');
    expect(subject).toContain('OGRN=1027700543210');
    expect(subject).toContain('CN="ООО ""РОМАШКА"""');
    expect(redactSubject(PERSON)).toContain('CN=П****** М**** И*******');
    expect(redactText('СНИЛС 112-233-445 95, thumbprint CDCDCD12345678901234CDCD')).toBe('СНИЛС ***-***-**5 95, thumbprint CDCDCD12345678901234CDCD');
  });

  it('no personal value survives a redacted report (generated people)', async () => {
    const surnames = ['Иванов', 'Петрова', 'Сидоренко', 'Кузнецов', 'Ёлкина', 'Smith'];
    const givens = ['Иван Петрович', 'Мария Ивановна', 'Олег', 'Анна-Мария Сергеевна', 'John'];
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const digits = (n: number) => Array.from({ length: n }, () => rnd(10)).join('').replace(/^0/, '1');
    for (let i = 0; i < 200; i++) {
      const sn = surnames[rnd(surnames.length)]!;
      const g = givens[rnd(givens.length)]!;
      const inn = digits(12);
      const snils = digits(11);
      const email = `${sn.toLowerCase()}.${i}@mail.invalid`;
      const subject = `CN=${sn} ${g}, SN=${sn}, G=${g}, C=RU, E=${email}, INN=${inn}, SNILS=${snils}`;
      const base = result();
      const r = result({
        problems: [...base.problems, { id: 'cert-not-qualified', severity: 'warning', source: 'certificate', evidence: `SNILS ${snils} INN ${inn} of ${sn} ${g} <${email}>` }],
        facts: { ...base.facts!, certificates: [{ ...base.facts!.certificates[0]!, subject, container: `\\\\.\\Aktiv\\${sn}-${inn}` }] },
        pageFindings: [{ problem: 'cert-not-qualified', source: 'text', excerpt: `Владелец: ${sn} ${g}, ИНН ${inn}, СНИЛС ${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`, at: 1 }],
      });
      const text = JSON.stringify(buildReport(r, ctx()));
      for (const secret of [inn, snils, email, sn, `${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)}`, ...g.split(' ').filter((w) => w.length > 2)]) {
        expect(text, `${secret} leaked`).not.toContain(secret);
      }
      // The full report keeps them, on purpose.
      expect(JSON.stringify(buildReport(r, ctx(), true))).toContain(inn);
    }
  });

  it('no personal value survives in any field a report carries: address, page text in any case and spacing, issuer, street, paths, containers, reasons', () => {
    const people = [
      { sn: 'Петров', g: 'Пётр Петрович', login: 'petrov.p', snils: '12345678901', inn: '771234567890', street: 'ул. Лесная, д. 5, кв. 12' },
      { sn: 'Ёлкина', g: 'Анна Сергеевна', login: 'elkina', snils: '98765432109', inn: '500100732259', street: 'пр-т Мира, 1-3' },
      { sn: 'Сидоренко', g: 'Олег Иванович', login: 'oleg', snils: '11223344595', inn: '370123456789', street: 'д. Лужки' },
    ];
    for (const { sn, g, login, snils, inn, street } of people) {
      const email = `${login}@mail.invalid`;
      const spaced = `${snils.slice(0, 3)} ${snils.slice(3, 6)} ${snils.slice(6, 9)} ${snils.slice(9)}`;
      const subject = `CN=${sn} ${g}, SN=${sn}, G=${g}, C=RU, STREET="${street.replace(/"/g, '""')}", E=${email}, INN=${inn}, SNILS=${snils}`;
      const base = result();
      const r = result({
        pageUrl: `https://www.sberbank-ast.ru/profile/${email}/snils/${snils}/inn/${inn}`,
        problems: [
          { id: 'cert-not-qualified', severity: 'warning', source: 'certificate', evidence: `owner ${sn.toUpperCase()} ${g.toLowerCase()}, СНИЛС ${spaced}` },
          { id: 'plugin-host-missing', severity: 'error', source: 'host', evidence: `no manifest in /home/${login}/.config/chromium and C:\\Users\\${sn}\\AppData`, cause: { key: HOST_CAUSES[0], params: { file: `/home/${login}/.config/chromium/NativeMessagingHosts/x.json` } } },
        ],
        facts: {
          ...base.facts!,
          certificates: [{ ...base.facts!.certificates[0]!, subject, issuer: subject, container: `\\\\.\\Aktiv Rutoken ECP 00 00\\${login}-${inn.slice(0, 4)}` }],
        },
        pageFindings: [{ problem: 'cert-not-qualified', source: 'text', excerpt: `Подписант: Кузнецова Ирина Олеговна; владелец ${sn.toLowerCase()} ${g}`, at: 1 }],
      });
      const report = buildReport({ ...r, status: 'failed', reason: `internal error at https://www.sberbank-ast.ru/cabinet?login=${login}&snils=${snils}` }, ctx());
      const text = JSON.stringify(report);
      const lowered = text.toLowerCase();
      for (const secret of [email, login, snils, inn, spaced, street, 'Кузнецова', 'Ирина', sn, ...g.split(' ')]) {
        expect(lowered, `${secret} leaked`).not.toContain(secret.toLowerCase());
      }
      // What support needs stays: the platform's address, the reader, the organisation's numbers.
      expect(report.platform.url).toBe('https://www.sberbank-ast.ru/profile/…/snils/…/inn/…');
      expect(text).toContain('Aktiv Rutoken ECP 00 00');
    }
  });
});
