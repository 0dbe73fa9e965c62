import type { PlatformGuide, PlatformMatch } from './types';

/**
 * АГЗ РТ / ZakazRF: 44 (webppo, etp), 223 (223etp), sale, auth (the AgzrtCryptProvider download), and the
 * operator's agzrt.ru. Its known text «Выбранная ЭЦП не авторизована» is already a generic text signal,
 * so `texts` is empty (research/platforms.md §0b, §3.5).
 */
export const match = {
  id: 'zakazrf',
  hosts: ['*.zakazrf.ru', '*.agzrt.ru'],
  texts: [],
} as const satisfies PlatformMatch;

export const guide: PlatformGuide = {
  name: { ru: 'АГЗ РТ (ZakazRF)', en: 'AGZ RT (ZakazRF)' },
  sections: ['44', '223'],
  gostTlsHosts: [],
  remedies: {
    'platform-signature-not-authorized': {
      mode: 'replace',
      steps: {
        ru: [
          'Для 44-ФЗ сначала проверьте ЕИС (ЕРУЗ): организация зарегистрирована, вы добавлены её пользователем, новый сертификат зарегистрирован в ЕИС — аккредитация на площадке следует из данных ЕИС.',
          'Ошибка обычно значит, что ваш пользователь или новый сертификат ещё не зарегистрирован (не авторизован) на площадке: зарегистрируйте новый сертификат в личном кабинете или отправьте оператору АГЗ РТ запрос на его авторизацию.',
          'Дождитесь подтверждения и войдите снова: «Вход участником через ЕИС» → Госуслуги (ЕСИА) → вход по сертификату → выберите сертификат.',
          'Если ошибка остаётся, временно отключите защитное ПО (антивирус, межсетевой экран) или добавьте zakazrf.ru в его исключения.',
          'Если и это не помогло, обратитесь в поддержку АГЗ РТ и сообщите точный текст ошибки.',
        ],
        en: [
          'For 44-FZ first check EIS (ERUZ): the organisation is registered, you are added as its user and the new certificate is registered in EIS — accreditation on the platform follows from EIS data.',
          'The error usually means that your user or the new certificate is not yet registered (authorised) on the platform: register the new certificate in the personal cabinet or send the AGZ RT operator a request to authorise it.',
          'Wait for the confirmation and sign in again: «Вход участником через ЕИС» (participant login through EIS) → Gosuslugi (ESIA) → certificate login → choose the certificate.',
          'If the error remains, turn off the security software (antivirus, firewall) for a while or add zakazrf.ru to its exceptions.',
          'If that does not help either, contact AGZ RT support and give them the exact error text.',
        ],
      },
    },
    'platform-cert-not-registered': {
      mode: 'replace',
      steps: {
        ru: [
          'Для 44-ФЗ сначала проверьте ЕИС (ЕРУЗ): организация зарегистрирована, вы добавлены её пользователем, новый сертификат зарегистрирован в ЕИС — аккредитация на площадке следует из данных ЕИС.',
          'Зарегистрируйте новый сертификат в личном кабинете площадки или отправьте оператору АГЗ РТ запрос на его авторизацию.',
          'Дождитесь подтверждения и войдите снова через «Вход участником через ЕИС».',
          'Если ошибка остаётся, обратитесь в поддержку АГЗ РТ.',
        ],
        en: [
          'For 44-FZ first check EIS (ERUZ): the organisation is registered, you are added as its user and the new certificate is registered in EIS — accreditation on the platform follows from EIS data.',
          'Register the new certificate in the platform\'s personal cabinet or send the AGZ RT operator a request to authorise it.',
          'Wait for the confirmation and sign in again through «Вход участником через ЕИС» (participant login through EIS).',
          'If the error remains, contact AGZ RT support.',
        ],
      },
    },
    'platform-security-software': {
      mode: 'replace',
      steps: {
        ru: [
          'Откройте настройки антивируса или межсетевого экрана и добавьте zakazrf.ru и agzrt.ru (со всеми поддоменами) в исключения, в том числе в исключения проверки защищённых соединений.',
          'Перезапустите браузер и войдите снова.',
          'Если ошибка остаётся, обратитесь в поддержку АГЗ РТ.',
        ],
        en: [
          'Open the antivirus or firewall settings and add zakazrf.ru and agzrt.ru (with all subdomains) to the exceptions, including the exceptions of protected (HTTPS) connection scanning.',
          'Restart the browser and sign in again.',
          'If the error remains, contact AGZ RT support.',
        ],
      },
    },
    'platform-mchd-required': {
      mode: 'replace',
      steps: {
        ru: [
          'Проверьте, чьим сертификатом вы подписываете: с 01.09.2024 сотрудник (кроме руководителя), а также представитель ИП подписывает документы на площадке только с машиночитаемой доверенностью (МЧД).',
          'Попросите руководителя оформить МЧД в личном кабинете ЕИС — на администратора организации (с правом передоверия) или прямо на вас.',
          'На площадке АГЗ РТ укажите или загрузите эту МЧД в личном кабинете пользователя; если не найдёте, где это сделать, уточните в поддержке площадки (раздел мы не проверяли).',
          'Повторите подписание.',
        ],
        en: [
          'Check whose certificate you sign with: since 01.09.2024 an employee (anyone but the head), and also a representative of a sole proprietor, signs on the platform only with a machine-readable power of attorney (MChD).',
          'Ask the head of the organisation to issue the MChD in the EIS personal cabinet — to the organisation\'s administrator (with the right to delegate further) or directly to you.',
          'On the AGZ RT platform select or upload this MChD in your user cabinet; if you cannot find where, ask the platform\'s support (we have not checked the section).',
          'Repeat the signing.',
        ],
      },
    },
    'plugin-host-missing': {
      mode: 'after',
      steps: {
        ru: [
          'Площадки АГЗ РТ используют и собственный компонент подписи AgzrtCryptProvider: если площадка просит его установить, скачайте установщик AgzrtCryptProvider.Setup.exe с auth.zakazrf.ru, установите и перезапустите браузер.',
        ],
        en: [
          'The AGZ RT platforms also use their own signing component, AgzrtCryptProvider: if the platform asks for it, download the AgzrtCryptProvider.Setup.exe installer from auth.zakazrf.ru, install it and restart the browser.',
        ],
      },
    },
    'activex-object-failed': {
      mode: 'after',
      steps: {
        ru: [
          'Для Internet Explorer прежний комплект настройки АГЗ РТ ставил CAPICOM и добавлял http://*.zakazrf.ru и http://*.agzrt.ru в «Надежные узлы» с разрешёнными элементами ActiveX — проверьте эти настройки.',
        ],
        en: [
          'For Internet Explorer, the former AGZ RT setup kit installed CAPICOM and added http://*.zakazrf.ru and http://*.agzrt.ru to «Надежные узлы» (Trusted sites) with ActiveX allowed — check these settings.',
        ],
      },
    },
    'plugin-site-access-denied': {
      mode: 'replace',
      steps: {
        ru: [
          'Перезагрузите страницу и в окне «Подтверждение доступа» нажмите «Да».',
          'Если окно не появляется или доступ снова запрещён, откройте «Настройки КриптоПро ЭЦП Browser Plug-in» (в Windows обычно: «Пуск» → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'В «Список доверенных узлов» добавьте https://*.zakazrf.ru, http://*.zakazrf.ru, https://*.agzrt.ru и http://*.agzrt.ru (часть страниц площадки открывается по http) и сохраните настройки.',
          'Перезапустите браузер и войдите на площадку снова.',
        ],
        en: [
          'Reload the page and answer «Да» (Yes) in the «Подтверждение доступа» (access confirmation) window.',
          'If the window does not appear or access is denied again, open «Настройки КриптоПро ЭЦП Browser Plug-in» (plug-in settings; on Windows usually Start → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'Add https://*.zakazrf.ru, http://*.zakazrf.ru, https://*.agzrt.ru and http://*.agzrt.ru to «Список доверенных узлов» (trusted sites; some pages of the platform open over http) and save the settings.',
          'Restart the browser and sign in to the platform again.',
        ],
      },
    },
  },
  links: [
    {
      title: { ru: 'Установщик компонента подписи AgzrtCryptProvider (АГЗ РТ)', en: 'AgzrtCryptProvider signing component installer (AGZ RT)' },
      url: 'http://auth.zakazrf.ru/Scripts/CryptoURL/AgzrtCryptProvider.Setup.exe',
    },
  ],
  testUrls: [
    'https://www.zakazrf.ru/Html/id/34',
    'http://webppo.zakazrf.ru/Logon/ParticipantsEIS',
    'https://etp.zakazrf.ru/',
    'http://223etp.zakazrf.ru/Html/Details/id/59',
    'https://sale.zakazrf.ru/Logon/Customers/',
    'https://agzrt.ru/',
  ],
};
