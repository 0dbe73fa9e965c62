/** Text in these elements is never shown as page text: code, templates, form contents, fallbacks. */
const EXCLUDED_TAGS = ['script', 'style', 'template', 'textarea', 'noscript', 'title'];
/** A type selector matches SVG's own `style` and `title` too. */
export const EXCLUDED_SELECTOR = EXCLUDED_TAGS.join(',');
/** tagName is upper case for HTML elements, as written for SVG and XML ones. */
const EXCLUDED_TAG_NAMES = new Set([...EXCLUDED_TAGS, ...EXCLUDED_TAGS.map((tag) => tag.toUpperCase())]);

/** Whether an element is one of EXCLUDED_SELECTOR's, by a set lookup instead of a selector match. */
export function isExcludedTag(tagName: string): boolean {
  return EXCLUDED_TAG_NAMES.has(tagName);
}

const INLINE_TAGS = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'BR', 'CITE', 'CODE', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'LABEL', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'NOBR']);

export function isInlineTag(element: Element): boolean {
  return INLINE_TAGS.has(element.tagName);
}

export function isInlineTagName(tagName: string): boolean {
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
  for (let i = 0; i < 6 && isInlineTag(anchor) && anchor.parentElement !== null && isInlineTag(anchor.parentElement); i++) anchor = anchor.parentElement;
  // Never after <body> or <html>: the hint would fall outside the page.
  if (anchor.tagName === 'BODY' || anchor.tagName === 'HTML') return element;
  return anchor;
}
