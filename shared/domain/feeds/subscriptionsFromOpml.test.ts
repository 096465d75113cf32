import { describe, expect, it } from 'vitest';
import type { OpmlOutline } from './OpmlOutline';
import { subscriptionsFromOpml } from './subscriptionsFromOpml';

function outline(attributes: Record<string, string>, children: OpmlOutline[] = []): OpmlOutline {
  return { attributes, children };
}

const feed = (text: string, xmlUrl: string, extra: Record<string, string> = {}) =>
  outline({ type: 'rss', text, xmlUrl, ...extra });

describe('subscriptionsFromOpml', () => {
  it('turns nested folders into folder paths, outermost first', () => {
    const { subscriptions } = subscriptionsFromOpml([
      feed('Top', 'https://top.example/rss'),
      outline({ text: 'Cardiology' }, [
        feed('Circulation', 'https://circ.example/rss'),
        outline({ title: 'Heart failure' }, [feed('HF', 'https://hf.example/rss')]),
      ]),
    ]);
    expect(subscriptions.map((s) => [s.title, s.folder])).toEqual([
      ['Top', []],
      ['Circulation', ['Cardiology']],
      ['HF', ['Cardiology', 'Heart failure']],
    ]);
  });

  it('reads titles, normalised addresses, site addresses and categories as tags', () => {
    const { subscriptions } = subscriptionsFromOpml([
      outline({
        text: 'The Journal',
        title: 'Ignored when text is present',
        xmlurl: 'HTTPS://Journal.Example:443/feed#top',
        htmlUrl: 'https://journal.example/',
        category: '/Trials, /Boston/Weather,trials,,',
      }),
    ]);
    expect(subscriptions).toEqual([
      {
        title: 'The Journal',
        url: 'https://journal.example/feed',
        siteUrl: 'https://journal.example/',
        folder: [],
        tags: ['Trials', 'Boston/Weather'],
        refreshIntervalMinutes: null,
      },
    ]);
  });

  it('falls back to the title attribute, then to the address, for a name', () => {
    const { subscriptions } = subscriptionsFromOpml([
      outline({ title: 'Only a title', xmlUrl: 'https://a.example/rss' }),
      outline({ xmlUrl: 'https://b.example/rss' }),
    ]);
    expect(subscriptions.map((s) => s.title)).toEqual(['Only a title', 'https://b.example/rss']);
  });

  it('lists unusable feed outlines with a reason and keeps the first of a repeated feed', () => {
    const result = subscriptionsFromOpml([
      feed('Gopher', 'gopher://old.example/feed'),
      feed('First', 'https://same.example/rss'),
      outline({ text: 'Elsewhere' }, [feed('Second', 'https://SAME.example/rss')]),
      outline({ type: 'link', text: 'A web page', url: 'https://page.example/' }),
      outline({ text: 'An empty folder' }),
    ]);
    expect(result.subscriptions.map((s) => s.title)).toEqual(['First']);
    expect(result.skipped).toEqual([
      { title: 'Gopher', reason: expect.stringContaining('http or https') },
      { title: 'Second', reason: expect.stringContaining('more than once') },
      { title: 'A web page', reason: expect.stringContaining('no feed address') },
    ]);
  });

  it('keeps folder paths, titles and tags within what feeds.update accepts', () => {
    let nested = feed('Deep', 'https://deep.example/rss');
    for (let level = 12; level >= 1; level--) nested = outline({ text: `L${level}` }, [nested]);
    const long = 'x'.repeat(400);
    const { subscriptions } = subscriptionsFromOpml([
      nested,
      feed(long, 'https://long.example/rss', { category: `${'t'.repeat(80)},ok` }),
    ]);
    expect(subscriptions[0]?.folder).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8']);
    expect(subscriptions[1]?.title).toHaveLength(300);
    expect(subscriptions[1]?.tags).toEqual(['t'.repeat(60), 'ok']);
  });

  it('accepts only a sensible refresh interval', () => {
    const { subscriptions } = subscriptionsFromOpml([
      feed('Two hours', 'https://a.example/rss', { refreshIntervalMinutes: '120' }),
      feed('Every minute', 'https://b.example/rss', { refreshIntervalMinutes: '1' }),
      feed('Nonsense', 'https://c.example/rss', { refreshIntervalMinutes: '2h' }),
    ]);
    expect(subscriptions.map((s) => s.refreshIntervalMinutes)).toEqual([120, null, null]);
  });
});
