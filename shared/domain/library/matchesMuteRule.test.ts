import { describe, expect, it } from 'vitest';
import { matchesMuteRule, mutePhraseOf, type MutableItemText } from './matchesMuteRule';
import { searchableText } from './searchableText';

const item: MutableItemText = {
  feedId: 'cardiology',
  title: searchableText('Colchicine after myocardial infarction'),
  everything: searchableText(
    'Colchicine after myocardial infarction',
    'Low-dose colchicine reduced stent thrombosis.',
    'Jean-Claude Tardif',
  ),
};

function mutes(text: string, scope: { feedId?: string; field?: 'title' | 'any' } = {}): boolean {
  return matchesMuteRule({ text, feedId: scope.feedId ?? null, field: scope.field ?? 'any' }, item);
}

describe('matchesMuteRule', () => {
  it('matches whole words whatever their case or accents', () => {
    expect(mutes('COLCHICINE')).toBe(true);
    expect(mutes('Tardif')).toBe(true);
    expect(mutes('Jéan Claude')).toBe(true);
    expect(mutes('stent')).toBe(true);
    expect(mutes('colchicin')).toBe(false);
    expect(mutes('thrombo')).toBe(false);
  });

  it('matches a phrase only as consecutive words', () => {
    expect(mutes('myocardial infarction')).toBe(true);
    expect(mutes('infarction myocardial')).toBe(false);
  });

  it('looks at the title only when asked to', () => {
    expect(mutes('stent', { field: 'title' })).toBe(false);
    expect(mutes('colchicine', { field: 'title' })).toBe(true);
  });

  it('applies a feed-limited rule to that feed alone', () => {
    expect(mutes('colchicine', { feedId: 'cardiology' })).toBe(true);
    expect(mutes('colchicine', { feedId: 'oncology' })).toBe(false);
  });

  it('never matches a rule without letters or digits', () => {
    expect(mutePhraseOf(' -- ')).toBeNull();
    expect(mutes('--')).toBe(false);
  });
});
