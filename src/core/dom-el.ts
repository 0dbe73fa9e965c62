/** A child for `el`: strings become Text nodes, so page or pasted text can never become markup. */
export type Child = Node | string | null | false;

/** Creates an element in `doc` with attributes and text-only children. No globals: usable anywhere. */
export function el(doc: Document, tag: string, attrs: Record<string, string>, ...children: Child[]): HTMLElement {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== false) node.append(child);
  return node;
}
