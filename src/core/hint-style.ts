/** Styles inside our closed shadow roots. `:host { all: initial }` cuts every inherited page style. */
const SHEET = `
:host { all: initial; }
.card { box-sizing: border-box; max-width: 560px; margin: 0; padding: 10px 12px 10px 14px;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1d232b;
  background: #fff; border: 1px solid #d5dbe3; border-left: 4px solid var(--accent); border-radius: 8px;
  box-shadow: 0 2px 10px rgba(20, 30, 50, .12); text-align: left; direction: ltr; }
.card[data-severity="error"] { --accent: #c62828; }
.card[data-severity="warning"] { --accent: #e08a00; }
.card[data-severity="info"] { --accent: #1e6fd9; }
.head { display: flex; align-items: center; gap: 8px; margin-bottom: 4px; font-size: 11px; color: #5b6675; }
.brand { font-weight: 600; color: #1e6fd9; letter-spacing: .02em; }
.close { margin-left: auto; border: 0; background: none; font: inherit; font-size: 16px; line-height: 1;
  color: #5b6675; cursor: pointer; padding: 2px 6px; border-radius: 4px; }
.close:hover, .close:focus-visible { background: #eef1f5; color: #1d232b; }
.title { margin: 0 0 4px; font-size: 14px; font-weight: 600; }
.text { margin: 0 0 6px; }
.meta { margin: 0 0 6px; font-size: 12px; color: #5b6675; overflow-wrap: anywhere; }
.todo { margin: 6px 0 2px; font-weight: 600; }
ol { margin: 0 0 6px; padding-left: 20px; }
li { margin: 2px 0; }
.more { margin: 0 0 6px; font-size: 12px; color: #5b6675; }
.check:empty { display: none; }
.check { margin: 0 0 8px; padding: 6px 8px; border-radius: 4px; background: #f1f5fb; }
.check p { margin: 2px 0; }
button[disabled] { opacity: .6; cursor: progress; }
.links { margin: 0 0 6px; font-size: 12px; }
.links a { color: #1e6fd9; margin-right: 10px; }
.actions { display: flex; gap: 8px; margin-top: 6px; }
button.primary, button.secondary { font: inherit; font-size: 13px; padding: 4px 12px; border-radius: 6px; cursor: pointer; }
button.primary { background: #1e6fd9; color: #fff; border: 1px solid #1e6fd9; }
button.primary:hover { background: #185bb3; }
button.secondary { background: #fff; color: #1d232b; border: 1px solid #c3cad4; }
button:focus-visible { outline: 2px solid #1e6fd9; outline-offset: 2px; }
.stack { display: flex; flex-direction: column; gap: 8px; max-height: calc(100vh - 32px); overflow: auto; }
`;

/** Host boxes: fixed by !important inline styles, which beat any page stylesheet rule. */
const INLINE_HOST = 'all: initial !important; display: block !important; position: static !important; margin: 8px 0 !important; padding: 0 !important; max-width: 100% !important; visibility: visible !important; opacity: 1 !important; transform: none !important; filter: none !important; pointer-events: auto !important; z-index: auto !important;';
const CORNER_HOST = 'all: initial !important; display: block !important; position: fixed !important; right: 16px !important; bottom: 16px !important; left: auto !important; top: auto !important; width: min(420px, calc(100vw - 32px)) !important; z-index: 2147483647 !important; visibility: visible !important; opacity: 1 !important; transform: none !important; pointer-events: auto !important;';

/** Travels in the hint pack: the content script bundles no styles. */
export const HINT_STYLE = { sheet: SHEET, inlineHost: INLINE_HOST, cornerHost: CORNER_HOST };
export type HintStyle = typeof HINT_STYLE;
