import type { PlatformGuide, PlatformMatch } from './types';

/**
 * Госуслуги / ЕСИА. Login and signing with an electronic signature go through «Госплагин» — an extension and an
 * application (native hosts chrome.gosuslugi.plugin / gosuslugi.plugin) that replaced the old IFCPlugin and its
 * «Расширение для плагина Госуслуг» — not through the CryptoPro plug-in (research/platforms.md §3.11, §4.6; the
 * published Госплагин 1.3.x builds).
 *
 * Exact hosts only: other gosuslugi.ru subdomains are separate systems with their own signing stack (for example
 * dom.gosuslugi.ru, ГИС ЖКХ), where these remedies would mislead.
 *
 * Left out on purpose: «Проверка сертификатов. Идёт поиск и проверка сертификатов электронной подписи» and
 * «Подпишите в плагине» are normal progress texts (only a hang is a problem), «Общая ошибка» is too vague.
 * «Не задано имя файла» was reported when the new «Госплагин» and the old extension ran together (S16 #139).
 */
export const match = {
  id: 'gosuslugi',
  hosts: ['gosuslugi.ru', 'www.gosuslugi.ru', 'esia.gosuslugi.ru', 'lk.gosuslugi.ru'],
  texts: [
    { text: 'Не задано имя файла', problem: 'signing-extension-conflict' },
    // Госплагин's own words (its 1.3.x extension: notifications, popup, errors handed to the page), each
    // the shortest part common to its variants («Для [полноценной] работы…», «Работа Госплагин[а] невозможна»).
    { text: 'Госплагин необходима установка приложения', problem: 'gosplugin-app-missing' },
    { text: 'версия Госплагин устарела', problem: 'gosplugin-outdated' },
    { text: '«Госплагина» устарела', problem: 'gosplugin-outdated' },
    { text: 'Данный режим подписи недоступен', problem: 'gosplugin-outdated' },
    { text: 'Работа Госплагин', problem: 'gosplugin-unavailable' },
    { text: 'Используется несовместимый узел', problem: 'gosplugin-unavailable' },
  ],
} as const satisfies PlatformMatch;

export const guide: PlatformGuide = {
  name: { ru: 'Госуслуги (ЕСИА)', en: 'Gosuslugi (ESIA)' },
  sections: ['government-services'],
  gostTlsHosts: [],
  remedies: {
    'plugin-extension-missing': {
      mode: 'replace',
      steps: {
        ru: [
          'Госуслуги работают с электронной подписью через «Госплагин», а не через плагин КриптоПро: установите расширение «Госплагин» (Chrome, Яндекс Браузер, Edge — из Chrome Web Store; Firefox — дополнение «Госплагин» с addons.mozilla.org) и включите его.',
          'Установите приложение Госплагин со страницы gosuslugi.ru/landing/gosplugin (Windows — Gosplugin_Windows_Installer.msi, Linux — пакет gosuslugi-plugin).',
          'Перезапустите браузер и снова выберите вход или подписание с помощью электронной подписи.',
        ],
        en: [
          'Gosuslugi works with electronic signatures through «Госплагин» (Gosplugin), not through the CryptoPro plug-in: install the «Госплагин» extension (Chrome, Yandex Browser, Edge — from the Chrome Web Store; Firefox — the «Госплагин» add-on from addons.mozilla.org) and enable it.',
          'Install the Госплагин application from gosuslugi.ru/landing/gosplugin (Windows — Gosplugin_Windows_Installer.msi, Linux — the gosuslugi-plugin package).',
          'Restart the browser and choose login or signing with an electronic signature again.',
        ],
      },
    },
    'plugin-host-missing': {
      mode: 'replace',
      steps: {
        ru: [
          'Установите (или переустановите) приложение Госплагин со страницы gosuslugi.ru/landing/gosplugin: Windows — Gosplugin_Windows_Installer.msi, Linux — пакет gosuslugi-plugin (.deb или .rpm).',
          'Убедитесь, что установлен криптопровайдер вашего сертификата (обычно КриптоПро CSP).',
          'Перезапустите браузер и повторите вход или подписание.',
        ],
        en: [
          'Install (or reinstall) the Госплагин application from gosuslugi.ru/landing/gosplugin: Windows — Gosplugin_Windows_Installer.msi, Linux — the gosuslugi-plugin package (.deb or .rpm).',
          'Make sure the crypto provider of your certificate is installed (usually CryptoPro CSP).',
          'Restart the browser and repeat the login or signing.',
        ],
      },
    },
    'signing-extension-conflict': {
      mode: 'replace',
      steps: {
        ru: [
          'Откройте список расширений браузера и отключите старое «Расширение для плагина Госуслуг»: Госуслуги теперь работают через «Госплагин», его оставьте включённым.',
          'Перезагрузите страницу Госуслуг и подпишите снова; если сайт предлагает «Пропустить» или «Проигнорировать», нажмите эту кнопку.',
          'Если «Не задано имя файла», «Общая ошибка» или бесконечное «Подпишите в плагине» повторяются, удалите старый «Плагин пользователя систем электронного правительства» (IFCPlugin), переустановите Госплагин и перезапустите браузер.',
        ],
        en: [
          'Open the browser\'s extension list and disable the old «Расширение для плагина Госуслуг»: Gosuslugi now works through «Госплагин», keep that one enabled.',
          'Reload the Gosuslugi page and sign again; if the site offers «Пропустить» or «Проигнорировать» (skip / ignore), press it.',
          'If «Не задано имя файла», «Общая ошибка» or an endless «Подпишите в плагине» come back, remove the old «Плагин пользователя систем электронного правительства» (IFCPlugin), reinstall Госплагин and restart the browser.',
        ],
      },
    },
    'cert-none-found': {
      mode: 'after',
      steps: {
        ru: [
          'Если на Госуслугах бесконечно идёт «Проверка сертификатов», удалите из хранилища «Личное» просроченные, недействительные и повторяющиеся сертификаты и перезапустите браузер.',
        ],
        en: [
          'If Gosuslugi shows «Проверка сертификатов» (checking certificates) forever, remove expired, invalid and duplicate certificates from the «Личное» (Personal) store and restart the browser.',
        ],
      },
    },
  },
  links: [
    {
      title: { ru: 'Госплагин: приложение и расширение (Госуслуги)', en: 'Госплагин: application and extension (Gosuslugi)' },
      url: 'https://www.gosuslugi.ru/landing/gosplugin',
    },
    {
      title: { ru: 'Расширение «Госплагин» (Chrome Web Store)', en: '«Госплагин» extension (Chrome Web Store)' },
      url: 'https://chromewebstore.google.com/detail/jabjbhgjaidecageckilhonbggakppme',
    },
  ],
  testUrls: ['https://www.gosuslugi.ru/', 'https://esia.gosuslugi.ru/login/', 'https://lk.gosuslugi.ru/'],
};
