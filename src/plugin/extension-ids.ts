/** The CryptoPro extension as the vendor loader probes it (research/cryptopro-plugin.md §0). */
export const CRYPTOPRO_EXTENSIONS = {
  mv3: 'pfhgbfnnjiafkhfdkmpiflachepdcjod',
  mv2: 'iifchhfnnmpdbibifmljnfjhpififfog',
  opera: 'epebfcehmdedogndhlcacafjaacknbcm',
} as const;
export const CRYPTOPRO_FIREFOX_ID = 'ru.cryptopro.nmcades@cryptopro.ru';
/** The page-world bridge script every CryptoPro extension exposes. */
export const CRYPTOPRO_BRIDGE = 'nmcades_plugin_api.js';

/** Native messaging hosts of the signing components we can tell apart by connectNative's answer. */
export const SIGNING_NATIVE_HOSTS = ['ru.cryptopro.nmcades', 'ru.rutoken.firewyrmhost', 'ru.rtlabs.ifcplugin', 'chrome.gosuslugi.plugin', 'kontur.plugin', 'kd.nc'] as const;

/** Signing-related extensions a check lists when the user grants the optional `management` permission. */
export const SIGNING_EXTENSIONS: Readonly<Record<string, string>> = {
  [CRYPTOPRO_EXTENSIONS.mv3]: 'CryptoPro Extension for CAdES Browser Plug-in (MV3)',
  [CRYPTOPRO_EXTENSIONS.mv2]: 'CryptoPro Extension for CAdES Browser Plug-in (MV2)',
  [CRYPTOPRO_EXTENSIONS.opera]: 'CryptoPro Extension for CAdES Browser Plug-in (Opera)',
  ohedcglhbbfdgaogjhcclacoccbagkjg: 'Адаптер Рутокен Плагин',
  pbefkdcndngodfeigfdgiodgnmbgcfha: 'Расширение для плагина Госуслуг (IFCPlugin)',
  jabjbhgjaidecageckilhonbggakppme: 'ГосПлагин',
  hnhppcgejeffnbnioloohhmndpmclaga: 'Контур.Плагин',
};

/** Pairs that must not be enabled together (research/cryptopro-plugin.md, problems.md). */
export const CONFLICTING_EXTENSIONS: readonly (readonly [string, string])[] = [
  [CRYPTOPRO_EXTENSIONS.mv3, CRYPTOPRO_EXTENSIONS.mv2],
  ['jabjbhgjaidecageckilhonbggakppme', 'pbefkdcndngodfeigfdgiodgnmbgcfha'],
];
