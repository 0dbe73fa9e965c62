import type { ProblemEntries } from './types';

/** Platform: the signature works, but the platform does not accept this user, certificate or connection. */
export const PLATFORM_PROBLEMS = {
  'platform-cert-not-registered': {
    severity: 'error',
    group: 'platform',
    title: {
      ru: 'Сертификат не зарегистрирован на площадке',
      en: 'The certificate is not registered on the platform',
    },
    explanation: {
      ru: 'Подпись работает, но площадка не знает этот сертификат: он новый (после продления или замены) либо пользователь ещё не зарегистрирован или не активирован. Площадка пишет, например, «Сертификат пользователя не зарегистрирован в системе» или «Клиентский сертификат не сопоставлен с пользователем».',
      en: 'The signature works, but the platform does not know this certificate: it is new (after a renewal or replacement), or the user is not registered or not activated yet. The platform shows a message such as «Сертификат пользователя не зарегистрирован в системе» (user certificate not registered) or «Клиентский сертификат не сопоставлен с пользователем» (client certificate not mapped to a user).',
    },
    remedy: {
      ru: [
        'Если вы участвуете в закупках по 44-ФЗ, сначала проверьте регистрацию в ЕИС (ЕРУЗ): организация зарегистрирована, вы добавлены как пользователь, новый сертификат указан в ЕИС.',
        'Войдите на площадку другим способом, который она допускает (через Госуслуги (ЕСИА) или по логину и паролю), и в личном кабинете привяжите новый сертификат к пользователю или зарегистрируйте нового пользователя.',
        'Если площадка подтверждает нового пользователя или сертификат не сразу, дождитесь активации и войдите снова.',
      ],
      en: [
        'If you take part in 44-ФЗ procurement, first check your registration in ЕИС (ЕРУЗ): the organisation is registered, you are added as a user, and the new certificate is registered in ЕИС.',
        'Log in to the platform another way it allows (through Госуслуги (ЕСИА) or with a login and password) and, in your personal cabinet, bind the new certificate to your user or register a new user.',
        'If the platform does not activate a new user or certificate at once, wait for the activation and log in again.',
      ],
    },
  },
  'platform-signature-not-authorized': {
    severity: 'error',
    group: 'platform',
    title: {
      ru: 'Подпись не авторизована на площадке',
      en: 'The signature is not authorised on the platform',
    },
    explanation: {
      ru: 'Площадка сообщила, что выбранная подпись не авторизована («Выбранная ЭЦП не авторизована»): вы или ваш новый сертификат ещё не зарегистрированы на ней. Иногда это сообщение вызывает защитная программа (антивирус), которая мешает обмену данными с площадкой.',
      en: 'The platform reported that the chosen signature is not authorised («Выбранная ЭЦП не авторизована»): you or your new certificate are not registered on it yet. Sometimes security software (an antivirus) that interferes with the data exchange causes this message.',
    },
    remedy: {
      ru: [
        'Зарегистрируйте новый сертификат в личном кабинете площадки или отправьте оператору площадки запрос на авторизацию (порядок зависит от площадки).',
        'Если вы участвуете в закупках по 44-ФЗ, проверьте, что вы и ваш сертификат зарегистрированы в ЕИС (ЕРУЗ).',
        'Если ошибка осталась, добавьте сайт площадки в исключения антивируса или другой защитной программы (или попросите об этом ИТ-специалиста).',
        'Если и это не помогло, обратитесь в службу поддержки площадки.',
      ],
      en: [
        'Register the new certificate in your personal cabinet on the platform, or send the platform operator an authorisation request (the procedure depends on the platform).',
        'If you take part in 44-ФЗ procurement, check that you and your certificate are registered in ЕИС (ЕРУЗ).',
        'If the error remains, add the platform website to the exceptions of your antivirus or other security software (or ask your IT staff to do it).',
        'If that does not help either, contact the platform support desk.',
      ],
    },
  },
  'platform-mchd-required': {
    severity: 'warning',
    group: 'platform',
    title: {
      ru: 'Для подписи от имени организации нужна МЧД',
      en: 'Signing for the organisation needs a machine-readable power of attorney (МЧД)',
    },
    explanation: {
      ru: 'Вы подписываете сертификатом физического лица — сотрудника, а не руководителя. С 1 сентября 2024 года представитель организации или ИП может подписывать документы в ЕИС и на электронных площадках только с машиночитаемой доверенностью (МЧД), иначе подпись могут не принять.',
      en: 'You sign with an individual (employee) certificate, not the certificate of the head. Since 1 September 2024 a representative of an organisation or sole proprietor may sign documents in ЕИС and on e-procurement platforms only with a machine-readable power of attorney (МЧД); without it the signature may be rejected.',
    },
    remedy: {
      ru: [
        'Попросите руководителя организации оформить на вас МЧД в личном кабинете ЕИС (руководитель может выдать её вам напрямую или администратору организации с правом передоверия).',
        'Убедитесь, что МЧД зарегистрирована, действует и содержит нужные вам полномочия.',
        'Если площадка просит указать МЧД, выберите или загрузите её по инструкции площадки.',
      ],
      en: [
        'Ask the head of the organisation to issue an МЧД to you in the ЕИС personal cabinet (the head can issue it to you directly or to the organisation administrator with the right to delegate further).',
        'Make sure the МЧД is registered, in force and grants the powers you need.',
        'If the platform asks for the МЧД, choose or upload it following the platform instructions.',
      ],
    },
  },
  'platform-security-software': {
    severity: 'info',
    group: 'platform',
    title: {
      ru: 'Антивирус может мешать работе с площадкой',
      en: 'Security software may interfere with the platform',
    },
    explanation: {
      ru: 'Антивирусы с проверкой защищённых соединений (например, Kaspersky, Dr.Web, Avast) встраиваются в соединение с сайтом. Из-за этого площадка или плагин подписи могут работать неправильно, а соединение — блокироваться.',
      en: 'Antivirus programs that scan secure connections (for example Kaspersky, Dr.Web, Avast) insert themselves into the connection with the site. Because of this the platform or the signing plug-in may misbehave, or the connection may be blocked.',
    },
    remedy: {
      ru: [
        'Добавьте адрес площадки в исключения проверки защищённых соединений (HTTPS) в настройках антивируса; отключать антивирус целиком не нужно.',
        'Если антивирусом управляет ваша организация, попросите об этом ИТ-специалиста.',
        'Обновите страницу площадки и повторите действие.',
      ],
      en: [
        'Add the platform address to the exceptions of secure connection (HTTPS) scanning in the antivirus settings; there is no need to switch the antivirus off entirely.',
        'If your organisation manages the antivirus, ask your IT staff to do this.',
        'Reload the platform page and try again.',
      ],
    },
  },
  'platform-browser-check-false': {
    severity: 'info',
    group: 'platform',
    title: {
      ru: 'Площадка ошибочно считает браузер неподдерживаемым',
      en: 'The platform wrongly calls the browser unsupported',
    },
    explanation: {
      ru: 'Площадка пишет, что браузер не поддерживается, хотя он подходит для подписи (например, Chromium-Gost или Яндекс Браузер). Площадка определяет браузер по строке, которую он о себе сообщает (User-Agent), и не узнаёт ваш браузер; дело не в настройках вашего компьютера.',
      en: 'The platform says the browser is not supported, although it is fine for signing (for example Chromium-Gost or Yandex Browser). The platform identifies the browser by the string it reports about itself (the User-Agent) and does not recognise yours; the cause is not in your computer settings.',
    },
    remedy: {
      ru: [
        'Не переустанавливайте программы подписи: это проверка на стороне площадки, а не ошибка на вашем компьютере.',
        'Откройте площадку в том браузере, который она сама называет в инструкции или на странице входа.',
        'Если такого браузера нет или сообщение осталось, обратитесь в службу поддержки площадки и укажите, каким браузером и какой его версией вы пользуетесь.',
      ],
      en: [
        'Do not reinstall the signing software: this is a check on the platform side, not a fault on your computer.',
        'Open the platform in the browser it names itself in its instructions or on its login page.',
        'If you do not have that browser or the message remains, contact the platform support desk and tell them which browser and version you use.',
      ],
    },
  },
} satisfies ProblemEntries<
  | 'platform-cert-not-registered'
  | 'platform-signature-not-authorized'
  | 'platform-mchd-required'
  | 'platform-security-software'
  | 'platform-browser-check-false'
>;
