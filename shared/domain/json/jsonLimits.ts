// JSON from outside (a request body, a stored note) is parsed, validated and walked recursively, so
// its size and nesting are bounded before any of that happens: a body nested hundreds of thousands
// of levels deep would otherwise be walked by every later step.

const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \
const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }

/** How many bytes the text takes in UTF-8, the encoding it is written to disk in. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    // A lone surrogate is written as U+FFFD, three bytes, like any other code below U+10000.
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * True when JSON text opens more than `maxDepth` arrays or objects inside one another, found in
 * one pass that allocates nothing. Brackets inside strings do not count; malformed text is left
 * for `JSON.parse` to reject.
 */
export function jsonTextNestsDeeperThan(json: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < json.length; index += 1) {
    const code = json.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * True when a value holds arrays or objects more than `maxDepth` levels inside one another.
 * Walks with its own stack, so a hostile value cannot overflow the call stack, and stops as soon
 * as the limit is passed (which also ends the walk of a value that refers to itself).
 */
export function valueNestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > maxDepth) return true;
    const children = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (const child of children) pending.push({ value: child, depth });
  }
  return false;
}
