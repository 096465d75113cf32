/**
 * Journal-club benchmark (issue 9):
 * - `club.bundle_bytes`: a `.rounds` bundle of a finished session — 10 members, each with 50
 *   highlights on the paper (quotes of 20–300 characters and a note), answers to an 11-question
 *   checklist, a vote, 2 actions and attendance, and a discussion of a few paragraphs — exported
 *   with the paper's stored text and no PDF.
 * - `club.bundle_import_ms`: the median time to import that bundle into a fresh document.
 * - `club.sync_p95_ms` / `club.sync_median_ms`: an edit's round trip through the club server on
 *   127.0.0.1 — member A changes a value, timed until member B's document has it (B's update event).
 *
 *   npx tsx bench/club.bench.ts
 *
 * Prints one JSON object per line.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startClubSyncServer } from '../electron/club-server/ClubSyncServer';
import { clubSyncProtocols } from '../electron/club-server/clubProtocol';
import { DEFAULT_LIMITS } from '../electron/club-server/parseClubServerArgs';
import { describeTextRange } from '../shared/domain/annotations/selectors';
import { exportRoundsBundle, importRoundsBundle } from '../shared/domain/club/session/roundsBundle';
import {
  annotationsMap,
  createSessionDoc,
  discussionOf,
  sessionMap,
  setActionItem,
  setAnnotation,
  setAnswer,
  setAttendance,
  setBottomLine,
  setVote,
} from '../shared/domain/club/session/sessionDocument';
import type { JsonValue } from '../shared/domain/club/session/sessionValues';
import { seededRandom } from '../shared/testing/seededRandom';
import { median, percentile95 } from './statistics';

const MEMBERS = 10;
const ANNOTATIONS_PER_MEMBER = 50;
const CHECKLIST_QUESTIONS = 11;
const DISCUSSION_PARAGRAPHS = 5;
const PAPER_CHARACTERS = 60_000;
const IMPORT_WARM_UP_RUNS = 2;
const IMPORT_RUNS = 7;
const SYNC_WARM_UP_EDITS = 5;
const SYNC_EDITS = 50;
const SESSION_ID = 'club-bench-session';
const PAPER_ID = 'paper-anticoagulation-trial';
const TOKEN = 'club-bench-token-0123456789';

const WORDS = (
  'patients participants adults randomised allocated early delayed anticoagulation heparin ' +
  'placebo usual care intervention control group trial cohort hospitals ward admission discharge ' +
  'mortality death survival bleeding stroke infection outcome primary secondary prespecified ' +
  'sensitivity analysis subgroup adjusted hazard ratio odds risk difference confidence interval ' +
  'baseline severity days weeks months follow-up lower higher similar reduced increased was were ' +
  'had than with in of the a and or but not after before during among between within for to by'
).split(' ');

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

function sentence(next: () => number): string {
  const words = Array.from({ length: 12 + Math.floor(next() * 19) }, () => pick(next, WORDS));
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(next: () => number, sentences = 4 + Math.floor(next() * 4)): string {
  return Array.from({ length: sentences }, () => sentence(next)).join(' ');
}

/** The paper's stored readable text: sections of paragraphs, about 12 pages. */
function paperText(next: () => number): string {
  const sections = ['Abstract', 'Introduction', 'Methods', 'Results', 'Discussion'];
  const parts: string[] = [];
  let length = 0;
  while (length < PAPER_CHARACTERS) {
    const section = sections[Math.min(4, Math.floor((length / PAPER_CHARACTERS) * 5))] ?? '';
    const text = `${section}\n\n${paragraph(next)}\n\n`;
    parts.push(text);
    length += text.length;
  }
  return parts.join('');
}

/** A highlight as the reader saves it: selectors of a 20–300 character passage, a note, a colour. */
function annotation(text: string, next: () => number, createdAt: string): JsonValue {
  for (;;) {
    const roughStart = Math.floor(next() * (text.length - 400));
    const start = text.indexOf(' ', roughStart) + 1;
    const end = text.indexOf(' ', start + 20 + Math.floor(next() * 280));
    const selectors = describeTextRange(text, start, end);
    if (!selectors) continue;
    return {
      paperId: PAPER_ID,
      selectors: JSON.parse(JSON.stringify(selectors)) as JsonValue,
      colour: pick(next, ['yellow', 'green', 'blue', 'pink']),
      note: next() < 0.7 ? sentence(next) + (next() < 0.4 ? ` ${sentence(next)}` : '') : '',
      createdAt,
    };
  }
}

/** A finished session with everything the bench asks for. */
function buildSession(): { doc: Y.Doc; text: string } {
  const next = seededRandom(9_090);
  const text = paperText(next);
  const doc = createSessionDoc(SESSION_ID, {
    title: 'Early anticoagulation after ischaemic stroke',
    papers: [{ paperId: PAPER_ID, doi: '10.1056/bench.2026.0001' }],
    startsAt: '2026-12-09T19:00',
    timeZone: 'Europe/London',
    presenterId: 'member-0',
    status: 'live',
  });
  for (let member = 0; member < MEMBERS; member += 1) {
    const memberId = `member-${member}`;
    const highlightIds: string[] = [];
    doc.transact(() => {
      for (let index = 0; index < ANNOTATIONS_PER_MEMBER; index += 1) {
        const id = `highlight-${member}-${index}`;
        highlightIds.push(id);
        setAnnotation(doc, memberId, id, annotation(text, next, '2026-12-01T18:00:00.000Z'));
      }
      for (let question = 1; question <= CHECKLIST_QUESTIONS; question += 1) {
        setAnswer(doc, memberId, `q${question}`, {
          answer: pick(next, ['yes', 'no', 'unclear'] as const),
          reason: sentence(next),
          citedHighlightIds: [pick(next, highlightIds), pick(next, highlightIds)],
        });
      }
      setVote(doc, memberId, {
        vote: pick(next, ['yes', 'no', 'not-sure'] as const),
        reason: sentence(next),
      });
      for (let action = 0; action < 2; action += 1) {
        setActionItem(doc, memberId, `action-${action}`, {
          text: sentence(next),
          ownerId: memberId,
          dueDate: '2027-01-15',
          done: false,
        });
      }
      setAttendance(doc, memberId, next() < 0.7 ? 'live' : 'asynchronous');
    });
  }
  const discussion = discussionOf(doc);
  for (let index = 0; index < DISCUSSION_PARAGRAPHS; index += 1) {
    discussion.insert(discussion.length, `${paragraph(next)}\n`);
  }
  return { doc, text };
}

// Median and p95 as bench/scale.bench.ts computes them (nearest rank for the percentile).

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function measureBundle(): { bytes: number; runs: number[] } {
  const { doc, text } = buildSession();
  const bundle = exportRoundsBundle(doc, {
    exportedAt: '2026-12-02T10:00:00.000Z',
    papers: [
      {
        paperId: PAPER_ID,
        doi: '10.1056/bench.2026.0001',
        title: 'Early anticoagulation after ischaemic stroke: a randomised trial',
        authors: ['A. Author', 'B. Author', 'C. Author'],
        journal: 'Bench Journal of Medicine',
        year: 2026,
        content: { format: 'text', body: text },
        pdf: null,
      },
    ],
  });
  const runs: number[] = [];
  for (let run = 0; run < IMPORT_WARM_UP_RUNS + IMPORT_RUNS; run += 1) {
    const fresh = new Y.Doc();
    const started = performance.now();
    const imported = importRoundsBundle(fresh, bundle);
    const elapsed = performance.now() - started;
    if (!imported.ok) throw new Error(`The bench bundle did not import: ${imported.message}`);
    if (annotationsMap(fresh).size !== MEMBERS * ANNOTATIONS_PER_MEMBER) {
      throw new Error(`The imported session has ${annotationsMap(fresh).size} annotations.`);
    }
    if (run >= IMPORT_WARM_UP_RUNS) runs.push(round(elapsed));
    fresh.destroy();
  }
  return { bytes: Buffer.byteLength(bundle, 'utf8'), runs };
}

function connect(url: string, doc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(url, SESSION_ID, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    protocols: clubSyncProtocols(TOKEN),
    disableBc: true,
  });
}

function synced(provider: WebsocketProvider): Promise<void> {
  return new Promise((resolve) => {
    if (provider.synced) return resolve();
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

/** Resolves when B's document first holds `bottomLine`, seen through its update event. */
function arrival(doc: Y.Doc, bottomLine: string): Promise<number> {
  return new Promise((resolve) => {
    const onUpdate = () => {
      if (sessionMap(doc).get('bottomLine') !== bottomLine) return;
      doc.off('update', onUpdate);
      resolve(performance.now());
    };
    doc.on('update', onUpdate);
  });
}

async function measureSync(): Promise<number[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rounds-club-bench-'));
  const serverLog: string[] = [];
  const server = await startClubSyncServer(
    { port: 0, host: '127.0.0.1', dataDir, token: TOKEN, tls: null, limits: DEFAULT_LIMITS },
    { log: (line) => serverLog.push(line) },
  );
  const docA = createSessionDoc(SESSION_ID, { title: 'Sync bench' });
  const docB = new Y.Doc();
  const providerA = connect(server.url, docA);
  const providerB = connect(server.url, docB);
  try {
    await Promise.all([synced(providerA), synced(providerB)]);
    const runs: number[] = [];
    for (let edit = 0; edit < SYNC_WARM_UP_EDITS + SYNC_EDITS; edit += 1) {
      const value = `Bottom line, edit ${edit}: early anticoagulation is safe.`;
      const arrived = arrival(docB, value);
      const started = performance.now();
      setBottomLine(docA, value);
      const elapsed = (await arrived) - started;
      if (edit >= SYNC_WARM_UP_EDITS) runs.push(round(elapsed));
    }
    return runs;
  } catch (error) {
    console.error(serverLog.join('\n'));
    throw error;
  } finally {
    providerA.destroy();
    providerB.destroy();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const context = {
    members: MEMBERS,
    annotationsPerMember: ANNOTATIONS_PER_MEMBER,
    checklistQuestions: CHECKLIST_QUESTIONS,
  };
  const bundle = measureBundle();
  console.log(
    JSON.stringify({
      name: 'club.bundle_bytes',
      value: bundle.bytes,
      unit: 'bytes',
      ...context,
      pdf: false,
    }),
  );
  console.log(
    JSON.stringify({
      name: 'club.bundle_import_ms',
      value: round(median(bundle.runs)),
      unit: 'ms',
      ...context,
      bytes: bundle.bytes,
      min: Math.min(...bundle.runs),
      runs: bundle.runs,
    }),
  );
  const sync = await measureSync();
  const syncContext = { edits: sync.length, server: '127.0.0.1 (in-process)', transport: 'ws' };
  console.log(
    JSON.stringify({
      name: 'club.sync_p95_ms',
      value: round(percentile95(sync)),
      unit: 'ms',
      ...syncContext,
      median: round(median(sync)),
      max: Math.max(...sync),
    }),
  );
  console.log(
    JSON.stringify({
      name: 'club.sync_median_ms',
      value: round(median(sync)),
      unit: 'ms',
      ...syncContext,
      runs: sync,
    }),
  );
}

await main();
