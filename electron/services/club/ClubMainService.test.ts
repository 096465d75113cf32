import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SessionView } from '@shared/contract';
import { decodeBase64, encodeBase64 } from '@shared/domain/club/session/base64';
import {
  discussionOf,
  paperAnswerKey,
  paperAnswersMap,
} from '@shared/domain/club/session/sessionLayout';
import { addPaper, openClubMachine, type ClubMachine } from './testing/clubMachine';

const DOI = '10.1056/nejmoa2024816';
const TITLE = 'Dapagliflozin in Patients with Chronic Kidney Disease';
const ABSTRACT = 'Patients were randomly assigned to receive dapagliflozin or placebo.';

let folders: string[];
let open: ClubMachine[];

beforeEach(() => {
  folders = [];
  open = [];
});

afterEach(async () => {
  for (const machine of open) await machine.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function newFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'rounds-club-'));
  folders.push(folder);
  return folder;
}

async function machineOn(dataDir: string, idPrefix: string): Promise<ClubMachine> {
  const machine = await openClubMachine(dataDir, { idPrefix });
  open.push(machine);
  return machine;
}

async function closeMachine(machine: ClubMachine): Promise<void> {
  open = open.filter((one) => one !== machine);
  await machine.close();
}

function value<T>(
  result: { ok: true; value: T } | { ok: false; code: string; message: string },
): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

/** A machine whose user has a profile, a club and one session on the trial. */
async function organiserWithSession(prefix = 'ana') {
  const machine = await machineOn(await newFolder(), prefix);
  value(
    await machine.service.setProfile({
      name: 'Ana Silva',
      profession: 'Nephrologist',
      cpdBody: 'GMC',
    }),
  );
  const club = value(
    await machine.service.createClub({
      name: 'Renal JC',
      hashtag: '#RenalJC',
      timeZone: 'Europe/London',
      defaultDisclosure: 'initials',
    }),
  );
  const itemId = await addPaper(machine, { title: TITLE, doi: DOI, abstract: ABSTRACT });
  const session = value(
    await machine.service.createSession({
      clubId: club.clubId,
      session: {
        title: 'Dapagliflozin in CKD',
        itemIds: [itemId],
        startsAt: '2026-12-09T19:00',
        timeZone: null,
        presenterId: null,
        discussionWindow: null,
      },
    }),
  );
  return { machine, club, session, itemId, paperId: `doi:${DOI}` };
}

function me(view: SessionView) {
  const member = view.members.find((one) => one.isMe);
  if (!member) throw new Error('no member is me');
  return member;
}

async function filesUnder(folder: string): Promise<Record<string, string>> {
  const contents: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    contents[path] = (await readFile(path)).toString('base64');
  }
  return contents;
}

describe('ClubMainService', () => {
  it('makes the profile once, with a member id that survives a restart', async () => {
    const folder = await newFolder();
    const first = await machineOn(folder, 'm');
    const made = value(await first.service.profile());
    expect(made).toMatchObject({ memberId: 'm-1', name: '', timeZone: 'Europe/London' });
    expect(value(await first.service.profile()).memberId).toBe('m-1');
    value(
      await first.service.setProfile({
        name: 'Ana Silva',
        profession: 'Nephrologist',
        cpdBody: 'GMC',
      }),
    );
    await closeMachine(first);

    const again = await machineOn(folder, 'other');
    expect(value(await again.service.profile())).toEqual({
      memberId: 'm-1',
      name: 'Ana Silva',
      profession: 'Nephrologist',
      cpdBody: 'GMC',
      timeZone: 'Europe/London',
    });
  });

  it('asks for a profile before a club is created', async () => {
    const machine = await machineOn(await newFolder(), 'm');
    const refused = await machine.service.createClub({
      name: 'Renal JC',
      hashtag: '',
      timeZone: 'Europe/London',
      defaultDisclosure: 'initials',
    });
    expect(refused).toMatchObject({ ok: false, code: 'needs-profile' });
  });

  it('creates a session from a library paper and files my answers, vote, action and attendance under me', async () => {
    const { machine, club, session, itemId, paperId } = await organiserWithSession();
    expect(session.papers).toEqual([
      expect.objectContaining({
        paperId,
        itemId,
        doi: DOI,
        title: TITLE,
        journal: 'N Engl J Med',
        year: 2020,
        suggestedDesign: expect.objectContaining({ design: 'randomised-trial' }),
        agreement: null,
      }),
    ]);
    expect(session.startsAtInstant).toBe('2026-12-09T19:00:00.000Z');
    expect(me(session)).toMatchObject({ name: 'Ana Silva', role: 'organiser' });

    const change = (change: Parameters<typeof machine.service.changeSession>[0]['change']) =>
      machine.service.changeSession({ sessionId: session.sessionId, change: change as never });
    value(
      await change({ kind: 'paperAppraisal', paperId, changes: { design: 'randomised-trial' } }),
    );
    value(
      await change({
        kind: 'answer',
        paperId,
        questionId: 'rct.masking',
        answer: { answer: 'yes', reason: 'Double blind', citedHighlightIds: [] },
      }),
    );
    value(await change({ kind: 'vote', vote: { vote: 'yes', reason: 'Strong trial' } }));
    value(
      await change({
        kind: 'action',
        item: {
          text: 'Audit eGFR',
          ownerId: club.members[0]?.memberId ?? null,
          dueDate: '2027-01-15',
          done: false,
        },
      }),
    );
    const view = value(await change({ kind: 'attendance', attendance: 'live' }));

    expect(me(view)).toMatchObject({
      answers: { [paperId]: { 'rct.masking': { answer: 'yes', reason: 'Double blind' } } },
      vote: { vote: 'yes', reason: 'Strong trial' },
      attendance: 'live',
    });
    expect(view.actions).toEqual([
      expect.objectContaining({ addedBy: me(view).memberId, ownerName: 'Ana Silva' }),
    ]);
    expect(view.tally).toEqual({ yes: 1, no: 0, 'not-sure': 0 });
    const masking = view.papers[0]?.agreement?.questions.find(
      (q) => q.questionId === 'rct.masking',
    );
    expect(masking).toMatchObject({ status: 'one-answer', counts: { yes: 1, no: 0, unclear: 0 } });
  });

  it('refuses an answer to a question of another checklist, with the appraisal module’s sentence', async () => {
    const { machine, session, paperId } = await organiserWithSession();
    value(
      await machine.service.changeSession({
        sessionId: session.sessionId,
        change: { kind: 'paperAppraisal', paperId, changes: { design: 'randomised-trial' } },
      }),
    );
    const refused = await machine.service.changeSession({
      sessionId: session.sessionId,
      change: {
        kind: 'answer',
        paperId,
        questionId: 'cc.question-stated',
        answer: { answer: 'yes', reason: '', citedHighlightIds: [] },
      },
    });
    expect(refused).toEqual({
      ok: false,
      code: 'invalid-argument',
      message: '"cc.question-stated" is not a question of the randomised trial checklist.',
    });
  });

  it('refuses to close without a bottom line, then closes and refuses further answers', async () => {
    const { machine, session } = await organiserWithSession();
    const sessionId = session.sessionId;
    expect(await machine.service.changeSession({ sessionId, change: { kind: 'close' } })).toEqual({
      ok: false,
      code: 'cannot-close',
      message: 'Write the bottom line (one sentence) before closing the session.',
    });
    value(
      await machine.service.changeSession({
        sessionId,
        change: { kind: 'bottomLine', text: 'Dapagliflozin slows CKD progression.' },
      }),
    );
    const closed = value(
      await machine.service.changeSession({ sessionId, change: { kind: 'close' } }),
    );
    expect(closed.metadata.status).toBe('closed');
    const refused = await machine.service.changeSession({
      sessionId,
      change: { kind: 'vote', vote: { vote: 'no', reason: '' } },
    });
    expect(refused).toMatchObject({ ok: false, code: 'closed' });
    const overview = value(await machine.service.overview({ clubId: session.clubId }));
    expect(overview.past.map((summary) => summary.title)).toEqual(['Dapagliflozin in CKD']);
    expect(overview.upcoming).toEqual([]);
  });

  it('keeps everything across a restart', async () => {
    const { machine, session, paperId } = await organiserWithSession();
    value(
      await machine.service.changeSession({
        sessionId: session.sessionId,
        change: { kind: 'presenterNotes', text: 'Read the supplementary appendix.' },
      }),
    );
    value(
      await machine.service.changeSession({
        sessionId: session.sessionId,
        change: {
          kind: 'paperAppraisal',
          paperId,
          changes: {
            pico: {
              population: 'Adults with CKD',
              interventionOrExposure: 'Dapagliflozin',
              comparison: 'Placebo',
              outcomes: 'eGFR decline',
            },
          },
        },
      }),
    );
    const before = value(await machine.service.session({ sessionId: session.sessionId }));
    await closeMachine(machine);

    const again = await machineOn(machine.dataDir, 'later');
    const after = value(await again.service.session({ sessionId: session.sessionId }));
    expect(after).toEqual(before);
    expect(after.presenterNotes).toBe('Read the supplementary appendix.');
    expect(after.papers[0]?.appraisal.pico.population).toBe('Adults with CKD');
    expect(value(await again.service.clubs()).map((club) => club.name)).toEqual(['Renal JC']);
  });

  it('exchanges bundles both ways: both members’ work is visible, and a second import changes nothing', async () => {
    const { machine: ana, session, paperId } = await organiserWithSession('ana');
    const sessionId = session.sessionId;
    const answer = (reply: 'yes' | 'no') => ({
      kind: 'answer' as const,
      paperId,
      questionId: 'rct.masking',
      answer: { answer: reply, reason: '', citedHighlightIds: [] },
    });
    value(
      await ana.service.changeSession({
        sessionId,
        change: { kind: 'paperAppraisal', paperId, changes: { design: 'randomised-trial' } },
      }),
    );
    value(await ana.service.changeSession({ sessionId, change: answer('yes') }));
    const fromAna = value(
      await ana.service.exportBundle({ sessionId, includePdfs: false, kept: [] }),
    );
    expect(fromAna.fileName).toBe('Dapagliflozin in CKD.rounds');

    const ben = await machineOn(await newFolder(), 'ben');
    value(
      await ben.service.setProfile({ name: 'Ben Okafor', profession: 'Registrar', cpdBody: '' }),
    );
    const joined = value(await ben.service.importBundle({ text: fromAna.text }));
    expect(joined).toMatchObject({ sessionId, created: true, changed: true, papersAdded: 1 });
    const atBen = value(await ben.service.session({ sessionId }));
    expect(atBen.clubName).toBe('Renal JC');
    expect(atBen.papers[0]?.itemId).not.toBeNull();
    value(await ben.service.changeSession({ sessionId, change: answer('yes') }));
    const fromBen = value(
      await ben.service.exportBundle({ sessionId, includePdfs: false, kept: [] }),
    );

    const merged = value(await ana.service.importBundle({ text: fromBen.text }));
    expect(merged).toMatchObject({ changed: true, created: false });
    expect(merged.message).toBe('Merged into “Dapagliflozin in CKD”: 1 member’s work added.');
    const atAna = value(await ana.service.session({ sessionId }));
    expect(atAna.members.map((member) => member.name).sort()).toEqual(['Ana Silva', 'Ben Okafor']);
    const agreement = atAna.papers[0]?.agreement?.questions.find(
      (question) => question.questionId === 'rct.masking',
    );
    expect(agreement).toMatchObject({ status: 'agreed', counts: { yes: 2, no: 0, unclear: 0 } });

    const writesBefore = ana.sessionWrites.length;
    const file = join(ana.dataDir, 'club', 'sessions', `${sessionId}.yjs`);
    const modifiedBefore = (await stat(file)).mtimeMs;
    const twice = value(await ana.service.importBundle({ text: fromBen.text }));
    expect(twice).toMatchObject({
      changed: false,
      message: 'Nothing new: you already had everything in this bundle.',
    });
    expect(ana.sessionWrites.length).toBe(writesBefore);
    expect((await stat(file)).mtimeMs).toBe(modifiedBefore);
  });

  it.each([
    ['damaged', '{"format":"rounds.session-bundle","version":1,', 'This bundle is damaged'],
    [
      'newer',
      JSON.stringify({ format: 'rounds.session-bundle', version: 99 }),
      'This bundle was made by a newer version of Rounds',
    ],
    ['oversize', 'x'.repeat(64 * 1024 * 1024 + 1), 'Rounds imports bundles of at most 64 MB'],
  ])('refuses a %s bundle and changes nothing on disk', async (_kind, text, sentence) => {
    const { machine } = await organiserWithSession();
    const before = await filesUnder(machine.dataDir);
    const refused = await machine.service.importBundle({ text });
    expect(refused).toMatchObject({ ok: false, code: 'invalid-bundle' });
    expect(refused.ok ? '' : refused.message).toContain(sentence);
    expect(await filesUnder(machine.dataDir)).toEqual(before);
  });

  it('relays discussion edits and refuses an edit that touches the answers', async () => {
    const { machine, session, paperId } = await organiserWithSession();
    const sessionId = session.sessionId;
    const windowCopy = new Y.Doc();
    const state = value(await machine.service.documentState({ sessionId }));
    Y.applyUpdate(windowCopy, decodeBase64(state.update) as Uint8Array);

    const told: string[] = [];
    machine.service.onDidChangeSession((change) => told.push(change.sessionId));
    const edits: Uint8Array[] = [];
    windowCopy.on('update', (update: Uint8Array) => edits.push(update));
    const paragraph = discussionOf(windowCopy).toDelta()[0]?.insert as Y.XmlText;
    paragraph.insert(0, 'Is eGFR slope a fair end point?');
    expect(
      await machine.service.discussionUpdate({
        sessionId,
        update: encodeBase64(edits[0] as Uint8Array),
      }),
    ).toEqual({ ok: true, value: { applied: true } });
    expect(value(await machine.service.session({ sessionId })).discussionText).toBe(
      'Is eGFR slope a fair end point?',
    );
    expect(told).toContain(sessionId);

    const sneaky: Uint8Array[] = [];
    windowCopy.on('update', (update: Uint8Array) => sneaky.push(update));
    paperAnswersMap(windowCopy).set(paperAnswerKey('someone-else', paperId, 'rct.masking'), {
      answer: 'no',
      reason: '',
      citedHighlightIds: [],
    });
    const refused = await machine.service.discussionUpdate({
      sessionId,
      update: encodeBase64(sneaky[0] as Uint8Array),
    });
    expect(refused).toMatchObject({ ok: false, code: 'invalid-update' });
    const view = value(await machine.service.session({ sessionId }));
    expect(view.members.map((member) => member.memberId)).not.toContain('someone-else');
  });

  it('saves CPD entries, refuses a non-quarter hour, and exports CSV with a BOM', async () => {
    const { machine, session } = await organiserWithSession();
    const draft = value(await machine.service.cpdDraft({ sessionId: session.sessionId }));
    expect(draft).toMatchObject({
      date: '2026-12-09T19:00:00.000Z',
      hours: 1,
      type: 'journal-club-live',
      reportedTo: 'GMC',
      citation: `Heerspink HJL et al. ${TITLE}. N Engl J Med 2020. doi:${DOI}.`,
    });
    const input = {
      sessionId: session.sessionId,
      date: draft.date,
      citation: draft.citation,
      type: draft.type,
      learned: 'SGLT2 inhibitors protect the kidney',
      willChange: '',
    };
    const refused = await machine.service.saveCpdEntry({ ...input, hours: 0.3 });
    expect(refused).toEqual({
      ok: false,
      code: 'invalid-entry',
      message:
        'Hours are counted in quarter hours (0.25, 0.5, 0.75, …); 0.3 is not one — the nearest are 0.25 and 0.5.',
    });
    const log = value(await machine.service.saveCpdEntry({ ...input, hours: 1.5 }));
    expect(log.totals.byYear).toEqual([{ year: 2026, hours: 1.5, entries: 1 }]);
    const csv = value(await machine.service.exportCpdCsv());
    expect(csv.fileName).toBe('rounds-cpd-log.csv');
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    expect(csv.text.split('\r\n')[1]).toBe(
      `2026-12-09,Dapagliflozin in CKD,${draft.citation},journal club (live),1.5,SGLT2 inhibitors protect the kidney,,GMC,${session.sessionId},${log.entries[0]?.id}`,
    );
  });

  it('keeps a damaged session file aside with a notice, and carries on', async () => {
    const { machine, session } = await organiserWithSession();
    await closeMachine(machine);
    const file = join(machine.dataDir, 'club', 'sessions', `${session.sessionId}.yjs`);
    await writeFile(file, 'not a Yjs update');

    const again = await machineOn(machine.dataDir, 'later');
    const missing = await again.service.session({ sessionId: session.sessionId });
    expect(missing).toMatchObject({ ok: false, code: 'not-found' });
    const kept = (await readdir(join(machine.dataDir, 'club', 'sessions'))).filter((name) =>
      name.startsWith(`${session.sessionId}.yjs.damaged-`),
    );
    expect(kept).toHaveLength(1);
    expect(again.library.notices()).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Rounds could not read a journal club session'),
      }),
    ]);
    expect(value(await again.service.overview({ clubId: session.clubId })).upcoming).toEqual([]);
  });

  it('copies my highlights on the session’s papers into the session', async () => {
    const { machine, session, itemId } = await organiserWithSession();
    await machine.annotations.putAnnotations([
      {
        id: '00000000-0000-4000-8000-000000000001',
        itemId,
        source: `https://doi.org/${DOI}`,
        selectors: {
          quote: { type: 'TextQuoteSelector', exact: 'randomly assigned', prefix: '', suffix: '' },
          position: null,
          page: null,
        },
        colour: 'yellow',
        note: 'Allocation',
        noteId: null,
        tags: [],
        createdAt: '2026-12-01T10:00:00.000Z',
        updatedAt: '2026-12-01T10:00:00.000Z',
      },
    ]);
    const view = value(await machine.service.session({ sessionId: session.sessionId }));
    expect(me(view).highlights).toEqual([
      {
        annotationId: '00000000-0000-4000-8000-000000000001',
        paperId: `doi:${DOI}`,
        quote: 'randomly assigned',
        page: null,
        colour: 'yellow',
        note: 'Allocation',
      },
    ]);
    const writes = machine.sessionWrites.length;
    value(await machine.service.session({ sessionId: session.sessionId }));
    expect(machine.sessionWrites.length).toBe(writes);
  });
});
