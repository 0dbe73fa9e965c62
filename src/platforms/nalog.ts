import type { PlatformGuide, PlatformMatch } from './types';

/**
 * Личные кабинеты ФНС (ЮЛ, ИП, ФЛ). The cabinets ask for a TLS client certificate over GOST TLS: with no usable
 * certificate the handshake simply fails, without an error page (research/platforms.md §1.4, §3.12). Exact hosts
 * only: nalog.ru has many unrelated services. `CERT_EMPTY_OGRN_ERROR` is shown by the ИП conditions check; its name
 * suggests a certificate without ОГРН/ОГРНИП (inferred), i.e. not the certificate of the organisation or the ИП.
 */
export const match = {
  id: 'nalog',
  hosts: ['lkul.nalog.ru', 'lkip2.nalog.ru', 'lkipgost2.nalog.ru', 'lkfl2.nalog.ru'],
  texts: [{ text: 'CERT_EMPTY_OGRN_ERROR', problem: 'cert-not-qualified' }],
} as const satisfies PlatformMatch;

export const guide: PlatformGuide = {
  name: { ru: 'Личные кабинеты ФНС (nalog.ru)', en: 'Federal Tax Service accounts (nalog.ru)' },
  sections: ['government-services'],
  // research/platforms.md names lkul (ЛК ЮЛ) and lkipgost2 (ЛК ИП) as GOST-TLS cabinets; lkip2 is the ИП conditions check, lkfl2 unverified.
  gostTlsHosts: ['lkul.nalog.ru', 'lkipgost2.nalog.ru'],
  // Both ask for the certificate while connecting; without a usable one Chromium-Gost shows no picker.
  gostTlsClientCertificate: true,
  remedies: {
    'gost-tls-unsupported': {
      mode: 'replace',
      steps: {
        ru: [
          'Откройте личный кабинет ФНС в браузере с ГОСТ TLS: Яндекс Браузер (только Windows) или Chromium-Gost, вместе с КриптоПро CSP 5.0.',
          'Не запускайте одновременно обычный Chrome/Chromium и Chromium-Gost: закройте все окна обычного браузера и откройте кабинет заново.',
          'Вставьте токен до входа: кабинет запрашивает сертификат ещё при установке соединения, а без подходящего сертификата соединение обрывается без страницы ошибки.',
          'Проверьте условия на странице ФНС: для ЮЛ — https://lkul.nalog.ru/check_cryptopro.php, для ИП — https://lkip2.nalog.ru/lk#!/certificate/requirements; ИП входят с сертификатом через https://lkipgost2.nalog.ru.',
        ],
        en: [
          'Open the tax service account in a browser with GOST TLS: Yandex Browser (Windows only) or Chromium-Gost, together with CryptoPro CSP 5.0.',
          'Do not run an ordinary Chrome/Chromium and Chromium-Gost at the same time: close every window of the ordinary browser and open the account again.',
          'Insert the token before logging in: the account asks for the certificate while the connection is set up, and without a suitable certificate the connection drops without an error page.',
          'Check the conditions on the tax service page: for organisations — https://lkul.nalog.ru/check_cryptopro.php, for sole proprietors — https://lkip2.nalog.ru/lk#!/certificate/requirements; sole proprietors log in with a certificate at https://lkipgost2.nalog.ru.',
        ],
      },
    },
    'cert-not-qualified': {
      mode: 'replace',
      steps: {
        ru: [
          'Проверьте, какой сертификат вы выбрали: ошибка CERT_EMPTY_OGRN_ERROR, судя по названию, значит, что в нём нет ОГРН или ОГРНИП — обычно это сертификат физического лица, а не организации или ИП.',
          'Выберите сертификат руководителя организации или ИП (со значением ОГРН/ОГРНИП) и войдите снова; для ИП используйте https://lkipgost2.nalog.ru.',
          'Если такого сертификата нет, получите квалифицированный сертификат руководителя или ИП (его выпускает УЦ ФНС).',
        ],
        en: [
          'Check which certificate you chose: judging by its name, CERT_EMPTY_OGRN_ERROR means it has no OGRN or OGRNIP — usually a private person\'s certificate, not that of an organisation or a sole proprietor.',
          'Choose the certificate of the head of the organisation or of the sole proprietor (with an OGRN/OGRNIP) and log in again; sole proprietors use https://lkipgost2.nalog.ru.',
          'If you have no such certificate, get a qualified certificate for the head or the sole proprietor (the tax service CA issues them).',
        ],
      },
    },
    'chain-untrusted': {
      mode: 'after',
      steps: {
        ru: [
          'Для кабинетов ФНС установите в «Доверенные корневые центры сертификации» корневые сертификаты ГУЦ и Минцифры (Минкомсвязи), как описано на https://lkul.nalog.ru/check_cryptopro.php.',
        ],
        en: [
          'For the tax service accounts, install the root certificates of the Head CA (ГУЦ) and the Ministry of Digital Development (Минкомсвязь) into «Доверенные корневые центры сертификации» (Trusted Root Certification Authorities), as described on https://lkul.nalog.ru/check_cryptopro.php.',
        ],
      },
    },
    'csp-outdated': {
      mode: 'after',
      steps: {
        ru: [
          'Для ГОСТ TLS в браузерах на Chromium 90 и новее нужен КриптоПро CSP 5.0: с CSP 4.0 кабинеты ФНС не откроются (CSP 5.0.11455 и новее принимает лицензию 4.0).',
        ],
        en: [
          'GOST TLS in browsers based on Chromium 90 or newer needs CryptoPro CSP 5.0: with CSP 4.0 the tax service accounts will not open (CSP 5.0.11455 and newer accepts a 4.0 licence).',
        ],
      },
    },
    'token-not-detected': {
      mode: 'before',
      steps: {
        ru: [
          'Вставьте токен до открытия кабинета ФНС и обновите страницу: если носителя нет, после запроса вставить его браузер показывает ERR_SSL_PROTOCOL_ERROR или просто не открывает страницу.',
        ],
        en: [
          'Insert the token before opening the tax service account and reload the page: without the token, after asking for it the browser shows ERR_SSL_PROTOCOL_ERROR or simply does not open the page.',
        ],
      },
    },
    'browser-unsupported': {
      mode: 'before',
      steps: {
        ru: ['Кабинеты ФНС проверяют браузер: откройте их в Яндекс Браузере (Windows) или в Chromium-Gost.'],
        en: ['The tax service accounts check the browser: open them in Yandex Browser (Windows) or in Chromium-Gost.'],
      },
    },
    'plugin-site-access-denied': {
      mode: 'replace',
      steps: {
        ru: [
          'Откройте «Настройки КриптоПро ЭЦП Browser Plug-in» (в Windows: «Пуск» → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'В «Список доверенных узлов» добавьте адрес кабинета, с которым работаете: https://lkul.nalog.ru, https://lkip2.nalog.ru, https://lkipgost2.nalog.ru или https://lkfl2.nalog.ru, и сохраните список.',
          'Перезагрузите страницу кабинета и в окне «Подтверждение доступа» нажмите «Да».',
        ],
        en: [
          'Open «Настройки КриптоПро ЭЦП Browser Plug-in» (the CryptoPro plug-in settings; on Windows: Start → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'Add the address of the account you use to «Список доверенных узлов» (the trusted sites list): https://lkul.nalog.ru, https://lkip2.nalog.ru, https://lkipgost2.nalog.ru or https://lkfl2.nalog.ru, and save the list.',
          'Reload the account page and answer «Да» (Yes) in the «Подтверждение доступа» (access confirmation) window.',
        ],
      },
    },
  },
  links: [
    {
      title: { ru: 'Проверка условий подключения к ЛК ЮЛ (ФНС)', en: 'Connection check for the organisation account (tax service)' },
      url: 'https://lkul.nalog.ru/check_cryptopro.php',
    },
    {
      title: { ru: 'Проверка выполнения условий для ЛК ИП (ФНС)', en: 'Requirements check for the sole proprietor account (tax service)' },
      url: 'https://lkip2.nalog.ru/lk#!/certificate/requirements',
    },
    {
      title: { ru: 'Проверка ГОСТ TLS в браузере (КриптоПро)', en: 'GOST TLS browser test (CryptoPro)' },
      url: 'https://gost.cryptopro.ru',
    },
  ],
  testUrls: [
    'https://lkul.nalog.ru/check_cryptopro.php',
    'https://lkip2.nalog.ru/lk#!/certificate/requirements',
    'https://lkipgost2.nalog.ru/',
    'https://lkfl2.nalog.ru/lkfl/login',
  ],
};
