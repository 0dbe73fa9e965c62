import type { Lang } from '../core/localized';
import { langFromLocale } from '../core/localized';
import type { ReportPack } from '../core/report/render-text';
import { startViewer } from './app';

declare const __EP_DOCTOR_PACKS__: string;

/**
 * The standalone viewer (report-viewer.html): one file that works offline in any browser, without the
 * extension. The catalog and platform texts of both languages travel inside it, deflated.
 */
let packs: Promise<Record<Lang, ReportPack>> | null = null;
function loadPacks(): Promise<Record<Lang, ReportPack>> {
  packs ??= (async () => {
    const bytes = Uint8Array.from(atob(__EP_DOCTOR_PACKS__), (c) => c.charCodeAt(0));
    const json = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'))).text();
    return JSON.parse(json) as Record<Lang, ReportPack>;
  })();
  return packs;
}

startViewer(document, langFromLocale(navigator.language), async (lang) => (await loadPacks())[lang]);
