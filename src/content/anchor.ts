/** Text in these elements is never shown as page text: code, templates, form contents, fallbacks. */
const EXCLUDED = ['script', 'style', 'template', 'textarea', 'noscript', 'title'];
/** A type selector matches in any namespace: `style` is also an SVG <style>. */
export const EXCLUDED_SELECTOR = EXCLUDED.join();
/** The same as tag names, HTML's upper case and SVG's (or XHTML's) lower: a set look-up where `matches` costs a selector match. */
export const EXCLUDED_TAGS = new Set(EXCLUDED.flatMap((tag) => [tag, tag.toUpperCase()]));

const INLINE_TAGS = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'BR', 'CITE', 'CODE', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'LABEL', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'NOBR']);

export function isInlineTag(tagName: string): boolean {
  return INLINE_TAGS.has(tagName);
}

/** The smallest element that holds the whole matched text. */
export function commonElement(start: Node, end: Node): Element | null {
  let element = start.parentElement;
  while (element !== null && !element.contains(end)) element = element.parentElement;
  return element;
}

/**
 * Where a hint goes: after the message, in the same block (dialog, toast, form, table cell) — after
 * the outermost inline element around the text, so never inside a link or a bold word, and never
 * outside the box that shows the message.
 */
export function hintAnchor(element: Element): Element {
  let anchor = element;
  for (let i = 0; i < 6 && isInlineTag(anchor.tagName) && anchor.parentElement !== null && isInlineTag(anchor.parentElement.tagName); i++) anchor = anchor.parentElement;
  // Never after <body> or <html>: the hint would fall outside the page.
  if (anchor.tagName === 'BODY' || anchor.tagName === 'HTML') return element;
  return anchor;
}
