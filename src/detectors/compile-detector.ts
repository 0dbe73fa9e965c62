import { CODE_SOURCES } from './code-signals';
import { CODE_SLOTS, type CompiledDetector } from './compiled-detector';
import { MAX_GAP, MAX_SPACES, patternTokens } from './compile-pattern';
import type { TextSignal } from './text-signals';

/** The longest letter run of a signal text, lower-cased; е and ё match each other. */
export function triggerOf(text: string): string {
  const words = text.toLowerCase().split(/[^a-zа-яё0-9]+/i);
  const longest = words.reduce((best, word) => (word.length > best.length ? word : best), '');
  return longest.replace(/[её]/g, '[её]');
}

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * The trigger words as one trie-shaped alternation (`с(?:[её]ртификат|…)`): the regex engine tries one
 * branch per first letter instead of every word at every position — half the cost of the flat
 * alternation on a 2 MB page. A word that is a prefix of another ends the match early, which is all a
 * trigger needs.
 */
export function triggerTrie(words: readonly string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const word of words) {
    let node = root;
    for (const token of word.match(/\[её\]|[^]/g) ?? []) {
      let child = node.next.get(token);
      if (child === undefined) node.next.set(token, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    if (node.end) return '';
    // Tokens are letters, digits or `[её]` (triggerOf): nothing to escape.
    const branches = [...node.next].map(([token, child]) => token + emit(child));
    return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  };
  return emit(root);
}

interface SignalNode {
  /** In the order signals were added: a signal ending here (its slot), or the next piece. */
  entries: ({ slot: string } | { token: string; node: SignalNode })[];
}

/**
 * The text signals as one alternation factored by their common beginnings
 * (`с[её]ртификат\s{0,40}(?:н[её]\s{0,40}…()|отозван()|…)`): where a page repeats the beginning of many
 * signals, the engine reads it once instead of once per signal. Each signal ends in an empty capture
 * group; `slots` lists their meanings in the order of the groups. Among signals that match at the same
 * place, the one added first still wins.
 */
function signalAlternation(texts: readonly TextSignal[]): { source: string; slots: string[] } {
  const root: SignalNode = { entries: [] };
  for (const signal of texts) {
    let node = root;
    for (const token of patternTokens(signal.text)) {
      let next = node.entries.find((e): e is { token: string; node: SignalNode } => 'token' in e && e.token === token)?.node;
      if (next === undefined) node.entries.push({ token, node: (next = { entries: [] }) });
      node = next;
    }
    node.entries.push({ slot: signal.problem });
  }
  const slots: string[] = [];
  const emit = (node: SignalNode): string => {
    const branches = node.entries.map((entry) => {
      if ('slot' in entry) {
        slots.push(entry.slot);
        return '()';
      }
      return entry.token + emit(entry.node);
    });
    return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  };
  const source = root.entries.length === 0 ? '' : emit(root);
  return { source, slots };
}

/** Codes: `0x…`, a word followed by a hex code, or a signed decimal. */
const CODE_TRIGGERS = ['0x[0-9a-f]{8}', '(?:код|code)[^0-9a-f]{0,30}[0-9a-f]{8}', '-[12][0-9]{9}'];

/**
 * Compiles texts (and the code forms) for matcherFromCompiled. Runs in the background, which stores
 * the result for content scripts (detect-pack.ts), and in tests, which compile exactly the same.
 */
export function compileDetector(texts: readonly TextSignal[]): CompiledDetector {
  const signals = signalAlternation(texts);
  const sources = signals.source === '' ? [] : [signals.source];
  // The code sources carry their own capture group; wrap without capturing to keep one group each.
  const codeKeys = CODE_SLOTS.map((slot) => slot.slice(1) as keyof typeof CODE_SOURCES);
  for (const key of codeKeys) sources.push(`(?:${CODE_SOURCES[key]})`);
  const triggers = [...new Set(texts.map((s) => triggerOf(s.text)))].filter((t) => t.length > 0);
  // A match begins at most its own length before its trigger: its characters, up to MAX_SPACES per
  // space, MAX_GAP per gap (…); codes need 60 characters of context before them.
  const longest = (s: TextSignal): number => s.text.length + (s.text.match(/\s+/g)?.length ?? 0) * MAX_SPACES + (s.text.match(/…|\.\.\./g)?.length ?? 0) * MAX_GAP;
  return {
    source: sources.join('|'),
    slots: [...signals.slots, ...CODE_SLOTS],
    triggers: [...(triggers.length > 0 ? [triggerTrie(triggers)] : []), ...CODE_TRIGGERS].join('|'),
    reach: Math.max(120, ...texts.map(longest)),
  };
}
