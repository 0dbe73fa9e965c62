import { browser } from 'wxt/browser';
import { composeSteps } from '../core/compose-steps';
import type { HintStyle } from '../core/hint-style';
import { MAX_EXCERPT } from '../core/limits';
import type { CheckToContent, Finding } from '../core/messages';
import type { ProblemId } from '../core/problem-ids';
import { withoutGenericBesideSpecific, type Signal } from '../detectors/signal';
import { loadDetector, type Detector } from './detector-client';
import { watchLocation, type Lifetime } from './lifetime';
import { hintAnchor } from './anchor';
import { createHintPackLoader } from './hint-pack-client';
import { hintModel } from './hint-model';
import { buildHintCard, createCornerStack, HINT_TAG, mountInlineHint, STACK_TAG, type CheckView, type HintCard } from './hint-view';
import { DIALOG_EVENT, MAX_DIALOG_TEXT, SHADOW_EVENT } from './page-events';
import { createScanner, excerptOf, type Hit } from './scanner';
import { sendToBackground } from './send';
import { longList } from './subtree-scan';
import { createScanTally, markIdle, timed } from './timing';
import { packPlatform } from '../core/pack-platform';

interface LiveHint {
  card: HTMLElement;
  showCheck: HintCard['showCheck'];
  host: HTMLElement | null;
  css: HintStyle;
  /** The message the hint explains; when the page removes it, the hint moves to the corner. */
  anchor: Element | null;
  /** A card inside a detached host is not connected either, so dismissal needs its own flag. */
  dismissed: boolean;
}

/** Where this frame is; about:srcdoc and about:blank frames take their parent's. */
const frameUrls = (): (string | undefined)[] => [location.href, document.baseURI, location.ancestorOrigins?.[0]];

/** Our work per task: a slice of a scan or a batch of changes stays well inside one frame. */
const SLICE_MS = 8;

const isOwn = (node: Node): boolean => {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return element !== null && (element.tagName === HINT_TAG.toUpperCase() || element.tagName === STACK_TAG.toUpperCase());
};

/** Page-hook events that come before the detectors are read: kept (bounded) until they are. */
interface Early {
  dialogs: string[];
  hosts: Element[];
  onDialog: ((text: string) => void) | null;
  onShadow: ((host: Element) => void) | null;
}
const MAX_EARLY = 50;

export function startContentScript(ctx: Lifetime): void {
  // Dialog and shadow-root events from the MAIN-world hook; listening starts at document_start.
  const early: Early = { dialogs: [], hosts: [], onDialog: null, onShadow: null };
  ctx.addEventListener(window, DIALOG_EVENT, (event: Event) => {
    const text = (event as CustomEvent<unknown>).detail;
    if (typeof text !== 'string') return;
    if (early.onDialog !== null) early.onDialog(text);
    else if (early.dialogs.length < MAX_EARLY) early.dialogs.push(text.slice(0, MAX_DIALOG_TEXT));
  }, { capture: true });
  ctx.addEventListener(window, SHADOW_EVENT, (event: Event) => {
    const host = event.composedPath()[0];
    if (!(host instanceof Element)) return;
    if (early.onShadow !== null) early.onShadow(host);
    else if (early.hosts.length < MAX_EARLY) early.hosts.push(host);
  }, { capture: true });
  // The compiled detectors come from storage (the bundle carries no signal text), read at document_start.
  const detecting = loadDetector(frameUrls());
  detecting.then((detector) => {
    if (detector !== null && !ctx.isInvalid) detect(ctx, detector, early, () => detecting.then((d) => d?.langSetting));
  }, () => undefined);
}

function detect(ctx: Lifetime, detector: Detector, early: Early, langSetting: () => Promise<unknown>): void {
  const { platformId, matcher } = detector;
  const loadPack = createHintPackLoader(langSetting);
  const isTop = window === window.top;
  const topUrl = (): { pageUrl?: string } => (isTop ? { pageUrl: location.href.slice(0, 4096) } : {});

  // Per page (reset on SPA navigation): one hint per problem, dismissals, findings sent.
  let found = new Map<ProblemId, Finding>();
  let hints = new Map<ProblemId, LiveHint>();
  let unsent: Finding[] = [];
  let corner: ReturnType<typeof createCornerStack> | null = null;
  // Weak: a page that creates and drops shadow roots must not have them kept alive by us.
  const observedRoots = new WeakSet<Node>();

  const flushFindings = (): void => {
    if (unsent.length === 0) return;
    const findings = unsent;
    unsent = [];
    void sendToBackground({ type: 'content→bg:findings', platformId, findings, ...topUrl() });
  };

  // The top frame announces a new document (and its platform, even on a clean page) before any of its
  // frames can report (theirs come after their own scan): the background drops the previous page's
  // findings on this message.
  if (isTop) void sendToBackground({ type: 'content→bg:findings', platformId, findings: [], start: true, ...topUrl() });

  const cornerStack = (css: HintStyle): ReturnType<typeof createCornerStack> => (corner ??= createCornerStack(document, css));

  const show = async (problem: ProblemId, signal: Signal, anchor: Element | null, dialogText?: string): Promise<void> => {
    const pack = await loadPack();
    if (pack === null || ctx.isInvalid || hints.get(problem) !== undefined) return;
    const model = hintModel(pack, problem, platformId, { code: signal.code, dialogText });
    if (model === null) return;
    const dismiss = (): void => {
      live.dismissed = true;
      live.card.remove();
      live.host?.remove();
    };
    const built = buildHintCard(document, model, dismiss, () => void sendToBackground({ type: 'content→bg:run-check' }));
    const live: LiveHint = { ...built, host: null, css: pack.style, anchor, dismissed: false };
    hints.set(problem, live);
    const target = anchor === null ? null : hintAnchor(anchor);
    if (target !== null && target.isConnected && target.tagName !== 'BODY' && target.tagName !== 'HTML') {
      live.host = mountInlineHint(target, live.card, pack.style);
    } else {
      cornerStack(pack.style).add(live.card);
    }
  };

  /** A hint moved to the corner because its message vanished goes back inline when the message shows again. */
  const reanchor = (live: LiveHint, anchor: Element): void => {
    const target = hintAnchor(anchor);
    if (live.dismissed || (live.host !== null && live.host.isConnected) || target.tagName === 'BODY' || target.tagName === 'HTML') return;
    live.host = mountInlineHint(target, live.card, live.css);
    live.anchor = anchor;
  };

  const record = (signal: Signal, excerpt: string, anchor: Element | null, dialogText?: string): void => {
    if (found.has(signal.problem)) {
      const live = hints.get(signal.problem);
      if (live !== undefined && anchor !== null) reanchor(live, anchor);
      return;
    }
    const finding: Finding = {
      problem: signal.problem,
      source: dialogText !== undefined ? 'dialog' : signal.source,
      excerpt: excerpt.slice(0, MAX_EXCERPT),
      at: Date.now(),
      ...(signal.code !== undefined ? { code: signal.code } : {}),
      ...(isTop ? {} : { frameUrl: location.href.slice(0, 2048) }),
    };
    found.set(signal.problem, finding);
    unsent.push(finding);
    queueMicrotask(flushFindings);
    void show(signal.problem, signal, anchor, dialogText);
  };

  const scanner = createScanner({
    matcher,
    isOwn,
    onHit: (hit: Hit) => record(hit.signal, hit.excerpt, hit.element),
  });

  /** Hints whose message the page removed (a toast that faded) move to the corner instead of vanishing. */
  const rescueOrphans = (): void => {
    for (const live of hints.values()) {
      if (!live.dismissed && live.host !== null && (!live.host.isConnected || live.anchor?.isConnected === false)) {
        live.host.remove();
        live.host = null;
        cornerStack(live.css).add(live.card);
      }
    }
  };

  let frameScheduled = false;
  let idleScheduled = false;
  const tally = createScanTally();
  const runSlice = (idle: boolean): void => {
    if (ctx.isInvalid) return;
    const start = performance.now();
    const scanning = scanner.scanning();
    const more = timed(idle ? 'scan' : 'batch', () => {
      const left = scanner.work(start + SLICE_MS, idle);
      rescueOrphans();
      return left;
    });
    if (scanning) {
      tally.slice(performance.now() - start, !scanner.scanning());
      // Read the hint texts once the page is read, while it is idle, so the first hint needs no storage read.
      if (!scanner.scanning()) requestIdle(() => void loadPack());
    }
    if (!more) {
      markIdle();
      return;
    }
    if (scanner.changesLeft()) scheduleFrame();
    else scheduleIdle();
  };
  // Changes are read in the next frame (an error shown gets its hint in the same frame); the timeout
  // keeps background tabs (no animation frames) working.
  const scheduleFrame = (): void => {
    if (frameScheduled) return;
    frameScheduled = true;
    let done = false;
    const once = (): void => {
      if (done) return;
      done = true;
      frameScheduled = false;
      runSlice(false);
    };
    requestAnimationFrame(once);
    setTimeout(once, 100);
  };
  // Whole subtrees are read when the page is idle, a slice at a time, and at least once a second.
  const scheduleIdle = (): void => {
    if (idleScheduled) return;
    idleScheduled = true;
    requestIdle(() => {
      idleScheduled = false;
      runSlice(true);
    }, 1000);
  };
  const scanLater = (root: Node): void => {
    scanner.add(root);
    scheduleIdle();
  };

  const observer = new MutationObserver((records) =>
    timed('observe', () => {
      scanner.enqueue(records);
      scheduleFrame();
    }),
  );
  const observe = (root: Node): void => {
    if (observedRoots.has(root)) return;
    observedRoots.add(root);
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'open'] });
  };
  const addShadowRoot = (host: Element): void => {
    const root = host.shadowRoot;
    if (root === null || observedRoots.has(root)) return;
    observe(root);
    scanLater(root);
  };
  ctx.onInvalidated(() => observer.disconnect());

  const onDialog = (text: string): void => {
    const message = text.slice(0, MAX_DIALOG_TEXT);
    for (const signal of withoutGenericBesideSpecific(matcher.find(message, 5))) {
      record(signal, excerptOf(message, signal.index, signal.length), null, excerptOf(message, signal.index, signal.length, 200));
    }
  };
  early.onDialog = (text) => timed('dialog', () => onDialog(text));
  early.onShadow = (host) => queueMicrotask(() => addShadowRoot(host));
  for (const text of early.dialogs.splice(0)) early.onDialog(text);
  for (const host of early.hosts.splice(0)) early.onShadow(host);

  const initialScan = (): void => {
    if (ctx.isInvalid) return;
    observe(document);
    if (document.body === null) return;
    // The page's text is read in chunks, a slice per idle moment: on a 5 MB page no task of ours
    // comes near a frame, and text added meanwhile reaches the observer, which is already on.
    tally.start();
    scanLater(document.body);
    // Open shadow roots attached by page scripts are reported by the page hook as they come; this
    // finds declarative ones (<template shadowrootmode>). On huge pages the walk would cost more than
    // the scan, and declarative shadow DOM is not used by the platforms, so it is skipped there.
    requestIdle(() =>
      timed('shadow-walk', () => {
        // A list of 2,000 rows says so after a look at 256 elements; asking for the 20,001st element walks
        // 20,000 (3–4 ms cold on a 5 MB page), a count all of them.
        const root = document.body ?? document.documentElement;
        if (longList(root, 2_000) !== null || root.getElementsByTagName('*')[20_000] !== undefined) return;
        const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT);
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
          if ((node as Element).shadowRoot !== null) addShadowRoot(node as Element);
        }
      }),
    );
  };

  // A new view is a new path or hash route; query-only changes (filters typed into the URL) are not.
  const viewOf = (): string => `${location.pathname}${location.hash}`;
  let view = viewOf();
  watchLocation(ctx, () => onNavigated());
  const onNavigated = (): void => {
    if (viewOf() === view) return;
    view = viewOf();
    for (const live of hints.values()) {
      live.card.remove();
      live.host?.remove();
    }
    found = new Map();
    hints = new Map();
    unsent = [];
    if (isTop) void sendToBackground({ type: 'content→bg:navigated', platformId });
    if (document.body !== null) scanLater(document.body);
  };

  // The check's progress and causes, for every hint of this frame (the message shape is checked here:
  // zod stays out of the content script).
  const onCheck = (raw: unknown): void => timed('message', () => {
    const message = raw as Partial<CheckToContent> | null;
    if (message?.type !== 'bg→content:check' || !Array.isArray(message.problems)) return;
    void loadPack().then((pack) => {
      if (pack === null) return;
      const status = message.status;
      const view: CheckView =
        status === 'done'
          ? {
              status,
              // The pack (schema-checked by the background) knows every id; anything else is skipped.
              causes: message.problems!.slice(0, 10).flatMap((id) => {
                const entry = Object.hasOwn(pack.problems, id) ? pack.problems[id as ProblemId] : undefined;
                return entry === undefined ? [] : [{ title: entry.title, steps: composeSteps(entry.steps, packPlatform(pack, platformId)?.remedies[id as ProblemId]) }];
              }),
            }
          : { status: status === 'running' ? 'running' : status === 'impossible' ? 'impossible' : 'failed' };
      for (const live of hints.values()) live.showCheck(view);
    });
  });
  browser.runtime.onMessage.addListener(onCheck);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onCheck));

  if (document.readyState === 'loading') {
    ctx.addEventListener(document, 'DOMContentLoaded', () => requestIdle(initialScan), { once: true });
  } else {
    requestIdle(initialScan);
  }
}

function requestIdle(callback: () => void, timeout = 300): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout });
  else setTimeout(callback, 0);
}
