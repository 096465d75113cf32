import { describe, expect, it } from 'vitest';
import type { SerializedNoteNode } from './noteEnvelope';
import { notePlainText } from './notePlainText';

function text(value: string, format = 0): SerializedNoteNode {
  return { type: 'text', version: 1, text: value, format, style: '', mode: 'normal', detail: 0 };
}

function element(type: string, children: SerializedNoteNode[], extra = {}): SerializedNoteNode {
  return { type, version: 1, children, ...extra };
}

function noteOf(...blocks: SerializedNoteNode[]) {
  return { root: element('root', blocks) };
}

describe('notePlainText', () => {
  it('puts every paragraph and heading on its own line, joining formatted runs and links', () => {
    const note = noteOf(
      element('heading', [text('Verdict')], { tag: 'h2' }),
      element('paragraph', [
        text('Mortality '),
        text('fell', 1),
        text(' in the '),
        element('link', [text('trial')], { url: 'https://example.org' }),
        text('.'),
      ]),
    );

    expect(notePlainText(note)).toBe('Verdict\nMortality fell in the trial.');
  });

  it('puts each list item on its own line, nested lists included, in document order', () => {
    const note = noteOf(
      element('list', [
        element('listitem', [text('Randomised')]),
        element('listitem', [
          element('list', [
            element('listitem', [text('concealed allocation')]),
            element('listitem', [text('blinded assessors')]),
          ]),
        ]),
        element('listitem', [text('Intention to treat')]),
      ]),
    );

    expect(notePlainText(note)).toBe(
      'Randomised\nconcealed allocation\nblinded assessors\nIntention to treat',
    );
  });

  it('includes the text of quotes and quoted passages', () => {
    const note = noteOf(
      element('passage-quote', [text('Mortality at 28 days was 24%.')], {
        annotationId: 'annotation-1',
        paperTitle: 'Early antibiotics',
      }),
      element('quote', [text('Said at rounds.')]),
      element('paragraph', [text('Worth discussing.')]),
    );

    expect(notePlainText(note)).toBe(
      'Mortality at 28 days was 24%.\nSaid at rounds.\nWorth discussing.',
    );
  });

  it('starts a new line at a line break, keeps tabs, and leaves out empty blocks', () => {
    const note = noteOf(
      element('paragraph', [text('First line'), { type: 'linebreak', version: 1 }, text('second')]),
      element('paragraph', []),
      element('paragraph', [text('a'), { type: 'tab', version: 1, text: '\t' }, text('b')]),
    );

    expect(notePlainText(note)).toBe('First line\nsecond\na\tb');
  });

  it('is empty for an empty note', () => {
    expect(notePlainText(noteOf(element('paragraph', [])))).toBe('');
  });
});
