import type { ProblemId } from '../core/problem-ids';

/** Engines every platform supports today: Chromium from 100 (Chrome, Yandex, Edge, Chromium-Gost), Firefox from 115. */
const SUPPORTED = [/(?:Chrome|Chromium)\/(\d+)/, 100] as const;
const SUPPORTED_FIREFOX = [/Firefox\/(\d+)/, 115] as const;

/**
 * «Браузер не поддерживается» shown to a browser that is supported is the platform sniffing the user
 * agent string, not the computer: `platform-browser-check-false` instead of `browser-unsupported`.
 */
export function problemForBrowser(problem: ProblemId, userAgent: string): ProblemId {
  if (problem !== 'browser-unsupported') return problem;
  const major = (rule: readonly [RegExp, number]): boolean => Number(rule[0].exec(userAgent)?.[1] ?? 0) >= rule[1];
  return major(SUPPORTED) || major(SUPPORTED_FIREFOX) ? 'platform-browser-check-false' : problem;
}
