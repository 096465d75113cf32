// The parts of a summary draft that leave the machine, addressed by one field name each, so the
// privacy guard scans them all, the window marks findings where they are, and a redaction or a
// dismissal names the exact part it applies to.
import type { DraftChanges, DraftTextField, SummaryDraft } from '@shared/contract/share';
import type { VisualAbstractCard } from './summary';

/** The card's free-text fields, in the order the card shows them. */
const CARD_TEXT_FIELDS = [
  'question',
  'population',
  'intervention',
  'comparison',
  'mainResult',
  'bottomLine',
  'citation',
] as const satisfies readonly (keyof VisualAbstractCard)[];
type CardTextField = (typeof CARD_TEXT_FIELDS)[number];

const CARD_FIELD_NAMES: Readonly<Record<CardTextField, string>> = {
  question: 'Card: question',
  population: 'Card: population',
  intervention: 'Card: intervention',
  comparison: 'Card: comparison',
  mainResult: 'Card: main result',
  bottomLine: 'Card: bottom line',
  citation: 'Card: citation',
};

const HIGHLIGHT_FIELD = /^handout\.highlights\.(\d+)\.(quote|comment)$/u;

/** One part of a draft with its text and the name the window shows for it. */
export interface DraftTextPart {
  field: DraftTextField;
  label: string;
  text: string;
}

/** Every part of the draft that leaves with some export, in the order the composer shows them. */
export function draftTextParts(draft: SummaryDraft): DraftTextPart[] {
  const parts: DraftTextPart[] = [
    { field: 'text', label: 'Summary', text: draft.text },
    { field: 'contentWarning', label: 'Content warning', text: draft.contentWarning },
    { field: 'laySummary', label: 'Plain-language summary', text: draft.laySummary },
    ...CARD_TEXT_FIELDS.map((name) => ({
      field: `card.${name}` as const,
      label: CARD_FIELD_NAMES[name],
      text: draft.card[name],
    })),
    { field: 'altText', label: 'Alt text', text: draft.altText },
    { field: 'handout.notes', label: 'Handout notes', text: draft.handout.notes },
  ];
  draft.handout.highlights.forEach((highlight, index) => {
    parts.push({
      field: `handout.highlights.${index}.quote`,
      label: `Highlight ${index + 1}`,
      text: highlight.quote,
    });
    if (highlight.comment) {
      parts.push({
        field: `handout.highlights.${index}.comment`,
        label: `Highlight ${index + 1}: comment`,
        text: highlight.comment,
      });
    }
  });
  return parts;
}

/** The text of one field, or null when the draft has no such part (a removed highlight). */
export function draftFieldText(draft: SummaryDraft, field: DraftTextField): string | null {
  return draftTextParts(draft).find((part) => part.field === field)?.text ?? null;
}

/** The name the window shows for a field ("Summary", "Highlight 2"). */
export function draftFieldLabel(field: DraftTextField): string {
  const highlight = HIGHLIGHT_FIELD.exec(field);
  if (highlight) {
    const number = Number(highlight[1]) + 1;
    return highlight[2] === 'quote' ? `Highlight ${number}` : `Highlight ${number}: comment`;
  }
  if (field.startsWith('card.')) return CARD_FIELD_NAMES[field.slice(5) as CardTextField];
  const names: Partial<Record<DraftTextField, string>> = {
    text: 'Summary',
    contentWarning: 'Content warning',
    laySummary: 'Plain-language summary',
    altText: 'Alt text',
    'handout.notes': 'Handout notes',
  };
  return names[field] ?? field;
}

/**
 * The change that gives `field` the text `text`, ready for `share.saveDraft`; null for a field the
 * draft does not have.
 */
export function changeForField(
  draft: SummaryDraft,
  field: DraftTextField,
  text: string,
): DraftChanges | null {
  switch (field) {
    case 'text':
      return { text };
    case 'laySummary':
      return { laySummary: text };
    case 'contentWarning':
      return { contentWarning: text };
    case 'altText':
      return { altText: text };
    case 'handout.notes':
      return { handout: { ...draft.handout, notes: text } };
    default:
      break;
  }
  if (field.startsWith('card.')) {
    const name = field.slice(5) as CardTextField;
    if (!CARD_TEXT_FIELDS.includes(name)) return null;
    return { card: { ...draft.card, [name]: text } };
  }
  const highlight = HIGHLIGHT_FIELD.exec(field);
  if (!highlight) return null;
  const index = Number(highlight[1]);
  const current = draft.handout.highlights[index];
  if (!current) return null;
  const highlights = draft.handout.highlights.map((entry, at) =>
    at !== index
      ? entry
      : highlight[2] === 'quote'
        ? { ...entry, quote: text }
        : { ...entry, comment: text },
  );
  return { handout: { ...draft.handout, highlights } };
}
