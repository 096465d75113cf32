import { describe, expect, it } from 'vitest';
import { jatsToPlainText } from './jatsToPlainText';

describe('jatsToPlainText', () => {
  it('puts each section title and paragraph on its own line, without the "Abstract" heading', () => {
    const jats =
      '<jats:title>Abstract</jats:title><jats:sec><jats:title>Background</jats:title>' +
      '<jats:p>Early rhythm control is debated.</jats:p></jats:sec>' +
      '<jats:sec><jats:title>Results</jats:title><jats:p>Death fell.</jats:p></jats:sec>';
    expect(jatsToPlainText(jats)).toBe(
      'Background\nEarly rhythm control is debated.\nResults\nDeath fell.',
    );
  });

  it('keeps inline markup as text and decodes entities', () => {
    expect(
      jatsToPlainText(
        '<jats:p>In <jats:italic>E. coli</jats:italic>, CO<jats:sub>2</jats:sub> &lt;5% &amp; 10<jats:sup>3</jats:sup> cells.</jats:p>',
      ),
    ).toBe('In E. coli, CO2 <5% & 103 cells.');
  });

  it('reads abstracts without a namespace prefix, and list items as lines', () => {
    expect(
      jatsToPlainText(
        '<p>Key points:</p><list><list-item><p>one</p></list-item><list-item><p>two</p></list-item></list>',
      ),
    ).toBe('Key points:\none\ntwo');
  });

  it('collapses the white space of pretty-printed XML', () => {
    expect(jatsToPlainText('\n  <jats:p>\n    A   wrapped\n    line.\n  </jats:p>\n')).toBe(
      'A wrapped line.',
    );
  });

  it('leaves plain text as it is, apart from white space', () => {
    expect(jatsToPlainText('No markup at all; p < 0.05 and a > b.')).toBe(
      'No markup at all; p < 0.05 and a > b.',
    );
  });
});
