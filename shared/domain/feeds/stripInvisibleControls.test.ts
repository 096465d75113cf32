import { describe, expect, it } from 'vitest';
import { stripInvisibleControls } from './stripInvisibleControls';

describe('stripInvisibleControls', () => {
  it('removes a right-to-left override that disguises a file name', () => {
    expect(stripInvisibleControls('Safe paper \u202Egpj.exe')).toBe('Safe paper gpj.exe');
  });

  it('removes every bidirectional embedding, override, isolate and mark', () => {
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';

    expect(stripInvisibleControls(`Sep${controls}sis`)).toBe('Sepsis');
  });

  it('removes zero-width spaces, non-joiners, word joiners and byte order marks', () => {
    expect(stripInvisibleControls('\uFEFFSe\u200Bp\u200Cs\u2060is')).toBe('Sepsis');
  });

  it('removes a zero-width joiner between letters or at either end', () => {
    expect(stripInvisibleControls('\u200DSep\u200Dsis\u200D')).toBe('Sepsis');
  });

  it('keeps the zero-width joiner that builds an emoji sequence', () => {
    const family = '👨\u200D👩\u200D👧';
    const rainbowFlag = '🏳\uFE0F\u200D🌈';
    const healthWorker = '👩🏽\u200D⚕\uFE0F';

    expect(stripInvisibleControls(`Ward ${family} ${rainbowFlag} ${healthWorker}`)).toBe(
      `Ward ${family} ${rainbowFlag} ${healthWorker}`,
    );
  });

  it('removes a joiner between an emoji and a letter', () => {
    expect(stripInvisibleControls('👍\u200Dok')).toBe('👍ok');
  });

  it('leaves right-to-left scripts and ordinary text untouched', () => {
    const text = 'מחקר חדש — دراسة جديدة: Sepsis in 2024 (n=1,200)';

    expect(stripInvisibleControls(text)).toBe(text);
  });
});
