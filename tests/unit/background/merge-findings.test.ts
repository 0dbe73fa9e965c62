import { describe, expect, it } from 'vitest';
import { badgeFor, mergeFindings } from '@/src/background/merge-findings';
import type { Finding } from '@/src/core/messages';

const finding = (problem: Finding['problem'], excerpt: string = problem): Finding => ({ problem, source: 'text', excerpt, at: 1 });

describe('mergeFindings', () => {
  it('keeps one finding per problem, the first evidence winning', () => {
    const first = mergeFindings(null, 'https://a.ru/', 'eis', [finding('cert-expired', 'первый')], 10);
    const second = mergeFindings(first, null, 'eis', [finding('cert-expired', 'второй'), finding('pin-wrong')], 20);
    expect(second.findings.map((f) => [f.problem, f.excerpt])).toEqual([
      ['cert-expired', 'первый'],
      ['pin-wrong', 'pin-wrong'],
    ]);
    expect(second.pageUrl).toBe('https://a.ru/');
    expect(second.updatedAt).toBe(20);
  });

  it('takes the top frame URL when the top frame reports, not a sub-frame', () => {
    const fromFrame = mergeFindings(null, null, 'eis', [finding('pin-wrong')], 1);
    expect(fromFrame.pageUrl).toBe('');
    expect(mergeFindings(fromFrame, 'https://zakupki.gov.ru/x', 'eis', [], 2).pageUrl).toBe('https://zakupki.gov.ru/x');
  });
});

describe('badgeFor', () => {
  it('is empty without findings', () => expect(badgeFor(null).text).toBe(''));
  it('counts problems and takes the colour of the worst', () => {
    const record = mergeFindings(null, 'u', null, [finding('user-cancelled'), finding('cert-expiring-soon')], 1);
    expect(badgeFor(record)).toEqual({ text: '2', color: '#e08a00' });
    expect(badgeFor(mergeFindings(record, null, null, [finding('cert-expired')], 2)).color).toBe('#c62828');
  });
});
