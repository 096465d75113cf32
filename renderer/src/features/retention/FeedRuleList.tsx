import type { FeedRetention, FeedSummary } from '@shared/contract';
import { useId, useState } from 'react';
import { FormField } from '../../ui/FormField';
import { ageChoices, ageValueOf, daysOf, NEVER, olderThanLabel } from './retentionChoices';

export interface FeedRuleListProps {
  rules: readonly FeedRetention[];
  feeds: readonly FeedSummary[];
  disabled: boolean;
  onChange: (rules: FeedRetention[]) => void;
}

/**
 * Feeds that keep their items for ever, or by an age of their own, whatever the overall policy
 * says. "My papers" is never offered: what the user imported is never removed.
 */
export function FeedRuleList({ rules, feeds, disabled, onChange }: FeedRuleListProps) {
  const feedChoiceId = useId();
  const hintId = useId();
  const titleOf = (feedId: string) =>
    feeds.find((feed) => feed.id === feedId)?.title ?? 'A feed you no longer follow';
  const withoutRule = feeds.filter(
    (feed) => feed.kind !== 'local' && !rules.some((rule) => rule.feedId === feed.id),
  );
  const [chosen, setChosen] = useState('');
  const adding = withoutRule.some((feed) => feed.id === chosen)
    ? chosen
    : (withoutRule[0]?.id ?? '');

  const change = (feedId: string, olderThanDays: number | null) =>
    onChange(rules.map((rule) => (rule.feedId === feedId ? { feedId, olderThanDays } : rule)));

  return (
    <>
      {rules.length === 0 ? (
        <p className="dialog-text">Every feed follows the setting above.</p>
      ) : (
        <ul className="retention-feed-rules" aria-label="Feeds with their own rule">
          {rules.map((rule) => {
            const title = titleOf(rule.feedId);
            return (
              <li key={rule.feedId} className="retention-feed-rule">
                <span className="retention-feed-title">
                  <bdi>{title}</bdi>
                </span>
                <select
                  className="text-field select-field"
                  aria-label={title}
                  value={ageValueOf(rule.olderThanDays)}
                  disabled={disabled}
                  onChange={(event) => change(rule.feedId, daysOf(event.target.value))}
                >
                  <option value={NEVER}>Keep for ever</option>
                  {ageChoices(rule.olderThanDays).map((days) => (
                    <option key={days} value={String(days)}>
                      {olderThanLabel(days)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="button"
                  aria-label={`Remove the rule for ${title}`}
                  disabled={disabled}
                  onClick={() => onChange(rules.filter((other) => other.feedId !== rule.feedId))}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {withoutRule.length > 0 ? (
        <FormField controlId={feedChoiceId} label="Feed" spaced>
          <div className="field-row">
            <select
              id={feedChoiceId}
              className="text-field select-field"
              value={adding}
              aria-describedby={hintId}
              disabled={disabled}
              onChange={(event) => setChosen(event.target.value)}
            >
              {withoutRule.map((feed) => (
                <option key={feed.id} value={feed.id}>
                  {feed.title}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button"
              disabled={disabled || adding === ''}
              onClick={() => onChange([...rules, { feedId: adding, olderThanDays: null }])}
            >
              Add rule
            </button>
          </div>
        </FormField>
      ) : null}
      <p id={hintId} className="field-hint">
        A feed with a rule keeps its read items for ever, or for as long as its rule says, even
        while the setting above is “Never”.
      </p>
    </>
  );
}
