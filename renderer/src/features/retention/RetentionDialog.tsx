import type { FeedSummary, RetentionPolicy, RetentionState } from '@shared/contract';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { formatFullDate } from '../../ui/formatDate';
import { FormFailure } from '../../ui/FormFailure';
import { FormField } from '../../ui/FormField';
import { ModalDialog } from '../../ui/ModalDialog';
import { useIsMounted } from '../../ui/useIsMounted';
import { FeedRuleList } from './FeedRuleList';
import {
  ageChoices,
  ageValueOf,
  daysOf,
  describeKept,
  NEVER,
  olderThanLabel,
  type RetentionClient,
} from './retentionChoices';

export interface RetentionDialogProps {
  retention: RetentionClient;
  feeds: readonly FeedSummary[];
  /** "Apply now" removed items: sources, counts and the list are out of date. */
  onLibraryChanged: () => void;
  onClose: () => void;
}

function samePolicy(a: RetentionPolicy, b: RetentionPolicy): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The retention settings: how long read items are kept (never removed unless the user chooses),
 * feeds with a rule of their own, "Apply now" with what it removed, and the last run's result.
 */
export function RetentionDialog({
  retention,
  feeds,
  onLibraryChanged,
  onClose,
}: RetentionDialogProps) {
  const [saved, setSaved] = useState<RetentionState | null>(null);
  const [draft, setDraft] = useState<RetentionPolicy | null>(null);
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const ids = { age: useId(), intro: useId(), lastRun: useId(), feedRules: useId() };
  const isMounted = useIsMounted();

  useEffect(() => {
    let current = true;
    void retention.policy().then((result) => {
      if (!current) return;
      if (!result.ok) return setFailure(result.message);
      setSaved(result.value);
      setDraft(result.value.policy);
    });
    return () => {
      current = false;
    };
  }, [retention]);

  /** Saves the draft if it changed; false when the backend refused it. */
  const saveDraft = async (policy: RetentionPolicy): Promise<boolean> => {
    if (saved !== null && samePolicy(policy, saved.policy)) return true;
    const result = await retention.setPolicy(policy);
    if (!isMounted()) return false;
    if (!result.ok) {
      setFailure(result.message);
      return false;
    }
    setSaved(result.value);
    return true;
  };

  const run = async (work: (policy: RetentionPolicy) => Promise<void>) => {
    if (draft === null) return;
    setWorking(true);
    setFailure(null);
    setSaid(null);
    try {
      await work(draft);
    } finally {
      if (isMounted()) setWorking(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async (policy) => {
      if (await saveDraft(policy)) setSaid('Saved.');
    });
  };

  const applyNow = () =>
    void run(async (policy) => {
      if (!(await saveDraft(policy))) return;
      const applied = await retention.applyNow();
      if (!isMounted()) return;
      if (!applied.ok) return setFailure(applied.message);
      setSaid(applied.value.message);
      if (applied.value.removed > 0) onLibraryChanged();
      const state = await retention.policy();
      if (isMounted() && state.ok) setSaved(state.value);
    });

  const lastRun = saved?.lastRun ?? null;
  return (
    <ModalDialog title="Keep papers" onClose={onClose} describedBy={ids.intro}>
      <p id={ids.intro} className="dialog-text">
        Rounds can remove read items once they are old. Unread, starred, annotated, imported and
        discussed papers are always kept, whatever you choose here.
      </p>
      {draft === null ? (
        <FormFailure message={failure} />
      ) : (
        <form className="dialog-form" onSubmit={save} noValidate>
          <FormField controlId={ids.age} label="Remove read items" spaced>
            <select
              id={ids.age}
              className="text-field select-field"
              value={ageValueOf(draft.olderThanDays)}
              disabled={working}
              onChange={(event) =>
                setDraft({ ...draft, olderThanDays: daysOf(event.target.value) })
              }
              data-autofocus
            >
              <option value={NEVER}>Never: keep every item</option>
              {ageChoices(draft.olderThanDays).map((days) => (
                <option key={days} value={String(days)}>
                  {olderThanLabel(days)}
                </option>
              ))}
            </select>
          </FormField>
          <p className="field-hint">
            Age counts from publication, or from when Rounds first stored an undated item. The
            policy runs once a day in the background, or now with “Apply now”.
          </p>

          <h3 id={ids.feedRules} className="retention-heading">
            Feeds with their own rule
          </h3>
          <FeedRuleList
            rules={draft.feeds}
            feeds={feeds}
            disabled={working}
            onChange={(rules) => setDraft({ ...draft, feeds: rules })}
          />

          <FormFailure message={failure} />
          <p className="retention-outcome" role="status">
            {said}
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            <button type="button" className="button" disabled={working} onClick={applyNow}>
              {working ? 'Working…' : 'Apply now'}
            </button>
            <button type="submit" className="button button-primary" disabled={working}>
              Save
            </button>
          </div>
        </form>
      )}
      {lastRun !== null ? (
        <section className="retention-last-run" aria-labelledby={ids.lastRun}>
          <h3 id={ids.lastRun} className="retention-heading">
            Last run
          </h3>
          <p className="dialog-text">
            {formatFullDate(lastRun.at)} ({lastRun.trigger === 'manual' ? 'Apply now' : 'daily'}
            ): {lastRun.message}
          </p>
          <p className="dialog-text">{describeKept(lastRun.kept)}</p>
        </section>
      ) : null}
    </ModalDialog>
  );
}
