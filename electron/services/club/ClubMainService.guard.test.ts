import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeBase64, encodeBase64 } from '@shared/domain/club/session/base64';
import { discussionOf } from '@shared/domain/club/session/sessionLayout';
import { addPaper, openClubMachine, type ClubMachine } from './testing/clubMachine';

// The privacy guard on session bundles: what a bundle carries is scanned just before it is
// written, and the bundle is refused until every finding is kept with a reason.

const DOI = '10.1056/nejmoa2024816';

let folders: string[];
let machines: ClubMachine[];

beforeEach(() => {
  folders = [];
  machines = [];
});

afterEach(async () => {
  for (const machine of machines) await machine.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

function value<T>(
  result: { ok: true; value: T } | { ok: false; code: string; message: string },
): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

async function machine(prefix: string): Promise<ClubMachine> {
  const folder = await mkdtemp(join(tmpdir(), 'rounds-club-guard-'));
  folders.push(folder);
  const opened = await openClubMachine(folder, { idPrefix: prefix });
  machines.push(opened);
  return opened;
}

/** Ana's session on the DAPA-CKD paper, with Ben Okafor on the roster. */
async function sessionWithRoster() {
  const ana = await machine('ana');
  value(
    await ana.service.setProfile({ name: 'Ana Silva', profession: 'Nephrologist', cpdBody: '' }),
  );
  const club = value(
    await ana.service.createClub({
      name: 'Renal JC',
      hashtag: '#RenalJC',
      timeZone: 'Europe/London',
      defaultDisclosure: 'initials',
    }),
  );
  value(
    await ana.service.setMember({
      clubId: club.clubId,
      member: { name: 'Ben Okafor', profession: 'Registrar', role: 'presenter', handle: null },
    }),
  );
  const itemId = await addPaper(ana, {
    title: 'Dapagliflozin in Patients with Chronic Kidney Disease',
    doi: DOI,
    authors: ['Hiddo J.L. Heerspink', 'Bergur V. Stefánsson'],
  });
  const session = value(
    await ana.service.createSession({
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
  return { ana, sessionId: session.sessionId, paperId: `doi:${DOI}` };
}

/** Types `text` into the session's discussion as the window would. */
async function writeDiscussion(ana: ClubMachine, sessionId: string, text: string) {
  const windowCopy = new Y.Doc();
  const state = value(await ana.service.documentState({ sessionId }));
  Y.applyUpdate(windowCopy, decodeBase64(state.update) as Uint8Array);
  const edits: Uint8Array[] = [];
  windowCopy.on('update', (update: Uint8Array) => edits.push(update));
  const paragraph = discussionOf(windowCopy).toDelta()[0]?.insert as Y.XmlText;
  paragraph.insert(0, text);
  value(
    await ana.service.discussionUpdate({ sessionId, update: encodeBase64(edits[0] as Uint8Array) }),
  );
}

describe('the privacy guard on session bundles', () => {
  it('blocks a bundle whose discussion names a patient, then exports it once that is kept', async () => {
    const { ana, sessionId } = await sessionWithRoster();
    await writeDiscussion(ana, sessionId, 'Mrs Jane Doe on our ward stopped it after a week.');

    const findings = value(await ana.service.bundleFindings({ sessionId }));
    expect(findings.map(({ type, text, where }) => ({ type, text, where }))).toEqual([
      { type: 'name', text: 'Mrs Jane Doe', where: 'Discussion' },
    ]);
    expect(value(await ana.service.privacyFindings({ sessionId }))).toEqual(findings);

    const blocked = await ana.service.exportBundle({ sessionId, includePdfs: false, kept: [] });
    expect(blocked).toEqual({
      ok: false,
      code: 'blocked',
      message:
        'Not exported: 1 possible patient identifier (name “Mrs Jane Doe” in Discussion). Edit the text to remove it, or keep it with a reason.',
    });

    const bundle = value(
      await ana.service.exportBundle({
        sessionId,
        includePdfs: false,
        kept: [{ type: 'name', text: 'Mrs Jane Doe', reason: 'consented' }],
      }),
    );
    const ben = await machine('ben');
    value(await ben.service.setProfile({ name: 'Ben Okafor', profession: '', cpdBody: '' }));
    value(await ben.service.importBundle({ text: bundle.text }));
    expect(value(await ben.service.session({ sessionId })).discussionText).toBe(
      'Mrs Jane Doe on our ward stopped it after a week.',
    );
  });

  it('never blocks on paper authors in an answer, on member names or on the paper itself', async () => {
    const { ana, sessionId, paperId } = await sessionWithRoster();
    value(
      await ana.service.changeSession({
        sessionId,
        change: { kind: 'paperAppraisal', paperId, changes: { design: 'randomised-trial' } },
      }),
    );
    value(
      await ana.service.changeSession({
        sessionId,
        change: {
          kind: 'answer',
          paperId,
          questionId: 'rct.allocation-hidden',
          answer: {
            answer: 'yes',
            reason: 'Central randomisation, as Smith et al. 2023 describe for DAPA-CKD.',
            citedHighlightIds: [],
          },
        },
      }),
    );
    await writeDiscussion(ana, sessionId, 'Ben Okafor will present; Heerspink (2020) is the lead.');

    expect(value(await ana.service.bundleFindings({ sessionId }))).toEqual([]);
    const bundle = await ana.service.exportBundle({ sessionId, includePdfs: false, kept: [] });
    expect(bundle).toMatchObject({ ok: true, value: { fileName: 'Dapagliflozin in CKD.rounds' } });
  });

  it('answers not-found for a session that is not here', async () => {
    const { ana } = await sessionWithRoster();
    expect(await ana.service.bundleFindings({ sessionId: 'gone' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });
});
