import type { PlatformGuide, PlatformMatch } from './types';

/**
 * ЕАТ «Берёзка» (agregatoreat.ru, РТ-Проектные технологии): electronic shop for small purchases. The research has
 * its hosts and supplier-cabinet paths only (research/platforms.md §2 #13): the login method, own error texts and
 * help pages were not found, so the remedies stay general and say so.
 */
export const match = {
  id: 'berezka',
  hosts: ['*.agregatoreat.ru'],
  texts: [],
} as const satisfies PlatformMatch;

export const guide: PlatformGuide = {
  name: { ru: 'ЕАТ «Берёзка»', en: 'EAT Beryozka' },
  sections: ['44', '223'],
  gostTlsHosts: [],
  remedies: {
    'platform-cert-not-registered': {
      mode: 'replace',
      steps: {
        ru: [
          'Для закупок по 44-ФЗ сначала проверьте в ЕИС (ЕРУЗ): организация зарегистрирована, вы добавлены как её пользователь, новый сертификат зарегистрирован.',
          'Затем войдите в личный кабинет поставщика ЕАТ (https://agregatoreat.ru/lk/supplier) и, если в профиле организации или пользователя есть раздел сертификатов, добавьте там новый сертификат.',
          'Если ЕАТ по-прежнему не узнаёт сертификат, обратитесь в поддержку ЕАТ «Берёзка» и приложите отчёт ep-doctor.',
        ],
        en: [
          'For 44-FZ procurement, first check EIS (ERUZ): your organisation is registered, you are added as its user, and the new certificate is registered.',
          'Then log in to the EAT supplier account (https://agregatoreat.ru/lk/supplier) and, if the organisation or user profile has a certificates section, add the new certificate there.',
          'If EAT still does not recognise the certificate, contact EAT Beryozka support and attach the ep-doctor report.',
        ],
      },
    },
    'platform-mchd-required': {
      mode: 'replace',
      steps: {
        ru: [
          'Проверьте, чей это сертификат: с 01.09.2024 сотрудник (не руководитель), который подписывает за организацию или ИП, может подписывать только вместе с машиночитаемой доверенностью (МЧД).',
          'Попросите руководителя выпустить МЧД в личном кабинете ЕИС — на вас или на администратора организации с правом передоверия.',
          'Загрузите или выберите МЧД в ЕАТ, если в личном кабинете есть раздел доверенностей, и подпишите документ снова.',
        ],
        en: [
          'Check whose certificate this is: since 01.09.2024 an employee (not the head) who signs for an organisation or a sole proprietor may sign only together with a machine-readable power of attorney (MChD).',
          'Ask the head of the organisation to issue the MChD in the EIS personal account — to you, or to the organisation administrator with the right to delegate.',
          'Upload or select the MChD in EAT if your personal account has a power-of-attorney section, then sign the document again.',
        ],
      },
    },
    'plugin-site-access-denied': {
      mode: 'replace',
      steps: {
        ru: [
          'Откройте «Настройки КриптоПро ЭЦП Browser Plug-in» (в Windows: «Пуск» → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'В «Список доверенных узлов» добавьте https://*.agregatoreat.ru и сохраните список.',
          'Перезагрузите страницу ЕАТ и в окне «Подтверждение доступа» нажмите «Да».',
        ],
        en: [
          'Open «Настройки КриптоПро ЭЦП Browser Plug-in» (the CryptoPro plug-in settings; on Windows: Start → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'Add https://*.agregatoreat.ru to «Список доверенных узлов» (the trusted sites list) and save the list.',
          'Reload the EAT page and answer «Да» (Yes) in the «Подтверждение доступа» (access confirmation) window.',
        ],
      },
    },
  },
  links: [],
  testUrls: [
    'https://agregatoreat.ru/',
    'https://agregatoreat.ru/lk/supplier',
    'https://agregatoreat.ru/lk/supplier/eat/purchases/active/all',
  ],
};
