import { withoutGenericBesideSpecific, type Matcher, type Signal } from '../detectors/matcher';
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

const MAX_PENDING = 500;
/** Signals read per scan: enough for pages that repeat error texts in scripts and hidden templates. */
const MAX_SIGNALS = 2000;
/** Joins unit texts for one matcher pass: not a letter, digit or space, so no signal crosses it. */
const SEPARATOR = '\u0000';
const SMALL_CONTAINER_CHILDREN = 50;
/** Containers a small change must not make us re-read whole. */
const BIG_CONTAINERS = new Set(['BODY', 'HTML', 'MAIN', 'TBODY', 'TABLE']);
/** Added-node count from which a mutation's nodes are read as one run. */
const RUN_FROM = 20;

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
  /** Long runs of sibling nodes added at once (a page of table rows): read with one Range. */
  let runs: Node[][] = [];
  let pending: { signal: Signal; element: Element; excerpt: string }[] = [];
  let attributesChanged = false;

  function report(signal: Signal, element: Element, excerpt: string): void {
    if (rendered(element)) options.onHit({ signal, element, excerpt });
    else if (pending.length < MAX_PENDING && !pending.some((p) => p.element === element && p.signal.problem === signal.problem)) {
      pending.push({ signal, element, excerpt });
    }
  }

  /** Reports the signals found in `text`, the textContent of `root`. */
  function handle(root: Node, text: string, signals: readonly Signal[]): void {
    const ranges = locate(root, signals);
    const kept: { signal: Signal; element: Element; excerpt: string }[] = [];
    signals.forEach((signal, i) => {
      const range = ranges[i];
      if (range === null || range === undefined) return;
      // Text directly under a shadow root has no parent element: its host stands for it.
      const startElement = range.start.parentElement ?? (range.start.parentNode as ShadowRoot | null)?.host ?? null;
      if (startElement === null || startElement.closest(EXCLUDED_SELECTOR) !== null || options.isOwn(startElement)) return;
      const element = commonElement(range.start, range.end) ?? startElement;
      // A shadow host's own textContent leaves out its shadow tree, where the signal was: then the scanned text.
      const ownText = element.textContent ?? '';
      const excerpt = ownText.length <= 300 && ownText.trim() !== '' ? excerptOf(ownText, 0, ownText.length) : excerptOf(text, signal.index, signal.length);
      kept.push({ signal, element, excerpt });
    });
    // Of what is shown, a library's generic step text in the same message as a specific one gives way to it.
    const specific = new Set(withoutGenericBesideSpecific(kept.map((k) => k.signal)));
    for (const k of kept) {
      if (specific.has(k.signal) || !kept.some((o) => o.signal.problem !== 'unknown-signing-error' && (o.element.contains(k.element) || k.element.contains(o.element)))) report(k.signal, k.element, k.excerpt);
    }
  }

  function scan(root: Node): void {
    const text = root.textContent ?? '';
    const signals = text.length === 0 ? [] : options.matcher.find(text, MAX_SIGNALS);
    if (signals.length > 0) handle(root, text, signals);
  }

  /**
   * Scans many small units with one matcher pass: their texts joined by a separator no signal
   * contains, each signal mapped back to its unit (a signal spanning two units is not one).
   */
  function scanUnits(units: readonly Node[], texts: readonly string[]): void {
    const starts: number[] = [];
    let offset = 0;
    for (const text of texts) {
      starts.push(offset);
      offset += text.length + 1;
    }
    const signals = options.matcher.find(texts.join(SEPARATOR), MAX_SIGNALS);
    const perUnit = new Map<number, Signal[]>();
    for (const signal of signals) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= signal.index) lo = mid;
        else hi = mid - 1;
      }
      const index = signal.index - starts[lo]!;
      if (index + signal.length > texts[lo]!.length) continue;
      perUnit.set(lo, [...(perUnit.get(lo) ?? []), { ...signal, index }]);
    }
    for (const [i, unitSignals] of perUnit) handle(units[i]!, texts[i]!, unitSignals);
  }

  /**
   * The node to scan for a change: text split across inline elements needs its container, but never
   * a page-sized one (body, html, a shadow root, a container of many children): then the node alone.
   */
  function unitFor(node: Node): Node | null {
    if (options.isOwn(node)) return null;
    const parent = node.parentElement;
    const smallParent = parent !== null && !BIG_CONTAINERS.has(parent.tagName) && parent.childNodes.length <= SMALL_CONTAINER_CHILDREN;
    if (node.nodeType === Node.TEXT_NODE) return smallParent ? parent : node;
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    const element = node as Element;
    if (element.matches(EXCLUDED_SELECTOR) || element.childNodes.length === 0) return null;
    return smallParent && isInlineTag(element) ? parent : element;
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
        else if (record.addedNodes.length >= RUN_FROM) runs.push([...record.addedNodes]);
        else record.addedNodes.forEach((node) => queue.add(node));
      }
    },
    flush() {
      for (const run of runs) {
        // Most runs hold no signal: one native text read decides; a run with one is scanned node by node.
        const first = run[0]!;
        const last = run[run.length - 1]!;
        if (first.isConnected && last.isConnected && first.parentNode === last.parentNode && first.ownerDocument !== null) {
          const range = first.ownerDocument.createRange();
          range.setStartBefore(first);
          range.setEndAfter(last);
          if (options.matcher.find(range.toString(), 1).length === 0) continue;
        }
        for (const node of run) queue.add(node);
      }
      runs = [];
      let spent = 0;
      const seen = new Set<Node>();
      const units: Node[] = [];
      const texts: string[] = [];
      for (const node of queue) {
        queue.delete(node);
        if (!node.isConnected) continue;
        const unit = unitFor(node);
        if (unit === null || seen.has(unit)) continue;
        seen.add(unit);
        const text = unit.textContent ?? '';
        if (text.length === 0) continue;
        units.push(unit);
        texts.push(text);
        spent += text.length;
        if (spent >= budget) break;
      }
      if (units.length > 0) scanUnits(units, texts);
      if (attributesChanged || seen.size > 0) recheckPending();
      attributesChanged = false;
      return queue.size > 0 || runs.length > 0;
    },
    pendingCount: () => pending.length,
  };
}
