import type { PlatformGuide, PlatformMatch } from './types';

/**
 * ЭТП ГПБ: 44 (gos.etpgpb.ru), 223/178 (etp.gpb.ru, ExtJS). gpb.ru is Газпромбанк's own domain, so only
 * etp.gpb.ru is listed (research/platforms.md §3.4).
 */
export const match = {
  id: 'etpgpb',
  hosts: ['*.etpgpb.ru', 'etp.gpb.ru'],
  texts: [{ text: 'Не получилось подтвердить соответствие этого сертификата ЭП ни одному из пользователей', problem: 'platform-cert-not-registered' }],
} as const satisfies PlatformMatch;

export const guide: PlatformGuide = {
  name: { ru: 'ЭТП ГПБ', en: 'ETP GPB (Gazprombank)' },
  sections: ['44', '223', '178'],
  gostTlsHosts: [],
  remedies: {
    'platform-cert-not-registered': {
      mode: 'replace',
      steps: {
        ru: [
          'Для 44-ФЗ сначала проверьте ЕИС (ЕРУЗ): организация зарегистрирована, вы добавлены её пользователем, новый сертификат зарегистрирован в ЕИС — аккредитация на площадке следует из данных ЕИС.',
          'Войдите на площадку через Госуслуги (ЕСИА): кнопка входа, затем вход через ЕСИА.',
          'В личном кабинете привяжите новый сертификат к своему пользователю (точное название раздела мы не проверяли — при затруднении обратитесь в поддержку ЭТП ГПБ).',
          'Выйдите и войдите снова с новым сертификатом.',
        ],
        en: [
          'For 44-FZ first check EIS (ERUZ): the organisation is registered, you are added as its user and the new certificate is registered in EIS — accreditation on the platform follows from EIS data.',
          'Sign in to the platform through Gosuslugi (ESIA): the login button, then the ESIA option.',
          'In the personal cabinet bind the new certificate to your user (we have not checked the exact name of the section — ask ETP GPB support if unsure).',
          'Sign out and sign in again with the new certificate.',
        ],
      },
    },
    'platform-mchd-required': {
      mode: 'replace',
      steps: {
        ru: [
          'Проверьте, чьим сертификатом вы подписываете: с 01.09.2024 сотрудник (кроме руководителя), а также представитель ИП подписывает документы на площадке только с машиночитаемой доверенностью (МЧД).',
          'Попросите руководителя оформить МЧД в личном кабинете ЕИС — на администратора организации (с правом передоверия) или прямо на вас.',
          'На ЭТП ГПБ укажите или загрузите эту МЧД в личном кабинете пользователя; если не найдёте, где это сделать, уточните в поддержке площадки (раздел мы не проверяли).',
          'Повторите подписание.',
        ],
        en: [
          'Check whose certificate you sign with: since 01.09.2024 an employee (anyone but the head), and also a representative of a sole proprietor, signs on the platform only with a machine-readable power of attorney (MChD).',
          'Ask the head of the organisation to issue the MChD in the EIS personal cabinet — to the organisation\'s administrator (with the right to delegate further) or directly to you.',
          'On ETP GPB select or upload this MChD in your user cabinet; if you cannot find where, ask the platform\'s support (we have not checked the section).',
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
          'В «Список доверенных узлов» добавьте https://*.etpgpb.ru и https://etp.gpb.ru и сохраните настройки.',
          'Перезапустите браузер и войдите на площадку снова.',
        ],
        en: [
          'Reload the page and answer «Да» (Yes) in the «Подтверждение доступа» (access confirmation) window.',
          'If the window does not appear or access is denied again, open «Настройки КриптоПро ЭЦП Browser Plug-in» (plug-in settings; on Windows usually Start → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'Add https://*.etpgpb.ru and https://etp.gpb.ru to «Список доверенных узлов» (trusted sites) and save the settings.',
          'Restart the browser and sign in to the platform again.',
        ],
      },
    },
  },
  links: [],
  testUrls: [
    'https://etpgpb.ru/',
    'https://gos.etpgpb.ru/?showAvtoLogin',
    'https://new.etpgpb.ru/',
    'https://etp.gpb.ru/#auth/login',
  ],
};
