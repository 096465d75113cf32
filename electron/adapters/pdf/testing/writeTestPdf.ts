import { writeFile } from 'node:fs/promises';

/** What {@link buildTestPdf} puts in the document. */
export interface TestPdfContent {
  /** The text lines of each page, drawn top-down in Helvetica; a page may have none. */
  pages: readonly (readonly string[])[];
  /** The document information dictionary's title. */
  title?: string;
  /** Bookmarks, in order, each pointing at a page (1-based). */
  outline?: readonly { title: string; page: number }[];
  /**
   * Declares the document encrypted with a user password nobody knows, so readers ask for one
   * (the page streams are left unencrypted; a reader refuses before it gets that far).
   */
  passwordProtected?: boolean;
}

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const FONT_SIZE = 12;
const LINE_HEIGHT = 16;
const MARGIN = 72;

/**
 * A small, valid PDF 1.7 built from text, so tests and journeys need no binary fixtures. Each
 * page's lines are separate text-showing operations on separate lines, which pdf.js reads back as
 * one text item per line. The cross-reference table holds each object's exact byte offset.
 */
export function buildTestPdf(content: TestPdfContent): Uint8Array<ArrayBuffer> {
  const writer = new PdfObjectWriter();
  const catalog = writer.reserve();
  const pageTree = writer.reserve();
  const font = writer.reserve();
  const pages = content.pages.map(() => ({ page: writer.reserve(), stream: writer.reserve() }));

  writer.define(
    font,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  );
  const kids = pages.map(({ page }) => `${page} 0 R`).join(' ');
  writer.define(pageTree, `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  content.pages.forEach((lines, index) => {
    const { page, stream } = pages[index] ?? failure('page numbering');
    writer.define(
      page,
      `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
        `/Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`,
    );
    const drawing = textDrawing(lines);
    writer.define(stream, `<< /Length ${drawing.length} >>\nstream\n${drawing}\nendstream`);
  });

  const outline = content.outline ?? [];
  const outlineRoot = outline.length > 0 ? writeOutline(writer, outline, pages) : null;
  writer.define(
    catalog,
    `<< /Type /Catalog /Pages ${pageTree} 0 R` +
      (outlineRoot === null ? '' : ` /Outlines ${outlineRoot} 0 R /PageMode /UseOutlines`) +
      ' >>',
  );

  const info =
    content.title === undefined ? null : writer.add(`<< /Title ${textString(content.title)} >>`);
  const trailer = [`/Size ${writer.count + 1}`, `/Root ${catalog} 0 R`];
  if (info !== null) trailer.push(`/Info ${info} 0 R`);
  if (content.passwordProtected) {
    const fileId = '0123456789abcdef0123456789abcdef';
    trailer.push(
      `/Encrypt ${writer.add(
        // Revision 2 of the standard handler: a user password is checked against /U, which here
        // matches no password at all, not even the empty one readers try first.
        `<< /Filter /Standard /V 1 /R 2 /O <${'5a'.repeat(32)}> /U <${'c3'.repeat(32)}> /P -44 >>`,
      )} 0 R`,
      `/ID [<${fileId}> <${fileId}>]`,
    );
  }
  return writer.finish(trailer.join(' '));
}

/** Writes {@link buildTestPdf}'s document to `path` and returns its bytes. */
export async function writeTestPdf(
  path: string,
  content: TestPdfContent,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = buildTestPdf(content);
  await writeFile(path, bytes);
  return bytes;
}

/** A page's text as pdf.js reads back what `buildTestPdf` drew: its lines, one per line. */
export function expectedPageText(lines: readonly string[]): string {
  return lines.join('\n');
}

function writeOutline(
  writer: PdfObjectWriter,
  outline: NonNullable<TestPdfContent['outline']>,
  pages: readonly { page: number }[],
): number {
  const root = writer.reserve();
  const entries = outline.map(() => writer.reserve());
  outline.forEach((entry, index) => {
    const target =
      pages[entry.page - 1] ?? failure(`an outline entry points at page ${entry.page}`);
    const links = [
      index > 0 ? `/Prev ${entries[index - 1]} 0 R` : '',
      index < entries.length - 1 ? `/Next ${entries[index + 1]} 0 R` : '',
    ].join(' ');
    writer.define(
      entries[index] ?? failure('outline numbering'),
      `<< /Title ${textString(entry.title)} /Parent ${root} 0 R ${links} ` +
        `/Dest [${target.page} 0 R /XYZ 0 ${PAGE_HEIGHT} 0] >>`,
    );
  });
  writer.define(
    root,
    `<< /Type /Outlines /First ${entries[0]} 0 R /Last ${entries.at(-1)} 0 R /Count ${entries.length} >>`,
  );
  return root;
}

/** Content stream showing `lines` one under another, each its own text-showing operation. */
function textDrawing(lines: readonly string[]): string {
  const shown = lines.map((line) => `${literalString(line)} Tj T*`).join('\n');
  return `BT\n/F1 ${FONT_SIZE} Tf\n${LINE_HEIGHT} TL\n${MARGIN} ${PAGE_HEIGHT - MARGIN} Td\n${shown}\nET`;
}

/**
 * A PDF literal string in WinAnsi encoding, which matches Latin-1 for the characters allowed
 * here; anything beyond Latin-1 would need an embedded font, so it is refused.
 */
function literalString(text: string): string {
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x20 || code > 0xff || (code >= 0x7f && code < 0xa0)) {
      throw new Error(
        `buildTestPdf draws Latin-1 text only; cannot draw ${JSON.stringify(character)}.`,
      );
    }
  }
  return `(${text.replace(/[\\()]/g, (special) => `\\${special}`)})`;
}

/** A PDF text string in UTF-16BE with its byte order mark, so titles may hold any character. */
function textString(text: string): string {
  let hex = 'FEFF';
  for (let index = 0; index < text.length; index++) {
    hex += text.charCodeAt(index).toString(16).padStart(4, '0');
  }
  return `<${hex}>`;
}

function failure(what: string): never {
  throw new Error(`buildTestPdf: ${what} is out of range.`);
}

/**
 * Numbers objects, lays them out in order and records where each starts. The document is kept as
 * a Latin-1 string, one character per byte, so string lengths are byte offsets.
 */
class PdfObjectWriter {
  private readonly bodies: (string | undefined)[] = [];

  get count(): number {
    return this.bodies.length;
  }

  /** A number for an object defined later (objects may refer to each other in any order). */
  reserve(): number {
    this.bodies.push(undefined);
    return this.bodies.length;
  }

  define(objectNumber: number, body: string): void {
    this.bodies[objectNumber - 1] = body;
  }

  add(body: string): number {
    const objectNumber = this.reserve();
    this.define(objectNumber, body);
    return objectNumber;
  }

  finish(trailer: string): Uint8Array<ArrayBuffer> {
    // The second line's bytes above 127 tell transfer tools the file is binary.
    let document = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
    const offsets: number[] = [];
    this.bodies.forEach((body, index) => {
      if (body === undefined)
        throw new Error(`buildTestPdf: object ${index + 1} was never defined.`);
      offsets.push(document.length);
      document += `${index + 1} 0 obj\n${body}\nendobj\n`;
    });
    const crossReference = document.length;
    // Every entry is exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, type, EOL.
    document += `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
    for (const offset of offsets) document += `${String(offset).padStart(10, '0')} 00000 n \n`;
    document += `trailer\n<< ${trailer} >>\nstartxref\n${crossReference}\n%%EOF\n`;
    return Uint8Array.from(document, (character) => character.charCodeAt(0));
  }
}
