import type { HostCause } from '../host-causes';
import type { Lang } from '../localized';
import { fill } from './fill';

/**
 * The popup's words for a finding's cause (`CheckProblem.cause`): the companion host's findings, cloud
 * keys, a GOST TLS host that did not open. Apart from the UI table, so the standalone report viewer,
 * which shows evidence and not causes, does not carry them.
 */
const CAUSES_RU: Record<HostCause, string> = {
  'manifest-missing': 'Манифест {host} для {browserName} отсутствует: браузер не может запустить плагин КриптоПро.',
  'manifest-broken': 'Манифест {host} для {browserName} повреждён или указывает на программу, которой нет ({file}).',
  'manifest-outdated': 'Манифест плагина КриптоПро для {browserName} не знает нового расширения КриптоПро: плагин устарел.',
  'firefox-addon-missing': 'В Firefox плагин работает через дополнение «CryptoPro Extension for CAdES Browser Plug-in», и оно не ответило странице. Откройте «Дополнения и темы» (Ctrl+Shift+A) и включите его; если его там нет, скачайте файл firefox_cryptopro_extension_latest.xpi на странице КриптоПро ЭЦП Browser plug-in сайта cryptopro.ru, откройте его в Firefox и нажмите «Добавить».',
  'csp-missing': 'КриптоПро CSP не установлен на этом компьютере.',
  'csp-outdated': 'Установлен КриптоПро CSP {version}: нужна более новая версия.',
  'csp-conflict': 'Установлены два криптопровайдера, КриптоПро и ViPNet: они мешают друг другу.',
  'license-expired': 'Лицензия КриптоПро CSP на этом компьютере истекла.',
  'csp-damaged': 'КриптоПро CSP повреждён: его настройка сообщает об ошибке.',
  'root-missing': 'Нет корневого сертификата «{name}» в хранилище пользователя или компьютера.',
  'ca-missing': 'Нет сертификата удостоверяющего центра «{name}», выдавшего ваш сертификат.',
  'smart-card-stopped': 'Служба смарт-карт (pcscd / SCardSvr) остановлена: КриптоПро не видит токены.',
  'smart-card-missing': 'Служба смарт-карт (pcscd / SCardSvr) не установлена: КриптоПро не видит токены.',
  'pcsc-module-missing': 'В КриптоПро CSP нет модуля считывателей PC/SC (пакет cprocsp-rdr-pcsc): токены не видны.',
  'several-tokens': 'Подключено токенов с ключами: {count} — {tokens}.',
  'clock-behind': 'Часы компьютера отстают от сервера площадки на {minutes} мин.',
  'clock-ahead': 'Часы компьютера спешат относительно сервера площадки на {minutes} мин.',
  'date-wrong': 'На компьютере неверная дата: часы расходятся с сервером площадки примерно на {days} сут. (часовой пояс не объясняет больше 26 ч). Исправьте дату.',
  'cloud-key': 'Ключ хранится в облачном токене КриптоПро DSS — USB-токен не нужен, драйверы токена переустанавливать не надо. Войдите в облачный токен заново, проверьте доступ в интернет к сервису DSS и подтвердите операцию в приложении «КриптоПро Ключ» (myDSS) на телефоне.',
  'tls-no-gost-browser': '{host} не открылся ({error}): этот браузер не умеет ГОСТ-шифрование, а сайт работает только по ГОСТ TLS. Откройте его в Яндекс Браузере (Windows) или в Chromium-Gost с КриптоПро CSP 5.0.',
  'tls-gost-unavailable': '{host} не открылся ({error}): браузер с ГОСТ не смог предложить ГОСТ-шифрование. Проверьте, что установлен КриптоПро CSP 5.0 (с CSP 4.0 в браузерах на Chromium 90+ ГОСТ TLS не работает) и лицензия действует; в настройках Яндекс Браузера включите подключение к сайтам с шифрованием по ГОСТ; закройте все окна обычного Chrome перед запуском Chromium-Gost.',
  'tls-handshake-broken': '{host} не открылся ({error}): ГОСТ-соединение оборвалось. Обновите КриптоПро CSP до сертифицированной 5.0; если не помогло — добавьте сайт в исключения проверки HTTPS антивируса и проверьте прокси или фильтр провайдера.',
  'tls-root-missing': '{host} не открылся ({error}): нет корневого сертификата, которым подписан сертификат сайта. Установите корневые сертификаты ГУЦ и Минцифры (для Chromium-Gost в Linux и macOS — в хранилище КриптоПро: certmgr -install -store uRoot).',
  'tls-client-cert-rejected': '{host} отклонил сертификат, предложенный при подключении ({error}): он истёк, отозван или не зарегистрирован. Выберите действующий квалифицированный сертификат.',
  'tls-no-client-cert': '{host} запрашивает сертификат при подключении, а подходящего не нашлось ({error}): вставьте токен до входа, установите сертификат в «Личное» с привязкой к ключу и откройте кабинет заново.',
  'time-zone-wrong': 'Часы расходятся с сервером площадки ровно на {hours} ч: скорее всего, неверно выбран часовой пояс ({zone}), а не время.',
};

const CAUSES_EN: Record<HostCause, string> = {
  'manifest-missing': 'The {host} manifest for {browserName} is missing: the browser cannot start the CryptoPro plug-in.',
  'manifest-broken': 'The {host} manifest for {browserName} is damaged or points to a program that is not there ({file}).',
  'manifest-outdated': 'The CryptoPro plug-in manifest for {browserName} does not know the new CryptoPro extension: the plug-in is outdated.',
  'firefox-addon-missing': 'In Firefox the plug-in works through the add-on «CryptoPro Extension for CAdES Browser Plug-in», and it did not answer the page. Open «Add-ons and themes» (Ctrl+Shift+A) and enable it; if it is not there, download firefox_cryptopro_extension_latest.xpi from the CryptoPro CAdES Browser plug-in page on cryptopro.ru, open it in Firefox and press «Add».',
  'csp-missing': 'CryptoPro CSP is not installed on this computer.',
  'csp-outdated': 'CryptoPro CSP {version} is installed: a newer version is needed.',
  'csp-conflict': 'Two crypto providers are installed, CryptoPro and ViPNet: they get in each other\'s way.',
  'license-expired': 'The CryptoPro CSP licence on this computer has expired.',
  'csp-damaged': 'CryptoPro CSP is damaged: its configuration reports an error.',
  'root-missing': 'The «{name}» root certificate is in neither the user\'s nor the computer\'s store.',
  'ca-missing': 'The certificate of «{name}», the CA that issued your certificate, is not installed.',
  'smart-card-stopped': 'The smart-card service (pcscd / SCardSvr) is stopped: CryptoPro cannot see tokens.',
  'smart-card-missing': 'The smart-card service (pcscd / SCardSvr) is not installed: CryptoPro cannot see tokens.',
  'pcsc-module-missing': 'CryptoPro CSP lacks its PC/SC reader module (package cprocsp-rdr-pcsc): tokens are not visible.',
  'several-tokens': 'Tokens with keys connected: {count} — {tokens}.',
  'clock-behind': 'This computer\'s clock is {minutes} min behind the platform server.',
  'clock-ahead': 'This computer\'s clock is {minutes} min ahead of the platform server.',
  'date-wrong': 'The computer\'s date is wrong: the clock differs from the platform server by about {days} day(s) (a time zone explains no more than 26 h). Correct the date.',
  'cloud-key': 'The key is in CryptoPro\'s DSS cloud token: no USB token is needed, and token drivers need no reinstalling. Sign in to the cloud token again, check internet access to the DSS service and confirm the operation in the «КриптоПро Ключ» (myDSS) app on your phone.',
  'tls-no-gost-browser': '{host} did not open ({error}): this browser has no GOST encryption, and the site works over GOST TLS only. Open it in Yandex Browser (Windows) or in Chromium-Gost with CryptoPro CSP 5.0.',
  'tls-gost-unavailable': '{host} did not open ({error}): the GOST-capable browser could not offer GOST encryption. Check that CryptoPro CSP 5.0 is installed (CSP 4.0 does no GOST TLS in Chromium 90+ browsers) and its licence is valid; in Yandex Browser switch on the GOST connections setting; close every window of an ordinary Chrome before starting Chromium-Gost.',
  'tls-handshake-broken': `{host} did not open ({error}): the GOST connection broke off. Update CryptoPro CSP to a certified 5.0; if that does not help, exclude the site from the antivirus' HTTPS scanning and check the proxy or the provider's filter.`,
  'tls-root-missing': `{host} did not open ({error}): the root certificate behind the site's certificate is missing. Install the ГУЦ and Минцифры root certificates (for Chromium-Gost on Linux and macOS into CryptoPro's store: certmgr -install -store uRoot).`,
  'tls-client-cert-rejected': '{host} refused the certificate offered during the connection ({error}): it is expired, revoked or not registered. Choose a valid qualified certificate.',
  'tls-no-client-cert': '{host} asks for a certificate during the connection and none usable was found ({error}): insert the token before logging in, install the certificate into «Личное» with its key link, and open the cabinet again.',
  'time-zone-wrong': 'The clock differs from the platform server by exactly {hours} h: the time zone ({zone}) is likely wrong, not the time.',
};

const TABLES: Record<Lang, Record<HostCause, string>> = { ru: CAUSES_RU, en: CAUSES_EN };

export function causeT(lang: Lang, cause: HostCause, params: Readonly<Record<string, string | number>> = {}): string {
  return fill(TABLES[lang][cause], params);
}

export const CAUSE_TABLES = TABLES;
