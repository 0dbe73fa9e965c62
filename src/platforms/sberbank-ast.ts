import type { PlatformGuide, PlatformMatch } from './types';

/** Сбербанк-АСТ: 44-ФЗ (www, 44), УТП (223, commercial, bankruptcy), the common login (research/platforms.md §3.1). */
export const match = {
  id: 'sberbank-ast',
  hosts: ['*.sberbank-ast.ru'],
  texts: [{ text: 'Клиентский сертификат не сопоставлен с пользователем', problem: 'platform-cert-not-registered' }],
} as const satisfies PlatformMatch;

export const guide: PlatformGuide = {
  name: { ru: 'Сбербанк-АСТ', en: 'Sberbank-AST' },
  sections: ['44', '223', '178', 'commercial', 'property'],
  gostTlsHosts: [],
  remedies: {
    'platform-cert-not-registered': {
      mode: 'replace',
      steps: {
        ru: [
          'Для 44-ФЗ сначала проверьте ЕИС (ЕРУЗ): организация зарегистрирована, вы добавлены её пользователем, новый сертификат зарегистрирован в ЕИС — аккредитация на площадке следует из данных ЕИС.',
          'На www.sberbank-ast.ru в верхнем меню откройте «Участники» → «Регистрация» → «Регистрация пользователя участника (новый сертификат ЭП)».',
          'Если вы уже работали на площадке и сменили сертификат, выберите «Привязать сертификат к зарегистрированному пользователю»; если вы новый пользователь — «Подать заявление» (логин должен отличаться от прежнего).',
          'Выберите сертификат, нажмите «Заполнить регистрационную форму», приложите документ, подтверждающий полномочия, введите код с картинки и нажмите «Подписать и отправить».',
          'Для УТП (utp.sberbank-ast.ru): в личном кабинете откройте «Реестр представителей» → «Изменить данные сертификата пользователя», загрузите файл сертификата (открытого ключа) и нажмите «Подписать и сохранить».',
          'Войдите на площадку с новым сертификатом.',
        ],
        en: [
          'For 44-FZ first check EIS (ERUZ): the organisation is registered, you are added as its user and the new certificate is registered in EIS — accreditation on the platform follows from EIS data.',
          'On www.sberbank-ast.ru open the top menu «Участники» (Participants) → «Регистрация» (Registration) → «Регистрация пользователя участника (новый сертификат ЭП)» (register a participant user, new certificate).',
          'If you already worked on the platform and changed the certificate, choose «Привязать сертификат к зарегистрированному пользователю» (bind the certificate to a registered user); if you are a new user, choose «Подать заявление» (apply; the login must differ from the old one).',
          'Select the certificate, click «Заполнить регистрационную форму» (fill in the registration form), attach the document that confirms your authority, enter the captcha and click «Подписать и отправить» (sign and send).',
          'For UTP (utp.sberbank-ast.ru): in the personal cabinet open «Реестр представителей» (register of representatives) → «Изменить данные сертификата пользователя» (change the user\'s certificate data), upload the certificate (public key) file and click «Подписать и сохранить» (sign and save).',
          'Sign in to the platform with the new certificate.',
        ],
      },
    },
    'platform-mchd-required': {
      mode: 'replace',
      steps: {
        ru: [
          'Проверьте, чьим сертификатом вы подписываете: с 01.09.2024 сотрудник (кроме руководителя), а также представитель ИП подписывает документы на площадке только с машиночитаемой доверенностью (МЧД).',
          'Попросите руководителя оформить МЧД в личном кабинете ЕИС — на администратора организации (с правом передоверия) или прямо на вас.',
          'На Сбербанк-АСТ укажите или загрузите эту МЧД в личном кабинете пользователя; если не найдёте, где это сделать, уточните в поддержке площадки (раздел мы не проверяли).',
          'Повторите подписание.',
        ],
        en: [
          'Check whose certificate you sign with: since 01.09.2024 an employee (anyone but the head), and also a representative of a sole proprietor, signs on the platform only with a machine-readable power of attorney (MChD).',
          'Ask the head of the organisation to issue the MChD in the EIS personal cabinet — to the organisation\'s administrator (with the right to delegate further) or directly to you.',
          'On Sberbank-AST select or upload this MChD in your user cabinet; if you cannot find where, ask the platform\'s support (we have not checked the section).',
          'Repeat the signing.',
        ],
      },
    },
    'activex-object-failed': {
      mode: 'replace',
      steps: {
        ru: [
          'Это ошибка Internet Explorer (CAPICOM/ActiveX). Проще всего откройте площадку в Яндекс Браузере, Chrome или Edge с установленными КриптоПро ЭЦП Browser plug-in и расширением КриптоПро.',
          'Если нужен именно Internet Explorer, установите CAPICOM: скопируйте capicom.dll и capicom.inf в папку C:\\Windows\\SysWOW64, запустите командную строку от имени администратора и выполните там regsvr32.exe capicom.dll — должно появиться сообщение об успешной регистрации.',
          'В «Свойства браузера» → «Безопасность» → «Надежные узлы» добавьте https://*.sberbank-ast.ru и разрешите для этой зоны элементы ActiveX.',
          'Перезапустите Internet Explorer и войдите снова.',
        ],
        en: [
          'This is an Internet Explorer error (CAPICOM/ActiveX). The easiest fix is to open the platform in Yandex Browser, Chrome or Edge with the CryptoPro CAdES Browser plug-in and the CryptoPro extension installed.',
          'If you must use Internet Explorer, install CAPICOM: copy capicom.dll and capicom.inf into C:\\Windows\\SysWOW64, open the command prompt as administrator and run regsvr32.exe capicom.dll there — a success message must appear.',
          'In «Свойства браузера» (Internet Options) → «Безопасность» (Security) → «Надежные узлы» (Trusted sites) add https://*.sberbank-ast.ru and allow ActiveX controls for this zone.',
          'Restart Internet Explorer and sign in again.',
        ],
      },
    },
    'plugin-site-access-denied': {
      mode: 'replace',
      steps: {
        ru: [
          'Перезагрузите страницу и в окне «Подтверждение доступа» нажмите «Да».',
          'Если окно не появляется или доступ снова запрещён, откройте «Настройки КриптоПро ЭЦП Browser Plug-in» (в Windows обычно: «Пуск» → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'В «Список доверенных узлов» добавьте https://*.sberbank-ast.ru и сохраните настройки.',
          'Перезапустите браузер и войдите на площадку снова.',
        ],
        en: [
          'Reload the page and answer «Да» (Yes) in the «Подтверждение доступа» (access confirmation) window.',
          'If the window does not appear or access is denied again, open «Настройки КриптоПро ЭЦП Browser Plug-in» (plug-in settings; on Windows usually Start → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'Add https://*.sberbank-ast.ru to «Список доверенных узлов» (trusted sites) and save the settings.',
          'Restart the browser and sign in to the platform again.',
        ],
      },
    },
  },
  links: [
    {
      title: { ru: 'Настройка АРМ (официальная инструкция, времён Internet Explorer)', en: 'Workstation setup (official page, Internet Explorer era)' },
      url: 'http://www.sberbank-ast.ru/Content.aspx?tid=2',
    },
  ],
  testUrls: [
    'https://www.sberbank-ast.ru/',
    'https://login.sberbank-ast.ru/Login.aspx',
    'https://utp.sberbank-ast.ru/Bankruptcy/List/BidList',
    'https://utp.sberbank-ast.ru/VIP',
    'https://44.sberbank-ast.ru/tradezone/',
  ],
};
