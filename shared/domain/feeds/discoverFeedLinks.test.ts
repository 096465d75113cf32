import { describe, expect, it } from 'vitest';
import { discoverFeedLinks } from './discoverFeedLinks';

const WORDPRESS_HEAD = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<title>Evidence Notes &#8211; a cardiology blog</title>
<!-- <link rel="alternate" type="application/rss+xml" href="/old-feed/"> -->
<script type="text/javascript">
  var tpl = '<link rel="alternate" type="application/rss+xml" href="/from-script/">';
</script>
<link rel='dns-prefetch' href='//fonts.googleapis.com' />
<link rel="alternate" type="application/rss+xml" title="Evidence Notes &raquo; Comments Feed" href="https://evidencenotes.example/comments/feed/" />
<link rel="alternate" type="application/rss+xml" title="Evidence Notes &raquo; Feed" href="https://evidencenotes.example/feed/" />
<link rel="https://api.w.org/" href="https://evidencenotes.example/wp-json/" />
<link rel="alternate" title="JSON" type="application/json" href="https://evidencenotes.example/wp-json/wp/v2/posts/12" />
</head>
<body><p>Posts…</p></body></html>`;

describe('discoverFeedLinks', () => {
  it('finds a WordPress blog’s feeds, its own feed before its comments, ignoring comments and scripts', () => {
    expect(
      discoverFeedLinks(WORDPRESS_HEAD, 'https://evidencenotes.example/2024/01/post/'),
    ).toEqual([
      {
        url: 'https://evidencenotes.example/feed/',
        format: 'rss',
        title: 'Evidence Notes » Feed',
      },
      {
        url: 'https://evidencenotes.example/wp-json/wp/v2/posts/12',
        format: 'json',
        title: 'JSON',
      },
      {
        url: 'https://evidencenotes.example/comments/feed/',
        format: 'rss',
        title: 'Evidence Notes » Comments Feed',
      },
    ]);
  });

  it('reads a Mastodon profile page: single quotes, attributes in any order, no title', () => {
    const html = `<html><head><link href='https://med.social/@drkim.rss' rel='alternate' type='application/rss+xml'><link href='https://med.social/@drkim' rel='alternate' type='application/activity+json'></head></html>`;
    expect(discoverFeedLinks(html, 'https://med.social/@drkim')).toEqual([
      { url: 'https://med.social/@drkim.rss', format: 'rss', title: null },
    ]);
  });

  it('resolves relative addresses against <base href>, even for links that come before it', () => {
    const html = `<HEAD>
      <LINK REL="Alternate" TYPE="Application/Atom+XML; charset=utf-8" HREF="atom.xml">
      <base href="/journal/current/">
      <link rel=alternate type=application/feed+json href=../feed.json?fmt=1&amp;v=2>
    </HEAD>`;
    expect(discoverFeedLinks(html, 'https://journal.example/toc/index.html')).toEqual([
      { url: 'https://journal.example/journal/current/atom.xml', format: 'atom', title: null },
      { url: 'https://journal.example/journal/feed.json?fmt=1&v=2', format: 'json', title: null },
    ]);
  });

  it('resolves against the page address when there is no base, and skips duplicates and bad schemes', () => {
    const html = `<link rel="alternate feed" type="application/rss+xml" href="rss.xml">
      <link rel="alternate" type="application/rss+xml" href="./rss.xml#top">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="stylesheet" type="text/css" href="site.css">
      <link rel="alternate" hreflang="fr" href="/fr/">`;
    expect(discoverFeedLinks(html, 'https://substack.example/p/a-post?s=r')).toEqual([
      { url: 'https://substack.example/p/rss.xml', format: 'rss', title: null },
    ]);
  });

  it('finds nothing in a page without feed links, in broken markup or in plain text', () => {
    expect(
      discoverFeedLinks('<html><head><title>x</title></head></html>', 'https://a.example/'),
    ).toEqual([]);
    // A tag cut off by the end of the page is dropped, as a browser drops it.
    expect(
      discoverFeedLinks(
        '<link rel="alternate" type="application/rss+xml" href="/x',
        'https://a.example/',
      ),
    ).toEqual([]);
    expect(
      discoverFeedLinks(
        '<title><link rel="alternate" type="application/rss+xml" href="/t">',
        'https://a.example/',
      ),
    ).toEqual([]);
    expect(discoverFeedLinks('just text < and > signs', 'https://a.example/')).toEqual([]);
  });

  it('ignores links a browser never makes live: in noscript, template and textarea', () => {
    const html = `<head>
      <noscript><link rel="alternate" type="application/rss+xml" href="/noscript.xml"></noscript>
      <template><link rel="alternate" type="application/rss+xml" href="/template.xml"></template>
      </head><body><textarea><link rel="alternate" type="application/rss+xml" href="/text.xml"></textarea>
      <link rel="alternate" type="application/rss+xml" href="/live.xml"></body>`;
    expect(discoverFeedLinks(html, 'https://a.example/')).toEqual([
      { url: 'https://a.example/live.xml', format: 'rss', title: null },
    ]);
  });

  it('writes addresses as a browser does: punycode hosts, dot segments and backslashes resolved', () => {
    const html = `<link rel="alternate" type="application/atom+xml" href="https://Bücher.example/a/../atom.xml">
      <link rel="alternate" type="application/rss+xml" href="\\rss\\feed.xml">`;
    expect(discoverFeedLinks(html, 'https://bücher.example/blog/')).toEqual([
      { url: 'https://xn--bcher-kva.example/atom.xml', format: 'atom', title: null },
      { url: 'https://xn--bcher-kva.example/rss/feed.xml', format: 'rss', title: null },
    ]);
  });

  it('decodes every HTML character reference in a feed’s title', () => {
    const html = `<link rel="alternate" type="application/rss+xml" href="/fr.xml" title="Revue m&eacute;dicale &laquo;&#x202F;Flux&#8239;&raquo; &amp; co">`;
    expect(discoverFeedLinks(html, 'https://revue.example/')).toEqual([
      {
        url: 'https://revue.example/fr.xml',
        format: 'rss',
        title: 'Revue médicale « Flux » & co',
      },
    ]);
  });
});
