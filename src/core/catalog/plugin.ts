import type { ProblemEntries } from './types';

/**
 * Plug-in and browser extension: the chain page → CryptoPro extension → КриптоПро ЭЦП Browser plug-in,
 * and the same chain for Госплагин, the Госуслуги signing plug-in (extension → application).
 */
export const PLUGIN_PROBLEMS = {
  'plugin-extension-missing': {
    severity: 'error',
    group: 'plugin',
    title: {
      ru: 'Не установлено или отключено расширение КриптоПро для браузера',
      en: 'The CryptoPro browser extension is not installed or is disabled',
    },
    explanation: {
      ru: 'Сайт подписывает документы через КриптоПро ЭЦП Browser plug-in, а браузер связывается с ним только через расширение «CryptoPro Extension for CAdES Browser Plug-in». Расширение не найдено или выключено, поэтому страница не видит ни плагин, ни сертификаты и может написать «Плагин недоступен» или попросить установить расширение.',
      en: 'The site signs documents through the CryptoPro CAdES Browser plug-in, and the browser reaches it only through the extension "CryptoPro Extension for CAdES Browser Plug-in". The extension is missing or disabled, so the page sees neither the plug-in nor your certificates and may say «Плагин недоступен» (plug-in unavailable) or ask you to install the extension.',
    },
    remedy: {
      ru: [
        'Откройте список расширений браузера и найдите «CryptoPro Extension for CAdES Browser Plug-in»; если оно есть, но выключено, включите его.',
        'Если расширения нет, установите его: для Chrome, Edge и Chromium-Gost — из интернет-магазина Chrome Web Store, для Яндекс Браузера и Opera — из каталога дополнений Opera, для Firefox — файл расширения с сайта КриптоПро.',
        'Обновите страницу площадки (клавиша F5) и повторите подписание.',
      ],
      en: [
        'Open the browser extension list and look for "CryptoPro Extension for CAdES Browser Plug-in"; if it is there but switched off, switch it on.',
        'If the extension is missing, install it: for Chrome, Edge and Chromium-Gost from the Chrome Web Store, for Yandex Browser and Opera from the Opera add-ons catalogue, for Firefox the extension file from the CryptoPro website.',
        'Reload the platform page (F5) and sign again.',
      ],
    },
  },
  'plugin-host-missing': {
    severity: 'error',
    group: 'plugin',
    title: {
      ru: 'Не установлен или не запускается КриптоПро ЭЦП Browser plug-in',
      en: 'The CryptoPro CAdES Browser plug-in is not installed or does not start',
    },
    explanation: {
      ru: 'Расширение браузера работает, но не отвечает программа КриптоПро ЭЦП Browser plug-in, которая устанавливается на компьютер и выполняет подпись: она не установлена, повреждена или не запускается. Сайт в этом случае обычно пишет «Плагин недоступен» или «Ошибка при загрузке плагина».',
      en: 'The browser extension works, but the CryptoPro CAdES Browser plug-in, the program installed on the computer that actually signs, does not answer: it is not installed, is damaged or does not start. Sites usually show «Плагин недоступен» (plug-in unavailable) or «Ошибка при загрузке плагина» (error loading the plug-in).',
    },
    remedy: {
      ru: [
        'Закройте все окна браузера.',
        'Скачайте актуальную версию КриптоПро ЭЦП Browser plug-in с сайта КриптоПро и установите её; если плагин уже установлен, установите его заново. Для установки могут понадобиться права администратора.',
        'Запустите браузер и проверьте, что расширение «CryptoPro Extension for CAdES Browser Plug-in» включено.',
        'Откройте страницу проверки плагина на сайте КриптоПро: если там написано «Плагин загружен», вернитесь на площадку и повторите подписание.',
      ],
      en: [
        'Close all browser windows.',
        'Download the current CryptoPro CAdES Browser plug-in from the CryptoPro website and install it; if it is already installed, install it again. Installing may require administrator rights.',
        'Start the browser and check that the extension "CryptoPro Extension for CAdES Browser Plug-in" is enabled.',
        'Open the plug-in test page on the CryptoPro website: if it says «Плагин загружен» (plug-in loaded), go back to the platform and sign again.',
      ],
    },
  },
  'plugin-load-timeout': {
    severity: 'error',
    group: 'plugin',
    title: {
      ru: 'Плагин КриптоПро не ответил вовремя',
      en: 'The CryptoPro plug-in did not respond in time',
    },
    explanation: {
      ru: 'Сайт ждал ответа от КриптоПро ЭЦП Browser plug-in (обычно 20 секунд) и показал «Истекло время ожидания загрузки плагина». Чаще всего плагин ждёт, пока вы разрешите сайту доступ в окне «Подтверждение доступа», а это окно открылось за окном браузера; реже плагин не установлен или завис.',
      en: 'The site waited for the CryptoPro CAdES Browser plug-in (usually 20 seconds) and showed «Истекло время ожидания загрузки плагина» (plug-in loading timed out). Most often the plug-in is waiting for you to allow the site in its «Подтверждение доступа» (access confirmation) window, which opened behind the browser; less often the plug-in is not installed or hangs.',
    },
    remedy: {
      ru: [
        'Поищите окно «Подтверждение доступа» КриптоПро за окном браузера или на панели задач; если оно есть, проверьте адрес сайта и нажмите «Да».',
        'Обновите страницу площадки (клавиша F5) и повторите действие.',
        'Если ошибка повторяется, закройте все окна браузера, откройте его снова и повторите действие.',
        'Если и это не помогло, переустановите КриптоПро ЭЦП Browser plug-in и проверьте, что расширение «CryptoPro Extension for CAdES Browser Plug-in» включено.',
      ],
      en: [
        'Look for the CryptoPro «Подтверждение доступа» (access confirmation) window behind the browser or on the taskbar; if it is there, check the site address and click «Да» (Yes).',
        'Reload the platform page (F5) and try again.',
        'If the error comes back, close all browser windows, open the browser again and retry.',
        'If that does not help either, reinstall the CryptoPro CAdES Browser plug-in and check that the extension "CryptoPro Extension for CAdES Browser Plug-in" is enabled.',
      ],
    },
  },
  'plugin-site-access-denied': {
    severity: 'error',
    group: 'plugin',
    title: {
      ru: 'Сайту запрещён доступ к плагину КриптоПро',
      en: 'The site was refused access to the CryptoPro plug-in',
    },
    explanation: {
      ru: 'Когда сайт впервые обращается к КриптоПро ЭЦП Browser plug-in, плагин спрашивает в окне «Подтверждение доступа», можно ли этому сайту работать с вашими сертификатами. На этот вопрос ответили «Нет», поэтому плагин отказывает сайту, и подписание завершается ошибкой с кодом 0x000004C7.',
      en: 'When a site first uses the CryptoPro CAdES Browser plug-in, the plug-in asks in its «Подтверждение доступа» (access confirmation) window whether this site may work with your certificates. The answer was «Нет» (No), so the plug-in refuses the site and signing fails with code 0x000004C7.',
    },
    remedy: {
      ru: [
        'Обновите страницу площадки (клавиша F5) и начните подписание снова.',
        'Когда появится окно «Подтверждение доступа», проверьте, что в нём указан адрес площадки, и нажмите «Да».',
        'Чтобы окно больше не появлялось, добавьте адрес площадки (начиная с https://) в список доверенных узлов в настройках КриптоПро ЭЦП Browser plug-in (обычно они открываются из меню «Пуск» → «КриптоПро» → «Настройки ЭЦП Browser Plug-in»).',
      ],
      en: [
        'Reload the platform page (F5) and start signing again.',
        'When the «Подтверждение доступа» (access confirmation) window appears, check that it shows the platform address and click «Да» (Yes).',
        'To stop the window from appearing, add the platform address (starting with https://) to the trusted sites list in the CryptoPro CAdES Browser plug-in settings (usually opened from the Start menu → «КриптоПро» → «Настройки ЭЦП Browser Plug-in»).',
      ],
    },
  },
  'plugin-connection-lost': {
    severity: 'warning',
    group: 'plugin',
    title: {
      ru: 'Прервалась связь с расширением КриптоПро',
      en: 'The connection to the CryptoPro extension was lost',
    },
    explanation: {
      ru: 'Страница потеряла связь с расширением «CryptoPro Extension for CAdES Browser Plug-in» (сообщение «Lost connection to extension»). Так бывает, когда браузер обновил или перезапустил расширение, пока страница была открыта: на этой странице подписать уже не получится, но после её перезагрузки всё обычно работает.',
      en: 'The page lost its connection to the extension "CryptoPro Extension for CAdES Browser Plug-in" (message "Lost connection to extension"). This happens when the browser updated or restarted the extension while the page was open: signing will not work on this page any more, but it usually works again after a reload.',
    },
    remedy: {
      ru: [
        'Если на странице есть несохранённые данные, скопируйте их или сохраните черновик: при перезагрузке они могут пропасть.',
        'Обновите страницу площадки (клавиша F5) и повторите подписание.',
        'Если сообщение повторяется, закройте все окна браузера и откройте его снова.',
      ],
      en: [
        'If the page holds unsaved data, copy it or save a draft: a reload may lose it.',
        'Reload the platform page (F5) and sign again.',
        'If the message comes back, close all browser windows and open the browser again.',
      ],
    },
  },
  'plugin-outdated': {
    severity: 'warning',
    group: 'plugin',
    title: {
      ru: 'Устаревшая версия КриптоПро ЭЦП Browser plug-in',
      en: 'The CryptoPro CAdES Browser plug-in is out of date',
    },
    explanation: {
      ru: 'На компьютере установлена старая версия КриптоПро ЭЦП Browser plug-in. Версии ниже 2.0.12438 некоторые площадки не поддерживают, а в версии 2.0.13642 есть ошибка, из-за которой подпись может не создаваться с кодом 0x80070057; рекомендуется версия 2.0.13771 или новее.',
      en: 'An old version of the CryptoPro CAdES Browser plug-in is installed. Some platforms do not support versions below 2.0.12438, and version 2.0.13642 has a bug that can make signing fail with code 0x80070057; version 2.0.13771 or newer is recommended.',
    },
    remedy: {
      ru: [
        'Закройте все окна браузера.',
        'Скачайте последнюю версию КриптоПро ЭЦП Browser plug-in с сайта КриптоПро и установите её (могут понадобиться права администратора).',
        'Запустите браузер, откройте площадку и повторите подписание.',
      ],
      en: [
        'Close all browser windows.',
        'Download the latest CryptoPro CAdES Browser plug-in from the CryptoPro website and install it (administrator rights may be needed).',
        'Start the browser, open the platform and sign again.',
      ],
    },
  },
  'activex-object-failed': {
    severity: 'error',
    group: 'plugin',
    title: {
      ru: 'Internet Explorer не может запустить компонент подписи (ActiveX)',
      en: 'Internet Explorer cannot start the signing component (ActiveX)',
    },
    explanation: {
      ru: 'Ошибки «Невозможно создание объекта сервером программирования объектов» (код 0x800A01AD) и «Не установлен объект Capicom» бывают только в Internet Explorer: браузер не смог запустить компонент подписи — КриптоПро ЭЦП Browser plug-in или библиотеку CAPICOM. Обычно компонент не установлен или его блокируют настройки безопасности ActiveX.',
      en: 'The errors "Automation server can’t create object" («Невозможно создание объекта сервером программирования объектов», code 0x800A01AD) and «Не установлен объект Capicom» occur only in Internet Explorer: the browser could not start the signing component, the CryptoPro CAdES Browser plug-in or the CAPICOM library. Usually the component is not installed or the ActiveX security settings block it.',
    },
    remedy: {
      ru: [
        'Лучше всего откройте площадку в Яндекс Браузере, Chromium-Gost, Chrome или Edge с КриптоПро ЭЦП Browser plug-in и расширением «CryptoPro Extension for CAdES Browser Plug-in»: там этой ошибки не бывает.',
        'Если площадка требует Internet Explorer, установите КриптоПро ЭЦП Browser plug-in.',
        'Добавьте адрес площадки в «Свойства браузера» → «Безопасность» → «Надежные сайты» → «Сайты», затем для этой зоны нажмите «Другой…» и разрешите элементы ActiveX в разделе «Элементы ActiveX и модули подключения».',
        'Если площадка требует CAPICOM (64-разрядная Windows): скопируйте capicom.dll в папку C:\\Windows\\SysWOW64, откройте командную строку от имени администратора и выполните regsvr32.exe C:\\Windows\\SysWOW64\\capicom.dll — должно появиться сообщение об успешной регистрации.',
      ],
      en: [
        'Best of all, open the platform in Yandex Browser, Chromium-Gost, Chrome or Edge with the CryptoPro CAdES Browser plug-in and the extension "CryptoPro Extension for CAdES Browser Plug-in": this error does not occur there.',
        'If the platform requires Internet Explorer, install the CryptoPro CAdES Browser plug-in.',
        'Add the platform address in Internet Options → Security → Trusted sites → Sites, then click Custom level for that zone and allow the controls in the "ActiveX controls and plug-ins" section.',
        'If the platform requires CAPICOM (64-bit Windows): copy capicom.dll into C:\\Windows\\SysWOW64, open a command prompt as administrator and run regsvr32.exe C:\\Windows\\SysWOW64\\capicom.dll; a message about successful registration should appear.',
      ],
    },
  },
  'browser-unsupported': {
    severity: 'error',
    group: 'plugin',
    title: {
      ru: 'Браузер не поддерживается для подписи',
      en: 'This browser is not supported for signing',
    },
    explanation: {
      ru: 'Сайт или загрузчик плагина КриптоПро сообщил, что ваш браузер не поддерживается («Браузер не поддерживается», «Internet Explorer версии 8 и ниже не поддерживается»). В таком браузере КриптоПро ЭЦП Browser plug-in работать не может, поэтому подписать документ нельзя.',
      en: 'The site or the CryptoPro plug-in loader reported that your browser is not supported («Браузер не поддерживается», «Internet Explorer версии 8 и ниже не поддерживается»). The CryptoPro CAdES Browser plug-in cannot work in this browser, so the document cannot be signed.',
    },
    remedy: {
      ru: [
        'Установите поддерживаемый браузер: Яндекс Браузер, Chromium-Gost, Google Chrome, Microsoft Edge или Firefox; для кабинетов, которые открываются только по ГОСТ-соединению (например, ЕИС), — Яндекс Браузер или Chromium-Gost.',
        'Установите в нём расширение «CryptoPro Extension for CAdES Browser Plug-in» и включите его.',
        'Откройте площадку в новом браузере и повторите подписание.',
      ],
      en: [
        'Install a supported browser: Yandex Browser, Chromium-Gost, Google Chrome, Microsoft Edge or Firefox; for cabinets that open only over a GOST connection (such as ЕИС), use Yandex Browser or Chromium-Gost.',
        'Install the extension "CryptoPro Extension for CAdES Browser Plug-in" in it and enable it.',
        'Open the platform in the new browser and sign again.',
      ],
    },
  },
  'signing-extension-conflict': {
    severity: 'warning',
    group: 'plugin',
    title: {
      ru: 'Включены два конкурирующих расширения для подписи',
      en: 'Two competing signing extensions are enabled',
    },
    explanation: {
      ru: 'В браузере одновременно включены два расширения, которые делают одно и то же: старое и новое расширение КриптоПро или «Госплагин» и «Расширение для плагина Госуслуг». Они мешают друг другу, и подпись может не работать или работать нестабильно.',
      en: 'Two extensions that do the same job are enabled at once: the old and the new CryptoPro extension, or «Госплагин» and «Расширение для плагина Госуслуг» (Gosuslugi plug-in extension). They interfere with each other, so signing may fail or work only now and then.',
    },
    remedy: {
      ru: [
        'Откройте список расширений браузера.',
        'Если включены два расширения КриптоПро, оставьте включённым то, у которого номер версии больше, а второе отключите.',
        'Если включены и «Госплагин», и «Расширение для плагина Госуслуг», отключите одно из них.',
        'Перезапустите браузер и повторите подписание; если сайт перестал видеть плагин, включите отключённое расширение обратно, а другое отключите.',
      ],
      en: [
        'Open the browser extension list.',
        'If two CryptoPro extensions are enabled, keep the one with the higher version number and disable the other.',
        'If both «Госплагин» and «Расширение для плагина Госуслуг» are enabled, disable one of them.',
        'Restart the browser and sign again; if the site no longer sees the plug-in, switch the disabled extension back on and disable the other one instead.',
      ],
    },
  },
  'gosplugin-app-missing': {
    severity: 'error',
    group: 'plugin',
    title: {
      ru: 'Не установлено приложение Госплагин',
      en: 'The Госплагин application is not installed',
    },
    explanation: {
      ru: 'Госплагин — плагин Госуслуг для работы с электронной подписью. Он состоит из расширения для браузера и приложения, которое устанавливается на компьютер и выполняет подпись. Расширение есть, а приложение не установлено, поэтому подписать не получится; Госуслуги в этом случае пишут «Для полноценной работы Госплагин необходима установка приложения».',
      en: 'Госплагин is the Госуслуги (Gosuslugi) plug-in for electronic signatures. It consists of a browser extension and an application installed on the computer that does the signing. The extension is there but the application is not installed, so signing fails; Госуслуги then says «Для полноценной работы Госплагин необходима установка приложения» (the Госплагин application must be installed).',
    },
    remedy: {
      ru: [
        'Закройте все окна браузера.',
        'Скачайте приложение Госплагин со страницы плагина на портале Госуслуг и установите его (могут понадобиться права администратора).',
        'Запустите браузер, проверьте, что расширение «Госплагин» включено, и повторите вход или подписание.',
      ],
      en: [
        'Close all browser windows.',
        'Download the Госплагин application from the plug-in page of the Госуслуги portal and install it (administrator rights may be needed).',
        'Start the browser, check that the «Госплагин» extension is enabled, and log in or sign again.',
      ],
    },
  },
  'gosplugin-extension-missing': {
    severity: 'error',
    group: 'plugin',
    title: {
      ru: 'Не установлено или отключено расширение Госплагин',
      en: 'The Госплагин browser extension is not installed or is disabled',
    },
    explanation: {
      ru: 'Эта страница Госуслуг подписывает через Госплагин, а браузер связывается с ним только через расширение «Госплагин». Расширение не найдено или выключено, поэтому страница не видит ни плагин, ни ваши сертификаты.',
      en: 'This Госуслуги page signs through Госплагин (the Gosuslugi signing plug-in), and the browser reaches it only through the «Госплагин» extension. The extension is missing or disabled, so the page sees neither the plug-in nor your certificates.',
    },
    remedy: {
      ru: [
        'Откройте список расширений браузера и найдите «Госплагин»; если оно есть, но выключено, включите его.',
        'Если расширения нет, установите его: обычно его добавляет в браузер приложение Госплагин, поэтому при необходимости переустановите приложение со страницы плагина на портале Госуслуг.',
        'Обновите страницу Госуслуг (клавиша F5) и повторите вход или подписание.',
      ],
      en: [
        'Open the browser extension list and look for «Госплагин»; if it is there but switched off, switch it on.',
        'If the extension is missing, install it: the Госплагин application usually adds it to the browser, so reinstall the application from the plug-in page of the Госуслуги portal if needed.',
        'Reload the Госуслуги page (F5) and log in or sign again.',
      ],
    },
  },
  'gosplugin-outdated': {
    severity: 'warning',
    group: 'plugin',
    title: {
      ru: 'Устаревшая версия Госплагина',
      en: 'Госплагин is out of date',
    },
    explanation: {
      ru: 'Установлена старая версия Госплагина — приложения на компьютере или расширения в браузере; Госуслуги могут сообщить «Ваша версия Госплагин устарела». Пока подпись может работать, но старая версия в любой момент может перестать подходить порталу.',
      en: 'An old version of Госплагин (the Gosuslugi signing plug-in) is installed: the application on the computer or the browser extension; Госуслуги may say «Ваша версия Госплагин устарела» (your Госплагин version is out of date). Signing may still work, but the portal may stop accepting the old version at any time.',
    },
    remedy: {
      ru: [
        'Закройте все окна браузера.',
        'Скачайте последнюю версию приложения Госплагин со страницы плагина на портале Госуслуг и установите её (могут понадобиться права администратора).',
        'Запустите браузер, откройте список расширений и проверьте, что расширение «Госплагин» включено и тоже обновилось; затем повторите вход или подписание.',
      ],
      en: [
        'Close all browser windows.',
        'Download the latest Госплагин application from the plug-in page of the Госуслуги portal and install it (administrator rights may be needed).',
        'Start the browser, open the extension list and check that the «Госплагин» extension is enabled and updated too; then log in or sign again.',
      ],
    },
  },
  'gosplugin-unavailable': {
    severity: 'error',
    group: 'plugin',
    title: {
      ru: 'Госплагин не может работать',
      en: 'Госплагин cannot work',
    },
    explanation: {
      ru: 'Госуслуги сообщили «Работа Госплагина невозможна»: расширение не может связаться с приложением Госплагин, потому что в браузере зарегистрирован несовместимый компонент — обычно остаток старого плагина Госуслуг (IFCPlugin). Пока это не исправлено, войти по электронной подписи и подписывать на Госуслугах не получится.',
      en: 'Госуслуги reported «Работа Госплагина невозможна» (Госплагин cannot work): the extension cannot reach the Госплагин application because an incompatible component is registered in the browser, usually left over from the old Госуслуги plug-in (IFCPlugin). Until this is fixed you cannot log in with an electronic signature or sign on Госуслуги.',
    },
    remedy: {
      ru: [
        'Закройте все окна браузера.',
        'Удалите старый плагин Госуслуг (IFCPlugin) через «Параметры» → «Приложения» (или «Панель управления» → «Программы и компоненты»).',
        'Скачайте приложение Госплагин со страницы плагина на портале Госуслуг и установите его заново (могут понадобиться права администратора).',
        'Запустите браузер и повторите вход или подписание.',
      ],
      en: [
        'Close all browser windows.',
        'Remove the old Госуслуги plug-in (IFCPlugin) in Settings → Apps (or Control Panel → Programs and Features).',
        'Download the Госплагин application from the plug-in page of the Госуслуги portal and install it again (administrator rights may be needed).',
        'Start the browser and log in or sign again.',
      ],
    },
  },
} satisfies ProblemEntries<
  | 'plugin-extension-missing'
  | 'plugin-host-missing'
  | 'plugin-load-timeout'
  | 'plugin-site-access-denied'
  | 'plugin-connection-lost'
  | 'plugin-outdated'
  | 'activex-object-failed'
  | 'browser-unsupported'
  | 'signing-extension-conflict'
  | 'gosplugin-app-missing'
  | 'gosplugin-extension-missing'
  | 'gosplugin-outdated'
  | 'gosplugin-unavailable'
>;
