import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_OUTLINE_DEPTH, Xml2jsOpmlReader } from './Xml2jsOpmlReader';

const reader = new Xml2jsOpmlReader();

async function outlinesOf(text: string) {
  const read = await reader.read(text);
  if (!read.ok) throw new Error(`expected OPML, got ${read.message}`);
  return read.value;
}

async function refusal(text: string): Promise<string> {
  const read = await reader.read(text);
  if (read.ok) throw new Error('expected the file to be refused');
  expect(read.code).toBe('not-opml');
  return read.message;
}

describe('Xml2jsOpmlReader', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'rounds-opml-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('reads an OPML 2.0 file with nested outlines, decoding each reference once', async () => {
    const document = await outlinesOf(`<?xml version="1.0" encoding="UTF-8"?>
      <opml version="2.0">
        <head><title>My feeds</title></head>
        <body>
          <outline text="Cardiology &amp; vascular">
            <outline type="rss" text="A &amp;amp; B &#233;" xmlUrl="https://a.example/rss?x=1&amp;y=2"/>
          </outline>
          <outline text="Loose" xmlUrl="https://loose.example/rss"></outline>
        </body>
      </opml>`);
    expect(document.title).toBe('My feeds');
    expect(document.outlines).toEqual([
      {
        attributes: { text: 'Cardiology & vascular' },
        children: [
          {
            attributes: {
              type: 'rss',
              text: 'A &amp; B é',
              xmlUrl: 'https://a.example/rss?x=1&y=2',
            },
            children: [],
          },
        ],
      },
      { attributes: { text: 'Loose', xmlUrl: 'https://loose.example/rss' }, children: [] },
    ]);
  });

  it('reads OPML 1.0 with a byte order mark and no head', async () => {
    const document = await outlinesOf(
      '\uFEFF<opml version="1.0"><body><outline title="Old" xmlUrl="https://old.example/"/></body></opml>',
    );
    expect(document.title).toBeNull();
    expect(document.outlines[0]?.attributes).toEqual({
      title: 'Old',
      xmlUrl: 'https://old.example/',
    });
  });

  it('refuses a file that declares an external entity, without reading the file it names', async () => {
    const secret = join(folder, 'secret.txt');
    await writeFile(secret, 'PATIENT-LIST');
    const text = `<?xml version="1.0"?>
      <!DOCTYPE opml [<!ENTITY leak SYSTEM "file://${secret}">]>
      <opml version="2.0"><body><outline text="&leak;" xmlUrl="https://x.example/"/></body></opml>`;
    const message = await refusal(text);
    expect(message).toMatch(/declares XML entities/);
    expect(message).not.toContain('PATIENT-LIST');
  });

  it('refuses billion-laughs entity expansion', async () => {
    const entities = Array.from(
      { length: 10 },
      (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`,
    ).join('');
    const text = `<!DOCTYPE opml [<!ENTITY l0 "lol">${entities}]>
      <opml><body><outline text="&l10;"/></body></opml>`;
    expect(await refusal(text)).toMatch(/entities/);
  });

  it('rejects an undeclared entity instead of guessing what it means', async () => {
    expect(await refusal('<opml><body><outline text="&madeup;"/></body></opml>')).toMatch(
      /XML is broken/,
    );
  });

  it('says where broken XML breaks', async () => {
    const message = await refusal('<opml>\n<body>\n<outline text="a & b"/>\n</body></opml>');
    expect(message).toBe('This file is not a readable OPML file: its XML is broken near line 3.');
  });

  it('names what the file is when it is some other XML', async () => {
    expect(await refusal('<rss version="2.0"><channel/></rss>')).toBe(
      'This file is not an OPML subscription list (it is a <rss> document).',
    );
  });

  it('refuses an empty file, plain text and OPML without a body', async () => {
    expect(await refusal('  \n')).toBe('The file is empty.');
    expect(await refusal('https://a.example/rss')).toMatch(/XML is broken/);
    expect(await refusal('<opml version="2.0"><head/></opml>')).toMatch(/no <body>/);
  });

  it('refuses outlines nested absurdly deep without exhausting the stack', async () => {
    const depth = 50_000;
    const text = `<opml><body>${'<outline text="x">'.repeat(depth)}${'</outline>'.repeat(depth)}</body></opml>`;
    expect(await refusal(text)).toContain(`more than ${MAX_OUTLINE_DEPTH} levels`);
  });

  it('keeps attribute names such as __proto__ as plain data', async () => {
    const document = await outlinesOf(
      '<opml><body><outline __proto__="x" constructor="y" text="t"/></body></opml>',
    );
    const attributes = document.outlines[0]?.attributes ?? {};
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(attributes.text).toBe('t');
  });
});
