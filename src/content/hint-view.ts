import { el } from '../core/dom-el';
import { fill } from '../core/i18n/fill';
import type { HintStyle } from '../core/hint-style';
import type { HintUi, HintUiKey } from '../core/i18n';
import type { Lang } from '../core/localized';
import type { Severity } from '../core/problem-ids';

export interface HintModel {
  lang: Lang;
  ui: HintUi;
  style: HintStyle;
  severity: Severity;
  title: string;
  explanation: string;
  steps: readonly string[];
  links: readonly { title: string; url: string }[];
  platformName: string | null;
  code?: string | undefined;
  /** Text of a window.alert/confirm the hint explains. */
  dialogText?: string | undefined;
}

/** What a check reported, worded from the hint pack: the causes (most severe first) and their steps. */
export type CheckView = { status: 'running' | 'failed' | 'impossible' } | { status: 'done'; causes: readonly { title: string; steps: readonly string[] }[] };

export interface HintCard {
  card: HTMLElement;
  showCheck(view: CheckView): void;
}

/** Steps shown before «Проверить» expands the hint. */
const FIRST_STEPS = 3;

/** The card: what the problem means here and what to do; «Проверить» runs the check (`onCheck`). */
export function buildHintCard(doc: Document, model: HintModel, onDismiss: () => void, onCheck: () => void): HintCard {
  const { lang } = model;
  const say = (key: HintUiKey, params?: Record<string, string | number>): string => fill(model.ui[key], params);
  let expanded = false;
  const stepsList = el(doc, 'ol', {});
  const more = el(doc, 'p', { class: 'more' });
  const links = el(doc, 'p', { class: 'links' });
  const check = el(doc, 'button', { class: 'primary', type: 'button', 'aria-expanded': 'false' });
  const verdict = el(doc, 'div', { class: 'check', 'aria-live': 'polite' });
  let steps = model.steps;
  let checked = false;

  const render = (): void => {
    const shown = expanded ? steps : steps.slice(0, FIRST_STEPS);
    stepsList.replaceChildren(...shown.map((step) => el(doc, 'li', {}, step)));
    const hidden = steps.length - shown.length;
    more.hidden = hidden === 0;
    more.textContent = hidden > 0 ? say('hintMoreSteps', { n: hidden }) : '';
    links.hidden = !expanded || model.links.length === 0;
    links.replaceChildren(
      `${say('hintLinks')}: `,
      ...model.links.filter((link) => /^https?:\/\//.test(link.url)).map((link) => el(doc, 'a', { href: link.url, target: '_blank', rel: 'noopener noreferrer' }, link.title)),
    );
    check.textContent = say(checked ? 'hintCheckAgain' : 'hintCheck');
    check.setAttribute('aria-expanded', String(expanded));
  };
  check.addEventListener('click', (event) => {
    expanded = true;
    render();
    // Only the user starts a check: a page cannot click for them.
    if (event.isTrusted) onCheck();
  });

  const close = el(doc, 'button', { class: 'close', type: 'button', 'aria-label': say('hintDismissLabel'), title: say('hintDismissLabel') }, '×');
  const hide = el(doc, 'button', { class: 'secondary', type: 'button' }, say('hintDismiss'));
  close.addEventListener('click', onDismiss);
  hide.addEventListener('click', onDismiss);

  const card = el(
    doc,
    'section',
    { class: 'card', 'data-severity': model.severity, role: model.severity === 'error' ? 'alert' : 'note', 'aria-label': say('hintLabel'), lang },
    el(doc, 'div', { class: 'head' }, el(doc, 'span', { class: 'brand' }, say('brand')), model.platformName !== null && say('hintPlatform', { platform: model.platformName }), close),
    el(doc, 'p', { class: 'title' }, model.title),
    el(doc, 'p', { class: 'text' }, model.explanation),
    model.dialogText !== undefined && el(doc, 'p', { class: 'meta' }, say('hintDialogSource', { text: model.dialogText })),
    model.code !== undefined && el(doc, 'p', { class: 'meta' }, say('hintCode', { code: model.code })),
    verdict,
    el(doc, 'p', { class: 'todo' }, say('hintWhatToDo')),
    stepsList,
    more,
    links,
    el(doc, 'div', { class: 'actions' }, check, hide),
  );
  render();
  const showCheck = (view: CheckView): void => {
    check.toggleAttribute('disabled', view.status === 'running');
    if (view.status !== 'done') {
      verdict.replaceChildren(el(doc, 'p', {}, say(view.status === 'running' ? 'hintChecking' : view.status === 'impossible' ? 'hintCheckImpossible' : 'hintCheckFailed')));
      return;
    }
    checked = true;
    const [first] = view.causes;
    verdict.replaceChildren(
      el(doc, 'p', {}, say(first === undefined ? 'hintCheckClean' : 'hintCheckFound')),
      ...view.causes.slice(0, 3).map((cause) => el(doc, 'p', { class: 'title' }, cause.title)),
    );
    // The checked cause's remedy replaces the generic one the page text suggested.
    if (first !== undefined) steps = first.steps;
    render();
  };
  return { card, showCheck };
}

/** Custom element names: a page cannot style what sits inside their closed shadow roots. */
export const HINT_TAG = 'ep-doctor-hint';
export const STACK_TAG = 'ep-doctor-cards';

function shadowHost(doc: Document, tag: string, hostStyle: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute('style', hostStyle);
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = doc.createElement('style');
  sheet.textContent = css;
  root.append(sheet);
  return { host, root };
}

/** Mounts a hint right after `anchor`. */
export function mountInlineHint(anchor: Element, card: HTMLElement, style: HintStyle): HTMLElement {
  const { host, root } = shadowHost(anchor.ownerDocument, HINT_TAG, style.inlineHost, style.sheet);
  root.append(card);
  anchor.after(host);
  return host;
}

/** The corner stack for hints without a place on the page: alerts, and hints whose message was removed. */
export function createCornerStack(doc: Document, style: HintStyle): { add(card: HTMLElement): void; host: HTMLElement } {
  const { host, root } = shadowHost(doc, STACK_TAG, style.cornerHost, style.sheet);
  const stack = doc.createElement('div');
  stack.className = 'stack';
  root.append(stack);
  return {
    host,
    add(card) {
      stack.append(card);
      if (!host.isConnected) (doc.body ?? doc.documentElement).append(host);
    },
  };
}
