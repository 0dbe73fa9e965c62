/** Text never shown as page text, skipped by the walk (template contents are not in the tree at all). */
const SKIPPED_PARENTS = new Set(['script', 'style', 'textarea', 'noscript', 'title']);

/**
 * A piece of a subtree's text with the text nodes it came from. Offsets are global: counted from the
 * start of the walk, so pieces of the same walk can be compared.
 */
export interface TextChunk {
  text: string;
  /** Global offset of text[0]. */
  start: number;
  /** Signals starting before this global offset belong to an earlier chunk (this one repeats its tail as context). */
  ownFrom: number;
  /** Signals starting at or after this global offset belong to the next chunk (the last chunk owns all). */
  ownTo: number;
  /** The text nodes, in order, and the global offset of each node's character 0. */
  nodes: Text[];
  nodeStarts: number[];
}

export interface TextWalk {
  /** The next chunk, or null when the subtree is read. */
  next(): TextChunk | null;
}

export interface TextWalkOptions {
  /** Own characters per chunk: reading and matching one costs well under a millisecond. */
  chunkChars: number;
  /** The longest signal: the tail a chunk repeats of the previous one, so no signal is cut. */
  reach: number;
  /** Characters before a signal a matcher may look at (lookbehinds, code context). */
  context: number;
  /** Our own UI: skipped. */
  isOwn(node: Node): boolean;
}

/**
 * Reads a subtree's text in chunks that can be taken one at a time, across tasks, while the page
 * keeps changing. A TreeWalker is the fastest way through the text nodes; a live Range after the
 * last node read is the bookmark, because the page may remove that node meanwhile (a walker left on a
 * detached node would end early): the Range moves to where the node was. Text added behind the
 * bookmark reaches us through the MutationObserver; text added ahead is read here.
 */
export function createTextWalk(root: Node, options: TextWalkOptions): TextWalk {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const bookmark = doc.createRange();
  let started = false;
  let done = false;
  /** A node read only in part (a huge text node): the offset where the next chunk goes on. */
  let partial: { node: Text; offset: number } | null = null;
  let total = 0;
  /** Signals before this global offset belong to chunks already given. */
  let ownedTo = 0;
  let carry: { text: string; start: number; nodes: Text[]; nodeStarts: number[] } | null = null;

  const readable = (node: Text): boolean => {
    const parent = node.parentNode;
    if (parent === null) return false;
    if (parent.nodeType === Node.ELEMENT_NODE && SKIPPED_PARENTS.has((parent as Element).localName)) return false;
    return !options.isOwn(node);
  };

  /** Puts the walker back where the last chunk ended, even if the page removed that node. */
  const resume = (): void => {
    const last = walker.currentNode;
    if (last === root || (last.isConnected && root.contains(last))) return;
    if (!root.isConnected) {
      done = true;
      return;
    }
    let container: Node = bookmark.startContainer;
    const offset = bookmark.startOffset;
    if (!(container === root || root.contains(container))) {
      // Only a DOM without live ranges (not a browser) loses the bookmark: read again from the start.
      walker.currentNode = root;
      return;
    }
    if (offset === 0) {
      walker.currentNode = container;
      return;
    }
    // The node just before the bookmark, and its last descendant: the walk goes on after its subtree.
    container = container.childNodes[offset - 1] ?? container;
    while (container.lastChild !== null) container = container.lastChild;
    walker.currentNode = container;
  };

  const nextText = (): Text | null => {
    if (!started) {
      started = true;
      if (root.nodeType === Node.TEXT_NODE) return readable(root as Text) ? (root as Text) : null;
    } else if (root.nodeType === Node.TEXT_NODE) {
      return null;
    }
    return walker.nextNode() as Text | null;
  };

  return {
    next() {
      if (done) return null;
      resume();
      if (done) return null;
      const nodes: Text[] = carry === null ? [] : [...carry.nodes];
      const nodeStarts: number[] = carry === null ? [] : [...carry.nodeStarts];
      const start = carry === null ? total : carry.start;
      const ownFrom = ownedTo;
      let text = carry === null ? '' : carry.text;
      const limit = text.length + options.chunkChars;
      let last: Text | null = null;
      while (text.length < limit) {
        let node: Text;
        let from = 0;
        if (partial !== null) {
          ({ node, offset: from } = partial);
          partial = null;
          if (!node.isConnected) continue;
        } else {
          const found = nextText();
          if (found === null) {
            done = true;
            break;
          }
          if (!readable(found)) continue;
          node = found;
        }
        const data = node.data;
        if (data.length === from) continue;
        const take = Math.min(data.length - from, limit - text.length);
        nodes.push(node);
        nodeStarts.push(total - from);
        text += from === 0 && take === data.length ? data : data.slice(from, from + take);
        total += take;
        last = node;
        if (from + take < data.length) partial = { node, offset: from + take };
      }
      if (last !== null) bookmark.setStartAfter(last);
      const ownTo = done ? total : Math.max(ownFrom, total - options.reach);
      ownedTo = ownTo;
      // The next chunk repeats this one's tail: what it owns plus the context a match may look back at.
      const keepFrom = Math.max(start, ownTo - options.context);
      const firstKept = lastNodeAtOrBefore(nodeStarts, keepFrom);
      carry = done ? null : { text: text.slice(keepFrom - start), start: keepFrom, nodes: nodes.slice(firstKept), nodeStarts: nodeStarts.slice(firstKept) };
      if (text.length === 0) return null;
      return { text, start, ownFrom, ownTo, nodes, nodeStarts };
    },
  };
}

/** Index of the last node starting at or before `offset` (node starts are ascending). */
export function lastNodeAtOrBefore(nodeStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = nodeStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (nodeStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
