// Between names: a semicolon, a comma (with an Oxford "and"), or a lone "and" / "&".
const NAME_SEPARATOR = /\s*;\s*|\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+/i;
const ET_AL = /^(?:et\.?\s*al\.?|and others)$/i;
// Lower-case words that belong in personal names ("Ludwig van Beethoven", "Maria da Silva").
const NAME_PARTICLES = new Set([
  'al',
  'bin',
  'da',
  'de',
  'del',
  'della',
  'der',
  'di',
  'dos',
  'du',
  'la',
  'le',
  'ten',
  'ter',
  'van',
  'von',
]);
const MAX_WORDS_IN_A_NAME = 5;

/**
 * The people named in one author field that holds a list, as journals write it: "Smith J, Jones A,
 * Brown K" (The Lancet), "Maria Garcia; Wei Chen and Ama Mensah", "Okafor C, Lindqvist P, and
 * Tanaka H, et al." ("et al." is dropped). The field is split only when every piece reads as a
 * person's name of two to five capitalised words, so "Horton, Richard" (surname first) and "The
 * Writing Committee for the X and Y Investigators" stay whole.
 */
export function splitAuthorList(field: string): string[] {
  const whole = field.replace(/\s+/g, ' ').trim();
  if (whole === '') return [];
  const pieces = whole
    .split(NAME_SEPARATOR)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '' && !ET_AL.test(piece));
  if (pieces.length === 0) return [];
  if (pieces.length > 1 && pieces.every(readsAsPersonalName)) return pieces;
  return [whole.replace(/(?:,\s*|\s+)et\.?\s*al\.?$/i, '')];
}

function readsAsPersonalName(piece: string): boolean {
  const words = piece.split(' ');
  return (
    words.length >= 2 &&
    words.length <= MAX_WORDS_IN_A_NAME &&
    words.every((word) => /^[\p{Lu}\p{Lo}]/u.test(word) || NAME_PARTICLES.has(word))
  );
}
