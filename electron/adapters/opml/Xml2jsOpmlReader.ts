import { fail, ok, type Result } from '@shared/contract';
import type { OpmlDocument, OpmlOutline } from '@shared/domain/feeds/OpmlOutline';
import { Parser } from 'xml2js';
import type { OpmlReader } from '../../services/sources/ports';

/** Deeper than any real folder tree, shallow enough that walking it cannot exhaust the stack. */
export const MAX_OUTLINE_DEPTH = 64;

// Entity declarations are how billion-laughs and external-file attacks start. sax (under xml2js)
// does not expand them anyway, but a file that declares any is refused outright, with a reason.
const ENTITY_DECLARATION = /<!ENTITY/i;

/** An element as xml2js gives it: attributes under `$`, children by name, or '' when empty. */
type XmlNode = string | { $?: Record<string, string>; [child: string]: unknown };

/**
 * Reads OPML with xml2js (sax underneath) in strict mode: no entity expansion, no DTD, no
 * network. Whatever is wrong with a file becomes `not-opml` with a sentence a clinician can act
 * on rather than a parser's message.
 */
export class Xml2jsOpmlReader implements OpmlReader {
  async read(text: string): Promise<Result<OpmlDocument, 'not-opml'>> {
    const source = text.replace(/^\uFEFF/, '');
    if (source.trim() === '') return fail('not-opml', 'The file is empty.');
    if (ENTITY_DECLARATION.test(source)) {
      return fail(
        'not-opml',
        'This file declares XML entities, which Rounds refuses for safety. Export your ' +
          'subscriptions again from your feed reader and import that file.',
      );
    }

    let parsed: unknown;
    try {
      parsed = await new Parser({ strict: true, explicitArray: true }).parseStringPromise(source);
    } catch (error) {
      return fail(
        'not-opml',
        `This file is not a readable OPML file: its XML is broken${nearLine(error)}.`,
      );
    }

    const root = isRecord(parsed) ? parsed : {};
    // The root element is the one child xml2js does not wrap in an array.
    const opml = firstElement([root.opml]);
    if (opml === undefined) {
      const found = Object.keys(root)[0];
      return fail(
        'not-opml',
        found === undefined
          ? 'This file is not an OPML subscription list.'
          : `This file is not an OPML subscription list (it is a <${found}> document).`,
      );
    }
    const body = typeof opml === 'string' ? undefined : firstElement(opml.body);
    if (body === undefined) {
      return fail('not-opml', 'This OPML file has no <body>, so it lists no subscriptions.');
    }
    const head = typeof opml === 'string' ? undefined : firstElement(opml.head);
    const title = head === undefined || typeof head === 'string' ? null : textOf(head.title);

    const outlines = outlinesOf(body, 1);
    if (outlines === null) {
      return fail(
        'not-opml',
        `This OPML file nests its folders more than ${MAX_OUTLINE_DEPTH} levels deep, which ` +
          'no feed reader produces. Rounds did not import it.',
      );
    }
    return ok({ title, outlines });
  }
}

/** The outlines directly inside an element, or null when the tree is nested too deeply. */
function outlinesOf(node: XmlNode, depth: number): OpmlOutline[] | null {
  if (typeof node === 'string' || !Array.isArray(node.outline)) return [];
  if (depth > MAX_OUTLINE_DEPTH) return null;
  const outlines: OpmlOutline[] = [];
  for (const child of node.outline as XmlNode[]) {
    const children = outlinesOf(child, depth + 1);
    if (children === null) return null;
    const attributes = typeof child === 'string' ? {} : { ...child.$ };
    outlines.push({ attributes, children });
  }
  return outlines;
}

function firstElement(value: unknown): XmlNode | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : undefined;
  return typeof first === 'string' || isRecord(first) ? (first as XmlNode) : undefined;
}

function textOf(value: unknown): string | null {
  const element = firstElement(value);
  const text = typeof element === 'string' ? element : element?._;
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// sax reports "Line: 0" for the first line.
function nearLine(error: unknown): string {
  const line = error instanceof Error ? /Line: (\d+)/.exec(error.message)?.[1] : undefined;
  return line === undefined ? '' : ` near line ${Number(line) + 1}`;
}
