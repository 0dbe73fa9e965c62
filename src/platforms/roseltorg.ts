import type { PlatformGuide, PlatformMatch } from './types';

/** Росэлторг (ЕЭТП): 44 (etp), 223/КОМ (com, ExtJS), МСП (msp), 178 (178fz), Росэлторг.ID (lk, corp, business). */
export const match = {
  id: 'roseltorg',
  hosts: ['*.roseltorg.ru'],
  texts: [{ text: 'Не получилось подтвердить соответствие этой ЭП ни одному из пользователей', problem: 'platform-cert-not-registered' }],
} as const satisfies PlatformMatch;

export const guide: PlatformGuide = {
  name: { ru: 'Росэлторг (ЕЭТП)', en: 'Roseltorg (EETP)' },
  sections: ['44', '223', '178', 'commercial'],
  gostTlsHosts: [],
  remedies: {
    'platform-cert-not-registered': {
      mode: 'replace',
      steps: {
        ru: [
          'Для 44-ФЗ сначала проверьте ЕИС (ЕРУЗ): организация зарегистрирована, вы добавлены её пользователем, новый сертификат зарегистрирован в ЕИС — аккредитация на площадке следует из данных ЕИС.',
          'Войдите на площадку без новой ЭП: по логину и паролю, через Госуслуги (ЕСИА) или другим уже зарегистрированным сертификатом.',
          'Нажмите на своё ФИО в правом верхнем углу и выберите «Загрузить новую ЭП».',
          'Выберите новый сертификат, нажмите «OK» и дождитесь сообщения об успешной загрузке.',
          'Если вы забыли логин или пароль, отправьте официальное письмо через центр поддержки (форма на https://www.roseltorg.ru/trade/faq/).',
        ],
        en: [
          'For 44-FZ first check EIS (ERUZ): the organisation is registered, you are added as its user and the new certificate is registered in EIS — accreditation on the platform follows from EIS data.',
          'Sign in to the platform without the new signature: with login and password, through Gosuslugi (ESIA), or with another certificate that is already registered.',
          'Click your name in the top right corner and choose «Загрузить новую ЭП» (upload a new signature).',
          'Choose the new certificate, click «OK» and wait for the success message.',
          'If you have forgotten your login or password, send an official letter through the support centre (form at https://www.roseltorg.ru/trade/faq/).',
        ],
      },
    },
    'platform-mchd-required': {
      mode: 'replace',
      steps: {
        ru: [
          'Проверьте, чьим сертификатом вы подписываете: с 01.09.2024 сотрудник (кроме руководителя), а также представитель ИП подписывает документы на площадке только с машиночитаемой доверенностью (МЧД).',
          'Попросите руководителя оформить МЧД в личном кабинете ЕИС — на администратора организации (с правом передоверия) или прямо на вас.',
          'На Росэлторге укажите или загрузите эту МЧД в профиле пользователя; если не найдёте, где это сделать, уточните в поддержке площадки (раздел мы не проверяли).',
          'Повторите подписание.',
        ],
        en: [
          'Check whose certificate you sign with: since 01.09.2024 an employee (anyone but the head), and also a representative of a sole proprietor, signs on the platform only with a machine-readable power of attorney (MChD).',
          'Ask the head of the organisation to issue the MChD in the EIS personal cabinet — to the organisation\'s administrator (with the right to delegate further) or directly to you.',
          'On Roseltorg select or upload this MChD in your user profile; if you cannot find where, ask the platform\'s support (we have not checked the section).',
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
          'В «Список доверенных узлов» добавьте https://*.roseltorg.ru и сохраните настройки.',
          'Перезапустите браузер и войдите на площадку снова.',
        ],
        en: [
          'Reload the page and answer «Да» (Yes) in the «Подтверждение доступа» (access confirmation) window.',
          'If the window does not appear or access is denied again, open «Настройки КриптоПро ЭЦП Browser Plug-in» (plug-in settings; on Windows usually Start → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'Add https://*.roseltorg.ru to «Список доверенных узлов» (trusted sites) and save the settings.',
          'Restart the browser and sign in to the platform again.',
        ],
      },
    },
  },
  links: [
    { title: { ru: 'Росэлторг: частые вопросы и форма обращения', en: 'Roseltorg: FAQ and contact form' }, url: 'https://www.roseltorg.ru/trade/faq/' },
  ],
  testUrls: [
    'https://www.roseltorg.ru/',
    'https://etp.roseltorg.ru/authentication/login',
    'https://com.roseltorg.ru/#auth/login',
    'https://msp.roseltorg.ru/',
    'https://178fz.roseltorg.ru/#auth/login',
    'https://lk.roseltorg.ru/',
  ],
};
