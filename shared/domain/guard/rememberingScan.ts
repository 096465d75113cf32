import type { Finding } from './findings';
import { scanForPhi } from './scanForPhi';

/**
 * A scan that remembers its latest answers by text. The composer checks every part of a draft on
 * each keystroke, and a keystroke changes one part: the others are answered from memory, so only
 * the text being typed is scanned again. At most `capacity` texts are kept, the oldest used first
 * out; the findings are the scan's own, so callers must not change them.
 */
export function rememberingScan(
  scan: (text: string) => Finding[] = scanForPhi,
  capacity = 64,
): (text: string) => Finding[] {
  const remembered = new Map<string, Finding[]>();
  return (text) => {
    const known = remembered.get(text);
    if (known !== undefined) {
      // Used again: it moves to the end, the newest place, of the Map's insertion order.
      remembered.delete(text);
      remembered.set(text, known);
      return known;
    }
    const findings = scan(text);
    remembered.set(text, findings);
    if (remembered.size > capacity) {
      const oldest = remembered.keys().next();
      if (!oldest.done) remembered.delete(oldest.value);
    }
    return findings;
  };
}
