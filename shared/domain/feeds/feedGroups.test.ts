import { describe, expect, it } from 'vitest';
import {
  feedsInFolder,
  feedsWithTag,
  planFolderDeletion,
  planFolderRename,
  type GroupedFeed,
} from './feedGroups';

function feed(id: string, folder: string[], tags: string[] = []): GroupedFeed {
  return { id, folder, tags };
}

const LIBRARY = [
  feed('circulation', ['Cardiology'], ['Trials']),
  feed('nejm', ['Cardiology', 'Trials']),
  feed('jacc', ['Cardiology', 'Trials', 'Imaging'], ['trials']),
  feed('elife', ['Preprints']),
  feed('bmj', []),
  feed('cardio-lower', ['Cardiology ']),
];

describe('feedsInFolder', () => {
  it('takes the feeds of a folder and of every folder inside it', () => {
    expect(feedsInFolder(LIBRARY, ['Cardiology']).map((f) => f.id)).toEqual([
      'circulation',
      'nejm',
      'jacc',
      'cardio-lower',
    ]);
    expect(feedsInFolder(LIBRARY, ['Cardiology', 'Trials']).map((f) => f.id)).toEqual([
      'nejm',
      'jacc',
    ]);
  });

  it('matches whole names only, and never treats the top level as a folder', () => {
    expect(feedsInFolder(LIBRARY, ['Cardio'])).toEqual([]);
    expect(feedsInFolder(LIBRARY, [])).toEqual([]);
  });
});

describe('feedsWithTag', () => {
  it('takes the feeds carrying a tag, whatever its case', () => {
    expect(feedsWithTag(LIBRARY, 'TRIALS').map((f) => f.id)).toEqual(['circulation', 'jacc']);
  });
});

describe('planFolderRename', () => {
  it('moves every feed in the folder and below to the new name, keeping the folders inside', () => {
    const plan = planFolderRename(LIBRARY, { folder: ['Cardiology', 'Trials'], name: ' RCTs ' });
    expect(plan).toEqual({
      ok: true,
      folder: ['Cardiology', 'RCTs'],
      moves: [
        { feedId: 'nejm', folder: ['Cardiology', 'RCTs'] },
        { feedId: 'jacc', folder: ['Cardiology', 'RCTs', 'Imaging'] },
      ],
    });
  });

  it('refuses a name another folder beside it already has, ignoring case', () => {
    expect(planFolderRename(LIBRARY, { folder: ['Preprints'], name: 'cardiology' })).toEqual({
      ok: false,
      reason: 'clash',
      existing: 'Cardiology',
    });
  });

  it('joins the existing folder, under its spelling, only when asked to merge', () => {
    expect(
      planFolderRename(LIBRARY, { folder: ['Preprints'], name: 'cardiology', merge: true }),
    ).toEqual({
      ok: true,
      folder: ['Cardiology'],
      moves: [{ feedId: 'elife', folder: ['Cardiology'] }],
    });
  });

  it('lets a folder change the case of its own name', () => {
    const plan = planFolderRename(LIBRARY, { folder: ['Preprints'], name: 'PREPRINTS' });
    expect(plan).toEqual({
      ok: true,
      folder: ['PREPRINTS'],
      moves: [{ feedId: 'elife', folder: ['PREPRINTS'] }],
    });
  });

  it('says when the folder is not there', () => {
    expect(planFolderRename(LIBRARY, { folder: ['Oncology'], name: 'Cancer' })).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });
});

describe('planFolderDeletion', () => {
  it('moves the feeds and folders inside up to the parent folder', () => {
    expect(planFolderDeletion(LIBRARY, ['Cardiology', 'Trials'])).toEqual({
      ok: true,
      folder: ['Cardiology'],
      moves: [
        { feedId: 'nejm', folder: ['Cardiology'] },
        { feedId: 'jacc', folder: ['Cardiology', 'Imaging'] },
      ],
    });
  });

  it('moves a top-level folder’s feeds to the top level', () => {
    expect(planFolderDeletion(LIBRARY, ['Preprints'])).toEqual({
      ok: true,
      folder: [],
      moves: [{ feedId: 'elife', folder: [] }],
    });
  });

  it('says when the folder is not there', () => {
    expect(planFolderDeletion(LIBRARY, ['Oncology'])).toEqual({ ok: false, reason: 'not-found' });
  });
});
