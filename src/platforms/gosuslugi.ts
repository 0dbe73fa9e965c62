import type { PlatformGuide, PlatformMatch } from './types';

/**
 * Госуслуги / ЕСИА. Login and signing with an electronic signature go through the portal's own «Плагин для работы
 * с электронной подписью» (IFCPlugin, native host `ru.rtlabs.ifcplugin`) and the «Расширение для плагина Госуслуг»,
 * not through the CryptoPro plug-in (research/platforms.md §3.11, §4.6).
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
  texts: [{ text: 'Не задано имя файла', problem: 'signing-extension-conflict' }],
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
          'Госуслуги работают с электронной подписью через свой «Плагин для работы с электронной подписью», а не через плагин КриптоПро: установите его (Windows — IFCPlugin.msi или IFCPlugin-x64.msi, Linux — IFCPlugin-x86_64.deb).',
          'Установите и включите «Расширение для плагина Госуслуг»: в Chrome, Яндекс Браузере и Edge — из Chrome Web Store, в Firefox — дополнение с ds-plugin.gosuslugi.ru.',
          'Перезапустите браузер и снова выберите вход или подписание с помощью электронной подписи.',
        ],
        en: [
          'Gosuslugi works with electronic signatures through its own «Плагин для работы с электронной подписью» (signature plug-in), not through the CryptoPro plug-in: install it (Windows — IFCPlugin.msi or IFCPlugin-x64.msi, Linux — IFCPlugin-x86_64.deb).',
          'Install and enable the «Расширение для плагина Госуслуг» extension: in Chrome, Yandex Browser and Edge from the Chrome Web Store, in Firefox the add-on from ds-plugin.gosuslugi.ru.',
          'Restart the browser and choose login or signing with an electronic signature again.',
        ],
      },
    },
    'plugin-host-missing': {
      mode: 'replace',
      steps: {
        ru: [
          'Установите (или переустановите) «Плагин для работы с электронной подписью» Госуслуг: Windows — IFCPlugin.msi или IFCPlugin-x64.msi, Linux — IFCPlugin-x86_64.deb.',
          'Убедитесь, что установлен криптопровайдер вашего сертификата (обычно КриптоПро CSP).',
          'В Linux проверьте, что для Chromium есть файл /etc/chromium/native-messaging-hosts/ru.rtlabs.ifcplugin.json, а при КриптоПро CSP 5 настроен /etc/ifc.cfg: с настройками по умолчанию плагин CSP 5 не видит.',
          'Перезапустите браузер и повторите вход или подписание.',
        ],
        en: [
          'Install (or reinstall) the Gosuslugi «Плагин для работы с электронной подписью» (signature plug-in): Windows — IFCPlugin.msi or IFCPlugin-x64.msi, Linux — IFCPlugin-x86_64.deb.',
          'Make sure the crypto provider of your certificate is installed (usually CryptoPro CSP).',
          'On Linux, check that Chromium has /etc/chromium/native-messaging-hosts/ru.rtlabs.ifcplugin.json and, with CryptoPro CSP 5, that /etc/ifc.cfg is set up: with default settings the plug-in does not see CSP 5.',
          'Restart the browser and repeat the login or signing.',
        ],
      },
    },
    'signing-extension-conflict': {
      mode: 'replace',
      steps: {
        ru: [
          'Откройте список расширений браузера, отключите новое расширение «Госплагин» и оставьте включённым только «Расширение для плагина Госуслуг».',
          'Перезагрузите страницу Госуслуг и подпишите снова; если сайт предлагает «Пропустить» или «Проигнорировать», нажмите эту кнопку.',
          'Если «Не задано имя файла», «Общая ошибка» или бесконечное «Подпишите в плагине» повторяются, переустановите плагин Госуслуг и перезапустите браузер.',
        ],
        en: [
          'Open the browser\'s extension list, disable the new «Госплагин» extension and keep only «Расширение для плагина Госуслуг» enabled.',
          'Reload the Gosuslugi page and sign again; if the site offers «Пропустить» or «Проигнорировать» (skip / ignore), press it.',
          'If «Не задано имя файла», «Общая ошибка» or an endless «Подпишите в плагине» come back, reinstall the Gosuslugi plug-in and restart the browser.',
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
      title: { ru: 'Расширение для плагина Госуслуг (Chrome Web Store)', en: 'Gosuslugi plug-in extension (Chrome Web Store)' },
      url: 'https://chrome.google.com/webstore/detail/pbefkdcndngodfeigfdgiodgnmbgcfha',
    },
    {
      title: { ru: 'Расширение для плагина Госуслуг для Firefox', en: 'Gosuslugi plug-in extension for Firefox' },
      url: 'https://ds-plugin.gosuslugi.ru/plugin/upload/assets/distrib/addon-1.2.8-fx.xpi',
    },
  ],
  testUrls: ['https://www.gosuslugi.ru/', 'https://esia.gosuslugi.ru/login/', 'https://lk.gosuslugi.ru/'],
};
