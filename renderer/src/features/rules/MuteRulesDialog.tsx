import type { MuteRule, Result } from '@shared/contract';
import { useId, useState, type FormEvent } from 'react';
import { DialogActions } from '../../ui/DialogActions';
import { FormField } from '../../ui/FormField';
import { FormFailure } from '../../ui/FormFailure';
import { ModalDialog } from '../../ui/ModalDialog';
import { useIsMounted } from '../../ui/useIsMounted';

export interface MuteRulesDialogProps {
  rules: readonly MuteRule[];
  feedTitleOf: (feedId: string) => string;
  onAdd: (text: string) => Promise<Result<MuteRule, string>>;
  onRemove: (rule: MuteRule) => Promise<Result<{ id: string }, string>>;
  onClose: () => void;
}

/**
 * Lists the mute rules and adds or removes them. Each change hides or brings back the matching
 * items at once; nothing is deleted.
 */
export function MuteRulesDialog({
  rules,
  feedTitleOf,
  onAdd,
  onRemove,
  onClose,
}: MuteRulesDialogProps) {
  const [text, setText] = useState('');
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const keywordId = useId();
  const hintId = useId();
  const isMounted = useIsMounted();

  const run = async (change: () => Promise<Result<unknown, string>>): Promise<boolean> => {
    setWorking(true);
    setFailure(null);
    const result = await change();
    if (!isMounted()) return false;
    setWorking(false);
    if (!result.ok) setFailure(result.message);
    return result.ok;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim().length === 0) {
      setFailure('Type a word or phrase to mute.');
      return;
    }
    if (await run(() => onAdd(text.trim()))) setText('');
  };

  return (
    <ModalDialog title="Mute rules" onClose={onClose}>
      <form className="dialog-form" onSubmit={(event) => void submit(event)} noValidate>
        <FormField controlId={keywordId} label="Mute keyword">
          <div className="field-row">
            <input
              id={keywordId}
              className="text-field"
              value={text}
              maxLength={200}
              aria-describedby={hintId}
              onChange={(event) => setText(event.target.value)}
              data-autofocus
            />
            <button type="submit" className="button button-primary" disabled={working}>
              Mute
            </button>
          </div>
        </FormField>
        <p id={hintId} className="field-hint">
          Items whose title, summary, authors or journal mention it are hidden, not deleted.
        </p>
        <FormFailure message={failure} />
      </form>
      {rules.length === 0 ? (
        <p className="dialog-text">Nothing is muted.</p>
      ) : (
        <ul className="mute-rule-list" aria-label="Muted keywords">
          {rules.map((rule) => (
            <li key={rule.id} className="mute-rule">
              <span className="mute-rule-text">
                {rule.text}
                {rule.field === 'title' ? ' (titles only)' : ''}
                {rule.feedId !== null ? ` in ${feedTitleOf(rule.feedId) || 'one feed'}` : ''}
              </span>
              <button
                type="button"
                className="button"
                aria-label={`Remove ${rule.text}`}
                disabled={working}
                onClick={() => void run(() => onRemove(rule))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <DialogActions onCancel={onClose} cancelLabel="Close" />
    </ModalDialog>
  );
}
