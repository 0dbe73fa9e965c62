import type { Matcher, Signal } from '../detectors/matcher';
import { commonElement, EXCLUDED_SELECTOR, isInlineTag } from './anchor';
import { locate } from './locate';
import { isRendered } from './visibility';

export interface Hit {
  signal: Signal;
  /** The element holding the matched text. */
  element: Element;
  excerpt: string;
}

export interface ScannerOptions {
  matcher: Matcher;
  onHit(hit: Hit): void;
  /** Our own UI: never scanned. */
  isOwn(node: Node): boolean;
  /** Characters scanned per batch before the rest waits for the next frame. */
  charBudget?: number;
  /** Replaced in DOM tests, where nothing has layout. */
  isRendered?: (element: Element) => boolean;
}

export interface Scanner {
  /** Scans the whole subtree now. */
  scan(root: Node): void;
  /** Queues what mutation records added or changed; work happens in `flush`. */
  enqueue(records: readonly MutationRecord[]): void;
  /** Scans queued nodes up to the budget; true when work is left for another batch. */
  flush(): boolean;
  pendingCount(): number;
}

const MAX_PENDING = 100;
const SMALL_CONTAINER_CHILDREN = 50;

/** Collapses whitespace and cuts to `max` characters: the page's words for the report. */
export function excerptOf(text: string, index: number, length: number, max = 300): string {
  const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();
  const whole = clean(text);
  if (whole.length <= max) return whole;
  const pad = Math.max(0, Math.floor((max - length) / 2));
  const from = Math.max(0, index - pad);
  const piece = clean(text.slice(from, index + length + pad));
  return piece.length > max ? piece.slice(0, max) : piece;
}

export function createScanner(options: ScannerOptions): Scanner {
  const budget = options.charBudget ?? 1_000_000;
  const rendered = options.isRendered ?? isRendered;
  const queue = new Set<Node>();
  let pending: { signal: Signal; element: Element; excerpt: string }[] = [];
  let attributesChanged = false;

  function report(signal: Signal, element: Element, excerpt: string): void {
    if (rendered(element)) options.onHit({ signal, element, excerpt });
    else if (pending.length < MAX_PENDING && !pending.some((p) => p.element === element && p.signal.problem === signal.problem)) {
      pending.push({ signal, element, excerpt });
    }
  }

  function scan(root: Node): number {
    const text = root.textContent ?? '';
    if (text.length === 0) return 0;
    const signals = options.matcher.find(text);
    if (signals.length === 0) return text.length;
    const ranges = locate(root, signals);
    signals.forEach((signal, i) => {
      const range = ranges[i];
      if (range === null || range === undefined) return;
      const startElement = range.start.parentElement;
      if (startElement === null || startElement.closest(EXCLUDED_SELECTOR) !== null || options.isOwn(startElement)) return;
      const element = commonElement(range.start, range.end) ?? startElement;
      const ownText = element.textContent ?? '';
      const excerpt = ownText.length <= 300 ? excerptOf(ownText, 0, ownText.length) : excerptOf(text, signal.index, signal.length);
      report(signal, element, excerpt);
    });
    return text.length;
  }

  /** The node to scan for a change: text split across inline elements needs its container. */
  function unitFor(node: Node): Node | null {
    if (options.isOwn(node)) return null;
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      return parent !== null && parent.childNodes.length <= SMALL_CONTAINER_CHILDREN ? parent : node;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    const element = node as Element;
    if (element.matches(EXCLUDED_SELECTOR)) return null;
    const parent = element.parentElement;
    if (parent !== null && (element.childNodes.length === 0 || isInlineTag(element)) && parent.childNodes.length <= SMALL_CONTAINER_CHILDREN) {
      return parent;
    }
    return element;
  }

  function recheckPending(): void {
    if (pending.length === 0) return;
    const still: typeof pending = [];
    for (const p of pending) {
      if (!p.element.isConnected) continue;
      if (rendered(p.element)) options.onHit(p);
      else still.push(p);
    }
    pending = still;
  }

  return {
    scan(root) {
      scan(root);
    },
    enqueue(records) {
      for (const record of records) {
        if (record.type === 'attributes') attributesChanged = true;
        else if (record.type === 'characterData') queue.add(record.target);
        else record.addedNodes.forEach((node) => queue.add(node));
      }
    },
    flush() {
      let spent = 0;
      const seen = new Set<Node>();
      for (const node of queue) {
        queue.delete(node);
        if (!node.isConnected) continue;
        const unit = unitFor(node);
        if (unit === null || seen.has(unit)) continue;
        seen.add(unit);
        spent += scan(unit);
        if (spent >= budget) break;
      }
      if (attributesChanged || seen.size > 0) recheckPending();
      attributesChanged = false;
      return queue.size > 0;
    },
    pendingCount: () => pending.length,
  };
}
