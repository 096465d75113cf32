import type { CredentialStore } from './CredentialStore';
import { CredentialFileStore } from './credentialFile';

/**
 * Credentials for the host that runs without Electron (a meeting-room server, a locked-down PC
 * through the browser), where no system keychain is reachable: JSON in a file only this user
 * may read (0600), in a folder only this user may open (0700), written atomically. Its
 * `protection` is `owner-only-file`, so the window can say the token is kept unencrypted.
 */
export class OwnerOnlyFileCredentialStore extends CredentialFileStore implements CredentialStore {
  readonly protection = 'owner-only-file' as const;

  /** `path`: the JSON file, e.g. `<data folder>/credentials/posting.json`. */
  constructor(path: string) {
    super(path, {
      encode: (documentText) => Buffer.from(documentText, 'utf8'),
      decode: (bytes) => bytes.toString('utf8'),
    });
  }
}
