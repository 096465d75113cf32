import { extractPaperIds } from '@shared/domain/feeds/paperIdentity';
import type { ImportedReference } from './ImportedReference';
import { jatsToPlainText } from './jatsToPlainText';
import {
  displayName,
  partialIsoDate,
  textOrNull,
  tidyLine,
  webAddressOrNull,
} from './referenceText';

/**
 * Maps the `message` of a Crossref `/works/{doi}` answer onto an ImportedReference. Crossref's
 * fields are documented but optional and loosely typed in practice (empty arrays, `[[null]]`
 * dates), so each is read defensively; only a title is required, because a paper is listed by it.
 */

export type CrossrefWorkReading =
  { ok: true; reference: ImportedReference } | { ok: false; message: string };

// `published` is the earliest of print and online publication; `issued` is its older name.
const DATE_FIELDS = ['published', 'issued', 'published-online', 'published-print'];

export function readCrossrefWork(body: unknown, requestedDoi: string): CrossrefWorkReading {
  const answer = isRecord(body) ? body : {};
  const work = answer.status === 'ok' && isRecord(answer.message) ? answer.message : null;
  if (work === null) {
    return { ok: false, message: 'Crossref sent an answer that does not describe a paper.' };
  }
  const paperIds = extractPaperIds({ fields: [stringOf(work.DOI)], links: [stringOf(work.URL)] });
  const title = titleOf(work);
  if (title === '') {
    const doi = paperIds.doi ?? requestedDoi;
    return { ok: false, message: `Crossref’s record for ${doi} has no title.` };
  }
  return {
    ok: true,
    reference: {
      sourceKey: null,
      title,
      authors: authorsOf(work.author),
      journal: textOrNull(
        firstString(work['container-title']) ??
          firstString(arrayOf(work.institution).map((institution) => institution.name)),
      ),
      publishedAt: dateOf(work),
      paperIds,
      abstract: textOrNull(jatsToPlainText(stringOf(work.abstract) ?? '')),
      url: webAddressOrNull(stringOf(work.URL)),
      keywords: [],
    },
  };
}

/** The title with its subtitle ("…Stroke: The RHYTHM-AF Randomized Trial"), markup removed. */
function titleOf(work: Record<string, unknown>): string {
  const title = tidyLine(jatsToPlainText(firstString(work.title) ?? ''));
  const subtitle = tidyLine(jatsToPlainText(firstString(work.subtitle) ?? ''));
  if (title === '' || subtitle === '' || title.toLowerCase().includes(subtitle.toLowerCase())) {
    return title;
  }
  return `${title}${/[:.?!]$/.test(title) ? '' : ':'} ${subtitle}`;
}

function authorsOf(value: unknown): string[] {
  return arrayOf(value).flatMap((author) => {
    const name = displayName({
      given: stringOf(author.given),
      family: stringOf(author.family),
      suffix: stringOf(author.suffix),
      // A group author ("RHYTHM-AF Investigators") has only a name.
      literal: stringOf(author.name),
    });
    return name === null ? [] : [name];
  });
}

function dateOf(work: Record<string, unknown>): string | null {
  for (const field of DATE_FIELDS) {
    const date = work[field];
    const parts =
      isRecord(date) && Array.isArray(date['date-parts']) ? date['date-parts'][0] : null;
    if (!Array.isArray(parts)) continue;
    const iso = partialIsoDate(parts[0], parts[1], parts[2]);
    if (iso !== null) return iso;
  }
  return null;
}

function firstString(value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  return (
    value.find((item): item is string => typeof item === 'string' && item.trim() !== '') ?? null
  );
}

function arrayOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
