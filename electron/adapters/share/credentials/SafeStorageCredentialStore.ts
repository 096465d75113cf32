import {
  postingPlatformName,
  type PostingPlatform,
} from '@shared/domain/share/posting/threadPosting';
import type { CredentialSaveResult, CredentialStore } from './CredentialStore';
import { CredentialFileStore } from './credentialFile';

/** The part of Electron's `safeStorage` this store uses; main passes `safeStorage` itself. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Credentials encrypted with a key the operating system keeps for this user (Electron's
 * safeStorage: the macOS Keychain, DPAPI on Windows, the Secret Service or KWallet on Linux), so
 * a copy of the data folder does not carry the app password or token. The encrypted document is
 * written atomically to a 0600 file in a 0700 folder. When the system offers no encryption,
 * nothing is saved and `set` says why; Rounds never falls back to writing them in clear here.
 */
export class SafeStorageCredentialStore extends CredentialFileStore implements CredentialStore {
  readonly protection = 'os-keychain' as const;

  /** `path`: the encrypted file, e.g. `<userData>/credentials/posting.bin`. */
  constructor(
    private readonly safeStorage: SafeStorageLike,
    path: string,
  ) {
    super(path, {
      encode: (documentText) => safeStorage.encryptString(documentText),
      decode: (bytes) => safeStorage.decryptString(bytes),
    });
  }

  // Without encryption the file cannot be decrypted: it is not damaged, only unreadable for now,
  // so it is left in place for when the keychain is back.
  protected override canRead(): boolean {
    return this.safeStorage.isEncryptionAvailable();
  }

  protected override refusal(platform: PostingPlatform): CredentialSaveResult | null {
    if (this.safeStorage.isEncryptionAvailable()) return null;
    const secret = platform === 'bluesky' ? 'app password' : 'access token';
    return {
      ok: false,
      reason: 'encryption-unavailable',
      message: `Rounds did not save the ${postingPlatformName(platform)} account: this computer offers no encrypted storage for passwords (such as the system keychain) to Rounds. Enter the ${secret} each time you post.`,
    };
  }
}
