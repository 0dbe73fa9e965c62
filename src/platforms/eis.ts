import type { PlatformGuide, PlatformMatch } from './types';

/**
 * ЕИС (zakupki.gov.ru): the public portal, the GOST-TLS cabinets (ЛК, ЕРУЗ, int44).
 * No own error texts are known (research/platforms.md §2 row 14, §3.10): the cabinets fail at the TLS level.
 */
export const match = {
  id: 'eis',
  hosts: ['*.zakupki.gov.ru'],
  texts: [],
} as const satisfies PlatformMatch;

export const guide: PlatformGuide = {
  name: { ru: 'ЕИС (zakupki.gov.ru)', en: 'EIS (zakupki.gov.ru)' },
  sections: ['44', '223'],
  gostTlsHosts: ['lk.zakupki.gov.ru', 'eruz.zakupki.gov.ru', 'int44.zakupki.gov.ru'],
  remedies: {
    'platform-cert-not-registered': {
      mode: 'replace',
      steps: {
        ru: [
          'Откройте https://zakupki.gov.ru/auth/welcome, нажмите «Электронная подпись», войдите через Госуслуги (ЕСИА) и выберите свою организацию.',
          'В ЕРУЗ (eruz.zakupki.gov.ru) проверьте, что организация зарегистрирована и её регистрация действует, а вы добавлены в список её пользователей.',
          'Если сертификат новый, попросите руководителя или администратора организации обновить ваши данные пользователя в личном кабинете ЕИС (точные пункты меню мы не проверяли — при затруднении обратитесь в поддержку ЕИС).',
          'После обновления в ЕИС федеральные площадки получают данные автоматически; затем при необходимости привяжите новый сертификат на каждой площадке, где вы работаете.',
        ],
        en: [
          'Open https://zakupki.gov.ru/auth/welcome, click «Электронная подпись» (electronic signature), sign in through Gosuslugi (ESIA) and choose your organisation.',
          'In ERUZ (eruz.zakupki.gov.ru) check that the organisation is registered and its registration is current, and that you are listed among its users.',
          'If the certificate is new, ask the head or the administrator of the organisation to update your user data in the EIS personal cabinet (we have not checked the exact menu items — ask EIS support if unsure).',
          'Once EIS is updated, the federal platforms receive the data automatically; then bind the new certificate on each platform you work on, where the platform asks for it.',
        ],
      },
    },
    'platform-mchd-required': {
      mode: 'replace',
      steps: {
        ru: [
          'Проверьте, чьим сертификатом вы подписываете: с 01.09.2024 сотрудник (кроме руководителя), а также представитель ИП подписывает в ЕИС только с машиночитаемой доверенностью (МЧД).',
          'Попросите руководителя оформить МЧД в личном кабинете ЕИС — на администратора организации (с правом передоверия) или прямо на вас.',
          'Убедитесь, что доверенность подписана руководителем, её срок не истёк и в ней есть нужные вам полномочия.',
          'Войдите в ЕИС снова и повторите подписание.',
        ],
        en: [
          'Check whose certificate you sign with: since 01.09.2024 an employee (anyone but the head), and also a representative of a sole proprietor, signs in EIS only with a machine-readable power of attorney (MChD).',
          'Ask the head of the organisation to issue the MChD in the EIS personal cabinet — to the organisation\'s administrator (with the right to delegate further) or directly to you.',
          'Make sure the power of attorney is signed by the head, has not expired and contains the powers you need.',
          'Sign in to EIS again and repeat the signing.',
        ],
      },
    },
    'gost-tls-unsupported': {
      mode: 'replace',
      steps: {
        ru: [
          'Личный кабинет ЕИС (lk.zakupki.gov.ru), ЕРУЗ (eruz.zakupki.gov.ru) и int44.zakupki.gov.ru открываются только по ГОСТ TLS: откройте их в Яндекс Браузере (Windows) или в Chromium-Gost.',
          'Установите КриптоПро CSP 5.0: с CSP 4.0 ГОСТ TLS в браузерах на Chromium 90 и новее не работает.',
          'Перед запуском Chromium-Gost закройте все окна обычного Chrome/Chromium: одновременная работа мешает ГОСТ-соединению.',
          'Проверьте соединение на https://gost.cryptopro.ru — страница должна показать шифр ГОСТ (например, GOST2012…).',
          'Если браузер сообщает об ошибке сертификата сайта, установите корневой сертификат Минцифры и сертификаты Федерального казначейства.',
        ],
        en: [
          'The EIS personal cabinet (lk.zakupki.gov.ru), ERUZ (eruz.zakupki.gov.ru) and int44.zakupki.gov.ru open only over GOST TLS: open them in Yandex Browser (Windows) or in Chromium-Gost.',
          'Install CryptoPro CSP 5.0: with CSP 4.0, GOST TLS does not work in browsers based on Chromium 90 or newer.',
          'Close all windows of ordinary Chrome/Chromium before starting Chromium-Gost: running both at once breaks the GOST connection.',
          'Test the connection at https://gost.cryptopro.ru — the page must show a GOST cipher (for example GOST2012…).',
          'If the browser reports an error with the site\'s certificate, install the Ministry of Digital Development (Mintsifry) root certificate and the Federal Treasury certificates.',
        ],
      },
    },
    'chain-untrusted': {
      mode: 'after',
      steps: {
        ru: [
          'Для ЕИС нужна цепочка от корневого сертификата Минцифры (Минкомсвязи) к сертификатам Федерального казначейства: сертификаты Федерального казначейства установите в хранилище «Промежуточные центры сертификации».',
        ],
        en: [
          'EIS needs the chain from the Mintsifry (former Minkomsvyaz) root to the Federal Treasury certificates: install the Federal Treasury certificates into the «Промежуточные центры сертификации» (Intermediate Certification Authorities) store.',
        ],
      },
    },
    'plugin-site-access-denied': {
      mode: 'replace',
      steps: {
        ru: [
          'Перезагрузите страницу и в окне «Подтверждение доступа» нажмите «Да».',
          'Если окно не появляется или доступ снова запрещён, откройте «Настройки КриптоПро ЭЦП Browser Plug-in» (в Windows обычно: «Пуск» → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'В «Список доверенных узлов» добавьте https://*.zakupki.gov.ru и сохраните настройки.',
          'Перезапустите браузер и войдите в ЕИС снова.',
        ],
        en: [
          'Reload the page and answer «Да» (Yes) in the «Подтверждение доступа» (access confirmation) window.',
          'If the window does not appear or access is denied again, open «Настройки КриптоПро ЭЦП Browser Plug-in» (plug-in settings; on Windows usually Start → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'Add https://*.zakupki.gov.ru to «Список доверенных узлов» (trusted sites) and save the settings.',
          'Restart the browser and sign in to EIS again.',
        ],
      },
    },
  },
  links: [
    { title: { ru: 'Проверка ГОСТ TLS в браузере (КриптоПро)', en: 'GOST TLS browser self-test (CryptoPro)' }, url: 'https://gost.cryptopro.ru' },
  ],
  testUrls: [
    'https://zakupki.gov.ru/epz/main/public/home.html',
    'https://zakupki.gov.ru/auth/welcome',
    'https://lk.zakupki.gov.ru/sso/login',
    'https://eruz.zakupki.gov.ru/auth/login',
    'https://int44.zakupki.gov.ru/',
  ],
};
