import type { ShareSettings } from '@shared/contract';
import { useId, useState, type FormEvent } from 'react';
import { DialogActions } from '../../../ui/DialogActions';
import { FormFailure } from '../../../ui/FormFailure';
import { ModalDialog } from '../../../ui/ModalDialog';
import { TextInput } from '../../club/TextInput';
import { useSubmission } from '../../club/useSubmission';
import type { ShareClient } from '../composer/shareClient';

export interface FeedSettingsDialogProps {
  client: ShareClient;
  feed: ShareSettings['feed'];
  onSaved: (settings: ShareSettings) => void;
  onClose: () => void;
}

/** A blank optional field is "not set", which the contract spells null. */
function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * "Club feed": where Rounds writes the club's feed of published summaries. Rounds hosts nothing
 * itself: the folder is one a static web host already serves (a synced folder, a web server's
 * directory), and the web address lets the feed's links point at where it will be read.
 */
export function FeedSettingsDialog({ client, feed, onSaved, onClose }: FeedSettingsDialogProps) {
  const explanationId = useId();
  const folderHintId = useId();
  const addressHintId = useId();
  const [title, setTitle] = useState(feed.title);
  const [folder, setFolder] = useState(feed.folder ?? '');
  const [baseUrl, setBaseUrl] = useState(feed.baseUrl ?? '');
  const { failure, setFailure, busy, submit } = useSubmission();

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') {
      setFailure('Give the feed a title: feed readers list it by that name.');
      return;
    }
    void submit(
      () =>
        client.setSettings({
          feed: { title: title.trim(), folder: orNull(folder), baseUrl: orNull(baseUrl) },
        }),
      onSaved,
    );
  };

  return (
    <ModalDialog title="Club feed" onClose={onClose} describedBy={explanationId}>
      <p id={explanationId} className="dialog-text">
        Summaries you publish to the club feed are written, with the feed file, into a folder on
        this computer. Use any folder a static web host serves, and colleagues can follow the feed
        in their own reader.
      </p>
      <form className="dialog-form" onSubmit={save} noValidate>
        <TextInput label="Feed title" value={title} onChange={setTitle} maxLength={200} />
        <TextInput
          label="Folder"
          spaced
          value={folder}
          onChange={setFolder}
          maxLength={1_000}
          placeholder="/Users/you/Sites/club-feed"
          aria-describedby={folderHintId}
          data-autofocus
        />
        <p id={folderHintId} className="share-hint">
          The folder’s full path. Rounds writes the feed (feed.xml) and each summary’s picture
          there.
        </p>
        <TextInput
          label="Web address (optional)"
          spaced
          value={baseUrl}
          onChange={setBaseUrl}
          maxLength={500}
          placeholder="https://club.example.org/summaries"
          aria-describedby={addressHintId}
        />
        <p id={addressHintId} className="share-hint">
          Where the host serves that folder. With it, the feed’s links work from anywhere.
        </p>
        <FormFailure message={failure} />
        <DialogActions onCancel={onClose} submit={{ label: 'Save', busyLabel: 'Saving…', busy }} />
      </form>
    </ModalDialog>
  );
}
