import type { PlatformGuide, PlatformMatch } from './types';

/**
 * АСТ ГОЗ: procurement for the state defence order (44-ФЗ on 44., 223-ФЗ on 223.). Its server TLS certificate is
 * issued by the НУЦ Минцифры (Russian Trusted Root CA), as for ЕИС (research/platforms.md §1.6, §2 #12, §4.1).
 */
export const match = {
  id: 'astgoz',
  hosts: ['*.astgoz.ru'],
  texts: [{ text: 'Пользователь с данным сертификатом не зарегистрирован', problem: 'platform-cert-not-registered' }],
} as const satisfies PlatformMatch;

export const guide: PlatformGuide = {
  name: { ru: 'АСТ ГОЗ', en: 'AST GOZ' },
  sections: ['44', '223'],
  gostTlsHosts: [],
  remedies: {
    'platform-cert-not-registered': {
      mode: 'replace',
      steps: {
        ru: [
          'Для закупок по 44-ФЗ (44.astgoz.ru) сначала проверьте в ЕИС (ЕРУЗ): организация зарегистрирована, вы добавлены как её пользователь, новый сертификат зарегистрирован. Аккредитация на площадке следует из данных ЕИС.',
          'Затем зарегистрируйте на АСТ ГОЗ нового пользователя или новый сертификат: начните со страницы входа https://www.astgoz.ru/login или из личного кабинета пользователя организации, который уже зарегистрирован.',
          'После регистрации войдите с новым сертификатом ещё раз.',
          'Если ошибка остаётся, обратитесь в поддержку АСТ ГОЗ и приложите отчёт ep-doctor.',
        ],
        en: [
          'For 44-FZ procurement (44.astgoz.ru), first check EIS (ERUZ): your organisation is registered, you are added as its user, and the new certificate is registered. Accreditation on the platform follows from the EIS data.',
          'Then register the new user or the new certificate on AST GOZ: start from the login page https://www.astgoz.ru/login or from the personal account of an organisation user who is already registered.',
          'After the registration, log in with the new certificate again.',
          'If the error remains, contact AST GOZ support and attach the ep-doctor report.',
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
          'В «Список доверенных узлов» добавьте https://*.astgoz.ru и сохраните список.',
          'Перезагрузите страницу площадки и в окне «Подтверждение доступа» нажмите «Да».',
        ],
        en: [
          'Open «Настройки КриптоПро ЭЦП Browser Plug-in» (the CryptoPro plug-in settings; on Windows: Start → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'Add https://*.astgoz.ru to «Список доверенных узлов» (the trusted sites list) and save the list.',
          'Reload the platform page and answer «Да» (Yes) in the «Подтверждение доступа» (access confirmation) window.',
        ],
      },
    },
    'chain-untrusted': {
      mode: 'after',
      steps: {
        ru: [
          'Сайт АСТ ГОЗ, как и ЕИС, защищён TLS-сертификатом НУЦ Минцифры: если браузер пишет, что подключение к astgoz.ru не защищено, установите корневой сертификат Минцифры (Russian Trusted Root CA) в «Доверенные корневые центры сертификации» или откройте площадку в Яндекс Браузере.',
        ],
        en: [
          'Like EIS, the AST GOZ site uses a TLS certificate of the Ministry of Digital Development CA: if the browser says the connection to astgoz.ru is not secure, install the Russian Trusted Root CA certificate into «Доверенные корневые центры сертификации» (Trusted Root Certification Authorities) or open the platform in Yandex Browser.',
        ],
      },
    },
  },
  links: [],
  testUrls: ['https://www.astgoz.ru/login', 'https://44.astgoz.ru/', 'https://223.astgoz.ru/'],
};
