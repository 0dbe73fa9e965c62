import type { ProblemEntries } from './types';

/** Crypto provider: КриптоПро CSP itself (presence, licence, version, other providers). */
export const CSP_PROBLEMS = {
  'csp-missing': {
    severity: 'error',
    group: 'csp',
    title: {
      ru: 'Не установлен КриптоПро CSP',
      en: 'CryptoPro CSP is not installed',
    },
    explanation: {
      ru: 'КриптоПро CSP — программа-криптопровайдер, которая создаёт подпись по ГОСТ; плагин в браузере без неё подписать не может. На компьютере КриптоПро CSP не найден или не запускается (коды 0x80090017, 0x80090019, 0x8009001D).',
      en: 'CryptoPro CSP is the cryptographic provider that creates GOST signatures; the browser plug-in cannot sign without it. CryptoPro CSP was not found on this computer or does not start (codes 0x80090017, 0x80090019, 0x8009001D).',
    },
    remedy: {
      ru: [
        'Установите КриптоПро CSP версии 5.0 или новее с сайта КриптоПро или из дистрибутива вашего удостоверяющего центра; если он уже установлен, переустановите его. Нужны права администратора.',
        'Введите серийный номер лицензии: откройте КриптоПро CSP и нажмите «Ввод лицензии…». Без лицензии КриптоПро CSP работает только пробный период (90 дней).',
        'Перезагрузите компьютер, затем откройте площадку и повторите подписание.',
      ],
      en: [
        'Install CryptoPro CSP 5.0 or newer from the CryptoPro website or from your certification authority (CA) package; if it is already installed, reinstall it. Administrator rights are needed.',
        'Enter the licence serial number: open CryptoPro CSP and click «Ввод лицензии…» (Enter licence). Without a licence CryptoPro CSP works only for the trial period (90 days).',
        'Restart the computer, then open the platform and sign again.',
      ],
    },
  },
  'csp-license-expiring': {
    severity: 'warning',
    group: 'csp',
    title: {
      ru: 'Скоро закончится лицензия КриптоПро CSP',
      en: 'The CryptoPro CSP licence expires soon',
    },
    explanation: {
      ru: 'До окончания лицензии КриптоПро CSP (или лицензии на клиент OCSP или TSP, которой пользуется площадка) осталось меньше 30 дней. Сейчас подпись работает, но после этой даты подписать не получится, пока не будет введена новая лицензия.',
      en: 'The CryptoPro CSP licence (or the OCSP or TSP client licence the platform relies on) ends in less than 30 days. Signing works now, but after that date it will fail until a new licence is entered.',
    },
    remedy: {
      ru: [
        'Купите новую лицензию заранее или запросите её в удостоверяющем центре или у ИТ-специалиста вашей организации. Лицензия действует на одном компьютере: для каждого компьютера нужна своя.',
        'Когда получите серийный номер, откройте КриптоПро CSP (при необходимости — от имени администратора), нажмите «Ввод лицензии…» и введите его, не дожидаясь окончания старой лицензии.',
        'Проверьте в КриптоПро CSP, что новая лицензия принята и срок её действия указан верно.',
      ],
      en: [
        'Buy a new licence in good time, or ask your certification authority (CA) or your IT staff for one. A licence covers one computer: each computer needs its own.',
        'When you have the serial number, open CryptoPro CSP (as administrator if needed), click «Ввод лицензии…» (Enter licence) and type it in without waiting for the old licence to end.',
        'Check in CryptoPro CSP that the new licence is accepted and shows the right expiry date.',
      ],
    },
  },
  'csp-license-wrong-version': {
    severity: 'error',
    group: 'csp',
    title: {
      ru: 'Лицензия не подходит к установленной версии КриптоПро CSP',
      en: 'The licence does not fit the installed CryptoPro CSP version',
    },
    explanation: {
      ru: 'В КриптоПро CSP введён лицензионный ключ от прежней версии программы (4.0), а КриптоПро CSP 5.0 R2 и более новые такие ключи уже не принимают. Обычно это выясняется сразу после обновления КриптоПро CSP: лицензия становится недействительной («Лицензия недействительна»), и подпись не создаётся.',
      en: 'CryptoPro CSP holds a licence key of the previous version (4.0), and CryptoPro CSP 5.0 R2 and later no longer accept such keys. This usually shows up right after a CryptoPro CSP update: the licence becomes invalid («Лицензия недействительна», licence not valid) and no signature is created.',
    },
    remedy: {
      ru: [
        'Получите лицензию для установленной версии — ключ КриптоПро CSP 5.0: купите её или запросите в удостоверяющем центре или у ИТ-специалиста вашей организации. Ключ от версии 4.0 повторно вводить бесполезно.',
        'Откройте КриптоПро CSP (при необходимости — от имени администратора), нажмите «Ввод лицензии…» и введите новый серийный номер.',
        'Закройте все окна браузера, откройте его снова и повторите подписание.',
      ],
      en: [
        'Get a licence for the installed version, a CryptoPro CSP 5.0 key: buy one or ask your certification authority (CA) or your IT staff for it. Entering the 4.0 key again will not help.',
        'Open CryptoPro CSP (as administrator if needed), click «Ввод лицензии…» (Enter licence) and type in the new serial number.',
        'Close all browser windows, open the browser again and sign again.',
      ],
    },
  },
  'csp-license-expired': {
    severity: 'error',
    group: 'csp',
    title: {
      ru: 'Истекла лицензия КриптоПро CSP',
      en: 'The CryptoPro CSP licence has expired',
    },
    explanation: {
      ru: 'КриптоПро CSP подписывает только с действующей лицензией; пробный период или срок лицензии закончился, поэтому подпись не создаётся: обычно появляется ошибка с кодом 0x8007065B. Лицензия действует на одном компьютере: на новом компьютере нужна своя.',
      en: 'CryptoPro CSP signs only with a valid licence; the trial period or the licence term has ended, so no signature is created, usually with an "Internal error" message and code 0x8007065B. A licence covers one computer: a new computer needs its own.',
    },
    remedy: {
      ru: [
        'Найдите серийный номер лицензии КриптоПро CSP (бланк лицензии часто выдают вместе с сертификатом); если его нет, запросите его в удостоверяющем центре или у ИТ-специалиста вашей организации.',
        'Откройте КриптоПро CSP (при необходимости — от имени администратора), нажмите «Ввод лицензии…» и введите серийный номер.',
        'Закройте все окна браузера, откройте его снова и повторите подписание.',
      ],
      en: [
        'Find the CryptoPro CSP licence serial number (the licence form often comes with the certificate); if you do not have one, ask your certification authority (CA) or your IT staff for it.',
        'Open CryptoPro CSP (as administrator if needed), click «Ввод лицензии…» (Enter licence) and type in the serial number.',
        'Close all browser windows, open the browser again and sign again.',
      ],
    },
  },
  'csp-config-damaged': {
    severity: 'error',
    group: 'csp',
    title: {
      ru: 'Повреждены настройки КриптоПро CSP',
      en: 'CryptoPro CSP settings are damaged',
    },
    explanation: {
      ru: 'Ошибка 0x8007064A («Данные настройки для этого продукта повреждены») означает, что настройки или сведения о лицензии КриптоПро CSP испорчены — например, программа удалена не полностью или её версия слишком старая. Пока КриптоПро CSP не восстановлен, подписывать нельзя.',
      en: 'Error 0x8007064A («Данные настройки для этого продукта повреждены», the configuration data for this product is corrupt) means that the CryptoPro CSP settings or licence data are damaged, for example because the program was only partly removed or is too old. Signing is impossible until CryptoPro CSP is repaired.',
    },
    remedy: {
      ru: [
        'Приготовьте серийный номер лицензии КриптоПро CSP: после переустановки его нужно будет ввести снова.',
        'Переустановите КриптоПро CSP или обновите его до версии 5.0 или новее (нужны права администратора) и перезагрузите компьютер.',
        'Откройте КриптоПро CSP, нажмите «Ввод лицензии…» и введите серийный номер.',
        'Откройте площадку и повторите подписание.',
      ],
      en: [
        'Have the CryptoPro CSP licence serial number ready: you will need to enter it again after reinstalling.',
        'Reinstall CryptoPro CSP or update it to version 5.0 or newer (administrator rights are needed) and restart the computer.',
        'Open CryptoPro CSP, click «Ввод лицензии…» (Enter licence) and type in the serial number.',
        'Open the platform and sign again.',
      ],
    },
  },
  'csp-outdated': {
    severity: 'warning',
    group: 'csp',
    title: {
      ru: 'Устаревшая версия КриптоПро CSP',
      en: 'CryptoPro CSP is out of date',
    },
    explanation: {
      ru: 'Установлена старая версия КриптоПро CSP. Она может не поддерживать сертификаты ГОСТ Р 34.10-2012 (ошибка «Указан неверный алгоритм», код 0x80090008), а версия 4.0 не обеспечивает защищённое соединение по ГОСТ в браузерах на основе Chromium 90 и новее — оно нужно, например, для личного кабинета ЕИС.',
      en: 'An old version of CryptoPro CSP is installed. It may not support GOST R 34.10-2012 certificates (error "Invalid algorithm specified", code 0x80090008), and version 4.0 cannot provide GOST TLS connections in browsers based on Chromium 90 or newer, which are needed for example for the ЕИС personal cabinet.',
    },
    remedy: {
      ru: [
        'Приготовьте серийный номер лицензии: после обновления КриптоПро CSP может попросить ввести его снова.',
        'Установите КриптоПро CSP 5.0 последней сборки с сайта КриптоПро или из вашего удостоверяющего центра (нужны права администратора) и перезагрузите компьютер.',
        'Откройте КриптоПро CSP и проверьте лицензию; если она не действует, нажмите «Ввод лицензии…» и введите серийный номер.',
      ],
      en: [
        'Have the licence serial number ready: after the update CryptoPro CSP may ask for it again.',
        'Install the latest build of CryptoPro CSP 5.0 from the CryptoPro website or from your certification authority (administrator rights are needed) and restart the computer.',
        'Open CryptoPro CSP and check the licence; if it is not valid, click «Ввод лицензии…» (Enter licence) and type in the serial number.',
      ],
    },
  },
  'csp-conflict': {
    severity: 'warning',
    group: 'csp',
    title: {
      ru: 'На компьютере несколько криптопровайдеров',
      en: 'Several crypto providers are installed',
    },
    explanation: {
      ru: 'Кроме КриптоПро CSP на компьютере установлен другой криптопровайдер, например ViPNet CSP. Такие программы могут мешать друг другу, и подпись завершается ошибками вроде «Внутренняя ошибка» (код 0x80090020).',
      en: 'Besides CryptoPro CSP, another crypto provider such as ViPNet CSP is installed. Such programs can interfere with each other, and signing fails with errors like "An internal error occurred" (code 0x80090020).',
    },
    remedy: {
      ru: [
        'Выясните у ИТ-специалиста, нужен ли второй криптопровайдер: для площадок обычно достаточно КриптоПро CSP, но другая программа может быть нужна для работы в других системах — не удаляйте её, не уточнив это.',
        'Если второй криптопровайдер не нужен, удалите его через «Параметры» → «Приложения» (или «Панель управления» → «Программы и компоненты») и перезагрузите компьютер.',
        'Если нужны оба, подписывайте на площадках с другого компьютера, где установлен только КриптоПро CSP.',
      ],
      en: [
        'Ask your IT staff whether the second crypto provider is needed: CryptoPro CSP is usually enough for the platforms, but the other program may be needed for other systems, so do not remove it before checking.',
        'If the second crypto provider is not needed, remove it in Settings → Apps (or Control Panel → Programs and Features) and restart the computer.',
        'If both are needed, sign on the platforms from another computer that has only CryptoPro CSP.',
      ],
    },
  },
} satisfies ProblemEntries<
  | 'csp-missing'
  | 'csp-license-expiring'
  | 'csp-license-wrong-version'
  | 'csp-license-expired'
  | 'csp-config-damaged'
  | 'csp-outdated'
  | 'csp-conflict'
>;
