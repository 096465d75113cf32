import { z } from 'zod';
import { holdsControlCharacters } from './appraisalText';

/**
 * The question a paper answers, as the presenter frames it for the club: population,
 * intervention (or, for observational studies, exposure), comparison and outcomes. Each part is
 * short plain text; a part not yet written is '' (a draft is saved as it grows), and a study
 * with no comparison (a qualitative study, a prevalence survey) leaves `comparison` empty.
 */
export interface Pico {
  population: string;
  interventionOrExposure: string;
  comparison: string;
  outcomes: string;
}

export const PICO_PARTS = [
  'population',
  'interventionOrExposure',
  'comparison',
  'outcomes',
] as const;
export type PicoPart = (typeof PICO_PARTS)[number];

export const PICO_PART_NAMES: Readonly<Record<PicoPart, string>> = {
  population: 'Population',
  interventionOrExposure: 'Intervention or exposure',
  comparison: 'Comparison',
  outcomes: 'Outcomes',
};

export const MAX_PICO_PART_LENGTH = 1_000;

function partSchema(part: PicoPart) {
  const name = `The ${PICO_PART_NAMES[part].toLowerCase()}`;
  // "Outcomes" is plural; the other parts are singular.
  const [is, holds] = part === 'outcomes' ? ['are', 'hold'] : ['is', 'holds'];
  return z
    .string({ error: `${name} ${is} text.` })
    .max(MAX_PICO_PART_LENGTH, `${name} ${is} longer than ${MAX_PICO_PART_LENGTH} characters.`)
    .refine((text) => !holdsControlCharacters(text), `${name} ${holds} control characters.`);
}

export const picoSchema = z.object(
  {
    population: partSchema('population'),
    interventionOrExposure: partSchema('interventionOrExposure'),
    comparison: partSchema('comparison'),
    outcomes: partSchema('outcomes'),
  },
  {
    error:
      'The PICO is an object with population, intervention or exposure, comparison and outcomes.',
  },
);

export const EMPTY_PICO: Pico = {
  population: '',
  interventionOrExposure: '',
  comparison: '',
  outcomes: '',
};

/** The parts still to write before the PICO can be shown as complete (comparison is optional). */
export function missingPicoParts(pico: Pico): PicoPart[] {
  return PICO_PARTS.filter((part) => part !== 'comparison' && pico[part].trim() === '');
}
