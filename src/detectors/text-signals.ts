import type { ProblemId } from '../core/problem-ids';

export interface TextSignal {
  text: string;
  problem: ProblemId;
}

/**
 * Texts that mean the same on every platform: the CryptoPro loader's rejections, CAPICOM/ActiveX
 * messages, CSP/CryptoAPI descriptions and the texts of common signing libraries
 * (spec/problems.md "text" signals; research/platforms.md §4.2–4.5). Platform-specific texts live in
 * the platform files. Syntax as in compilePattern.
 */
export const GENERIC_TEXT_SIGNALS: readonly TextSignal[] = [
  // CryptoPro loader (cadesplugin_api.js) and its Firefox/Opera overlays
  { text: 'Плагин недоступен', problem: 'plugin-extension-missing' },
  { text: 'необходимо расширение для браузера', problem: 'plugin-extension-missing' },
  { text: 'необходимо установить расширение из каталога дополнений Opera', problem: 'plugin-extension-missing' },
  { text: 'Плагин загружен, но не создаются обьекты', problem: 'plugin-host-missing' },
  { text: 'Плагин загружен, но не создаются объекты', problem: 'plugin-host-missing' },
  { text: 'Ошибка при загрузке плагина', problem: 'plugin-host-missing' },
  { text: 'не установлен или не настроен плагин для работы с ЭЦП', problem: 'plugin-host-missing' },
  { text: 'Истекло время ожидания загрузки плагина', problem: 'plugin-load-timeout' },
  { text: 'Lost connection to extension', problem: 'plugin-connection-lost' },
  { text: 'Не поддерживаемая версия плагина', problem: 'plugin-outdated' },
  // IE / ActiveX / CAPICOM
  { text: 'Невозможно создание объекта сервером программирования объектов', problem: 'activex-object-failed' },
  { text: "Automation server can't create object", problem: 'activex-object-failed' },
  { text: 'Не установлен объект Capicom', problem: 'activex-object-failed' },
  { text: 'Ваш браузер не поддерживает работу с ActiveX', problem: 'activex-object-failed' },
  { text: 'Internet Explorer версии 8 и ниже не поддерживается', problem: 'browser-unsupported' },
  { text: 'Браузер не поддерживается', problem: 'browser-unsupported' },
  // CSP
  { text: 'Истекла лицензия … КриптоПро', problem: 'csp-license-expired' },
  { text: 'Не поддерживаемая версия CSP', problem: 'csp-outdated' },
  // Certificates and keys
  { text: 'Не удалось найти ни одного сертификата, пригодного для создания подписи', problem: 'cert-none-found' },
  { text: 'Нет доступных сертификатов', problem: 'cert-none-found' },
  { text: 'Сертификаты отсутствуют', problem: 'cert-none-found' },
  { text: 'Набор ключей не существует', problem: 'key-container-missing' },
  { text: 'Срок действия сертификата истек', problem: 'cert-expired' },
  { text: 'Истек срок действия сертификата', problem: 'cert-expired' },
  { text: 'Истек/не наступил срок действия требуемого сертификата', problem: 'cert-expired' },
  { text: 'Срок действия закрытого ключа истек', problem: 'key-usage-period-expired' },
  { text: 'Истек срок действия закрытого ключа', problem: 'key-usage-period-expired' },
  { text: 'Ваш сертификат ключа подписи включен в список отозванных', problem: 'cert-revoked' },
  { text: 'Сертификат отозван', problem: 'cert-revoked' },
  { text: 'Ваш сертификат был отозван', problem: 'cert-revoked' },
  { text: 'Не удается построить цепочку сертификатов', problem: 'chain-untrusted' },
  { text: 'Сертификат ЭП определяется как непроверенный', problem: 'chain-untrusted' },
  { text: 'Отсутствует сертификат УЦ в хранилище корневых сертификатов', problem: 'chain-untrusted' },
  { text: 'Сертификат недействителен', problem: 'cert-invalid' },
  { text: 'certificate is not valid', problem: 'cert-invalid' },
  { text: 'Ошибка при проверке сертификата', problem: 'cert-invalid' },
  { text: 'не действителен для подписания', problem: 'cert-wrong-usage' },
  // Token and PIN
  { text: 'Неверно указан пароль сертификата', problem: 'pin-wrong' },
  { text: 'носитель не найден', problem: 'token-not-detected' },
  { text: 'Вставьте носитель', problem: 'token-not-detected' },
  // Platform (generic wording used by several platforms)
  { text: 'Сертификат не зарегистрирован', problem: 'platform-cert-not-registered' },
  { text: 'Пользователь с таким сертификатом не найден', problem: 'platform-cert-not-registered' },
  { text: 'Выбранная ЭЦП не авторизована', problem: 'platform-signature-not-authorized' },
  { text: 'Выбранная ЭП не авторизована', problem: 'platform-signature-not-authorized' },
  { text: 'проверку защищенных соединений', problem: 'platform-security-software' },
  { text: 'проверка защищенных соединений', problem: 'platform-security-software' },
];
