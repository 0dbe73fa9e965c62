import type { Matcher, Signal } from '../detectors/signal';
import { piecedText, type PiecedText } from './pieced-text';

/** NodeFilter.SHOW_TEXT: a global's property is spelled out in full at every use in the shipped script (size budget). */
const SHOW_TEXT = 4;

/** A signal placed in the page: the text nodes holding its first and last character. */
export interface Placed {
  signal: Signal;
  start: Text;
  end: Text;
  /** The text around it (for the excerpt), `signal.index` being its offset there. */
  text: string;
}

export interface SubtreeScan {
  /** Does one step (a read, a chunk matched, part of a walk to place signals); false when finished. */
  step(deadline: number, now: () => number): boolean;
}

export interface SubtreeScanOptions {
  matcher: Matcher;
  /** Characters matched per step. */
  chunkChars: number;
  /** Characters before a signal a matcher may look at (lookbehinds, code context). */
  context: number;
  /** Signals read per subtree at most. */
  maxSignals: number;
  /** Signals found in one chunk, placed. */
  onPlaced(placed: readonly Placed[]): void;
  /** Children of a long list read per piece (a subtree holding one is read a piece per step). */
  pieceChildren: number;
}

/** Text nodes looked at between two looks at the clock while placing signals. */
const WALK_BATCH = 256;
/** Characters on each side of a signal passed for its excerpt: more than excerptOf reads whole. */
const EXCERPT_SOURCE = 1300;
/** Times a subtree is read again when the page changed it before its signals were placed. */
const MAX_REREADS = 2;

/** Elements looked at, nearest the root first, to find a long list in a subtree. */
const SEARCHED = 256;

/** The first element (breadth first) with at least `wide` element children: a table's rows, a list of cards. */
export function longList(root: Element, wide: number): Element | null {
  const queue: Element[] = [root];
  for (let i = 0; i < queue.length; i++) {
    const element = queue[i]!;
    // Not childElementCount: that walks every child of a 10,000-row list; this stops at the wide-th.
    if (element.children[wide - 1] !== undefined) return element;
    for (let child = element.firstElementChild; child !== null && queue.length < SEARCHED; child = child.nextElementSibling) queue.push(child);
  }
  return null;
}

/**
 * Ranges that together hold an element's text in tree order when it holds a long list (the bulk of a
 * big page's text): its children about `per` at a time, the first piece with what comes before, the
 * last with what comes after. Their texts joined are its `textContent`, each read a millisecond or two
 * where the whole can be one long task (a 5 MB registry: 10–15 ms). Finding the list looks at a few
 * hundred elements, where cutting by element count would walk every element of the page. Cuts are at
 * the start of a child's first text node: a boundary given as an offset among 10,000 children is
 * counted and walked to by the browser at every set and read (~3 ms a load). None when there is no
 * long list: read at once.
 */
function piecesOf(root: Node, per: number): Range[] {
  if (root.nodeType !== Node.ELEMENT_NODE) return [];
  const list = longList(root as Element, per * 2);
  if (list === null) return [];
  const doc = root.ownerDocument!;
  // The collection remembers where it was: read in order, it walks the children once.
  const children = list.children;
  const pieces: Range[] = [];
  let range = doc.createRange();
  range.setStart(root, 0);
  for (let at = per, child = children[at]; child !== undefined; at += per, child = children[at]) {
    // The child's first text node, looked for in the child only: a walk on to the next text would
    // cross a run of empty rows once per cut in it (a page of 1,000,000 empty rows: quadratic).
    // A child without text is no cut; the piece runs on to the next one.
    const text = doc.createTreeWalker(child, SHOW_TEXT).nextNode();
    if (text === null) continue;
    range.setEnd(text, 0);
    pieces.push(range);
    range = doc.createRange();
    range.setStart(text, 0);
  }
  range.setEnd(root, root.childNodes.length);
  pieces.push(range);
  return pieces;
}

/**
 * Reads a subtree's text once (`textContent`: the one native read, which any scan pays; walking the
 * nodes from an extension's isolated world costs several times more, a wrapper per node; a subtree
 * holding a long list in pieces, a step each), matches it a chunk per step, and only when a chunk holds signals walks the
 * text nodes to place them — resumably, with a live Range as bookmark, since the page may remove the
 * node the walk stopped at. If the page changed the text before a signal was placed, the subtree is
 * read again (what it added meanwhile also reaches the MutationObserver).
 */
export function createSubtreeScan(root: Node, options: SubtreeScanOptions): SubtreeScan {
  const doc = root.ownerDocument ?? (root as Document);
  let text: PiecedText | null = null;
  /** A big subtree's text: the pieces to read (live Ranges, so a page's changes meanwhile move them), those read. */
  let pieces: Range[] | null = null;
  let read: string[] = [];
  let rereads = 0;
  /** Matching: the next chunk starts here; signals starting before `lastEnd` overlap one taken. */
  let position = 0;
  let lastEnd = 0;
  let taken = 0;
  /** Placing: signals of the current chunk, the walk's node and the offset of its first character. */
  let toPlace: Signal[] = [];
  let placed: Placed[] = [];
  let walker: TreeWalker | null = null;
  let node: Text | null = null;
  let nodeStart = 0;
  const bookmark = doc.createRange();

  const restart = (): void => {
    text = null;
    pieces = null;
    read = [];
    position = 0;
    lastEnd = 0;
    toPlace = [];
    placed = [];
    walker = null;
    node = null;
    nodeStart = 0;
  };

  const nextNode = (): Text | null => {
    if (walker === null) {
      walker = doc.createTreeWalker(root, SHOW_TEXT);
      // A walker yields only what is under its root: a text node is its own first and last.
      if (root.nodeType === Node.TEXT_NODE) return root as Text;
    } else if (node !== null && !(node.isConnected && root.contains(node))) {
      // The page removed the node we stopped at: go on from where the bookmark moved.
      const container = bookmark.startContainer;
      if (!(container === root || root.contains(container))) return null;
      const before = container.childNodes[bookmark.startOffset - 1];
      let last: Node = before ?? container;
      if (before !== undefined) while (last.lastChild !== null) last = last.lastChild;
      walker.currentNode = last;
    }
    return walker.nextNode() as Text | null;
  };

  /** Walks to the node holding `offset`; false when the text ran out (the page changed it). */
  const walkTo = (offset: number, deadline: number, now: () => number): boolean | 'later' => {
    for (let i = 0; ; i++) {
      if (node !== null && offset < nodeStart + node.data.length) return true;
      if (node !== null) nodeStart += node.data.length;
      node = nextNode();
      if (node === null) return false;
      bookmark.setStartAfter(node);
      if (i % WALK_BATCH === WALK_BATCH - 1 && now() >= deadline) return 'later';
    }
  };

  /** The text between two offsets as the nodes hold it now, from the node at `from` (walk already there). */
  const textAt = (start: Text, from: number, length: number): string => {
    let out = '';
    let current: Node | null = start;
    const skip = from;
    const reader = doc.createTreeWalker(root, SHOW_TEXT);
    reader.currentNode = start;
    while (current !== null && out.length < skip + length) {
      out += (current as Text).data;
      current = reader.nextNode();
    }
    return out.slice(skip, skip + length);
  };

  function place(deadline: number, now: () => number): boolean {
    while (toPlace.length > 0) {
      const signal = toPlace[0]!;
      const reached = walkTo(signal.index, deadline, now);
      if (reached === 'later') return true;
      const start = node;
      const startOffset = signal.index - nodeStart;
      if (reached === false || start === null || textAt(start, startOffset, signal.length) !== text!.slice(signal.index, signal.index + signal.length)) {
        // The page changed the text since it was read: read it again (a bounded number of times).
        if (rereads++ < MAX_REREADS) restart();
        else toPlace = [];
        return true;
      }
      // The last character's node: the walk's node, or a later one (a signal across inline elements).
      let end: Text = start;
      let endStart = nodeStart;
      const reader = doc.createTreeWalker(root, SHOW_TEXT);
      reader.currentNode = start;
      while (signal.index + Math.max(signal.length, 1) - 1 >= endStart + end.data.length) {
        const next = reader.nextNode() as Text | null;
        if (next === null) break;
        endStart += end.data.length;
        end = next;
      }
      // The text around it, enough for excerptOf to read it as it would the whole.
      const from = Math.max(0, signal.index - EXCERPT_SOURCE);
      placed.push({ signal: { ...signal, index: signal.index - from }, start, end, text: text!.slice(from, signal.index + signal.length + EXCERPT_SOURCE) });
      toPlace.shift();
    }
    if (placed.length > 0) options.onPlaced(placed);
    placed = [];
    return false;
  }

  return {
    step(deadline, now) {
      if (text === null) {
        if (pieces === null) {
          pieces = piecesOf(root, options.pieceChildren);
          if (pieces.length === 0) text = piecedText([root.nodeType === Node.TEXT_NODE ? (root as Text).data : (root.textContent ?? '')]);
          return true;
        }
        read.push(pieces[read.length]!.toString());
        if (read.length === pieces.length) {
          text = piecedText(read);
          read = [];
        }
        return true;
      }
      if (toPlace.length > 0) return place(deadline, now) || position < text.length;
      if (position >= text.length || taken >= options.maxSignals) return false;
      const from = Math.max(0, position - options.context);
      const to = Math.min(text.length, position + options.chunkChars);
      // A signal starting in [position, to) is this chunk's; the chunk reads `reach` further so none is cut.
      const piece = text.slice(from, Math.min(text.length, to + options.matcher.reach));
      for (const signal of options.matcher.find(piece, options.maxSignals)) {
        const at = from + signal.index;
        if (at < position || at >= to || at < lastEnd) continue;
        lastEnd = at + signal.length;
        taken++;
        toPlace.push({ ...signal, index: at });
      }
      position = to;
      if (toPlace.length > 0) place(deadline, now);
      return true;
    },
  };
}
