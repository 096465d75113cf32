import type { OpmlSubscription } from './OpmlOutline';

/** What an OPML export contains. */
export interface OpmlExportInput {
  /** The head's `<title>`. */
  title: string;
  /** ISO 8601; written as the RFC 822 date OPML asks for. */
  dateCreated: string;
  subscriptions: readonly OpmlSubscription[];
}

interface FolderNode {
  folders: Map<string, FolderNode>;
  feeds: OpmlSubscription[];
}

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Writes subscriptions as an OPML 2.0 document: folders become nested outlines (folders first,
 * then feeds, each in name order), every feed an `type="rss"` outline with `text`, `title`,
 * `xmlUrl`, `htmlUrl` and its tags in `category`. Attribute values are escaped so that any title
 * survives: `& < > "`, line breaks and tabs as character references, and characters XML 1.0
 * cannot carry at all (most control characters) left out.
 */
export function writeOpml(input: OpmlExportInput): string {
  const root: FolderNode = { folders: new Map(), feeds: [] };
  for (const subscription of input.subscriptions) {
    let node = root;
    for (const segment of subscription.folder) {
      let next = node.folders.get(segment);
      if (!next) {
        next = { folders: new Map(), feeds: [] };
        node.folders.set(segment, next);
      }
      node = next;
    }
    node.feeds.push(subscription);
  }

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(input.title)}</title>`,
    `    <dateCreated>${new Date(input.dateCreated).toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...folderLines(root, 2),
    '  </body>',
    '</opml>',
  ];
  return `${lines.join('\n')}\n`;
}

function folderLines(node: FolderNode, depth: number): string[] {
  const indent = '  '.repeat(depth);
  const lines: string[] = [];
  const folders = [...node.folders.entries()].sort(([a], [b]) => byName.compare(a, b));
  for (const [name, folder] of folders) {
    lines.push(`${indent}<outline ${attributes({ text: name, title: name })}>`);
    lines.push(...folderLines(folder, depth + 1));
    lines.push(`${indent}</outline>`);
  }
  const feeds = [...node.feeds].sort((a, b) => byName.compare(a.title, b.title));
  for (const feed of feeds) {
    const described = attributes({
      type: 'rss',
      text: feed.title,
      title: feed.title,
      xmlUrl: feed.url,
      htmlUrl: feed.siteUrl,
      category: feed.tags.length > 0 ? feed.tags.join(',') : null,
      refreshIntervalMinutes:
        feed.refreshIntervalMinutes === null ? null : String(feed.refreshIntervalMinutes),
    });
    lines.push(`${indent}<outline ${described}/>`);
  }
  return lines;
}

function attributes(values: Record<string, string | null>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => `${name}="${escapeXml(value)}"`)
    .join(' ');
}

const XML_REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

// Characters XML 1.0 forbids even as references: C0 controls other than tab and line breaks,
// lone surrogate halves, and U+FFFE/U+FFFF.
const NOT_XML_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes text for an XML attribute value or element content. Tabs and line breaks become
 * character references because a parser would otherwise turn them into spaces in an attribute.
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHARACTERS, '')
    .replace(/[&<>"'\t\n\r]/g, (character) => XML_REFERENCES[character] ?? character);
}
