import { CODE_PROBLEMS } from './code-signals';
import { compileDetector } from './compile-detector';
import { matcherFromCompiled } from './compiled-detector';
import type { Matcher } from './signal';
import type { TextSignal } from './text-signals';

export { withoutGenericBesideSpecific, type Matcher, type Signal } from './signal';

/**
 * A matcher for these texts and every code form, compiled here. Content scripts never call this: they
 * get the compiled detector from storage (detect-pack.ts), so their bundle holds no signal text.
 */
export function createMatcher(texts: readonly TextSignal[]): Matcher {
  return matcherFromCompiled(compileDetector(texts), CODE_PROBLEMS);
}
