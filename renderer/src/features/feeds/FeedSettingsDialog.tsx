import type { FeedSummary, Result } from '@shared/contract';
import { useId, useState, type FormEvent } from 'react';
import { DialogActions } from '../../ui/DialogActions';
import { FormField } from '../../ui/FormField';
import { FormFailure } from '../../ui/FormFailure';
import { ModalDialog } from '../../ui/ModalDialog';
import { TextField } from '../../ui/TextField';
import { useIsMounted } from '../../ui/useIsMounted';
import '../images/images.css';
import {
  checkFeedSettings,
  draftOf,
  formatFolderPath,
  intervalChoicesFor,
  type FeedSettingsChanges,
  type FeedSettingsDraft,
  type FeedSettingsField,
} from './feedSettingsDraft';

export interface FeedSettingsDialogProps {
  feed: FeedSummary;
  /** Folders already in use, offered as suggestions for the folder field. */
  folderPaths: readonly (readonly string[])[];
  onSave: (id: string, changes: FeedSettingsChanges) => Promise<Result<FeedSummary, string>>;
  onClose: () => void;
}

/**
 * A feed's name, folder, tags, refresh interval and whether its images are saved for offline
 * reading. Only what the user changed is sent; a problem is shown beside its field, and a failure
 * from the backend under the form.
 */
export function FeedSettingsDialog({
  feed,
  folderPaths,
  onSave,
  onClose,
}: FeedSettingsDialogProps) {
  const [draft, setDraft] = useState<FeedSettingsDraft>(() => draftOf(feed));
  const [problem, setProblem] = useState<{ field: FeedSettingsField; message: string } | null>(
    null,
  );
  const [failure, setFailure] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const isMounted = useIsMounted();
  const ids = {
    title: useId(),
    folder: useId(),
    folderHint: useId(),
    folderChoices: useId(),
    tags: useId(),
    tagsHint: useId(),
    interval: useId(),
    keepImages: useId(),
    keepImagesHint: useId(),
    problem: useId(),
  };

  const edit = (changes: Partial<FeedSettingsDraft>) => {
    setDraft((current) => ({ ...current, ...changes }));
    setProblem(null);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (working) return;
    const check = checkFeedSettings(feed, draft);
    if (!check.ok) {
      setProblem({ field: check.field, message: check.message });
      document.getElementById(ids[check.field])?.focus();
      return;
    }
    if (Object.keys(check.changes).length === 0) {
      onClose();
      return;
    }
    setWorking(true);
    setFailure(null);
    const result = await onSave(feed.id, check.changes);
    if (!isMounted()) return;
    setWorking(false);
    if (result.ok) onClose();
    else setFailure(result.message);
  };

  // Marks the field a problem belongs to and ties the message to it.
  const fieldState = (field: FeedSettingsField, hintId?: string) => {
    const invalid = problem?.field === field;
    const describedBy = [invalid ? ids.problem : undefined, hintId].filter(Boolean).join(' ');
    return {
      'aria-invalid': invalid ? true : undefined,
      'aria-describedby': describedBy === '' ? undefined : describedBy,
    };
  };
  const problemFor = (field: FeedSettingsField) => (
    <FormFailure id={ids.problem} message={problem?.field === field ? problem.message : null} />
  );

  return (
    <ModalDialog title="Feed settings" onClose={onClose}>
      <form className="dialog-form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id={ids.title}
          label="Name"
          type="text"
          autoComplete="off"
          value={draft.title}
          onChange={(event) => edit({ title: event.target.value })}
          {...fieldState('title')}
          data-autofocus
        />
        {problemFor('title')}

        <TextField
          id={ids.folder}
          label="Folder"
          spaced
          type="text"
          autoComplete="off"
          list={ids.folderChoices}
          placeholder="No folder"
          value={draft.folder}
          onChange={(event) => edit({ folder: event.target.value })}
          {...fieldState('folder', ids.folderHint)}
        />
        <datalist id={ids.folderChoices}>
          {folderPaths.map((path) => {
            const text = formatFolderPath(path);
            return <option key={text} value={text} />;
          })}
        </datalist>
        <p id={ids.folderHint} className="field-hint">
          Pick a folder or type a new one; a slash files it inside another, as in “Cardiology /
          Trials”. Leave it empty to keep the feed at the top level.
        </p>
        {problemFor('folder')}

        <TextField
          id={ids.tags}
          label="Tags"
          spaced
          type="text"
          autoComplete="off"
          placeholder="trials, heart failure"
          value={draft.tags}
          onChange={(event) => edit({ tags: event.target.value })}
          {...fieldState('tags', ids.tagsHint)}
        />
        <p id={ids.tagsHint} className="field-hint">
          Separate tags with commas.
        </p>
        {problemFor('tags')}

        <FormField controlId={ids.interval} label="Refresh" spaced>
          <select
            id={ids.interval}
            className="text-field select-field"
            value={draft.refreshIntervalMinutes}
            onChange={(event) => edit({ refreshIntervalMinutes: Number(event.target.value) })}
          >
            {intervalChoicesFor(feed.refreshIntervalMinutes).map((choice) => (
              <option key={choice.minutes} value={choice.minutes}>
                {choice.label}
              </option>
            ))}
          </select>
        </FormField>

        <label className="field-label field-label-spaced checkbox-field" htmlFor={ids.keepImages}>
          <input
            id={ids.keepImages}
            type="checkbox"
            checked={draft.keepImages}
            onChange={(event) => edit({ keepImages: event.target.checked })}
            aria-describedby={ids.keepImagesHint}
          />
          Save images for offline reading
        </label>
        <p id={ids.keepImagesHint} className="field-hint">
          After each refresh, Rounds downloads the images of this feed’s papers and keeps them in
          your library, so they show without a network. Otherwise images are never loaded.
        </p>

        <FormFailure message={failure} />
        <DialogActions
          onCancel={onClose}
          submit={{ label: 'Save', busyLabel: 'Saving…', busy: working }}
        />
      </form>
    </ModalDialog>
  );
}
