import { describe, expect, it } from 'vitest';
import { hostMatches, matchPatterns, platformForUrl } from '@/src/platforms/match-url';
import { PLATFORM_MATCHES } from '@/src/platforms';

describe('host patterns', () => {
  it.each([
    ['*.sberbank-ast.ru', 'sberbank-ast.ru', true],
    ['*.sberbank-ast.ru', 'utp.sberbank-ast.ru', true],
    ['*.sberbank-ast.ru', 'UTP.Sberbank-AST.ru.', true],
    ['*.sberbank-ast.ru', 'evil-sberbank-ast.ru', false],
    ['*.sberbank-ast.ru', 'sberbank-ast.ru.evil.com', false],
    ['lkul.nalog.ru', 'lkul.nalog.ru', true],
    ['lkul.nalog.ru', 'www.nalog.ru', false],
  ])('%s vs %s → %s', (pattern, host, expected) => expect(hostMatches(pattern, host)).toBe(expected));
});

describe('platformForUrl', () => {
  it('ignores other schemes and bad URLs', () => {
    expect(platformForUrl(PLATFORM_MATCHES, 'ftp://www.sberbank-ast.ru/')).toBeNull();
    expect(platformForUrl(PLATFORM_MATCHES, 'not a url')).toBeNull();
    expect(platformForUrl(PLATFORM_MATCHES, 'https://example.org/?u=https://www.sberbank-ast.ru/')).toBeNull();
  });

  it('makes one match pattern per host pattern', () => {
    expect(matchPatterns([{ id: 'x', hosts: ['*.a.ru', 'b.ru'], texts: [] }])).toEqual(['*://*.a.ru/*', '*://b.ru/*']);
  });

  it('no two platforms claim the same host', () => {
    for (const a of PLATFORM_MATCHES) {
      for (const b of PLATFORM_MATCHES) {
        if (a === b) continue;
        for (const pattern of a.hosts) {
          const host = pattern.replace(/^\*\./, '');
          expect(b.hosts.some((other) => hostMatches(other, host)), `${a.id} ${pattern} overlaps ${b.id}`).toBe(false);
        }
      }
    }
  });
});
