import type { ProblemEntries } from './types';

/** Environment: the computer clock, the browser network stack, and errors nothing else explains. */
export const ENVIRONMENT_PROBLEMS = {
  'clock-skew': {
    severity: 'warning',
    group: 'environment',
    title: {
      ru: 'На компьютере неверные дата или время',
      en: 'The computer date or time is wrong',
    },
    explanation: {
      ru: 'Часы компьютера расходятся со временем сервера площадки больше чем на 5 минут. Из-за этого сертификат может считаться просроченным или ещё не действующим (код 0x800B0101), а в подписи окажется неверное время.',
      en: 'The computer clock differs from the platform server time by more than 5 minutes. Because of this the certificate may be treated as expired or not yet valid (code 0x800B0101), and the signature will carry a wrong time.',
    },
    remedy: {
      ru: [
        'Откройте настройки даты и времени (Windows: «Параметры» → «Время и язык» → «Дата и время»).',
        'Включите автоматическую установку времени или выставьте правильные дату, время и часовой пояс вручную.',
        'Обновите страницу площадки и повторите действие.',
      ],
      en: [
        'Open the date and time settings (Windows: Settings → Time & language → Date & time).',
        'Turn on automatic time setting, or set the correct date, time and time zone by hand.',
        'Reload the platform page and try again.',
      ],
    },
  },
  'gost-tls-unsupported': {
    severity: 'error',
    group: 'environment',
    title: {
      ru: 'Браузер не поддерживает защищённое соединение по ГОСТ',
      en: 'The browser does not support GOST TLS',
    },
    explanation: {
      ru: 'Этот сайт (например, личный кабинет ЕИС или ФНС) открывается только по защищённому соединению с российскими алгоритмами шифрования (ГОСТ). Обычный браузер их не поддерживает и показывает ошибку ERR_SSL_VERSION_OR_CIPHER_MISMATCH, поэтому страница не открывается.',
      en: 'This site (for example the ЕИС or ФНС personal cabinet) opens only over a secure connection with Russian GOST encryption. An ordinary browser does not support it and shows ERR_SSL_VERSION_OR_CIPHER_MISMATCH, so the page does not open.',
    },
    remedy: {
      ru: [
        'Установите КриптоПро CSP 5.0 или новее, если у вас нет КриптоПро CSP или установлена более старая версия.',
        'Откройте сайт в Яндекс Браузере (ГОСТ-соединения он поддерживает только в Windows) или в Chromium-Gost.',
        'Не держите одновременно открытыми обычный Chrome или Chromium и Chromium-Gost: перед запуском Chromium-Gost закройте все окна обычного браузера.',
      ],
      en: [
        'Install CryptoPro CSP 5.0 or newer if you have no CryptoPro CSP or an older version.',
        'Open the site in Yandex Browser (it supports GOST connections on Windows only) or in Chromium-Gost.',
        'Do not run an ordinary Chrome or Chromium at the same time as Chromium-Gost: close all windows of the ordinary browser before starting Chromium-Gost.',
      ],
    },
  },
  'unknown-signing-error': {
    severity: 'warning',
    group: 'environment',
    title: {
      ru: 'Неизвестная ошибка подписи',
      en: 'Unrecognised signing error',
    },
    explanation: {
      ru: 'При подписании появился код ошибки, которого нет в справочнике ep-doctor. Сам код не называет причину, но по нему и по отчёту проверки служба поддержки сможет её найти.',
      en: 'Signing produced an error code that is not in the ep-doctor reference. The code alone does not name the cause, but with it and the check report a support desk can find it.',
    },
    remedy: {
      ru: [
        'Запишите или скопируйте код ошибки и текст сообщения.',
        'Запустите полную проверку в ep-doctor: она может найти причину по другим признакам.',
        'Сохраните отчёт ep-doctor и передайте его в службу поддержки площадки или удостоверяющего центра вместе с кодом ошибки.',
      ],
      en: [
        'Write down or copy the error code and the message text.',
        'Run the full check in ep-doctor: it may find the cause from other signs.',
        'Save the ep-doctor report and give it to the support desk of the platform or the certification authority together with the error code.',
      ],
    },
  },
} satisfies ProblemEntries<'clock-skew' | 'gost-tls-unsupported' | 'unknown-signing-error'>;
