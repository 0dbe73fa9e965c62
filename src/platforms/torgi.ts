import type { PlatformGuide, PlatformMatch } from './types';

/**
 * ГИС Торги (torgi.gov.ru): the state portal for property, land, privatisation and bankruptcy sales notices. The
 * research has its public pages only (research/platforms.md §2 #16): no login flow, no own error text, no help
 * pages. Only `torgi.gov.ru` and its subdomains — never the rest of gov.ru.
 */
export const match = {
  id: 'torgi',
  hosts: ['*.torgi.gov.ru'],
  texts: [],
} as const satisfies PlatformMatch;

export const guide: PlatformGuide = {
  name: { ru: 'ГИС Торги (torgi.gov.ru)', en: 'GIS Torgi (torgi.gov.ru)' },
  sections: ['178', 'property'],
  gostTlsHosts: [],
  remedies: {
    'plugin-site-access-denied': {
      mode: 'replace',
      steps: {
        ru: [
          'Откройте «Настройки КриптоПро ЭЦП Browser Plug-in» (в Windows: «Пуск» → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'В «Список доверенных узлов» добавьте https://torgi.gov.ru и сохраните список.',
          'Перезагрузите страницу ГИС Торги и в окне «Подтверждение доступа» нажмите «Да».',
        ],
        en: [
          'Open «Настройки КриптоПро ЭЦП Browser Plug-in» (the CryptoPro plug-in settings; on Windows: Start → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'Add https://torgi.gov.ru to «Список доверенных узлов» (the trusted sites list) and save the list.',
          'Reload the GIS Torgi page and answer «Да» (Yes) in the «Подтверждение доступа» (access confirmation) window.',
        ],
      },
    },
  },
  links: [],
  testUrls: ['https://torgi.gov.ru/new/public', 'https://torgi.gov.ru/new/public/lots/reg'],
};
