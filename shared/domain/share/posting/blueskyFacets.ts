import twitterText from 'twitter-text';
import { utf8ByteLength } from '../textUnits';

// Bluesky does not find links or hashtags in a post's text: the client that writes the post marks
// them as facets, ranges of UTF-8 bytes. What counts as a link or a hashtag here follows the rules
// of Bluesky's own app (the RichText detection of @atproto/api), so a thread posted from Rounds
// reads the same as one typed into Bluesky; mentions are left out because they need the account's
// DID, which only a network lookup gives.

/** The bytes of the post's UTF-8 text a facet covers: start inclusive, end exclusive. */
export interface BlueskyByteSlice {
  byteStart: number;
  byteEnd: number;
}

/** What a facet makes of its text: a link to `uri`, or the hashtag `tag` (without `#`). */
export type BlueskyFacetFeature =
  | { $type: 'app.bsky.richtext.facet#link'; uri: string }
  | { $type: 'app.bsky.richtext.facet#tag'; tag: string };

/** One `app.bsky.richtext.facet` of a post record. */
export interface BlueskyFacet {
  index: BlueskyByteSlice;
  features: BlueskyFacetFeature[];
}

/**
 * A link starts the text, or follows a space or an opening parenthesis, and is either an http(s)
 * URL or a bare domain with an optional path. Bluesky's domain rule has no hyphen and needs a
 * known top-level domain, checked afterwards.
 */
const LINK_CANDIDATE =
  /(^|\s|\()(?<link>https?:\/\/\S+|(?<domain>[a-z][a-z\d]*(?:\.[a-z\d]+)+)\S*)/gim;

/** Characters that end a sentence rather than a link. */
const TRAILING_LINK_PUNCTUATION = /[.,;:!?'"]$/u;

/**
 * Invisible characters that break a hashtag: soft hyphen, word joiner, hair space, zero-width
 * space and joiners, and the enclosing keycap.
 */
const TAG_BREAKERS = '\\u00AD\\u2060\\u200A\\u200B\\u200C\\u200D\\u20E2';
/** `#` or a full-width `＃` after a space, then a word that is not only digits and punctuation. */
const HASHTAG = new RegExp(
  // The joiners and the keycap are listed one by one as characters to exclude, never meant to
  // combine with their neighbours in the class, which is what this rule guards against.
  // eslint-disable-next-line no-misleading-character-class
  `(^|\\s)[#＃]((?!\\uFE0F)[^\\s${TAG_BREAKERS}]*[^\\d\\s\\p{P}${TAG_BREAKERS}]+[^\\s${TAG_BREAKERS}]*)?`,
  'gu',
);
const TRAILING_PUNCTUATION = /\p{P}+$/u;
/** Bluesky's limit for a tag, counted (as its app does) in UTF-16 units. */
const MAX_TAG_LENGTH = 64;

/** A top-level domain in twitter-text's list of them, kept current with IANA's. */
const KNOWN_TOP_LEVEL_DOMAIN = new RegExp(
  `\\.(?:${twitterText.regexen.validGTLD.source}|${twitterText.regexen.validCCTLD.source})$`,
  'u',
);

/**
 * The link and hashtag facets of a Bluesky post's text, in the order they appear. A bare domain
 * (`doi.org/10.1/x`) is linked to its https address; punctuation that ends the sentence after a
 * link (`.`, `,`, `!`, an unmatched `)`) is left out of it; hashtags lose trailing punctuation.
 * Offsets are UTF-8 bytes, as Bluesky requires, so emoji and accents before a facet count double
 * or more.
 */
export function blueskyFacets(text: string): BlueskyFacet[] {
  const facets = [...linkFacets(text), ...hashtagFacets(text)];
  return facets.sort((a, b) => a.index.byteStart - b.index.byteStart);
}

function linkFacets(text: string): BlueskyFacet[] {
  const facets: BlueskyFacet[] = [];
  for (const match of text.matchAll(LINK_CANDIDATE)) {
    const found = match.groups?.link ?? '';
    const domain = match.groups?.domain;
    if (domain !== undefined && !KNOWN_TOP_LEVEL_DOMAIN.test(domain)) continue;
    const start = match.index + (match[1] ?? '').length;
    const linkText = withoutTrailingPunctuation(found);
    facets.push({
      index: byteSlice(text, start, start + linkText.length),
      features: [
        {
          $type: 'app.bsky.richtext.facet#link',
          uri: domain === undefined ? linkText : `https://${linkText}`,
        },
      ],
    });
  }
  return facets;
}

/** Drops sentence punctuation, and closing parentheses the link did not open, from its end. */
function withoutTrailingPunctuation(link: string): string {
  let trimmed = link;
  for (;;) {
    if (TRAILING_LINK_PUNCTUATION.test(trimmed)) {
      trimmed = trimmed.slice(0, -1);
    } else if (trimmed.endsWith(')') && count(trimmed, ')') > count(trimmed, '(')) {
      trimmed = trimmed.slice(0, -1);
    } else {
      return trimmed;
    }
  }
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

function hashtagFacets(text: string): BlueskyFacet[] {
  const facets: BlueskyFacet[] = [];
  for (const match of text.matchAll(HASHTAG)) {
    const tag = (match[2] ?? '').trim().replace(TRAILING_PUNCTUATION, '');
    if (tag.length === 0 || tag.length > MAX_TAG_LENGTH) continue;
    const hashAt = match.index + (match[1] ?? '').length;
    facets.push({
      index: byteSlice(text, hashAt, hashAt + 1 + tag.length),
      features: [{ $type: 'app.bsky.richtext.facet#tag', tag }],
    });
  }
  return facets;
}

/** Converts a UTF-16 range of `text` to the UTF-8 byte range Bluesky expects. */
function byteSlice(text: string, start: number, end: number): BlueskyByteSlice {
  const byteStart = utf8ByteLength(text.slice(0, start));
  return { byteStart, byteEnd: byteStart + utf8ByteLength(text.slice(start, end)) };
}
