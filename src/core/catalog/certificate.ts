import type { ProblemEntries } from './types';

/** The CryptoPro CSP path that installs a personal certificate from its key container, linked to the key. */
const FROM_CONTAINER = {
  ru: 'КриптоПро CSP → «Сервис» → «Просмотреть сертификаты в контейнере» → «Обзор» → выберите контейнер → «Далее» → «Установить»',
  en: 'CryptoPro CSP → «Сервис» (Tools) → «Просмотреть сертификаты в контейнере» (View certificates in container) → «Обзор» (Browse) → choose the container → «Далее» (Next) → «Установить» (Install)',
};

/** Certificates and keys: finding the certificate, its private key, validity, revocation, trust and profile. */
export const CERTIFICATE_PROBLEMS = {
  'cert-none-found': {
    severity: 'error',
    group: 'certificate',
    title: {
      ru: 'Не найден сертификат для подписи',
      en: 'No certificate for signing was found',
    },
    explanation: {
      ru: 'Плагин не нашёл ни одного сертификата, которым можно подписать: личный сертификат не установлен, носитель с ключом не подключён, не установлены корневые сертификаты удостоверяющего центра (УЦ) или все сертификаты просрочены или отозваны. Сайт может написать «Не удалось найти ни одного сертификата, пригодного для создания подписи» или «Нет доступных сертификатов».',
      en: 'The plug-in found no certificate that can sign: the personal certificate is not installed, the token with the key is not connected, the root certificates of the certification authority (CA) are not installed, or all certificates have expired or been revoked. The site may say «Не удалось найти ни одного сертификата, пригодного для создания подписи» (no certificate suitable for signing was found) or «Нет доступных сертификатов» (no certificates available).',
    },
    remedy: {
      ru: [
        'Вставьте носитель (токен или флешку) с ключом электронной подписи.',
        `Установите личный сертификат из контейнера: ${FROM_CONTAINER.ru}.`,
        'Установите корневой и промежуточный сертификаты вашего УЦ (их выдаёт УЦ или публикует на своём сайте).',
        'Проверьте срок действия сертификата: если он истёк или сертификат отозван, получите новый в УЦ.',
        'Обновите страницу площадки и выберите сертификат снова.',
      ],
      en: [
        'Insert the token (or flash drive) that holds the signature key.',
        `Install the personal certificate from its container: ${FROM_CONTAINER.en}.`,
        'Install the root and intermediate certificates of your CA (the CA provides them or publishes them on its website).',
        'Check the certificate validity period: if it has expired or the certificate was revoked, get a new one from the CA.',
        'Reload the platform page and choose the certificate again.',
      ],
    },
  },
  'cert-no-private-key': {
    severity: 'error',
    group: 'certificate',
    title: {
      ru: 'Сертификат не связан с закрытым ключом',
      en: 'The certificate is not linked to its private key',
    },
    explanation: {
      ru: 'Сертификат установлен на компьютере, но КриптоПро не находит закрытый ключ, который к нему относится: носитель с ключом не вставлен или сертификат установлен из файла без связи с контейнером закрытого ключа. Обычно это ошибка «Не удается найти сертификат и закрытый ключ для расшифровки» с кодом 0x8009200B (бывает и 0x8009200C, 0x80092004).',
      en: 'The certificate is installed on the computer, but CryptoPro cannot find the private key that belongs to it: the token with the key is not inserted, or the certificate was installed from a file without a link to the private key container. This is usually the error "Cannot find the certificate and private key for decryption" with code 0x8009200B (also 0x8009200C, 0x80092004).',
    },
    remedy: {
      ru: [
        'Вставьте носитель, на котором записан ключ этой подписи.',
        `Переустановите сертификат из контейнера, чтобы он связался с ключом: ${FROM_CONTAINER.ru}.`,
        'Обновите страницу площадки и повторите подписание.',
        'Если ни в одном контейнере нет ключа этого сертификата, ключ утрачен: получите новый сертификат в удостоверяющем центре.',
      ],
      en: [
        'Insert the token that holds the key of this signature.',
        `Reinstall the certificate from its container so that it is linked to the key: ${FROM_CONTAINER.en}.`,
        'Reload the platform page and sign again.',
        'If no container holds the key of this certificate, the key is lost: get a new certificate from the certification authority.',
      ],
    },
  },
  'key-container-missing': {
    severity: 'error',
    group: 'certificate',
    title: {
      ru: 'Не найден контейнер закрытого ключа',
      en: 'The private key container cannot be found',
    },
    explanation: {
      ru: 'КриптоПро CSP не может открыть контейнер закрытого ключа, на который ссылается сертификат («Набор ключей не существует», код 0x80090016; иногда 0x8000FFFF). Чаще всего носитель не вставлен, вставлен другой носитель, КриптоПро не видит считыватель или контейнер удалён либо переименован.',
      en: 'CryptoPro CSP cannot open the private key container that the certificate points to ("Keyset does not exist", code 0x80090016; sometimes 0x8000FFFF). Most often the token is not inserted, a different token is inserted, CryptoPro does not see the reader, or the container was deleted or renamed.',
    },
    remedy: {
      ru: [
        'Вставьте носитель именно с этим сертификатом; если носителей несколько, подключайте их по очереди.',
        'Проверьте считыватели: КриптоПро CSP → «Оборудование» → «Настроить считыватели…»; в списке должны быть «Все считыватели смарт-карт», «Все съемные диски» и «Реестр». Недостающие добавьте кнопкой «Добавить» (нужны права администратора).',
        `Проверьте, виден ли контейнер, и установите из него сертификат заново: ${FROM_CONTAINER.ru}.`,
        'Если контейнера нет ни на одном носителе, обратитесь в удостоверяющий центр за новым сертификатом.',
      ],
      en: [
        'Insert the token that holds this very certificate; if you have several tokens, connect them one at a time.',
        'Check the readers: CryptoPro CSP → «Оборудование» (Hardware) → «Настроить считыватели…» (Configure readers); the list should contain «Все считыватели смарт-карт» (all smart card readers), «Все съемные диски» (all removable drives) and «Реестр» (registry). Add the missing ones with «Добавить» (Add); administrator rights are needed.',
        `Check that the container is visible and install the certificate from it again: ${FROM_CONTAINER.en}.`,
        'If no token holds the container, ask the certification authority for a new certificate.',
      ],
    },
  },
  'key-missing': {
    severity: 'error',
    group: 'certificate',
    title: {
      ru: 'В контейнере нет рабочего закрытого ключа',
      en: 'The container has no usable private key',
    },
    explanation: {
      ru: 'Контейнер закрытого ключа найден, но ключа в нём нет или он повреждён, либо сертификат ссылается на несуществующий ключ («Ключ не существует», код 0x8009000D). Тот же код иногда появляется, если отменить ввод PIN-кода.',
      en: 'The private key container was found, but the key in it is missing or damaged, or the certificate points to a key that does not exist ("Key does not exist", code 0x8009000D). The same code sometimes appears when the PIN prompt is cancelled.',
    },
    remedy: {
      ru: [
        'Повторите подписание и, если появится запрос PIN-кода, введите его, а не закрывайте окно.',
        `Переустановите сертификат вместе с контейнером: ${FROM_CONTAINER.ru}.`,
        'Если ошибка осталась, ключ повреждён или утрачен: получите новый ключ и сертификат в удостоверяющем центре.',
      ],
      en: [
        'Sign again and, if a PIN prompt appears, enter the PIN instead of closing the window.',
        `Reinstall the certificate with its container: ${FROM_CONTAINER.en}.`,
        'If the error remains, the key is damaged or lost: get a new key and certificate from the certification authority.',
      ],
    },
  },
  'cert-expired': {
    severity: 'error',
    group: 'certificate',
    title: {
      ru: 'Истёк срок действия сертификата',
      en: 'The certificate has expired',
    },
    explanation: {
      ru: 'Срок действия сертификата электронной подписи (или сертификата удостоверяющего центра в его цепочке) закончился, и подписывать им больше нельзя (код 0x800B0101, «Истек/не наступил срок действия требуемого сертификата»). Если вы уверены, что срок ещё не прошёл, возможно, на компьютере неверно установлены дата или время.',
      en: 'The signature certificate (or a certification authority certificate in its chain) has expired and can no longer be used for signing (code 0x800B0101, "A required certificate is not within its validity period"). If you are sure it is still valid, the computer date or time may be wrong.',
    },
    remedy: {
      ru: [
        'Откройте сертификат двойным щелчком и посмотрите срок в строке «Действителен с … по …».',
        'Если срок истёк, закажите новый сертификат в удостоверяющем центре.',
        'Если срок не истёк, проверьте дату, время и часовой пояс на компьютере и исправьте их.',
        'Новый сертификат зарегистрируйте на площадках, где вы работаете (для 44-ФЗ — сначала в ЕИС).',
      ],
      en: [
        'Open the certificate with a double click and read the "Valid from … to …" line.',
        'If it has expired, order a new certificate from the certification authority.',
        'If it has not expired, check the date, time and time zone on the computer and correct them.',
        'Register the new certificate on the platforms you use (for 44-ФЗ, in ЕИС first).',
      ],
    },
  },
  'cert-not-yet-valid': {
    severity: 'error',
    group: 'certificate',
    title: {
      ru: 'Сертификат ещё не начал действовать',
      en: 'The certificate is not valid yet',
    },
    explanation: {
      ru: 'Дата начала действия сертификата ещё не наступила, поэтому подписать им сейчас нельзя. Чаще всего на компьютере неправильно установлены дата, время или часовой пояс; реже сертификат выпущен с началом действия в будущем.',
      en: 'The certificate start date has not come yet, so it cannot sign now. Most often the computer date, time or time zone is wrong; less often the certificate was issued with a start date in the future.',
    },
    remedy: {
      ru: [
        'Откройте сертификат и посмотрите дату начала действия в строке «Действителен с».',
        'Сверьте дату, время и часовой пояс на компьютере с точным временем и исправьте их (Windows: «Параметры» → «Время и язык» → «Дата и время»).',
        'Если часы верны, дождитесь даты начала действия сертификата и повторите подписание.',
      ],
      en: [
        'Open the certificate and read the start date in the "Valid from" line.',
        'Compare the computer date, time and time zone with the exact time and correct them (Windows: Settings → Time & language → Date & time).',
        'If the clock is right, wait until the certificate start date and sign again.',
      ],
    },
  },
  'cert-expiring-soon': {
    severity: 'warning',
    group: 'certificate',
    title: {
      ru: 'Срок действия сертификата или его ключа скоро закончится',
      en: 'The certificate or its key expires soon',
    },
    explanation: {
      ru: 'До окончания действия сертификата — или срока действия его закрытого ключа (у ключей КриптоПро это 15 месяцев, даже если сертификат выдан на дольше) — осталось меньше 30 дней; в подробностях указано, что именно и когда. Сейчас подпись работает, но после этой даты подписывать будет нельзя, а выпуск нового сертификата и его регистрация на площадках занимают время.',
      en: 'The certificate — or its private key, whose period is 15 months for CryptoPro keys even when the certificate runs longer — expires in less than 30 days; the details say which and when. Signing works now, but after that date it will not, and getting a new certificate and registering it on the platforms takes time.',
    },
    remedy: {
      ru: [
        'Закажите новый сертификат в удостоверяющем центре уже сейчас (руководителю организации и ИП — в УЦ ФНС или у его доверенных лиц); если заканчивается срок ключа, нужен новый ключ, даже когда сертификат ещё действует.',
        'Когда получите новый сертификат, установите его и зарегистрируйте на площадках, где вы работаете (для 44-ФЗ — сначала в ЕИС).',
        'Проверьте, что подпись новым сертификатом работает, до окончания срока старого.',
      ],
      en: [
        'Order a new certificate from the certification authority now (heads of organisations and sole proprietors: from the ФНС CA or its trusted agents); if the key period is what ends, a new key is needed even while the certificate is still valid.',
        'When you get the new certificate, install it and register it on the platforms you use (for 44-ФЗ, in ЕИС first).',
        'Check that signing with the new certificate works before the old one expires.',
      ],
    },
  },
  'key-usage-period-expired': {
    severity: 'error',
    group: 'certificate',
    title: {
      ru: 'Истёк срок действия закрытого ключа',
      en: 'The private key has expired',
    },
    explanation: {
      ru: 'Сам сертификат ещё действует, но срок использования закрытого ключа уже закончился: у ключей КриптоПро он обычно не больше 1 года 3 месяцев (у неизвлекаемых ключей — до 3 лет). КриптоПро CSP отказывается подписывать таким ключом, обычно с ошибкой «Отказано в доступе» (код 0x80090010).',
      en: 'The certificate itself is still valid, but the private key usage period has ended: for CryptoPro keys it is usually at most 1 year and 3 months (up to 3 years for non-exportable keys). CryptoPro CSP refuses to sign with such a key, usually with "Access denied" (code 0x80090010).',
    },
    remedy: {
      ru: [
        'Закажите в удостоверяющем центре новый сертификат с новым ключом: срок старого ключа продлить нельзя.',
        `Установите новый сертификат из контейнера (${FROM_CONTAINER.ru}) и зарегистрируйте его на площадках, где вы работаете.`,
        'Удалите старый сертификат из хранилища «Личное», чтобы не выбрать его по ошибке (ключ на носителе при этом не удаляется).',
      ],
      en: [
        'Order a new certificate with a new key from the certification authority: the old key cannot be extended.',
        `Install the new certificate from its container (${FROM_CONTAINER.en}) and register it on the platforms you use.`,
        'Remove the old certificate from the Personal store so that you do not pick it by mistake (this does not delete the key on the token).',
      ],
    },
  },
  'cert-revoked': {
    severity: 'error',
    group: 'certificate',
    title: {
      ru: 'Сертификат отозван',
      en: 'The certificate has been revoked',
    },
    explanation: {
      ru: 'Удостоверяющий центр внёс сертификат в список отозванных, и подписи им больше не принимаются (например, «Ваш сертификат ключа подписи включён в список отозванных», коды 0x800B010C, 0x80092010). Иногда сертификат на самом деле действует, а ошибку вызывает устаревший список отзыва на компьютере.',
      en: 'The certification authority has put the certificate on its revocation list, and signatures made with it are no longer accepted (for example «Ваш сертификат ключа подписи включён в список отозванных», codes 0x800B010C, 0x80092010). Sometimes the certificate is actually valid and an outdated revocation list on the computer causes the error.',
    },
    remedy: {
      ru: [
        'Уточните в удостоверяющем центре, отозван ли сертификат; если да, получите новый.',
        'Если сертификат не должен быть отозван, обновите список отзыва: откройте сертификат, на вкладке «Состав» выберите поле «Точки распространения списков отзыва» и скопируйте адрес из строки «Имя точки распространения».',
        'Скачайте файл по этому адресу, щёлкните его правой кнопкой мыши, выберите «Установить список отзыва (CRL)» и пройдите мастер импорта.',
        'Обновите страницу площадки и повторите подписание.',
      ],
      en: [
        'Ask the certification authority whether the certificate is revoked; if it is, get a new one.',
        'If the certificate should not be revoked, update the revocation list: open the certificate, on the Details tab select the "CRL Distribution Points" field and copy the address from the "Distribution Point Name" line.',
        'Download the file from that address, right-click it, choose "Install CRL" and follow the import wizard.',
        'Reload the platform page and sign again.',
      ],
    },
  },
  'revocation-check-failed': {
    severity: 'warning',
    group: 'certificate',
    title: {
      ru: 'Не удалось проверить, не отозван ли сертификат',
      en: 'Could not check whether the certificate is revoked',
    },
    explanation: {
      ru: 'При подписании КриптоПро проверяет по списку отзыва (CRL) или через службу OCSP удостоверяющего центра, не отозван ли сертификат. Сервер УЦ оказался недоступен (нет интернета, мешает прокси или сетевой экран), поэтому проверка не завершилась (коды 0x80092012, 0x80092013, 0x800B010E).',
      en: 'When signing, CryptoPro asks the certification authority revocation list (CRL) or OCSP service whether the certificate is revoked. The CA server could not be reached (no Internet, a proxy or firewall in the way), so the check did not finish (codes 0x80092012, 0x80092013, 0x800B010E).',
    },
    remedy: {
      ru: [
        'Проверьте подключение к интернету и повторите подписание через несколько минут: сервер УЦ может быть временно недоступен.',
        'Если вы работаете через прокси или в корпоративной сети, попросите ИТ-специалиста открыть доступ к адресам списков отзыва и OCSP вашего УЦ (они указаны в сертификате на вкладке «Состав»).',
        'Или установите список отзыва вручную: откройте сертификат → «Состав» → «Точки распространения списков отзыва», скачайте файл по указанному адресу, щёлкните его правой кнопкой мыши и выберите «Установить список отзыва (CRL)».',
      ],
      en: [
        'Check the Internet connection and sign again in a few minutes: the CA server may be down for a while.',
        'If you work through a proxy or on a corporate network, ask your IT staff to allow access to the revocation list and OCSP addresses of your CA (they are listed in the certificate on the Details tab).',
        'Or install the revocation list by hand: open the certificate → Details → "CRL Distribution Points", download the file from the address shown, right-click it and choose "Install CRL".',
      ],
    },
  },
  'chain-untrusted': {
    severity: 'error',
    group: 'certificate',
    title: {
      ru: 'Не установлены сертификаты удостоверяющего центра',
      en: 'The certification authority certificates are not installed',
    },
    explanation: {
      ru: 'Чтобы доверять вашему сертификату, компьютер строит цепочку от него до доверенного корневого сертификата: через сертификат вашего УЦ к корневому сертификату Минцифры. Если какого-то звена нет, сертификат считается непроверенным и подпись не проходит (коды 0x800B010A, 0x800B0109, «Не удается построить цепочку сертификатов»).',
      en: 'To trust your certificate, the computer builds a chain from it to a trusted root certificate: through your CA certificate up to the Минцифры (Ministry of Digital Development) root. If a link is missing, the certificate counts as unverified and signing fails (codes 0x800B010A, 0x800B0109, "A certificate chain could not be built to a trusted root authority").',
    },
    remedy: {
      ru: [
        'Скачайте корневой и промежуточные сертификаты вашего УЦ с его сайта или получите их в УЦ; корневые сертификаты Минцифры входят в установщик КриптоПро CSP.',
        'Установите корневой сертификат: двойной щелчок по файлу → «Установить сертификат» → «Текущий пользователь» → «Поместить все сертификаты в следующее хранилище» → «Доверенные корневые центры сертификации». Если Windows покажет предупреждение, убедитесь, что файл получен от вашего УЦ, и нажмите «Да».',
        'Сертификат УЦ установите так же, но в хранилище «Промежуточные центры сертификации».',
        'Закройте все окна браузера, откройте его снова и повторите подписание.',
      ],
      en: [
        'Download the root and intermediate certificates of your CA from its website or get them from the CA; the Минцифры root certificates come with the CryptoPro CSP installer.',
        'Install the root certificate: double-click the file → Install Certificate → Current User → "Place all certificates in the following store" → Trusted Root Certification Authorities. If Windows shows a security warning, make sure the file came from your CA and click Yes.',
        'Install the CA certificate the same way, but into the Intermediate Certification Authorities store.',
        'Close all browser windows, open the browser again and sign again.',
      ],
    },
  },
  'cert-invalid': {
    severity: 'error',
    group: 'certificate',
    title: {
      ru: 'Сертификат недействителен',
      en: 'The certificate is not valid',
    },
    explanation: {
      ru: 'Сайт или КриптоПро сообщили, что сертификат недействителен («Сертификат недействителен», «Ошибка при проверке сертификата»), но не назвали причину. Обычно это истёкший срок действия, отзыв сертификата или отсутствие на компьютере сертификатов удостоверяющего центра.',
      en: 'The site or CryptoPro reported that the certificate is not valid («Сертификат недействителен», «Ошибка при проверке сертификата») without giving the reason. Usually it is an expired certificate, a revoked certificate, or missing certification authority certificates on the computer.',
    },
    remedy: {
      ru: [
        'Запустите полную проверку в ep-doctor: она покажет, какая из причин относится к вашему сертификату.',
        'Проверьте срок действия сертификата, а также дату и время на компьютере.',
        'Установите корневой и промежуточный сертификаты вашего удостоверяющего центра, если их нет.',
        `Переустановите личный сертификат по инструкции вашего УЦ для КриптоПро CSP: ${FROM_CONTAINER.ru}.`,
      ],
      en: [
        'Run the full check in ep-doctor: it shows which of these causes applies to your certificate.',
        'Check the certificate validity period and the computer date and time.',
        'Install the root and intermediate certificates of your certification authority if they are missing.',
        `Reinstall the personal certificate following your CA instructions for CryptoPro CSP: ${FROM_CONTAINER.en}.`,
      ],
    },
  },
  'cert-wrong-usage': {
    severity: 'error',
    group: 'certificate',
    title: {
      ru: 'Сертификат не предназначен для подписи',
      en: 'The certificate is not meant for signing',
    },
    explanation: {
      ru: 'В сертификате не указано, что его ключ можно использовать для электронной подписи, поэтому подписание отклоняется («Сертификат не действителен для подписания», код 0x800B0110). Обычно это значит, что выбран не тот сертификат, например сертификат удостоверяющего центра.',
      en: 'The certificate does not allow its key to be used for electronic signatures, so signing is refused («Сертификат не действителен для подписания», code 0x800B0110). Usually the wrong certificate was chosen, for example a certification authority certificate.',
    },
    remedy: {
      ru: [
        'Повторите подписание и выберите другой сертификат — ваш личный сертификат электронной подписи.',
        'Если другого сертификата нет, обратитесь в удостоверяющий центр за сертификатом электронной подписи.',
      ],
      en: [
        'Sign again and choose another certificate: your personal electronic signature certificate.',
        'If you have no other certificate, ask the certification authority for an electronic signature certificate.',
      ],
    },
  },
  'cert-not-qualified': {
    severity: 'warning',
    group: 'certificate',
    title: {
      ru: 'Сертификат не похож на квалифицированный',
      en: 'The certificate does not look qualified',
    },
    explanation: {
      ru: 'В сертификате нет сведений, обязательных для квалифицированного сертификата: ИНН, ОГРН или СНИЛС владельца либо данных о средствах электронной подписи владельца и УЦ. Площадки принимают только квалифицированную электронную подпись (КЭП), поэтому такой сертификат могут отклонить.',
      en: 'The certificate lacks data that a qualified certificate must contain: the owner ИНН (tax number), ОГРН (registration number) or СНИЛС (insurance number), or the details of the signature tools of the owner and the CA. Platforms accept only a qualified electronic signature (КЭП), so this certificate may be rejected.',
    },
    remedy: {
      ru: [
        'Проверьте, что выбран нужный сертификат: откройте его и посмотрите, кому и кем он выдан.',
        'Уточните в удостоверяющем центре, является ли сертификат квалифицированным.',
        'Если нет, получите квалифицированный сертификат в аккредитованном удостоверяющем центре (руководителю организации и ИП — в УЦ ФНС).',
      ],
      en: [
        'Check that the right certificate is chosen: open it and look at whom it was issued to and by whom.',
        'Ask the certification authority whether the certificate is qualified.',
        'If it is not, get a qualified certificate from an accredited certification authority (heads of organisations and sole proprietors: from the ФНС CA).',
      ],
    },
  },
  'cert-algorithm-unsupported': {
    severity: 'error',
    group: 'certificate',
    title: {
      ru: 'Сертификат выпущен не по ГОСТ Р 34.10-2012',
      en: 'The certificate does not use GOST R 34.10-2012',
    },
    explanation: {
      ru: 'Квалифицированная подпись в России создаётся только по ГОСТ Р 34.10-2012. Ключ этого сертификата создан по другому алгоритму (например, RSA) или по устаревшему ГОСТ Р 34.10-2001, подписи по которому создавать запрещено с 2020 года, поэтому площадка такую подпись не примет.',
      en: 'A qualified signature in Russia is created only with GOST R 34.10-2012. The key of this certificate uses another algorithm (such as RSA) or the outdated GOST R 34.10-2001, which may not be used to create signatures since 2020, so the platform will not accept such a signature.',
    },
    remedy: {
      ru: [
        'Проверьте, что выбран нужный сертификат: у вас может быть другой сертификат, выпущенный по ГОСТ Р 34.10-2012.',
        'Если такого нет, получите новый квалифицированный сертификат по ГОСТ Р 34.10-2012 в аккредитованном удостоверяющем центре.',
      ],
      en: [
        'Check that the right certificate is chosen: you may have another certificate issued with GOST R 34.10-2012.',
        'If not, get a new qualified GOST R 34.10-2012 certificate from an accredited certification authority.',
      ],
    },
  },
  'cert-issuer-not-accredited': {
    severity: 'warning',
    group: 'certificate',
    title: {
      ru: 'Удостоверяющий центр не найден среди аккредитованных',
      en: 'The certification authority is not in the list of accredited CAs',
    },
    explanation: {
      ru: 'Издатель сертификата не найден в перечне аккредитованных удостоверяющих центров Минцифры, встроенном в ep-doctor. Сертификат неаккредитованного УЦ (или УЦ с прекращённой аккредитацией) не даёт квалифицированной подписи, и площадка его не примет; но встроенный перечень мог устареть, поэтому проверьте это.',
      en: 'The certificate issuer is not in the Минцифры (Ministry of Digital Development) list of accredited certification authorities built into ep-doctor. A certificate from a non-accredited CA (or a CA whose accreditation has ended) does not give a qualified signature and the platform will not accept it; the built-in list may be out of date, though, so check it.',
    },
    remedy: {
      ru: [
        'Проверьте аккредитацию вашего УЦ в перечне аккредитованных удостоверяющих центров на сайте Минцифры или спросите в самом УЦ.',
        'Если УЦ не аккредитован или его аккредитация прекращена, получите новый сертификат в аккредитованном УЦ.',
        'Руководителю организации и ИП квалифицированный сертификат выдаёт УЦ ФНС (или его доверенные лица).',
      ],
      en: [
        'Check your CA accreditation in the list of accredited certification authorities on the Минцифры website, or ask the CA itself.',
        'If the CA is not accredited or its accreditation has ended, get a new certificate from an accredited CA.',
        'Heads of organisations and sole proprietors get their qualified certificate from the ФНС CA (or its trusted agents).',
      ],
    },
  },
  'cert-store-cluttered': {
    severity: 'warning',
    group: 'certificate',
    title: {
      ru: 'В хранилище «Личное» много лишних сертификатов',
      en: 'The personal certificate store is cluttered',
    },
    explanation: {
      ru: 'В хранилище «Личное» накопилось 20 или больше просроченных или чужих сертификатов. Из-за них список сертификатов открывается медленно, в нём легко выбрать не тот, а некоторые порталы (например, Госуслуги) зависают на поиске и проверке сертификатов.',
      en: 'Twenty or more expired certificates or certificates of other people have piled up in the «Личное» (Personal) store. Because of them the certificate list opens slowly, it is easy to pick the wrong one, and some portals (such as Госуслуги) hang while searching for and checking certificates.',
    },
    remedy: {
      ru: [
        'Откройте список личных сертификатов: КриптоПро CSP → «Сертификаты» или диспетчер сертификатов Windows (certmgr.msc) → «Личное» → «Сертификаты».',
        'Удалите сертификаты с истёкшим сроком действия и те, что вам не нужны (например, сертификаты бывших сотрудников); сертификат, которым вы подписываете, и другие действующие сертификаты оставьте.',
        'Закройте все окна браузера, откройте его снова и повторите вход или подписание.',
      ],
      en: [
        'Open the list of personal certificates: CryptoPro CSP → «Сертификаты» (Certificates), or the Windows certificate manager (certmgr.msc) → «Личное» (Personal) → «Сертификаты» (Certificates).',
        'Delete the expired certificates and those you do not need (for example, certificates of former employees); keep the certificate you sign with and other valid certificates.',
        'Close all browser windows, open the browser again and log in or sign again.',
      ],
    },
  },
} satisfies ProblemEntries<
  | 'cert-none-found'
  | 'cert-no-private-key'
  | 'key-container-missing'
  | 'key-missing'
  | 'cert-expired'
  | 'cert-not-yet-valid'
  | 'cert-expiring-soon'
  | 'key-usage-period-expired'
  | 'cert-revoked'
  | 'revocation-check-failed'
  | 'chain-untrusted'
  | 'cert-invalid'
  | 'cert-wrong-usage'
  | 'cert-not-qualified'
  | 'cert-algorithm-unsupported'
  | 'cert-issuer-not-accredited'
  | 'cert-store-cluttered'
>;
