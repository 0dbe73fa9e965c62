import { browser } from 'wxt/browser';
import { LANG_SETTING_KEY, resolveLang } from '../../src/core/localized';
import type { ReportPack } from '../../src/core/report/render-text';
import { loadHintPack } from '../../src/popup/hint-pack';
import { startViewer } from '../../src/viewer/app';
import { VIEWER_CSS } from '../../src/viewer/style';

const style = document.createElement('style');
style.textContent = VIEWER_CSS;
document.head.append(style);
void browser.storage.local.get(LANG_SETTING_KEY).then((stored) => {
  const lang = resolveLang(stored[LANG_SETTING_KEY], browser.i18n.getUILanguage());
  startViewer(document, lang, async (reportLang): Promise<ReportPack> => (await loadHintPack(reportLang)) ?? { problems: {} as ReportPack['problems'], platforms: {} });
});
