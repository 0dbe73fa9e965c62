import type { PlatformGuide, PlatformMatch } from './types';

/**
 * OTC-tender (otc.ru, etp.otc.ru, market.otc.ru): 223-ФЗ and commercial procurement. The research has only its
 * hosts (research/platforms.md §2 #10): no login flow, no own error text, no help pages, so the remedies stay general.
 */
export const match = {
  id: 'otc',
  hosts: ['*.otc.ru'],
  texts: [],
} as const satisfies PlatformMatch;

export const guide: PlatformGuide = {
  name: { ru: 'OTC-tender (OTC.ru)', en: 'OTC-tender (OTC.ru)' },
  sections: ['223', 'commercial'],
  gostTlsHosts: [],
  remedies: {
    'platform-cert-not-registered': {
      mode: 'replace',
      steps: {
        ru: [
          'Если вы участвуете в закупках у МСП по 223-ФЗ, сначала проверьте в ЕИС (ЕРУЗ), что организация, вы как пользователь и новый сертификат там зарегистрированы.',
          'Добавьте новый сертификат на площадке: войдите в личный кабинет OTC и найдите раздел сертификатов или пользователей (обычно в профиле пользователя или организации).',
          'Если такого раздела нет или сертификат не принимается, обратитесь в поддержку OTC-tender и приложите отчёт ep-doctor.',
        ],
        en: [
          'If you take part in 223-FZ procurement from small and medium businesses, first check in EIS (ERUZ) that your organisation, you as a user and the new certificate are registered there.',
          'Add the new certificate on the platform: log in to your OTC personal account and look for a section for certificates or users (usually in the user or organisation profile).',
          'If there is no such section or the certificate is not accepted, contact OTC-tender support and attach the ep-doctor report.',
        ],
      },
    },
    'platform-mchd-required': {
      mode: 'replace',
      steps: {
        ru: [
          'Проверьте, чей это сертификат: с 01.09.2024 сотрудник (не руководитель), который подписывает за организацию или ИП сертификатом физического лица, должен подписывать вместе с машиночитаемой доверенностью (МЧД).',
          'Попросите руководителя выпустить МЧД (для закупок по 223-ФЗ — в личном кабинете ЕИС) на вас или на администратора организации с правом передоверия.',
          'Загрузите или выберите МЧД на площадке, если в личном кабинете есть раздел доверенностей, и подпишите документ снова; если такого раздела нет, уточните порядок в поддержке OTC-tender.',
        ],
        en: [
          'Check whose certificate this is: since 01.09.2024 an employee (not the head) who signs for an organisation or a sole proprietor with a personal certificate must sign together with a machine-readable power of attorney (MChD).',
          'Ask the head of the organisation to issue the MChD (for 223-FZ procurement — in the EIS personal account) to you or to the organisation administrator with the right to delegate.',
          'Upload or select the MChD on the platform if your personal account has a power-of-attorney section, then sign again; if there is no such section, ask OTC-tender support how to proceed.',
        ],
      },
    },
    'plugin-site-access-denied': {
      mode: 'replace',
      steps: {
        ru: [
          'Откройте «Настройки КриптоПро ЭЦП Browser Plug-in» (в Windows: «Пуск» → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'В «Список доверенных узлов» добавьте https://*.otc.ru и сохраните список.',
          'Перезагрузите страницу площадки и в окне «Подтверждение доступа» нажмите «Да».',
        ],
        en: [
          'Open «Настройки КриптоПро ЭЦП Browser Plug-in» (the CryptoPro plug-in settings; on Windows: Start → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'Add https://*.otc.ru to «Список доверенных узлов» (the trusted sites list) and save the list.',
          'Reload the platform page and answer «Да» (Yes) in the «Подтверждение доступа» (access confirmation) window.',
        ],
      },
    },
  },
  links: [],
  testUrls: ['https://otc.ru/', 'https://etp.otc.ru/', 'https://market.otc.ru/'],
};
