import { describe, expect, it } from 'vitest';
import { htmlToPlainText } from './htmlToPlainText';

describe('htmlToPlainText', () => {
  it('decodes entities and keeps one line per block', () => {
    expect(
      htmlToPlainText('<p>Caf&eacute; &amp; co &lt;3</p><p>Second&nbsp;para<br>graph</p>'),
    ).toBe('Café & co <3\nSecond para\ngraph');
  });

  it('leaves out code and styles', () => {
    expect(htmlToPlainText('<style>p{}</style><p>Text</p><script>var a = "<p>";</script>')).toBe(
      'Text',
    );
  });

  it('ends a line at a stray closing tag and drops what dropped elements hold, however nested', () => {
    expect(htmlToPlainText('First</div>Second <svg><g><text>hidden</text></g></svg>kept')).toBe(
      'First\nSecond kept',
    );
  });

  it('tidies the white space of text that has no markup', () => {
    expect(htmlToPlainText('  One\t two \n\n  three > four  ')).toBe('One two\nthree > four');
  });
});
