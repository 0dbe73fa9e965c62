import type { PlatformGuide, PlatformMatch } from './types';

/**
 * ТЭК-Торг: 44 (ExtJS), 223/КОМ (zakupki), 178 (sale), sections Роснефть (rn), kim, Интер РАО
 * (research/platforms.md §3.7). No own error texts are known.
 */
export const match = {
  id: 'tektorg',
  hosts: ['*.tektorg.ru'],
  texts: [],
} as const satisfies PlatformMatch;

export const guide: PlatformGuide = {
  name: { ru: 'ТЭК-Торг', en: 'TEK-Torg' },
  sections: ['44', '223', '178', 'commercial'],
  gostTlsHosts: [],
  remedies: {
    'platform-cert-not-registered': {
      mode: 'replace',
      steps: {
        ru: [
          'Для 44-ФЗ сначала проверьте ЕИС (ЕРУЗ): организация зарегистрирована, вы добавлены её пользователем, новый сертификат зарегистрирован в ЕИС — аккредитация на площадке следует из данных ЕИС.',
          'В секции 44-ФЗ (44.tektorg.ru) входите кнопкой «ВХОД ЧЕРЕЗ ГОСУСЛУГИ».',
          'В секциях 223-ФЗ и коммерческих закупок (zakupki.tektorg.ru) загрузите сертификат в личном кабинете, в настройках личных данных (в англоязычной справке ТЭК-Торг: «Settings – Personal data»).',
          'В секции Интер РАО участвовать по 223-ФЗ без ЭП нельзя: загрузите сертификат до подачи заявки.',
          'Если не получается, посмотрите справку ТЭК-Торг или обратитесь в поддержку площадки.',
        ],
        en: [
          'For 44-FZ first check EIS (ERUZ): the organisation is registered, you are added as its user and the new certificate is registered in EIS — accreditation on the platform follows from EIS data.',
          'In the 44-FZ section (44.tektorg.ru) sign in with the «ВХОД ЧЕРЕЗ ГОСУСЛУГИ» (sign in through Gosuslugi) button.',
          'In the 223-FZ and commercial sections (zakupki.tektorg.ru) upload the certificate in the personal cabinet under Settings – Personal data.',
          'In the Inter RAO section you cannot take part under 223-FZ without a signature: upload the certificate before you submit a bid.',
          'If it does not work, see the TEK-Torg help or contact the platform\'s support.',
        ],
      },
    },
    'cert-not-qualified': {
      mode: 'after',
      steps: {
        ru: [
          'ТЭК-Торг в секциях 223-ФЗ и коммерческих закупок требует квалифицированный сертификат; его можно заказать в УЦ «ИТКОМ» кнопкой «Получить ЭП» на площадке (обычный выпуск — около 4 дней, срочный — около часа).',
        ],
        en: [
          'TEK-Torg requires a qualified certificate in its 223-FZ and commercial sections; you can order one from the ITKOM CA with the «Получить ЭП» (get a signature) button on the platform (standard issue about 4 days, urgent about an hour).',
        ],
      },
    },
    'platform-mchd-required': {
      mode: 'replace',
      steps: {
        ru: [
          'Проверьте, чьим сертификатом вы подписываете: с 01.09.2024 сотрудник (кроме руководителя), а также представитель ИП подписывает документы на площадке только с машиночитаемой доверенностью (МЧД).',
          'Попросите руководителя оформить МЧД в личном кабинете ЕИС — на администратора организации (с правом передоверия) или прямо на вас.',
          'На ТЭК-Торг укажите или загрузите эту МЧД в личном кабинете пользователя; если не найдёте, где это сделать, уточните в поддержке площадки (раздел мы не проверяли).',
          'Повторите подписание.',
        ],
        en: [
          'Check whose certificate you sign with: since 01.09.2024 an employee (anyone but the head), and also a representative of a sole proprietor, signs on the platform only with a machine-readable power of attorney (MChD).',
          'Ask the head of the organisation to issue the MChD in the EIS personal cabinet — to the organisation\'s administrator (with the right to delegate further) or directly to you.',
          'On TEK-Torg select or upload this MChD in your user cabinet; if you cannot find where, ask the platform\'s support (we have not checked the section).',
          'Repeat the signing.',
        ],
      },
    },
    'plugin-site-access-denied': {
      mode: 'replace',
      steps: {
        ru: [
          'Перезагрузите страницу и в окне «Подтверждение доступа» нажмите «Да».',
          'Если окно не появляется или доступ снова запрещён, откройте «Настройки КриптоПро ЭЦП Browser Plug-in» (в Windows обычно: «Пуск» → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'В «Список доверенных узлов» добавьте https://*.tektorg.ru и сохраните настройки.',
          'Перезапустите браузер и войдите на площадку снова.',
        ],
        en: [
          'Reload the page and answer «Да» (Yes) in the «Подтверждение доступа» (access confirmation) window.',
          'If the window does not appear or access is denied again, open «Настройки КриптоПро ЭЦП Browser Plug-in» (plug-in settings; on Windows usually Start → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'Add https://*.tektorg.ru to «Список доверенных узлов» (trusted sites) and save the settings.',
          'Restart the browser and sign in to the platform again.',
        ],
      },
    },
  },
  links: [
    { title: { ru: 'ТЭК-Торг: справка по 223-ФЗ и коммерческим закупкам', en: 'TEK-Torg: help for 223-FZ and commercial procurement' }, url: 'https://www.tektorg.ru/223-fz/help' },
    { title: { ru: 'ТЭК-Торг: справка секции Интер РАО', en: 'TEK-Torg: Inter RAO section help' }, url: 'https://www.tektorg.ru/inter_rao/help' },
  ],
  testUrls: [
    'https://www.tektorg.ru/223-fz/help',
    'https://44.tektorg.ru/authentication/login',
    'https://zakupki.tektorg.ru/#auth/login',
    'https://sale.tektorg.ru/',
    'https://rn.tektorg.ru/',
    'https://kim.tektorg.ru/',
  ],
};
