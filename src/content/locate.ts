/**
 * Maps offsets in `root.textContent` back to the text nodes that hold them. textContent is the
 * concatenation of every descendant Text node in tree order, so a running sum finds each offset.
 * Only called when the matcher found something, so the walk is rare.
 */
export interface TextRange {
  start: Text;
  end: Text;
}

export function locate(root: Node, spans: readonly { index: number; length: number }[]): (TextRange | null)[] {
  // A lone text node (added to a big container) is its own range; a TreeWalker never returns its root.
  if (root.nodeType === Node.TEXT_NODE) return spans.map(() => ({ start: root as Text, end: root as Text }));
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const order = spans.map((_, i) => i).sort((a, b) => spans[a]!.index - spans[b]!.index);
  const result: (TextRange | null)[] = spans.map(() => null);
  // Each span needs the node at its first and its last character; targets are visited in order.
  const targets = order.flatMap((i) => [
    { span: i, at: spans[i]!.index, end: false },
    { span: i, at: spans[i]!.index + Math.max(spans[i]!.length, 1) - 1, end: true },
  ]);
  targets.sort((a, b) => a.at - b.at);
  const starts = new Map<number, Text>();
  let offset = 0;
  let node = walker.nextNode() as Text | null;
  for (const target of targets) {
    while (node !== null && offset + node.data.length <= target.at) {
      offset += node.data.length;
      node = walker.nextNode() as Text | null;
    }
    if (node === null) break;
    if (!target.end) starts.set(target.span, node);
    else {
      const start = starts.get(target.span);
      if (start !== undefined) result[target.span] = { start, end: node };
    }
  }
  return result;
}
