import type { ProblemId } from '../core/problem-ids';

export interface TextSignal {
  text: string;
  problem: ProblemId;
}

/**
 * Texts that mean the same on every platform, by problem: the CryptoPro loader's rejections,
 * CAPICOM/ActiveX messages, CSP/CryptoAPI descriptions and the texts of common signing libraries
 * (spec/problems.md "text" signals; research/platforms.md §4.2–4.5). Platform-specific texts live in
 * the platform files. Syntax as in compilePattern. «Плагин загружен, но не создаются обьекты» (sic) is
 * matched by its start, so the copies that fixed the spelling match too.
 */
const BY_PROBLEM: { readonly [P in ProblemId]?: readonly string[] } = {
  // The crypto-pro npm library (lk.roseltorg.ru and others) swallows the loader's own rejection and says
  // «Ошибка при инициализации модуля…» whatever the cause: the check tells which.
  'plugin-extension-missing': ['Плагин недоступен', 'необходимо расширение для браузера', 'необходимо установить расширение из каталога дополнений Opera', 'Ошибка при инициализации модуля для работы с Cades plugin', 'КриптоПРО ЭЦП Browser Plug-In не доступен'],
  'plugin-host-missing': ['Плагин загружен, но не создаются', 'Ошибка при загрузке плагина', 'не установлен или не настроен плагин для работы с ЭЦП'],
  'plugin-load-timeout': ['Истекло время ожидания загрузки плагина'],
  'plugin-connection-lost': ['Lost connection to extension'],
  'plugin-outdated': ['Не поддерживаемая версия плагина'],
  'activex-object-failed': ['Невозможно создание объекта сервером программирования объектов', "Automation server can't create object", 'Не установлен объект Capicom', 'Ваш браузер не поддерживает работу с ActiveX'],
  'browser-unsupported': ['Internet Explorer версии 8 и ниже не поддерживается', 'Браузер не поддерживается', 'Необходим полифилл для Promise', 'Не поддерживаются промисы'],
  'csp-license-expired': ['Истекла лицензия … КриптоПро'],
  'csp-outdated': ['Не поддерживаемая версия CSP'],
  'cert-none-found': ['Не удалось найти ни одного сертификата, пригодного для создания подписи', 'Нет доступных сертификатов', 'Сертификаты отсутствуют', 'Сертификат с отпечатком … не найден'],
  'key-container-missing': ['Набор ключей не существует'],
  'cert-expired': ['Срок действия сертификата истек', 'Истек срок действия сертификата', 'Истек/не наступил срок действия требуемого сертификата'],
  'key-usage-period-expired': ['Срок действия закрытого ключа истек', 'Истек срок действия закрытого ключа'],
  'cert-revoked': ['Ваш сертификат ключа подписи включен в список отозванных', 'Сертификат отозван', 'Ваш сертификат был отозван'],
  'chain-untrusted': ['Не удается построить цепочку сертификатов', 'Сертификат ЭП определяется как непроверенный', 'Отсутствует сертификат УЦ в хранилище корневых сертификатов'],
  'cert-invalid': ['Сертификат недействителен', 'certificate is not valid', 'Ошибка при проверке сертификата'],
  'cert-wrong-usage': ['не действителен для подписания'],
  'pin-wrong': ['Неверно указан пароль сертификата'],
  'token-not-detected': ['носитель не найден', 'Вставьте носитель'],
  'platform-cert-not-registered': ['Сертификат не зарегистрирован', 'Пользователь с таким сертификатом не найден'],
  'platform-signature-not-authorized': ['Выбранная ЭЦП не авторизована', 'Выбранная ЭП не авторизована'],
  'platform-security-software': ['защищенных соединений'],
  // crypto-pro's step texts: the plug-in's English error (an expired licence 0x8007065B, 0x80070057, a lost
  // connection) is replaced by them and its code is lost, so only the check can say more.
  'unknown-signing-error': ['Ошибка при подписании данных', 'Ошибка при указании данных для подписи', 'Ошибка при попытке доступа к хранилищу', 'Ошибка при получении информации о системе'],
};

export const GENERIC_TEXT_SIGNALS: readonly TextSignal[] = (Object.entries(BY_PROBLEM) as [ProblemId, readonly string[]][]).flatMap(([problem, texts]) =>
  texts.map((text) => ({ text, problem })),
);
