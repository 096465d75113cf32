import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CredentialStore } from './CredentialStore';
import { OwnerOnlyFileCredentialStore } from './OwnerOnlyFileCredentialStore';
import { SafeStorageCredentialStore, type SafeStorageLike } from './SafeStorageCredentialStore';

const HAS_PERMISSION_BITS = process.platform !== 'win32';
const BLUESKY = {
  service: 'https://bsky.social',
  identifier: 'clinician.bsky.social',
  appPassword: 'abcd-efgh-ijkl-mnop',
};
const MASTODON = { instance: 'https://med-mastodon.com', accessToken: 'token-1234567890' };

/** Stands in for Electron's safeStorage: reversible, but the text is not readable on disk. */
function fakeSafeStorage(available = true): SafeStorageLike {
  const marker = Buffer.from('v10');
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) =>
      Buffer.concat([marker, Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)]),
    decryptString: (blob) => {
      if (!blob.subarray(0, 3).equals(marker))
        throw new Error('Error while decrypting the ciphertext');
      return Buffer.from(blob.subarray(3).map((byte) => byte ^ 0x5a)).toString('utf8');
    },
  };
}

let folder: string;
let credentialsFolder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rounds-credentials-'));
  credentialsFolder = join(folder, 'credentials');
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const stores: [
  string,
  (path: string) => CredentialStore,
  string,
  /** The bytes the store would write for this document text. */
  (documentText: string) => Buffer,
][] = [
  [
    'SafeStorageCredentialStore',
    (path) => new SafeStorageCredentialStore(fakeSafeStorage(), path),
    'posting.bin',
    (text) => fakeSafeStorage().encryptString(text),
  ],
  [
    'OwnerOnlyFileCredentialStore',
    (path) => new OwnerOnlyFileCredentialStore(path),
    'posting.json',
    (text) => Buffer.from(text, 'utf8'),
  ],
];

describe.each(stores)('%s', (_name, makeStore, fileName, encode) => {
  let path: string;
  beforeEach(() => {
    path = join(credentialsFolder, fileName);
  });

  it('has nothing before anything is stored', async () => {
    expect(await makeStore(path).get('bluesky')).toBeNull();
  });

  it('keeps each platform’s credentials, across restarts', async () => {
    const store = makeStore(path);
    expect(await store.set('bluesky', BLUESKY)).toEqual({ ok: true });
    expect(await store.set('mastodon', MASTODON)).toEqual({ ok: true });

    const reopened = makeStore(path);
    expect(await reopened.get('bluesky')).toEqual(BLUESKY);
    expect(await reopened.get('mastodon')).toEqual(MASTODON);
  });

  it('writes a file only its owner can read, in a folder only its owner can open', async () => {
    await makeStore(path).set('mastodon', MASTODON);
    if (!HAS_PERMISSION_BITS) return;
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(credentialsFolder)).mode & 0o777).toBe(0o700);
  });

  it('closes an existing folder to others before writing into it', async () => {
    await mkdir(credentialsFolder, { mode: 0o755 });
    await chmod(credentialsFolder, 0o755);
    await makeStore(path).set('mastodon', MASTODON);
    if (!HAS_PERMISSION_BITS) return;
    expect((await stat(credentialsFolder)).mode & 0o777).toBe(0o700);
  });

  it('leaves no temporary file behind', async () => {
    const store = makeStore(path);
    await store.set('bluesky', BLUESKY);
    await store.set('bluesky', { ...BLUESKY, appPassword: 'zzzz-zzzz-zzzz-zzzz' });
    expect(await readdir(credentialsFolder)).toEqual([fileName]);
  });

  it('forgets one platform and keeps the other; forgetting the last removes the file', async () => {
    const store = makeStore(path);
    await store.set('bluesky', BLUESKY);
    await store.set('mastodon', MASTODON);

    await store.forget('bluesky');
    expect(await makeStore(path).get('bluesky')).toBeNull();
    expect(await makeStore(path).get('mastodon')).toEqual(MASTODON);

    await store.forget('mastodon');
    expect(await readdir(credentialsFolder)).toEqual([]);
    await store.forget('mastodon');
  });

  it('answers null for a damaged file and sets it aside, numbering each one', async () => {
    await mkdir(credentialsFolder, { recursive: true });
    await writeFile(path, '{"version":1,"credentials":{"bluesky":{"service"');
    expect(await makeStore(path).get('bluesky')).toBeNull();
    expect(await readdir(credentialsFolder)).toEqual([`${fileName}.damaged-1`]);

    await writeFile(path, 'not at all what was written');
    expect(await makeStore(path).get('mastodon')).toBeNull();
    expect((await readdir(credentialsFolder)).sort()).toEqual([
      `${fileName}.damaged-1`,
      `${fileName}.damaged-2`,
    ]);

    const store = makeStore(path);
    expect(await store.set('mastodon', MASTODON)).toEqual({ ok: true });
    expect(await store.get('mastodon')).toEqual(MASTODON);
  });

  it('treats a readable file with a missing field as damaged', async () => {
    await mkdir(credentialsFolder, { recursive: true });
    const document = { version: 1, credentials: { bluesky: { service: 'https://bsky.social' } } };
    await writeFile(path, encode(JSON.stringify(document)));
    expect(await makeStore(path).get('bluesky')).toBeNull();
    expect(await readdir(credentialsFolder)).toEqual([`${fileName}.damaged-1`]);
  });

  it('reads a file written in the current format', async () => {
    await mkdir(credentialsFolder, { recursive: true });
    const document = { version: 1, credentials: { mastodon: MASTODON } };
    await writeFile(path, encode(JSON.stringify(document)));
    expect(await makeStore(path).get('mastodon')).toEqual(MASTODON);
    expect(await makeStore(path).get('bluesky')).toBeNull();
  });
});

describe('SafeStorageCredentialStore', () => {
  it('says its protection is the operating system’s keychain', () => {
    expect(
      new SafeStorageCredentialStore(fakeSafeStorage(), join(folder, 'x.bin')).protection,
    ).toBe('os-keychain');
  });

  it('never writes the password or the token as text', async () => {
    const path = join(credentialsFolder, 'posting.bin');
    const store = new SafeStorageCredentialStore(fakeSafeStorage(), path);
    await store.set('bluesky', BLUESKY);
    await store.set('mastodon', MASTODON);
    const onDisk = await readFile(path);
    expect(onDisk.includes(BLUESKY.appPassword)).toBe(false);
    expect(onDisk.includes(MASTODON.accessToken)).toBe(false);
  });

  it('refuses to store when the system cannot encrypt, and says why', async () => {
    const path = join(credentialsFolder, 'posting.bin');
    const store = new SafeStorageCredentialStore(fakeSafeStorage(false), path);
    expect(await store.set('bluesky', BLUESKY)).toEqual({
      ok: false,
      reason: 'encryption-unavailable',
      message:
        'Rounds did not save the Bluesky account: this computer offers no encrypted storage for passwords (such as the system keychain) to Rounds. Enter the app password each time you post.',
    });
    await expect(stat(path)).rejects.toThrow();
  });

  it('forgets everything when asked to forget while encryption is unavailable', async () => {
    const path = join(credentialsFolder, 'posting.bin');
    await new SafeStorageCredentialStore(fakeSafeStorage(), path).set('bluesky', BLUESKY);
    await new SafeStorageCredentialStore(fakeSafeStorage(false), path).forget('mastodon');
    expect(await readdir(credentialsFolder)).toEqual([]);
  });

  it('does not set a good file aside while encryption is unavailable', async () => {
    const path = join(credentialsFolder, 'posting.bin');
    await new SafeStorageCredentialStore(fakeSafeStorage(), path).set('bluesky', BLUESKY);
    expect(
      await new SafeStorageCredentialStore(fakeSafeStorage(false), path).get('bluesky'),
    ).toBeNull();
    expect(await new SafeStorageCredentialStore(fakeSafeStorage(), path).get('bluesky')).toEqual(
      BLUESKY,
    );
  });
});

describe('OwnerOnlyFileCredentialStore', () => {
  it('says its protection is a file only the user can read', () => {
    expect(new OwnerOnlyFileCredentialStore(join(folder, 'x.json')).protection).toBe(
      'owner-only-file',
    );
  });
});
