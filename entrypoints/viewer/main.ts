import { browser } from 'wxt/browser';
import { buildHintPack } from '../../src/background/build-hint-pack';
import { LANG_SETTING_KEY, resolveLang } from '../../src/core/localized';
import { startViewer } from '../../src/viewer/app';
import { VIEWER_CSS } from '../../src/viewer/style';

const style = document.createElement('style');
style.textContent = VIEWER_CSS;
document.head.append(style);
void browser.storage.local.get(LANG_SETTING_KEY).then((stored) => {
  const lang = resolveLang(stored[LANG_SETTING_KEY], browser.i18n.getUILanguage());
  const version = browser.runtime.getManifest().version;
  startViewer(document, lang, async (reportLang) => buildHintPack(reportLang, version));
});
