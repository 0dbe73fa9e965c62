import type { ProblemEntries } from './types';

/** Token and PIN: the USB token (носитель) that holds the private key, and its PIN. */
export const TOKEN_PROBLEMS = {
  'pin-wrong': {
    severity: 'error',
    group: 'token',
    title: {
      ru: 'Неверный PIN-код носителя',
      en: 'Wrong token PIN',
    },
    explanation: {
      ru: 'Введён неверный PIN-код (пароль) носителя или контейнера закрытого ключа, поэтому доступа к ключу нет и подпись не создана (код 0x8010006B). После нескольких неверных попыток подряд носитель блокируется.',
      en: 'The PIN (password) of the token or private key container is wrong, so the key cannot be accessed and no signature is created (code 0x8010006B). Several wrong attempts in a row block the token.',
    },
    remedy: {
      ru: [
        'Проверьте раскладку клавиатуры и Caps Lock, затем повторите подписание и внимательно введите PIN-код.',
        'Если вы не уверены в PIN-коде, не подбирайте его: после нескольких ошибок носитель заблокируется. Уточните PIN-код у того, кто выдавал вам подпись (удостоверяющий центр или ИТ-специалист).',
      ],
      en: [
        'Check the keyboard layout and Caps Lock, then sign again and type the PIN carefully.',
        'If you are not sure of the PIN, do not guess: after several mistakes the token is blocked. Ask whoever gave you the signature (the certification authority or your IT staff) for the PIN.',
      ],
    },
  },
  'pin-blocked': {
    severity: 'error',
    group: 'token',
    title: {
      ru: 'PIN-код носителя заблокирован',
      en: 'The token PIN is blocked',
    },
    explanation: {
      ru: 'PIN-код носителя заблокирован после слишком большого числа неверных попыток (код 0x8010006C). Пока носитель не разблокирован, подписать им нельзя.',
      en: 'The token PIN was blocked after too many wrong attempts (code 0x8010006C). The token cannot sign until it is unblocked.',
    },
    remedy: {
      ru: [
        'Больше не вводите PIN-код пользователя.',
        'Если вы знаете PIN-код администратора носителя, разблокируйте PIN-код пользователя в программе производителя носителя (для Рутокен и JaCarta она устанавливается вместе с драйвером). Будьте внимательны: PIN-код администратора тоже блокируется после нескольких ошибок.',
        'Если PIN-кода администратора у вас нет, обратитесь в удостоверяющий центр или к тому, кто выдавал носитель.',
      ],
      en: [
        'Do not enter the user PIN any more.',
        'If you know the token administrator PIN, unblock the user PIN in the token vendor program (for Rutoken and JaCarta it is installed with the driver). Be careful: the administrator PIN is also blocked after several mistakes.',
        'If you do not have the administrator PIN, contact the certification authority or whoever issued the token.',
      ],
    },
  },
  'user-cancelled': {
    severity: 'info',
    group: 'token',
    title: {
      ru: 'Действие отменено пользователем',
      en: 'The action was cancelled by the user',
    },
    explanation: {
      ru: 'Окно ввода PIN-кода или подтверждения было закрыто кнопкой «Отмена» или крестиком, поэтому подписание прервано (коды 0x8010006E, 0x800704C7). Это не неисправность: достаточно повторить действие.',
      en: 'The PIN or confirmation window was closed with «Отмена» (Cancel) or the close button, so signing was stopped (codes 0x8010006E, 0x800704C7). Nothing is broken: just repeat the action.',
    },
    remedy: {
      ru: [
        'Повторите подписание.',
        'Когда появится окно КриптоПро с запросом PIN-кода или подтверждения, введите PIN-код и нажмите «OK»; если окна не видно, поищите его на панели задач.',
      ],
      en: [
        'Sign again.',
        'When the CryptoPro window asking for the PIN or a confirmation appears, enter the PIN and click OK; if you cannot see the window, look for it on the taskbar.',
      ],
    },
  },
  'token-not-detected': {
    severity: 'error',
    group: 'token',
    title: {
      ru: 'Компьютер не видит носитель с подписью',
      en: 'The computer does not detect the token',
    },
    explanation: {
      ru: 'КриптоПро CSP не видит ни одного носителя (токена): он не вставлен, ещё не определился системой, не установлен его драйвер или неисправен USB-порт. Без носителя нет доступа к закрытому ключу, поэтому сайт просит «Вставьте носитель» или не показывает сертификат.',
      en: 'CryptoPro CSP sees no token: it is not inserted, has not been recognised yet, its driver is not installed, or the USB port is faulty. Without the token the private key is out of reach, so the site asks to insert the token («Вставьте носитель») or does not show the certificate.',
    },
    remedy: {
      ru: [
        'Выньте носитель и вставьте его в другой USB-порт; подождите немного — у многих носителей при подключении загорается индикатор. Если это не помогло, перезагрузите компьютер.',
        'Скачайте драйвер носителя с сайта производителя (Рутокен, JaCarta), переустановите его и перезагрузите компьютер.',
        'Проверьте считыватели: КриптоПро CSP → «Оборудование» → «Настроить считыватели…»; в списке должен быть пункт «Все считыватели смарт-карт».',
        'Если носитель не виден и на другом компьютере, он, вероятно, неисправен: обратитесь в удостоверяющий центр за новым.',
      ],
      en: [
        'Take the token out and plug it into another USB port; wait a little, as many tokens light up when connected. If that does not help, restart the computer.',
        'Download the token driver from the vendor website (Rutoken, JaCarta), reinstall it and restart the computer.',
        'Check the readers: CryptoPro CSP → «Оборудование» (Hardware) → «Настроить считыватели…» (Configure readers); the list should contain «Все считыватели смарт-карт» (all smart card readers).',
        'If another computer does not see the token either, it is probably faulty: ask the certification authority for a new one.',
      ],
    },
  },
  'multiple-tokens': {
    severity: 'warning',
    group: 'token',
    title: {
      ru: 'Подключено несколько носителей',
      en: 'Several tokens are connected',
    },
    explanation: {
      ru: 'К компьютеру подключено несколько носителей или на нём есть несколько контейнеров с разными сертификатами. Легко выбрать сертификат, ключ которого лежит на другом носителе, или вставить не тот носитель — тогда подпись не создаётся или создаётся не тем сертификатом.',
      en: 'Several tokens are connected, or the computer has several containers with different certificates. It is easy to pick a certificate whose key is on another token, or to insert the wrong token; then signing fails or uses the wrong certificate.',
    },
    remedy: {
      ru: [
        'Отключите носители, которые сейчас не нужны.',
        'Убедитесь, что вставлен носитель именно с тем сертификатом, который вы выбираете на площадке: сверьте владельца и срок действия.',
        'Удалите из хранилища «Личное» просроченные и лишние копии сертификатов, чтобы не путаться при выборе (ключи на носителях при этом не удаляются).',
      ],
      en: [
        'Disconnect the tokens you do not need right now.',
        'Make sure the inserted token holds the very certificate you choose on the platform: compare the owner and the validity period.',
        'Remove expired and duplicate certificates from the Personal store so that the choice is clear (this does not delete the keys on the tokens).',
      ],
    },
  },
} satisfies ProblemEntries<'pin-wrong' | 'pin-blocked' | 'user-cancelled' | 'token-not-detected' | 'multiple-tokens'>;
