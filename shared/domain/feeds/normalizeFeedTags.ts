/**
 * Cleans the tags a user typed or an OPML file carried: a comma separates tags (so "cardiology,
 * heart failure" typed into one box becomes two), runs of white space become one space, empty
 * tags are dropped and a tag that differs from an earlier one only by case is a repeat. The first
 * spelling and the original order are kept.
 *
 * Never containing a comma also keeps OPML's comma-separated `category` attribute lossless.
 */
export function normalizeFeedTags(raw: readonly string[]): string[] {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const entry of raw) {
    for (const part of entry.split(',')) {
      const tag = part.replace(/\s+/g, ' ').trim();
      const key = tag.toLocaleLowerCase();
      if (tag === '' || seen.has(key)) continue;
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}
