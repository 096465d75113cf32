import type { PaperNotices as KnownNotices } from '@shared/contract';
import {
  RETRACTION_KINDS,
  type EditorialNotice,
  type RetractionKind,
} from '@shared/domain/share/evidence/retractionStatus';
import { useEffect, useId, useState } from 'react';
import { formatFullDate } from '../../../ui/formatDate';
import { useIsMounted } from '../../../ui/useIsMounted';
import type { ShareClient } from '../composer/shareClient';
import './paperNotices.css';

export interface PaperNoticesProps {
  client: Pick<ShareClient, 'paperNotices' | 'markPaper' | 'onDidChangePaperNotices'>;
  itemId: string;
}

const KIND_NAMES: Readonly<Record<RetractionKind, string>> = {
  retracted: 'Retracted',
  withdrawn: 'Withdrawn',
  corrected: 'Corrected',
  'expression-of-concern': 'Expression of concern',
};

/** One notice as a sentence: what, according to whom, and when. */
function describeNotice(notice: EditorialNotice): string {
  const when = notice.date ? ` on ${formatFullDate(notice.date)}` : '';
  const what = KIND_NAMES[notice.kind];
  if (notice.source === 'user') return `${what}: you marked this paper${when}.`;
  if (notice.source === 'club') return `${what}: your club marked this paper${when}.`;
  const notice_ = notice.noticeDoi ? ` (notice doi:${notice.noticeDoi})` : '';
  return `${what}: Crossref lists a notice${notice_}${when}.`;
}

/**
 * What happened to the paper after publication, in the reader: Crossref's retraction, withdrawal
 * or correction notices (asked when the paper opens, cached for a week, the last answer offline)
 * and the user's own mark, which they set here. Summaries of a paper with a notice are held until
 * the notice is acknowledged, so the reader says so.
 */
export function PaperNotices({ client, itemId }: PaperNoticesProps) {
  const [known, setKnown] = useState<KnownNotices | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [choice, setChoice] = useState<RetractionKind | ''>('');
  const isMounted = useIsMounted();
  const selectId = useId();

  useEffect(() => {
    let current = true;
    const load = (check: boolean) => {
      void client.paperNotices({ itemId, check }).then((answer) => {
        if (!current) return;
        if (answer.ok) {
          setKnown(answer.value);
          const mine = answer.value.notices.find((notice) => notice.source === 'user');
          setChoice(mine?.kind ?? '');
        }
      });
    };
    load(true);
    const unsubscribe = client.onDidChangePaperNotices((changed) => {
      if (changed.itemId === itemId) load(false);
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [client, itemId]);

  const save = async () => {
    setFailure(null);
    const answer = await client.markPaper({ itemId, kind: choice === '' ? null : choice });
    if (!isMounted()) return;
    if (answer.ok) setKnown(answer.value);
    else setFailure(answer.message);
  };

  const notices = known?.notices ?? [];
  return (
    <div className="paper-notices">
      {notices.length > 0 ? (
        <div className="paper-notices-banner" role="alert">
          <ul>
            {notices.map((notice) => (
              <li key={`${notice.source}-${notice.kind}-${notice.noticeDoi ?? ''}`}>
                {describeNotice(notice)}
              </li>
            ))}
          </ul>
          <p>Summaries of this paper are held until you acknowledge this in the composer.</p>
        </div>
      ) : null}
      {known?.message ? <p className="paper-notices-note">{known.message}</p> : null}
      <details className="paper-notices-mark">
        <summary>Retracted or corrected?</summary>
        <label htmlFor={selectId}>What happened to this paper</label>
        <select
          id={selectId}
          value={choice}
          onChange={(event) => setChoice(event.target.value as RetractionKind | '')}
        >
          <option value="">Nothing I know of</option>
          {RETRACTION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_NAMES[kind]}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={() => void save()}>
          Save mark
        </button>
        {failure !== null ? <p role="alert">{failure}</p> : null}
      </details>
    </div>
  );
}
