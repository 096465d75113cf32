import { describe, expect, it } from 'vitest';
import type { NoteEnvelope, NoteEnvelopeResult } from '@shared/domain/notes/noteEnvelope';
import { ManualScheduler } from './testing/ManualScheduler';
import { NoteAutosaveController, type AutosaveStatus } from './NoteAutosaveController';

function envelopeSaying(plainText: string): NoteEnvelopeResult {
  return {
    ok: true,
    envelope: {
      format: 'rounds-note',
      version: 1,
      editorState: { root: { type: 'root', children: [] } },
      plainText,
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  };
}

/** A save whose answers the test gives one at a time. */
class HeldSaves {
  readonly saved: string[] = [];
  private answers: { resolve: () => void; reject: (error: Error) => void }[] = [];

  readonly save = (envelope: NoteEnvelope): Promise<void> => {
    this.saved.push(envelope.plainText);
    return new Promise((resolve, reject) => this.answers.push({ resolve, reject }));
  };

  async succeed(): Promise<void> {
    this.answers.shift()?.resolve();
    await settled();
  }

  async fail(): Promise<void> {
    this.answers.shift()?.reject(new Error('disk full'));
    await settled();
  }
}

async function settled(): Promise<void> {
  for (let turn = 0; turn < 5; turn += 1) await Promise.resolve();
}

function setUp() {
  const scheduler = new ManualScheduler();
  const saves = new HeldSaves();
  const statuses: AutosaveStatus[] = [];
  const controller = new NoteAutosaveController(
    { save: saves.save, schedule: scheduler.schedule, pauseMs: 800, retryMs: 4000 },
    (status) => statuses.push(status),
  );
  const lastStatus = () => statuses.at(-1);
  return { scheduler, saves, controller, lastStatus };
}

describe('NoteAutosaveController', () => {
  it('saves once, after the pause, the latest of several changes', async () => {
    const { scheduler, saves, controller, lastStatus } = setUp();

    controller.noteChanged(() => envelopeSaying('M'));
    controller.noteChanged(() => envelopeSaying('Mo'));
    controller.noteChanged(() => envelopeSaying('Mor'));
    expect(saves.saved).toEqual([]);
    expect(scheduler.waitingDelays).toEqual([800]);

    scheduler.runWaiting();
    expect(saves.saved).toEqual(['Mor']);
    expect(lastStatus()).toEqual({ state: 'saving' });
    await saves.succeed();
    expect(lastStatus()).toEqual({ state: 'saved' });
  });

  it('keeps a failed note and retries it until it is saved', async () => {
    const { scheduler, saves, controller, lastStatus } = setUp();
    controller.noteChanged(() => envelopeSaying('Mortality fell'));
    scheduler.runWaiting();

    await saves.fail();
    expect(lastStatus()).toEqual({ state: 'retrying' });
    expect(scheduler.waitingDelays).toEqual([4000]);

    scheduler.runWaiting();
    await saves.fail();
    scheduler.runWaiting();
    await saves.succeed();

    expect(saves.saved).toEqual(['Mortality fell', 'Mortality fell', 'Mortality fell']);
    expect(lastStatus()).toEqual({ state: 'saved' });
  });

  it('saves changes made while a save was running once that save ends', async () => {
    const { scheduler, saves, controller, lastStatus } = setUp();
    controller.noteChanged(() => envelopeSaying('first'));
    scheduler.runWaiting();
    controller.noteChanged(() => envelopeSaying('second'));
    scheduler.runWaiting(); // the pause ends while the first save is still running

    await saves.succeed();
    expect(saves.saved).toEqual(['first', 'second']);
    expect(lastStatus()).toEqual({ state: 'saving' });
    await saves.succeed();
    expect(lastStatus()).toEqual({ state: 'saved' });
  });

  it('saves at once when flushed (the editor lost focus), without waiting for the pause', async () => {
    const { scheduler, saves, controller } = setUp();
    controller.noteChanged(() => envelopeSaying('typed then left'));

    controller.flush();

    expect(saves.saved).toEqual(['typed then left']);
    expect(scheduler.waitingDelays).toEqual([]);
    await saves.succeed();
    controller.flush();
    expect(saves.saved).toEqual(['typed then left']);
  });

  it('saves what is pending when stopped, and schedules nothing afterwards', async () => {
    const { scheduler, saves, controller } = setUp();
    controller.noteChanged(() => envelopeSaying('closing the note'));

    controller.stop();
    await saves.fail();

    expect(saves.saved).toEqual(['closing the note']);
    expect(scheduler.waitingDelays).toEqual([]);
  });

  it('shows why a note cannot be stored and does not retry it', () => {
    const { scheduler, saves, controller, lastStatus } = setUp();
    controller.noteChanged(() => ({ ok: false, code: 'too-large', message: 'Too long.' }));

    scheduler.runWaiting();

    expect(saves.saved).toEqual([]);
    expect(lastStatus()).toEqual({ state: 'refused', message: 'Too long.' });
    expect(scheduler.waitingDelays).toEqual([]);
  });
});
