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
});
