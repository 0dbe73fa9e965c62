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
export const SIGNING_NATIVE_HOSTS = ['ru.cryptopro.nmcades', 'ru.rutoken.firewyrmhost', 'ru.rtlabs.ifcplugin', 'chrome.gosuslugi.plugin', 'opera.gosuslugi.plugin', 'gosuslugi.plugin', 'kontur.plugin', 'kd.nc'] as const;

/**
 * Госплагин, the Госуслуги signing plug-in that replaced IFCPlugin: its extension (Chrome Web Store; the
 * Firefox add-on «Госплагин» is `gosuslugi@plugin`) and the native hosts of its application — the
 * extension asks `chrome.gosuslugi.plugin` (Firefox: `firefox.gosuslugi.plugin`) and falls back to the
 * legacy `gosuslugi.plugin`; the Linux package also registers `opera.gosuslugi.plugin`. Read from its
 * published 1.3.x builds (background.js `nmh`, manifest) and packages.
 */
export const GOSPLUGIN = {
  chromeExtension: 'jabjbhgjaidecageckilhonbggakppme',
  firefoxExtension: 'gosuslugi@plugin',
  /** The old «Расширение для плагина Госуслуг» (IFCPlugin, native host ru.rtlabs.ifcplugin). */
  oldExtension: 'pbefkdcndngodfeigfdgiodgnmbgcfha',
  hosts: ['chrome.gosuslugi.plugin', 'opera.gosuslugi.plugin', 'gosuslugi.plugin'],
  /** The application's version below which the extension refuses it («Работа Госплагин невозможна»). */
  minimumApp: '1.3.14',
} as const;

/** Signing-related extensions a check lists when the user grants the optional `management` permission. */
export const SIGNING_EXTENSIONS: Readonly<Record<string, string>> = {
  [CRYPTOPRO_EXTENSIONS.mv3]: 'CryptoPro Extension for CAdES Browser Plug-in (MV3)',
  [CRYPTOPRO_EXTENSIONS.mv2]: 'CryptoPro Extension for CAdES Browser Plug-in (MV2)',
  [CRYPTOPRO_EXTENSIONS.opera]: 'CryptoPro Extension for CAdES Browser Plug-in (Opera)',
  ohedcglhbbfdgaogjhcclacoccbagkjg: 'Адаптер Рутокен Плагин',
  pbefkdcndngodfeigfdgiodgnmbgcfha: 'Расширение для плагина Госуслуг (IFCPlugin)',
  jabjbhgjaidecageckilhonbggakppme: 'Госплагин',
  hnhppcgejeffnbnioloohhmndpmclaga: 'Контур.Плагин',
};

/** The CryptoPro extension's name in its manifests (English and Russian builds, copies under other ids). */
const CRYPTOPRO_NAME = /CryptoPro Extension for CAdES|Расширение для плагина КриптоПро ЭЦП|КриптоПро ЭЦП Browser plug-in/i;

export const isCryptoproExtension = (id: string, name: string): boolean => (Object.values(CRYPTOPRO_EXTENSIONS) as string[]).includes(id) || CRYPTOPRO_NAME.test(name);
export const isSigningExtension = (id: string, name: string): boolean => SIGNING_EXTENSIONS[id] !== undefined || isCryptoproExtension(id, name);

/**
 * What Chromium-Gost installs itself at every start (deemru/Chromium-Gost patch/chromium.patch): the
 * CryptoPro extension MV2 1.2.13 and MV3 (since 135.0.7049.95), the IFCPlugin extension (since 2024-12)
 * and Госплагин (since 2025-08). Together they are the browser's design there.
 */
export const CHROMIUM_GOST_BUNDLE: ReadonlySet<string> = new Set([CRYPTOPRO_EXTENSIONS.mv2, CRYPTOPRO_EXTENSIONS.mv3, GOSPLUGIN.oldExtension, GOSPLUGIN.chromeExtension]);

/** Pairs that must not be enabled together (research/cryptopro-plugin.md, problems.md). */
export const CONFLICTING_EXTENSIONS: readonly (readonly [string, string])[] = [
  [CRYPTOPRO_EXTENSIONS.mv3, CRYPTOPRO_EXTENSIONS.mv2],
  ['jabjbhgjaidecageckilhonbggakppme', 'pbefkdcndngodfeigfdgiodgnmbgcfha'],
];
