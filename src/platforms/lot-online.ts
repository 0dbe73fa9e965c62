import type { PlatformGuide, PlatformMatch } from './types';

/**
 * РАД / lot-online (АО «Российский аукционный дом»): 44-ФЗ on gz., 223-ФЗ on tender., property, bankruptcy
 * and pledge sales, a marketplace. No platform-specific error text is known (research/platforms.md §2 #8, §3.8),
 * so only the generic detectors fire here.
 */
export const match = {
  id: 'lot-online',
  hosts: ['*.lot-online.ru'],
  texts: [],
} as const satisfies PlatformMatch;

export const guide: PlatformGuide = {
  name: { ru: 'РАД (lot-online)', en: 'Russian Auction House (lot-online)' },
  sections: ['44', '223', 'property', 'commercial'],
  gostTlsHosts: [],
  remedies: {
    'platform-cert-not-registered': {
      mode: 'replace',
      steps: {
        ru: [
          'Для закупок по 44-ФЗ (gz.lot-online.ru) сначала проверьте в ЕИС (ЕРУЗ): организация зарегистрирована, вы добавлены как её пользователь, новый сертификат зарегистрирован. Аккредитация на площадке следует из данных ЕИС.',
          'Войдите на gz.lot-online.ru через Госуслуги (ЕСИА): кнопка входа → вход через ЕСИА. Обычно после этого площадка сама получает ваши данные из ЕИС.',
          'Для 223-ФЗ, продажи имущества и коммерческих торгов добавьте новый сертификат в личном кабинете, если там есть раздел сертификатов или пользователей.',
          'Если площадка по-прежнему не узнаёт сертификат, напишите в поддержку РАД и приложите отчёт ep-doctor.',
        ],
        en: [
          'For 44-FZ procurement (gz.lot-online.ru), first check EIS (ERUZ): your organisation is registered, you are added as its user, and the new certificate is registered. Accreditation on the platform follows from the EIS data.',
          'Log in to gz.lot-online.ru through Gosuslugi (ESIA): the login button → login via ESIA. Usually the platform then takes your data from EIS by itself.',
          'For 223-FZ, property sales and commercial trading, add the new certificate in your personal account if it has a section for certificates or users.',
          'If the platform still does not recognise the certificate, write to RAD support and attach the ep-doctor report.',
        ],
      },
    },
    'platform-mchd-required': {
      mode: 'replace',
      steps: {
        ru: [
          'Проверьте, чей это сертификат: с 01.09.2024 сотрудник (не руководитель), который подписывает за организацию или ИП, может подписывать только вместе с машиночитаемой доверенностью (МЧД).',
          'Попросите руководителя выпустить МЧД в личном кабинете ЕИС — на вас или на администратора организации с правом передоверия.',
          'Загрузите или выберите МЧД на площадке, если в личном кабинете есть раздел доверенностей, и подпишите документ снова.',
        ],
        en: [
          'Check whose certificate this is: since 01.09.2024 an employee (not the head) who signs for an organisation or a sole proprietor may sign only together with a machine-readable power of attorney (MChD).',
          'Ask the head of the organisation to issue the MChD in the EIS personal account — to you, or to the organisation administrator with the right to delegate.',
          'Upload or select the MChD on the platform if your personal account has a power-of-attorney section, then sign the document again.',
        ],
      },
    },
    'plugin-site-access-denied': {
      mode: 'replace',
      steps: {
        ru: [
          'Откройте «Настройки КриптоПро ЭЦП Browser Plug-in» (в Windows: «Пуск» → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'В «Список доверенных узлов» добавьте https://*.lot-online.ru и сохраните список.',
          'Перезагрузите страницу площадки и в окне «Подтверждение доступа» нажмите «Да».',
        ],
        en: [
          'Open «Настройки КриптоПро ЭЦП Browser Plug-in» (the CryptoPro plug-in settings; on Windows: Start → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'Add https://*.lot-online.ru to «Список доверенных узлов» (the trusted sites list) and save the list.',
          'Reload the platform page and answer «Да» (Yes) in the «Подтверждение доступа» (access confirmation) window.',
        ],
      },
    },
  },
  links: [],
  testUrls: [
    'https://gz.lot-online.ru/etp_front/',
    'https://tender.lot-online.ru/app/',
    'https://catalog.lot-online.ru/',
    'https://bankruptcy.lot-online.ru/',
    'https://zalog.lot-online.ru/',
    'https://market.lot-online.ru/',
  ],
};
