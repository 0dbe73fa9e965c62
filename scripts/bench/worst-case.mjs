// @ts-check
import { bigPage } from './big-page.mjs';
import { median } from './stats.mjs';

/** Sizes in characters, as the unit test counts «1 MB». */
const MB = 1_000_000;
/** Timed runs per input and size, after one warm-up run: an odd number, so each median is a real run. */
const RUNS = 7;
/** The content script's own limit on signals read per scan (src/content/scanner.ts MAX_SIGNALS). */
const LIMIT = 2000;
/**
 * Inputs that take less than this share of the worst input's time are left out of the growth row:
 * their sub-millisecond times make 2 MB / 1 MB ratios of noise, and a pattern that is superlinear
 * already costs more than that at 1 MB.
 */
const GROWTH_SHARE = 0.1;

/**
 * The one place that knows how detectors are compiled: every generic and every platform text signal
 * in one matcher, as the content script builds it for a page of all platforms at once.
 * @returns {Promise<{ find: (text: string) => unknown, signals: readonly { text: string }[] }>}
 */
async function allSignalsMatcher() {
  const { createMatcher } = await import('../../src/detectors/matcher.ts');
  const { GENERIC_TEXT_SIGNALS } = await import('../../src/detectors/text-signals.ts');
  const { PLATFORM_MATCHES } = await import('../../src/platforms/index.ts');
  const signals = [...GENERIC_TEXT_SIGNALS, ...PLATFORM_MATCHES.flatMap((p) => p.texts)];
  const matcher = createMatcher(signals);
  return { find: (text) => matcher.find(text, LIMIT), signals };
}

/**
 * The crafted worst cases of tests/unit/detectors/worst-case.test.ts, rebuilt here at any size: each
 * pattern's own beginning repeated with the whitespace and punctuation its quantifiers accept, never
 * completed; the code patterns' seeds (there run on each pattern alone, here through the whole matcher);
 * and every text signal cut before its last word.
 * @param {readonly { text: string }[]} signals
 * @param {number} size
 * @returns {{ name: string, text: string }[]}
 */
function crafted(signals, size) {
  const fill = (/** @type {string} */ seed) => seed.repeat(Math.ceil(size / seed.length)).slice(0, size);
  const cases = [
    { name: '«код» then a megabyte of spaces (the reported ReDoS)', text: `код 12345678 z код${' '.repeat(size)}` },
    { name: '«код ошибки» repeated with spaces and colons', text: fill('код ошибки :  - ') },
    { name: '«code error» repeated', text: fill('code error # ') },
    { name: 'hex-looking digits without a prefix', text: fill('0x8009200 ') },
    { name: 'minus signs and long numbers', text: fill('-214688562 ') },
    { name: '«(0x» repeated', text: fill('(0x(0x(0x') },
  ];
  const codeSeeds = [`код 12345678 z код${' '.repeat(2000)}`, `code error${'\t'.repeat(500)}`, 'код code ошибки error : = # № - ( 0x -2 ', `0x${' '.repeat(100)}`, `-${'1'.repeat(9)} `];
  codeSeeds.forEach((seed, i) => cases.push({ name: `code-pattern seed ${i}`, text: fill(seed) }));
  for (const { text } of signals) {
    const words = text.split(/\s+/);
    const start = words.length > 1 ? words.slice(0, -1).join('   ') : text.slice(0, -1);
    cases.push({ name: `«${text}» cut before its last word`, text: fill(`${start}     `) });
  }
  return cases;
}

/**
 * The registry page's text as the content script reads it (tags dropped, text nodes joined), cut to `size`.
 * @param {number} size
 */
function ordinaryText(size) {
  const html = bigPage();
  const body = html.slice(html.indexOf('<body>'));
  const text = body.replace(/<[^>]*>/g, '');
  if (text.length < size) throw new Error(`the registry page has ${text.length} characters of text, fewer than ${size}`);
  return text.slice(0, size);
}

/**
 * Times `find` on the 1 MB and the 2 MB text of one input, alternating in ABBA order so that a busy
 * spell of the shared machine falls on both sizes: the median time of each, and the median of the
 * paired 2 MB / 1 MB ratios. One warm-up run of each first (the regex's compiled code, the strings).
 * @param {(text: string) => unknown} find
 * @param {string} one
 * @param {string} two
 */
function timePair(find, one, two) {
  find(one);
  find(two);
  const time = (/** @type {string} */ text) => {
    const start = performance.now();
    find(text);
    return performance.now() - start;
  };
  /** @type {number[]} */
  const ms1 = [];
  /** @type {number[]} */
  const ms2 = [];
  for (let run = 0; run < RUNS; run++) {
    if (run % 2 === 0) {
      ms1.push(time(one));
      ms2.push(time(two));
    } else {
      ms2.push(time(two));
      ms1.push(time(one));
    }
  }
  return { ms1: median(ms1), ms2: median(ms2), ratio: median(ms2.map((t, i) => t / /** @type {number} */ (ms1[i]))) };
}

/**
 * Worst-case input cost of the detectors (issue 17, plan 0f), in Node: every crafted input at 1 MB and
 * at 2 MB through the matcher of all signals, against an ordinary 1 MB of registry text. The growth
 * row tells a linear pattern (× 2) from a superlinear one (× 4 for quadratic).
 * @returns {Promise<import('./table.mjs').Figure[]>}
 */
export async function worstCaseFigures() {
  const { find, signals } = await allSignalsMatcher();
  const one = crafted(signals, MB);
  const two = crafted(signals, 2 * MB);
  const rows = one.map((c, i) => {
    return { name: c.name, ...timePair(find, c.text, /** @type {{ text: string }} */ (two[i]).text) };
  });
  const ordinary = ordinaryText(MB);
  // The floor runs in the same alternation as the crafted inputs (its 2 MB half is the next 1 MB of text).
  const ordinaryMs = timePair(find, ordinary, ordinaryText(2 * MB)).ms1;
  const worst = rows.reduce((a, b) => (b.ms1 > a.ms1 ? b : a));
  const weighty = rows.filter((r) => r.ms1 >= worst.ms1 * GROWTH_SHARE);
  const steepest = weighty.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  return [
    {
      name: 'worst-case input, 1 MB, all detector patterns',
      value: worst.ms1,
      unit: 'ms',
      budget: 30,
      floor: ordinaryMs,
      floorLabel: 'ordinary 1 MB',
      detail:
        `Node ${process.versions.node}, median of ${RUNS} runs after a warm-up, 1 MB and 2 MB alternating, ${rows.length} crafted inputs; worst: ${worst.name} — ${worst.ms1.toFixed(1)} ms at 1 MB, ${worst.ms2.toFixed(1)} ms at 2 MB (× ${worst.ratio.toFixed(2)}); ` +
        `the floor is 1 MB of the registry page's text`,
    },
    {
      name: 'worst-case growth 2 MB / 1 MB',
      value: steepest.ratio,
      unit: '×',
      budget: 2.3,
      floor: null,
      floorLabel: null,
      detail: `largest median of paired 2 MB / 1 MB time ratios among the ${weighty.length} inputs that take at least ${GROWTH_SHARE * 100} % of the worst one's time: ${steepest.name} (${steepest.ms1.toFixed(1)} → ${steepest.ms2.toFixed(1)} ms); linear is × 2, quadratic × 4`,
    },
  ];
}
