import type { PlatformGuide, PlatformMatch } from './types';

/**
 * ЭТП РФ (etprf.ru): runs the same engine and URL scheme as ZakazRF (webppo./sale./webcust., `/NotificationEX`,
 * `/Logon`; research/platforms.md §2 #18, §3.5). Its sections are inferred from the host names (participants,
 * sales, customers). The engine's «Выбранная ЭЦП не авторизована» is matched by the generic detectors already.
 */
export const match = {
  id: 'etprf',
  hosts: ['*.etprf.ru'],
  texts: [],
} as const satisfies PlatformMatch;

export const guide: PlatformGuide = {
  name: { ru: 'ЭТП РФ', en: 'ETP RF' },
  sections: ['223', 'commercial', 'property'],
  gostTlsHosts: [],
  remedies: {
    'platform-signature-not-authorized': {
      mode: 'replace',
      steps: {
        ru: [
          'Проверьте, зарегистрирован ли на площадке ваш новый сертификат: ЭТП РФ работает на том же движке, что и ZakazRF, и это сообщение обычно значит, что оператор ещё не авторизовал сертификат для вашего пользователя.',
          'Зарегистрируйте новый сертификат в личном кабинете или отправьте оператору площадки запрос на его авторизацию, затем дождитесь подтверждения.',
          'Если сертификат уже авторизован, а ошибка остаётся, добавьте https://*.etprf.ru в исключения защитной программы (антивируса) и повторите вход.',
          'Если не помогло, обратитесь в поддержку ЭТП РФ и приложите отчёт ep-doctor.',
        ],
        en: [
          'Check whether your new certificate is registered on the platform: ETP RF runs the same engine as ZakazRF, and this message usually means the operator has not yet authorised the certificate for your user.',
          'Register the new certificate in your personal account or send the platform operator a request to authorise it, then wait for the confirmation.',
          'If the certificate is already authorised and the error remains, add https://*.etprf.ru to the exceptions of your security software (antivirus) and log in again.',
          'If that does not help, contact ETP RF support and attach the ep-doctor report.',
        ],
      },
    },
    'platform-cert-not-registered': {
      mode: 'replace',
      steps: {
        ru: [
          'Зарегистрируйте новый сертификат на ЭТП РФ: войдите в личный кабинет и добавьте сертификат или подайте заявку оператору, если в кабинете есть раздел сертификатов или пользователей.',
          'Дождитесь, пока оператор авторизует сертификат, и войдите с ним снова.',
          'Если площадка по-прежнему не узнаёт сертификат, обратитесь в поддержку ЭТП РФ.',
        ],
        en: [
          'Register the new certificate on ETP RF: log in to your personal account and add the certificate or send a request to the operator, if the account has a section for certificates or users.',
          'Wait until the operator authorises the certificate, then log in with it again.',
          'If the platform still does not recognise the certificate, contact ETP RF support.',
        ],
      },
    },
    'plugin-host-missing': {
      mode: 'after',
      steps: {
        ru: [
          'ЭТП РФ построена на движке ZakazRF, где для подписи используется собственный компонент AgzrtCryptProvider: если страница входа предлагает установить компонент подписи, установите его по ссылке с сайта площадки и перезапустите браузер.',
        ],
        en: [
          'ETP RF is built on the ZakazRF engine, which signs through its own AgzrtCryptProvider component: if the login page offers a signing component to install, install it from the platform\'s own link and restart the browser.',
        ],
      },
    },
    'activex-object-failed': {
      mode: 'after',
      steps: {
        ru: ['Если вы работаете в Internet Explorer, добавьте https://*.etprf.ru (а также webppo.etprf.ru и webcust.etprf.ru) в «Надежные узлы» и разрешите для этой зоны элементы ActiveX.'],
        en: ['If you work in Internet Explorer, add https://*.etprf.ru (and webppo.etprf.ru, webcust.etprf.ru) to «Надежные узлы» (Trusted sites) and allow ActiveX controls for that zone.'],
      },
    },
    'platform-mchd-required': {
      mode: 'replace',
      steps: {
        ru: [
          'Проверьте, чей это сертификат: с 01.09.2024 сотрудник (не руководитель), который подписывает за организацию или ИП сертификатом физического лица, должен подписывать вместе с машиночитаемой доверенностью (МЧД).',
          'Попросите руководителя выпустить МЧД (для закупок по 223-ФЗ — в личном кабинете ЕИС) на вас или на администратора организации с правом передоверия.',
          'Загрузите или выберите МЧД на площадке, если в личном кабинете есть раздел доверенностей, и подпишите документ снова; если такого раздела нет, уточните порядок в поддержке ЭТП РФ.',
        ],
        en: [
          'Check whose certificate this is: since 01.09.2024 an employee (not the head) who signs for an organisation or a sole proprietor with a personal certificate must sign together with a machine-readable power of attorney (MChD).',
          'Ask the head of the organisation to issue the MChD (for 223-FZ procurement — in the EIS personal account) to you or to the organisation administrator with the right to delegate.',
          'Upload or select the MChD on the platform if your personal account has a power-of-attorney section, then sign again; if there is no such section, ask ETP RF support how to proceed.',
        ],
      },
    },
    'plugin-site-access-denied': {
      mode: 'replace',
      steps: {
        ru: [
          'Откройте «Настройки КриптоПро ЭЦП Browser Plug-in» (в Windows: «Пуск» → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'В «Список доверенных узлов» добавьте https://*.etprf.ru и сохраните список.',
          'Перезагрузите страницу площадки и в окне «Подтверждение доступа» нажмите «Да».',
        ],
        en: [
          'Open «Настройки КриптоПро ЭЦП Browser Plug-in» (the CryptoPro plug-in settings; on Windows: Start → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'Add https://*.etprf.ru to «Список доверенных узлов» (the trusted sites list) and save the list.',
          'Reload the platform page and answer «Да» (Yes) in the «Подтверждение доступа» (access confirmation) window.',
        ],
      },
    },
  },
  links: [],
  testUrls: ['https://etprf.ru/', 'https://webppo.etprf.ru/NotificationEX', 'https://sale.etprf.ru/NotificationEX', 'https://webcust.etprf.ru/'],
};
