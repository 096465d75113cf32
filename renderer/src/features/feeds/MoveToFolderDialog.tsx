import {
  MAX_FOLDER_DEPTH,
  MAX_FOLDER_NAME_LENGTH,
  type FeedSummary,
  type Result,
} from '@shared/contract';
import { stripInvisibleControls } from '@shared/domain/feeds/stripInvisibleControls';
import { useId, useState, type FormEvent } from 'react';
import { DialogActions } from '../../ui/DialogActions';
import { FormField } from '../../ui/FormField';
import { FormFailure } from '../../ui/FormFailure';
import { ModalDialog } from '../../ui/ModalDialog';
import { TextField } from '../../ui/TextField';
import { useIsMounted } from '../../ui/useIsMounted';
import { folderKeyOf } from './buildFolderTree';
import { formatFolderPath, parseFolderPath } from './feedSettingsDraft';

export interface MoveToFolderDialogProps {
  feed: FeedSummary;
  /** Every folder in use, offered in the list. */
  folderPaths: readonly (readonly string[])[];
  onMove: (folder: string[]) => Promise<Result<FeedSummary, string>>;
  onClose: () => void;
}

/** The list's value for the top level: no folder path has an empty key but the top level. */
const TOP_LEVEL = '';

/** Where a feed goes, as chosen in the list or typed as a new folder; or what is wrong with it. */
export function chosenFolder(
  listed: string,
  typed: string,
): { ok: true; folder: string[] } | { ok: false; message: string } {
  if (typed.trim() === '')
    return { ok: true, folder: listed === TOP_LEVEL ? [] : listed.split('\u001f') };
  const folder = parseFolderPath(typed);
  if (folder.length === 0) return { ok: false, message: 'Give the new folder a name.' };
  if (folder.length > MAX_FOLDER_DEPTH) {
    return { ok: false, message: `Folders can be nested at most ${MAX_FOLDER_DEPTH} deep.` };
  }
  if (folder.some((name) => name.length > MAX_FOLDER_NAME_LENGTH)) {
    return {
      ok: false,
      message: `Keep each folder name under ${MAX_FOLDER_NAME_LENGTH} characters.`,
    };
  }
  return { ok: true, folder };
}

/**
 * Files a feed in a folder from the keyboard: the same move as dragging it onto a folder. A new
 * folder typed in the second field wins over the list.
 */
export function MoveToFolderDialog({
  feed,
  folderPaths,
  onMove,
  onClose,
}: MoveToFolderDialogProps) {
  const [listed, setListed] = useState(folderKeyOf(feed.folder));
  const [typed, setTyped] = useState('');
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const ids = { list: useId(), typed: useId(), hint: useId() };
  const isMounted = useIsMounted();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    const choice = chosenFolder(listed, typed);
    if (!choice.ok) {
      setFailure(choice.message);
      return;
    }
    if (folderKeyOf(choice.folder) === folderKeyOf(feed.folder)) {
      onClose();
      return;
    }
    setWorking(true);
    setFailure(null);
    const result = await onMove(choice.folder);
    if (!isMounted()) return;
    setWorking(false);
    if (result.ok) onClose();
    else setFailure(result.message);
  };

  return (
    <ModalDialog title={`Move “${stripInvisibleControls(feed.title)}”`} onClose={onClose}>
      <form className="dialog-form" onSubmit={(event) => void submit(event)} noValidate>
        <FormField controlId={ids.list} label="Folder">
          <select
            id={ids.list}
            className="text-field select-field"
            value={listed}
            onChange={(event) => setListed(event.target.value)}
            data-autofocus
          >
            <option value={TOP_LEVEL}>Top level (no folder)</option>
            {folderPaths.map((path) => (
              <option key={folderKeyOf(path)} value={folderKeyOf(path)}>
                {stripInvisibleControls(formatFolderPath(path))}
              </option>
            ))}
          </select>
        </FormField>
        <TextField
          id={ids.typed}
          label="Or a new folder"
          spaced
          autoComplete="off"
          placeholder="Cardiology / Trials"
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            setFailure(null);
          }}
          aria-describedby={ids.hint}
        />
        <p id={ids.hint} className="field-hint">
          A slash files it inside another folder. Leave it empty to use the folder chosen above.
        </p>
        <FormFailure message={failure} />
        <DialogActions
          onCancel={onClose}
          submit={{ label: 'Move', busyLabel: 'Moving…', busy: working }}
        />
      </form>
    </ModalDialog>
  );
}
