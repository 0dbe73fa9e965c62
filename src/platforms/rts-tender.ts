import type { PlatformGuide, PlatformMatch } from './types';

/** РТС-тендер: 44 (app), 223 (ASP.NET), 178/имущество (it2-auth, i), regional ЗМО `*zmo` (research/platforms.md §3.2). */
export const match = {
  id: 'rts-tender',
  hosts: ['*.rts-tender.ru'],
  texts: [{ text: 'Сертификат пользователя не зарегистрирован в системе', problem: 'platform-cert-not-registered' }],
} as const satisfies PlatformMatch;

export const guide: PlatformGuide = {
  name: { ru: 'РТС-тендер', en: 'RTS-tender' },
  sections: ['44', '223', '178', 'property'],
  gostTlsHosts: [],
  remedies: {
    'platform-cert-not-registered': {
      mode: 'replace',
      steps: {
        ru: [
          'Для 44-ФЗ сначала проверьте ЕИС (ЕРУЗ): организация зарегистрирована, вы добавлены её пользователем, новый сертификат зарегистрирован в ЕИС — аккредитация на площадке следует из данных ЕИС.',
          'Если в тексте ошибки есть ссылка «для регистрации нового пользователя», перейдите по ней и заполните форму.',
          'Или войдите под уже зарегистрированным пользователем организации и откройте «44-ФЗ» → «Участники» → «Добавить пользователя».',
          'Нажмите «Выбрать из списка» (данные заполнятся из сертификата), задайте новый логин, пароль и кодовое слово и сохраните.',
          'Новый пользователь появляется примерно через 30 минут. Затем войдите через Госуслуги (ЕСИА), отметьте «Войти как физическое лицо», выберите сертификат в таблице и нажмите «Войти».',
        ],
        en: [
          'For 44-FZ first check EIS (ERUZ): the organisation is registered, you are added as its user and the new certificate is registered in EIS — accreditation on the platform follows from EIS data.',
          'If the error text has a link to register a new user, follow it and fill in the form.',
          'Or sign in as an already registered user of the organisation and open «44-ФЗ» → «Участники» (Participants) → «Добавить пользователя» (add user).',
          'Click «Выбрать из списка» (choose from list; the data are filled in from the certificate), set a new login, password and code word, and save.',
          'The new user appears after about 30 minutes. Then sign in through Gosuslugi (ESIA), tick «Войти как физическое лицо» (sign in as an individual), choose the certificate in the table and click «Войти» (sign in).',
        ],
      },
    },
    'platform-mchd-required': {
      mode: 'replace',
      steps: {
        ru: [
          'Проверьте, чьим сертификатом вы подписываете: с 01.09.2024 сотрудник (кроме руководителя), а также представитель ИП подписывает документы на площадке только с машиночитаемой доверенностью (МЧД).',
          'Попросите руководителя оформить МЧД в личном кабинете ЕИС — на администратора организации (с правом передоверия) или прямо на вас.',
          'На РТС-тендер укажите или загрузите эту МЧД в личном кабинете пользователя; если не найдёте, где это сделать, уточните в поддержке площадки (раздел мы не проверяли).',
          'Повторите подписание.',
        ],
        en: [
          'Check whose certificate you sign with: since 01.09.2024 an employee (anyone but the head), and also a representative of a sole proprietor, signs on the platform only with a machine-readable power of attorney (MChD).',
          'Ask the head of the organisation to issue the MChD in the EIS personal cabinet — to the organisation\'s administrator (with the right to delegate further) or directly to you.',
          'On RTS-tender select or upload this MChD in your user cabinet; if you cannot find where, ask the platform\'s support (we have not checked the section).',
          'Repeat the signing.',
        ],
      },
    },
    'platform-security-software': {
      mode: 'replace',
      steps: {
        ru: [
          'РТС-тендер предупреждает: антивирусы с проверкой защищённых соединений (Kaspersky, Dr.Web, Avast и другие) могут делать ресурсы площадки недоступными.',
          'Откройте настройки антивируса и добавьте *.rts-tender.ru в исключения проверки защищённых (HTTPS) соединений или отключите эту проверку для площадки.',
          'Перезапустите браузер и войдите снова.',
        ],
        en: [
          'RTS-tender warns that antivirus software that scans protected connections (Kaspersky, Dr.Web, Avast and others) can make the platform unavailable.',
          'Open the antivirus settings and add *.rts-tender.ru to the exclusions of protected (HTTPS) connection scanning, or turn that scanning off for the platform.',
          'Restart the browser and sign in again.',
        ],
      },
    },
    'browser-unsupported': {
      mode: 'after',
      steps: {
        ru: ['РТС-тендер рекомендует Windows 10/11 и Яндекс Браузер, Google Chrome или Chromium-Gost.'],
        en: ['RTS-tender recommends Windows 10/11 with Yandex Browser, Google Chrome or Chromium-Gost.'],
      },
    },
    'plugin-host-missing': {
      mode: 'after',
      steps: {
        ru: ['На странице требований к рабочему месту РТС-тендер есть программа настройки (кнопка «ЗАПУСТИТЬ ПРОГРАММУ НАСТРОЙКИ»): запустите её, если она доступна.'],
        en: ['The RTS-tender workstation requirements page offers a setup program (button «ЗАПУСТИТЬ ПРОГРАММУ НАСТРОЙКИ», run the setup program): run it if it is available.'],
      },
    },
    'csp-conflict': {
      mode: 'after',
      steps: {
        ru: ['РТС-тендер также советует оставить на компьютере один криптопровайдер: несколько установленных одновременно вызывают ошибки подписи.'],
        en: ['RTS-tender also advises keeping a single crypto provider on the computer: several installed at once cause signing errors.'],
      },
    },
    'plugin-site-access-denied': {
      mode: 'replace',
      steps: {
        ru: [
          'Перезагрузите страницу и в окне «Подтверждение доступа» нажмите «Да» (на площадках ЗМО оно появляется после выбора сертификата).',
          'Если окно не появляется или доступ снова запрещён, откройте «Настройки КриптоПро ЭЦП Browser Plug-in» (в Windows обычно: «Пуск» → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'В «Список доверенных узлов» добавьте https://*.rts-tender.ru и сохраните настройки.',
          'Перезапустите браузер и войдите на площадку снова.',
        ],
        en: [
          'Reload the page and answer «Да» (Yes) in the «Подтверждение доступа» (access confirmation) window (on the ZMO sites it appears after you choose the certificate).',
          'If the window does not appear or access is denied again, open «Настройки КриптоПро ЭЦП Browser Plug-in» (plug-in settings; on Windows usually Start → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'Add https://*.rts-tender.ru to «Список доверенных узлов» (trusted sites) and save the settings.',
          'Restart the browser and sign in to the platform again.',
        ],
      },
    },
  },
  links: [],
  testUrls: [
    'https://www.rts-tender.ru/',
    'https://app.rts-tender.ru/auth/sso/login/participant',
    'https://223.rts-tender.ru/supplier/sso/Login.aspx',
    'https://it2-auth.rts-tender.ru/Account/Login',
    'https://i.rts-tender.ru/',
    'https://stavzmo.rts-tender.ru/',
  ],
};
