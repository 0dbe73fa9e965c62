import type { PlatformGuide, PlatformMatch } from './types';

/**
 * НЭП-Фабрикант (АО «ЭТС»): fabrikant.ru, 44.fabrikant.ru and the old etp-ets.ru, which redirects to
 * 44.fabrikant.ru since 01.02.2025 (research/platforms.md §3.6). The login form lives in an iframe.
 */
export const match = {
  id: 'fabrikant',
  hosts: ['*.fabrikant.ru', '*.etp-ets.ru'],
  texts: [{ text: 'Пользователя с таким сертификатом нет или он еще не активен', problem: 'platform-cert-not-registered' }],
} as const satisfies PlatformMatch;

export const guide: PlatformGuide = {
  name: { ru: 'НЭП-Фабрикант', en: 'NEP-Fabrikant' },
  sections: ['44', '223', 'commercial'],
  gostTlsHosts: [],
  remedies: {
    'platform-cert-not-registered': {
      mode: 'replace',
      steps: {
        ru: [
          'Для 44-ФЗ сначала проверьте ЕИС (ЕРУЗ): организация зарегистрирована, вы добавлены её пользователем, новый сертификат зарегистрирован в ЕИС — аккредитация на площадке следует из данных ЕИС.',
          'С 01.02.2025 площадка www.etp-ets.ru перенесена на 44.fabrikant.ru, учётные записи объединены: входите на 44.fabrikant.ru (как войти после переноса, описано в FAQ Фабриканта).',
          'Войдите через Госуслуги (ЕСИА) — ссылка «Войти через» в окне входа — или по логину и паролю, и привяжите новый сертификат к своему пользователю в личном кабинете (точное название раздела мы не проверяли).',
          'Если пользователь зарегистрирован недавно, дождитесь его активации оператором и войдите снова.',
          'Если ошибка остаётся, обратитесь в поддержку Фабриканта.',
        ],
        en: [
          'For 44-FZ first check EIS (ERUZ): the organisation is registered, you are added as its user and the new certificate is registered in EIS — accreditation on the platform follows from EIS data.',
          'Since 01.02.2025 the www.etp-ets.ru platform has moved to 44.fabrikant.ru and the accounts were merged: sign in at 44.fabrikant.ru (the Fabrikant FAQ explains how to sign in after the move).',
          'Sign in through Gosuslugi (ESIA) — the «Войти через» (sign in with) link in the login window — or with login and password, and bind the new certificate to your user in the personal cabinet (we have not checked the exact name of the section).',
          'If the user was registered recently, wait until the operator activates it and sign in again.',
          'If the error remains, contact Fabrikant support.',
        ],
      },
    },
    'platform-mchd-required': {
      mode: 'replace',
      steps: {
        ru: [
          'Проверьте, чьим сертификатом вы подписываете: с 01.09.2024 сотрудник (кроме руководителя), а также представитель ИП подписывает документы на площадке только с машиночитаемой доверенностью (МЧД).',
          'Попросите руководителя оформить МЧД в личном кабинете ЕИС — на администратора организации (с правом передоверия) или прямо на вас.',
          'На Фабриканте укажите или загрузите эту МЧД в личном кабинете пользователя; если не найдёте, где это сделать, уточните в поддержке площадки (раздел мы не проверяли).',
          'Повторите подписание.',
        ],
        en: [
          'Check whose certificate you sign with: since 01.09.2024 an employee (anyone but the head), and also a representative of a sole proprietor, signs on the platform only with a machine-readable power of attorney (MChD).',
          'Ask the head of the organisation to issue the MChD in the EIS personal cabinet — to the organisation\'s administrator (with the right to delegate further) or directly to you.',
          'On Fabrikant select or upload this MChD in your user cabinet; if you cannot find where, ask the platform\'s support (we have not checked the section).',
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
          'В «Список доверенных узлов» добавьте https://*.fabrikant.ru (и https://*.etp-ets.ru, если ещё работаете на старом адресе) и сохраните настройки.',
          'Перезапустите браузер и войдите на площадку снова.',
        ],
        en: [
          'Reload the page and answer «Да» (Yes) in the «Подтверждение доступа» (access confirmation) window.',
          'If the window does not appear or access is denied again, open «Настройки КриптоПро ЭЦП Browser Plug-in» (plug-in settings; on Windows usually Start → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'Add https://*.fabrikant.ru (and https://*.etp-ets.ru if you still use the old address) to «Список доверенных узлов» (trusted sites) and save the settings.',
          'Restart the browser and sign in to the platform again.',
        ],
      },
    },
  },
  links: [
    {
      title: { ru: 'Фабрикант: FAQ о переносе учётных записей с etp-ets.ru', en: 'Fabrikant: FAQ on moving accounts from etp-ets.ru' },
      url: 'https://www.fabrikant.ru/faq?category-id=1594&element-id=138',
    },
  ],
  testUrls: [
    'https://www.fabrikant.ru/',
    'https://fabrikant.ru/faq?category-id=1594&element-id=138',
    'https://44.fabrikant.ru/',
    'https://www.etp-ets.ru/44/catalog/procedure',
  ],
};
