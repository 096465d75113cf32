import type { SessionChange, SessionMemberView, SessionPaperView } from '@shared/contract';
import {
  CEBM_LEVEL_NAMES,
  CEBM_LEVELS,
  GRADE_CERTAINTIES,
  GRADE_CERTAINTY_NAMES,
  type CebmLevel,
  type GradeCertainty,
} from '@shared/domain/club/appraisal/evidence';
import {
  PICO_PART_NAMES,
  PICO_PARTS,
  type Pico,
  type PicoPart,
} from '@shared/domain/club/appraisal/pico';
import {
  STUDY_DESIGN_NAMES,
  STUDY_DESIGNS,
  type StudyDesign,
} from '@shared/domain/club/appraisal/studyDesigns';
import { useId, useRef, useState } from 'react';
import { FormFailure } from '../../../ui/FormFailure';
import { ClubField } from '../ClubField';
import { SavedOnBlurField } from '../SavedOnBlurField';
import { ChecklistTable } from './ChecklistTable';
import type { ChangeSession } from './sessionEdits';

type AppraisalChanges = Extract<SessionChange, { kind: 'paperAppraisal' }>['changes'];

export interface PaperAppraisalPanelProps {
  paper: SessionPaperView;
  members: readonly SessionMemberView[];
  editable: boolean;
  change: ChangeSession;
}

/** One paper's appraisal: its design, PICO, level of evidence, GRADE certainty and checklist. */
export function PaperAppraisalPanel({
  paper,
  members,
  editable,
  change,
}: PaperAppraisalPanelProps) {
  const headingId = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const { appraisal, suggestedDesign } = paper;
  const changeAppraisal = async (changes: AppraisalChanges) => {
    const message = await change({ kind: 'paperAppraisal', paperId: paper.paperId, changes });
    setFailure(message);
    return message;
  };

  // The PICO is saved whole: parts still on their way are included, so leaving one field soon
  // after another cannot send the first one's old text back.
  const picoInFlight = useRef<Partial<Pico>>({});
  const savePicoPart = async (part: PicoPart, text: string) => {
    picoInFlight.current[part] = text;
    const message = await changeAppraisal({ pico: { ...appraisal.pico, ...picoInFlight.current } });
    if (picoInFlight.current[part] === text) delete picoInFlight.current[part];
    return message;
  };

  return (
    <section className="club-paper-appraisal" aria-labelledby={headingId}>
      <h3 id={headingId}>{paper.title}</h3>
      <ClubField label="Study design">
        {(id) => (
          <select
            id={id}
            className="text-field select-field"
            value={appraisal.design ?? ''}
            disabled={!editable}
            onChange={(event) =>
              void changeAppraisal({
                design: event.target.value === '' ? null : (event.target.value as StudyDesign),
              })
            }
          >
            <option value="">Not chosen yet</option>
            {STUDY_DESIGNS.map((design) => (
              <option key={design} value={design}>
                {STUDY_DESIGN_NAMES[design]}
              </option>
            ))}
          </select>
        )}
      </ClubField>
      {suggestedDesign !== null && appraisal.design === null ? (
        <p className="club-suggestion">
          <span>{`Suggested: ${STUDY_DESIGN_NAMES[suggestedDesign.design]} (“${suggestedDesign.phrase}” in the ${suggestedDesign.foundIn})`}</span>
          <button
            type="button"
            className="button button-small"
            disabled={!editable}
            onClick={() => void changeAppraisal({ design: suggestedDesign.design })}
          >
            Use suggestion
          </button>
        </p>
      ) : null}
      <FormFailure message={failure} />
      <div className="club-pico">
        {PICO_PARTS.map((part) => (
          <SavedOnBlurField
            key={part}
            label={PICO_PART_NAMES[part]}
            value={appraisal.pico[part]}
            maxLength={1_000}
            disabled={!editable}
            onSave={(text) => savePicoPart(part, text)}
          />
        ))}
      </div>
      <div className="club-evidence">
        <RatedChoice
          label="Level of evidence"
          reasonLabel="Reason for the level"
          choices={CEBM_LEVELS.map((level) => ({
            value: String(level),
            label: CEBM_LEVEL_NAMES[level],
          }))}
          value={appraisal.evidenceLevel === null ? null : String(appraisal.evidenceLevel.level)}
          reason={appraisal.evidenceLevel?.reason ?? ''}
          editable={editable}
          onSave={(value, reason) =>
            changeAppraisal({
              evidenceLevel: value === null ? null : { level: Number(value) as CebmLevel, reason },
            })
          }
        />
        <RatedChoice
          label="GRADE certainty"
          reasonLabel="Reason for the certainty"
          choices={GRADE_CERTAINTIES.map((certainty) => ({
            value: certainty,
            label: GRADE_CERTAINTY_NAMES[certainty],
          }))}
          value={appraisal.certainty?.certainty ?? null}
          reason={appraisal.certainty?.reason ?? ''}
          editable={editable}
          onSave={(value, reason) =>
            changeAppraisal({
              certainty:
                value === null
                  ? null
                  : {
                      certainty: value as GradeCertainty,
                      factors: appraisal.certainty?.factors ?? [],
                      reason,
                    },
            })
          }
        />
      </div>
      {appraisal.design !== null ? (
        <ChecklistTable
          paper={paper}
          design={appraisal.design}
          members={members}
          editable={editable}
          change={change}
        />
      ) : (
        <p className="club-hint">Choose the study design to see its checklist.</p>
      )}
    </section>
  );
}

interface RatedChoiceProps {
  label: string;
  reasonLabel: string;
  choices: readonly { value: string; label: string }[];
  value: string | null;
  reason: string;
  editable: boolean;
  onSave: (value: string | null, reason: string) => Promise<string | null>;
}

/**
 * A rating that needs its reason (level of evidence, GRADE certainty): the choice waits, said
 * so, until the reason is written, then both are saved together.
 */
function RatedChoice({
  label,
  reasonLabel,
  choices,
  value,
  reason,
  editable,
  onSave,
}: RatedChoiceProps) {
  const hintId = useId();
  const [choice, setChoice] = useState<string | null>(value);
  const [draft, setDraft] = useState(reason);
  const [saved, setSaved] = useState({ value, reason });
  const [failure, setFailure] = useState<string | null>(null);
  if (saved.value !== value || saved.reason !== reason) {
    // Changed elsewhere: follow it unless the user has unsaved work here.
    if (choice === saved.value && draft === saved.reason) {
      setChoice(value);
      setDraft(reason);
    }
    setSaved({ value, reason });
  }
  const waiting = choice !== null && draft.trim() === '';

  const save = async (nextChoice: string | null, nextReason: string) => {
    if (nextChoice === value && nextReason === reason) return;
    if (nextChoice !== null && nextReason.trim() === '') return;
    setFailure(await onSave(nextChoice, nextReason));
  };

  return (
    <div className="club-rated">
      <ClubField label={label}>
        {(id) => (
          <select
            id={id}
            className="text-field select-field"
            value={choice ?? ''}
            disabled={!editable}
            aria-describedby={waiting ? hintId : undefined}
            onChange={(event) => {
              const next = event.target.value === '' ? null : event.target.value;
              setChoice(next);
              void save(next, draft);
            }}
          >
            <option value="">Not rated yet</option>
            {choices.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </ClubField>
      <ClubField label={reasonLabel}>
        {(id) => (
          <input
            id={id}
            type="text"
            className="text-field"
            value={draft}
            maxLength={2_000}
            disabled={!editable}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={() => void save(choice, draft)}
          />
        )}
      </ClubField>
      {waiting ? (
        <p id={hintId} className="club-hint">
          Saved once you give the reason.
        </p>
      ) : null}
      <FormFailure message={failure} />
    </div>
  );
}
