import path from 'node:path';
import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { ensureBuilt } from '../../scripts/lib/build.mjs';
import { launchWithExtension, newTrackedPage, tabFindings } from '../../scripts/lib/chromium.mjs';
import { servePage } from '../../scripts/lib/serve.mjs';
import { ROOT } from '../helpers/shared';

export interface Session {
  browser: Browser;
  worker: WebWorker;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension. Headless Chromium always reports an en-US UI, so Russian, the
 * default language, is chosen the way a user would in the popup: the `settings:lang` choice.
 */
export async function startSession(lang: 'ru' | 'en' | 'auto' = 'ru'): Promise<Session> {
  ensureBuilt();
  const session = await launchWithExtension();
  await session.worker.evaluate((value: string) => chrome.storage.local.set({ 'settings:lang': value }), lang);
  return session;
}

/** Opens `html` served under `url` in a new tab; returns the page and its tab id. */
export async function openHtml(session: Session, url: string, html: string): Promise<{ page: Page; tabId: number }> {
  const opened = await newTrackedPage(session.browser, session.worker);
  await servePage(opened.page, path.join(ROOT, 'tests/e2e/no-siblings/inline.html'), url, html);
  await opened.page.goto(url, { waitUntil: 'load' });
  return opened;
}

export async function findingsOf(session: Session, tabId: number): Promise<{ pageUrl: string; platformId: string | null; findings: { problem: string; source: string; excerpt: string; code?: string; frameUrl?: string }[] } | null> {
  return tabFindings(session.worker, tabId);
}

/** Polls until `read` gives a truthy value (or the time is up, then returns the last value). */
export async function until<T>(read: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!value && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

/**
 * Text of our hints, read through the DevTools protocol: they live in closed shadow roots that page
 * scripts (and puppeteer's selectors) cannot enter, which is the point.
 */
export async function hintTexts(page: Page, tag = 'ep-doctor-hint'): Promise<string[]> {
  const cdp = await page.createCDPSession();
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const texts: string[] = [];
    const visit = (node: DomNode, inside: boolean): void => {
      const here = inside || node.localName === tag;
      if (here && node.nodeType === 3) texts.push(node.nodeValue ?? '');
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) {
        visit(child, here && node.localName !== 'style');
      }
      if (node.localName === tag) texts.push('\u0000');
    };
    visit(root, false);
    return texts.join(' ').split('\u0000').map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
  } finally {
    await cdp.detach();
  }
}

/**
 * Clicks the button labelled `label` inside our hint (closed shadow root) with the mouse, as a user
 * would: the click is trusted, which «Проверить» requires before it starts a check.
 */
export async function clickInHint(page: Page, label: string, tag = 'ep-doctor-hint', how: { trusted: boolean } = { trusted: true }): Promise<boolean> {
  const cdp = await page.createCDPSession();
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    let target: DomNode | null = null;
    const visit = (node: DomNode, inside: boolean): void => {
      const here = inside || node.localName === tag;
      if (here && node.localName === 'button' && (node.children ?? []).some((c) => c.nodeValue?.trim() === label)) target ??= node;
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) visit(child, here);
    };
    visit(root, false);
    if (target === null) return false;
    const backendNodeId = (target as DomNode).backendNodeId;
    if (!how.trusted) {
      // What a script could do if it reached the button: element.click(), an untrusted event.
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId })) as { object: { objectId: string } };
      await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { this.click(); }' });
      return true;
    }
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as { model: { content: number[] } };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    return true;
  } finally {
    await cdp.detach();
  }
}

interface DomNode {
  backendNodeId?: number;
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}
