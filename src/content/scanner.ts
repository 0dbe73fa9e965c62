import type { ProblemId } from '../core/problem-ids';
import { withoutGenericBesideSpecific, type Matcher, type Signal } from '../detectors/signal';
import { commonElement, EXCLUDED_SELECTOR, EXCLUDED_TAGS, isInlineTag } from './anchor';
import { lastAtOrBefore } from './pieced-text';
import { createSubtreeScan, type Placed, type SubtreeScan } from './subtree-scan';
import { timed } from './timing';
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
  /** Our own UI: no hit in it is reported (its text is in closed shadow roots, out of any read of the page). */
  isOwn(node: Node): boolean;
  /** Replaced in DOM tests, where nothing has layout. */
  isRendered?: (element: Element) => boolean;
  /** The clock deadlines are given in; replaced in tests. */
  now?: () => number;
  /** Characters read per chunk of a subtree scan. */
  chunkChars?: number;
  /** Children of a long list per piece when a subtree holding one is first read. */
  pieceChildren?: number;
}

export interface Scanner {
  /** Queues a whole subtree (the page, a new view, a shadow root): read in chunks by `work`. */
  add(root: Node): void;
  /** Queues what mutation records added or changed. */
  enqueue(records: readonly MutationRecord[]): void;
  /**
   * Works until `deadline` (by `now`): changed text first (where new errors appear), then long runs
   * of added nodes, then queued subtrees, at least one step of them (unless `subtrees` is false: a
   * frame's batch, where a new error's hint must not wait for them). True when work is left.
   */
  work(deadline: number, subtrees?: boolean): boolean;
  /** Whether queued subtrees remain (the initial scan is not finished). */
  scanning(): boolean;
  /** Whether changes (not subtrees) wait: they go in the next frame. */
  changesLeft(): boolean;
  pendingCount(): number;
}

const MAX_PENDING = 500;
/** Signals read per matcher call: enough for pages that repeat error texts in scripts and hidden templates. */
const MAX_SIGNALS = 2000;
/** Signals of one problem kept from one piece of text: the rest repeat it and would only cost excerpts. */
const PER_PROBLEM = 3;
/** Joins unit texts for one matcher pass: not a letter, digit or space, so no signal crosses it. */
const SEPARATOR = '\u0000';
const SMALL_CONTAINER_CHILDREN = 50;
/** Containers a small change must not make us re-read whole. */
const BIG_CONTAINERS = new Set(['BODY', 'HTML', 'MAIN', 'TBODY', 'TABLE']);
/** Added-node count from which a mutation's nodes are read as runs. */
const RUN_FROM = 20;
/** Characters of changed units matched in one call. */
const UNIT_CHARS = 65_536;
/** Characters before a signal the matcher looks at (lookbehinds, 60 characters of code context). */
const CONTEXT = 64;

/** Collapses whitespace and cuts to `max` characters around the match: the page's words for the report. */
export function excerptOf(text: string, index: number, length: number, max = 300): string {
  const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();
  // Only a short text is cleaned whole; a long one only around the match (a page's text can be megabytes).
  if (text.length <= max * 4) {
    const whole = clean(text);
    if (whole.length <= max) return whole;
  }
  const pad = Math.max(0, Math.floor((max - length) / 2));
  const from = Math.max(0, index - pad);
  const piece = clean(text.slice(from, index + length + pad));
  return piece.length > max ? piece.slice(0, max) : piece;
}

export function createScanner(options: ScannerOptions): Scanner {
  const rendered = options.isRendered ?? isRendered;
  const now = options.now ?? (() => performance.now());
  const chunkChars = options.chunkChars ?? 32_768;
  // A thousand rows of a registry: a millisecond or two of reading on a 2-core office PC.
  const pieceChildren = options.pieceChildren ?? 1000;
  const queue = new Set<Node>();
  /** Nodes added many at once (a page of table rows): read after the small changes, resumably. */
  const runs: { nodes: ArrayLike<Node>; at: number }[] = [];
  const jobs: { root: Node; scan: SubtreeScan }[] = [];
  let pending: { signal: Signal; element: Element; excerpt: string }[] = [];
  let attributesChanged = false;

  const changesLeft = (): boolean => queue.size > 0 || runs.some((run) => run.at < run.nodes.length);
  /**
   * A subtree queued again (a page switching views many times a second, each a rescan of <body>) replaces
   * its earlier scan instead of queueing another: the work stays one read of it, whatever the page does.
   */
  const queueSubtree = (root: Node, first: boolean): void => {
    const at = jobs.findIndex((job) => job.root === root);
    if (at >= 0) jobs.splice(at, 1);
    const job = { root, scan: jobFor(root) };
    if (first) jobs.unshift(job);
    else jobs.push(job);
  };
  const jobFor = (root: Node): SubtreeScan => createSubtreeScan(root, { matcher: options.matcher, chunkChars, pieceChildren, context: CONTEXT, maxSignals: MAX_SIGNALS, onPlaced: consider });

  function report(signal: Signal, element: Element, excerpt: string): void {
    // Whether it is shown may need the page's layout, which the page would do before its next paint anyway.
    if (timed('visible', () => rendered(element))) options.onHit({ signal, element, excerpt });
    else if (pending.length < MAX_PENDING && !pending.some((p) => p.element === element && p.signal.problem === signal.problem)) {
      pending.push({ signal, element, excerpt });
    }
  }

  /** Reports candidates found in one piece of text: where they are, and what the user sees. */
  function consider(candidates: readonly Placed[]): void {
    const kept: { signal: Signal; element: Element; excerpt: string }[] = [];
    const perProblem = new Map<ProblemId, number>();
    for (const c of candidates) {
      const seen = perProblem.get(c.signal.problem) ?? 0;
      if (seen >= PER_PROBLEM) continue;
      // Text directly under a shadow root has no parent element: its host stands for it.
      const startElement = c.start.parentElement ?? (c.start.parentNode as ShadowRoot | null)?.host ?? null;
      if (startElement === null || startElement.closest(EXCLUDED_SELECTOR) !== null || options.isOwn(startElement)) continue;
      perProblem.set(c.signal.problem, seen + 1);
      const element = commonElement(c.start, c.end) ?? startElement;
      // A shadow host's own textContent leaves out its shadow tree, where the signal was: then the scanned text.
      const ownText = element.childNodes.length <= SMALL_CONTAINER_CHILDREN ? (element.textContent ?? '') : '';
      const excerpt = ownText.length <= 300 && ownText.trim() !== '' ? excerptOf(ownText, 0, ownText.length) : excerptOf(c.text, c.signal.index, c.signal.length);
      kept.push({ signal: c.signal, element, excerpt });
    }
    // Of what is shown, a library's generic step text in the same message as a specific one gives way to it.
    const specific = new Set(withoutGenericBesideSpecific(kept.map((k) => k.signal)));
    for (const k of kept) {
      if (specific.has(k.signal) || !kept.some((o) => o.signal.problem !== 'unknown-signing-error' && (o.element.contains(k.element) || k.element.contains(o.element)))) report(k.signal, k.element, k.excerpt);
    }
  }

  /**
   * Scans many small units with one matcher pass: their texts joined by a separator no signal
   * contains. Most hold nothing; a unit with a signal is read again node by node, to place it.
   */
  function scanUnits(units: readonly Node[], texts: readonly string[]): void {
    const starts: number[] = [];
    let offset = 0;
    for (const text of texts) {
      starts.push(offset);
      offset += text.length + 1;
    }
    const hit = new Set<Node>();
    for (const signal of options.matcher.find(texts.join(SEPARATOR), MAX_SIGNALS)) hit.add(units[lastAtOrBefore(starts, signal.index)]!);
    for (const unit of hit) {
      const job = jobFor(unit);
      while (job.step(Number.POSITIVE_INFINITY, now));
    }
  }

  /**
   * The node to scan for a change: text split across inline elements needs its container, but never
   * a page-sized one (body, html, a shadow root, a container of many children): then the node alone.
   * A block element is its own unit, so a page of rows costs no look at their parent. One read of a
   * tag name decides most nodes: a page of rows pays for each. Our own hints are not skipped here:
   * their text is in closed shadow roots, which no read of the page's text reaches, and a hit in
   * anything of ours is dropped where hits are placed.
   */
  function unitFor(node: Node): Node | null {
    const type = node.nodeType;
    if (type === Node.ELEMENT_NODE) {
      const tag = (node as Element).tagName;
      if (!isInlineTag(tag)) return EXCLUDED_TAGS.has(tag) ? null : node;
      if (node.firstChild === null) return null;
    } else if (type !== Node.TEXT_NODE) return null;
    const parent = node.parentElement;
    if (parent === null) return node;
    const tag = parent.tagName;
    if (EXCLUDED_TAGS.has(tag)) return null;
    return !BIG_CONTAINERS.has(tag) && parent.childNodes.length <= SMALL_CONTAINER_CHILDREN ? parent : node;
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

  /**
   * Reads the units of nodes from `next` (each unit's text, one matcher pass per batch of them) until
   * `next` runs out or the deadline passes. A unit too big to read at once becomes a subtree job.
   */
  function readNodes(next: () => Node | undefined, deadline: number, seen: Set<Node>): void {
    for (;;) {
      const units: Node[] = [];
      const texts: string[] = [];
      let chars = 0;
      let node: Node | undefined;
      while ((node = next()) !== undefined) {
        if (!node.isConnected) continue;
        const unit = unitFor(node);
        if (unit === null || seen.has(unit)) continue;
        seen.add(unit);
        const text = unit.textContent ?? '';
        if (text.length > chunkChars) queueSubtree(unit, true);
        else if (text.length > 0) {
          units.push(unit);
          texts.push(text);
          chars += text.length;
          if (chars >= UNIT_CHARS || (units.length % 32 === 0 && now() >= deadline)) break;
        }
      }
      if (units.length > 0) scanUnits(units, texts);
      if (node === undefined || now() >= deadline) return;
    }
  }

  /**
   * Changed text first (where new errors appear), then long runs of added nodes (pages of rows: most
   * hold nothing, read a unit each, several hundred per matcher pass).
   */
  function workChanges(deadline: number): void {
    const seen = new Set<Node>();
    const queued = queue.values();
    readNodes(() => {
      const item = queued.next();
      if (item.done === true) return undefined;
      queue.delete(item.value);
      return item.value;
    }, deadline, seen);
    if (now() < deadline) {
      readNodes(() => {
        for (let run = runs[0]; run !== undefined; run = runs[0]) {
          if (run.at < run.nodes.length) return run.nodes[run.at++];
          runs.shift();
        }
        return undefined;
      }, deadline, seen);
    }
    if (attributesChanged || seen.size > 0) recheckPending();
    attributesChanged = false;
  }

  /** Subtrees, a step at a time; at least one step per slice, so a page busy with changes still gets read. */
  function workJobs(deadline: number): void {
    for (let first = true; jobs.length > 0 && (first || now() < deadline); first = false) {
      if (!jobs[0]!.scan.step(deadline, now)) jobs.shift();
    }
  }

  return {
    add(root) {
      queueSubtree(root, false);
    },
    enqueue(records) {
      // Called with a record per row when a page appends rows one by one: each DOM read here counts.
      for (const record of records) {
        const type = record.type;
        if (type === 'childList') {
          const added = record.addedNodes;
          const count = added.length;
          if (count >= RUN_FROM) runs.push({ nodes: added, at: 0 });
          else for (let i = 0; i < count; i++) queue.add(added[i]!);
        } else if (type === 'attributes') attributesChanged = true;
        else queue.add(record.target);
      }
    },
    work(deadline, subtrees = true) {
      workChanges(deadline);
      if (subtrees) workJobs(deadline);
      return changesLeft() || jobs.length > 0;
    },
    scanning: () => jobs.length > 0,
    changesLeft,
    pendingCount: () => pending.length,
  };
}
