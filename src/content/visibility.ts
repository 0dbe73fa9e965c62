/**
 * Whether an element's text is rendered: not display:none (itself or an ancestor, which covers the
 * `hidden` attribute), not visibility:hidden, not content-visibility:hidden, and not zero-sized.
 * Opacity is ignored on purpose: fading dialogs start at opacity 0 and the user sees them a moment later.
 */
export function isRendered(element: Element): boolean {
  if (!element.isConnected) return false;
  if (typeof element.checkVisibility === 'function') {
    if (!element.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true })) return false;
  } else if (!renderedByStyle(element)) {
    return false;
  }
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0;
}

function renderedByStyle(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (view === null) return false;
  if (view.getComputedStyle(element).visibility === 'hidden') return false;
  for (let node: Element | null = element; node !== null; node = node.parentElement) {
    if (view.getComputedStyle(node).display === 'none') return false;
  }
  return true;
}
