/** The viewer's stylesheet, shared by the extension page and the standalone file. */
export const VIEWER_CSS = `
body { font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; color: #1d232b; max-width: 860px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 20px; margin: 0 0 6px; }
textarea { width: 100%; box-sizing: border-box; font: 12px/1.4 ui-monospace, Consolas, monospace; }
.controls { display: flex; gap: 12px; align-items: center; margin: 8px 0 16px; }
button { font: inherit; font-weight: 600; padding: 6px 16px; border-radius: 6px; border: 1px solid #1e6fd9; background: #1e6fd9; color: #fff; cursor: pointer; }
button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 2px solid #1e6fd9; outline-offset: 2px; }
.error { background: #fde8e8; color: #8a1c1c; padding: 8px 12px; border-radius: 6px; }
.verdict { font-size: 16px; margin: 8px 0; }
pre.summary { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa; padding: 10px; border-radius: 6px; font-size: 12px; }
ol.problems { padding-left: 20px; }
ol.problems > li { border-left: 4px solid #c3cad4; padding: 2px 10px; margin: 10px 0; }
ol.problems > li[data-severity='error'] { border-color: #c62828; }
ol.problems > li[data-severity='warning'] { border-color: #e6a100; }
ol.problems > li[data-severity='info'] { border-color: #1e6fd9; }
h3 { font-size: 14px; margin: 4px 0; }
.evidence { font-size: 12px; color: #5b6675; overflow-wrap: anywhere; margin: 2px 0; }
.links a { color: #1e6fd9; }
`;
