import type {
  PostingCredentialsByPlatform,
  PostingPlatform,
} from '@shared/domain/share/posting/threadPosting';

/**
 * How the stored passwords and tokens are protected, so the window can tell the user:
 * `os-keychain` encrypts them with a key the operating system keeps for this user (Electron's
 * safeStorage: Keychain, DPAPI, libsecret); `owner-only-file` keeps them readable in a file that
 * only this user account may open (the host without Electron).
 */
export type CredentialProtection = 'os-keychain' | 'owner-only-file';

/** Whether credentials were saved, or the sentence saying why they were not. */
export type CredentialSaveResult =
  { ok: true } | { ok: false; reason: 'encryption-unavailable'; message: string };

/**
 * Keeps the account details Rounds posts threads with, one entry per platform, apart from the
 * library's JSON documents. Reading never throws: a file that cannot be read back is set aside
 * (`<file>.damaged-<n>`) and the store answers as if nothing were saved, so the user is asked
 * again rather than shown an error.
 */
export interface CredentialStore {
  readonly protection: CredentialProtection;
  get<P extends PostingPlatform>(platform: P): Promise<PostingCredentialsByPlatform[P] | null>;
  set<P extends PostingPlatform>(
    platform: P,
    credentials: PostingCredentialsByPlatform[P],
  ): Promise<CredentialSaveResult>;
  forget(platform: PostingPlatform): Promise<void>;
}
