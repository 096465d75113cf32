import type { ClubProfile } from '@shared/contract';
import type { Annotation } from '@shared/domain/annotations/annotation';
import {
  removeAnnotation,
  setAnnotation,
  setPerson,
} from '@shared/domain/club/session/sessionDocument';
import { readSession } from '@shared/domain/club/session/sessionSnapshot';
import type {
  SessionHighlightValue,
  SessionPerson,
} from '@shared/domain/club/session/sessionValues';
import type { ClubRecords } from './ClubRecords';
import type { ClubAnnotations, ClubPapers } from './ports';
import type { OpenSession, SessionDocuments } from './SessionDocuments';

// The user's own entry in a session, refreshed before the session is shown or exported, so the
// other members always receive the user's current name and highlights.

/** What {@link bringMyselfIn} reads and writes. */
export interface MyselfSources {
  records: ClubRecords;
  documents: SessionDocuments;
  papers: ClubPapers;
  annotations: ClubAnnotations;
}

/**
 * Writes the user's own entry (who they are, their highlights on the session's papers) into an
 * open session when it changed, and returns which library item holds each paper here.
 */
export async function bringMyselfIn(
  session: OpenSession,
  profile: ClubProfile,
  sources: MyselfSources,
): Promise<Map<string, string | null>> {
  const { snapshot } = readSession(session.doc);
  const itemIds = new Map<string, string | null>();
  for (const ref of snapshot.metadata.papers) {
    itemIds.set(ref.paperId, await sources.papers.findItem(ref));
  }
  if (snapshot.metadata.status === 'closed' || profile.name === '') return itemIds;
  const me = profile.memberId;
  const club = sources.records.clubOf(session.clubId);
  const listed = club?.members.find((member) => member.memberId === me);
  const person: SessionPerson = {
    name: profile.name,
    profession: profile.profession,
    role: listed?.role ?? snapshot.people[me]?.role ?? 'member',
    handle: listed?.handle ?? null,
  };
  const highlights = new Map<string, SessionHighlightValue>();
  for (const [paperId, itemId] of itemIds) {
    if (itemId === null) continue;
    for (const annotation of sources.annotations.forItem(itemId).annotations) {
      highlights.set(annotation.id, highlightOf(annotation, paperId));
    }
  }
  const mine = snapshot.members[me]?.annotations ?? {};
  const stale = Object.keys(mine).filter((id) => !highlights.has(id));
  const changed = [...highlights].filter(
    ([id, value]) => JSON.stringify(mine[id]) !== JSON.stringify(value),
  );
  const personChanged = JSON.stringify(snapshot.people[me]) !== JSON.stringify(person);
  if (stale.length === 0 && changed.length === 0 && !personChanged) return itemIds;
  await sources.documents.changeDoc(session, () => {
    if (personChanged) setPerson(session.doc, me, person);
    for (const id of stale) removeAnnotation(session.doc, me, id);
    for (const [id, value] of changed) {
      // A highlight too large for the session is left out rather than failing the view.
      if (JSON.stringify(value).length > 60_000) continue;
      setAnnotation(session.doc, me, id, value);
    }
  });
  return itemIds;
}

function highlightOf(annotation: Annotation, paperId: string): SessionHighlightValue {
  const page = annotation.selectors.page ? Number(annotation.selectors.page.value.slice(5)) : null;
  return {
    paperId,
    quote: annotation.selectors.quote.exact,
    page: page !== null && Number.isInteger(page) && page >= 1 ? page : null,
    colour: annotation.colour,
    note: annotation.note,
  };
}
