import { describe, expect, it } from 'vitest';
import { resolveUrlReference } from './resolveUrlReference';

describe('resolveUrlReference', () => {
  const base = 'https://journal.example/a/b/page.html?q=1#frag';

  it('resolves references the way a browser resolves an href', () => {
    const cases: [string, string][] = [
      ['feed.xml', 'https://journal.example/a/b/feed.xml'],
      ['./feed.xml', 'https://journal.example/a/b/feed.xml'],
      ['../feed.xml', 'https://journal.example/a/feed.xml'],
      ['../../../../feed.xml', 'https://journal.example/feed.xml'],
      ['/rss', 'https://journal.example/rss'],
      ['//cdn.example/x/../y', 'https://cdn.example/y'],
      ['?page=2', 'https://journal.example/a/b/page.html?page=2'],
      ['#top', 'https://journal.example/a/b/page.html?q=1'],
      ['HTTP://Other.example/feed', 'http://other.example/feed'],
      ['..\\rss', 'https://journal.example/a/rss'],
      ['//bücher.example/a/../feed', 'https://xn--bcher-kva.example/feed'],
      ['', 'https://journal.example/a/b/page.html?q=1'],
      ['sub/', 'https://journal.example/a/b/sub/'],
    ];
    for (const [reference, expected] of cases) {
      expect(resolveUrlReference(reference, base), reference).toBe(expected);
    }
    expect(resolveUrlReference('feed', 'https://host.example')).toBe('https://host.example/feed');
  });

  it('needs an absolute base', () => {
    expect(resolveUrlReference('feed.xml', '/relative/base')).toBeNull();
  });
});
