/**
 * One structured clinical abstract (Background, Methods, Results, Conclusions) built from the
 * vocabulary: effect sizes with confidence intervals that contain them, counts that add up, trial
 * registration numbers, between 1 and 3 KB of HTML.
 */
import { escapeText } from 'entities';
import {
  COMPARATORS,
  CONDITIONS,
  COUNTRIES,
  DESIGNS,
  FUNDERS,
  INTERVENTIONS,
  OUTCOMES,
  POPULATIONS,
} from './vocabulary';

/** What one paper is about; its title and abstract are written from it. */
export interface PaperTopic {
  intervention: string;
  comparator: string;
  condition: string;
  population: string;
  outcome: string;
  secondaryOutcome: string;
  design: string;
  /** A trial acronym such as `EMPA-HF`. */
  acronym: string;
}

/** How an abstract's section headings are marked up; publishers differ. */
export type SectionHeadingStyle = 'heading' | 'bold-label' | 'strong-label';

/** Smallest and largest abstract, in UTF-8 bytes of HTML. */
export const ABSTRACT_BYTES = { min: 1024, max: 3072 } as const;

// Sentences are added until the abstract reaches a target drawn in this range; the longest
// sentence is well under the gap to the maximum, so no abstract can overshoot it.
const TARGET_BYTES = { min: ABSTRACT_BYTES.min, max: 2600 } as const;

type Random = () => number;
type Section = 'Background' | 'Methods' | 'Results' | 'Conclusions';
const SECTIONS: readonly Section[] = ['Background', 'Methods', 'Results', 'Conclusions'];

/** An element of a non-empty list, chosen by the random source. */
export function pick<T>(next: Random, list: readonly T[]): T {
  const value = list[Math.floor(next() * list.length)];
  if (value === undefined) throw new Error('pick() needs a non-empty list');
  return value;
}

/** An integer in [min, max]. */
export function between(next: Random, min: number, max: number): number {
  return min + Math.floor(next() * (max - min + 1));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Draws what a paper is about. */
export function drawTopic(next: Random): PaperTopic {
  const intervention = pick(next, INTERVENTIONS);
  const outcome = pick(next, OUTCOMES);
  let secondaryOutcome = pick(next, OUTCOMES);
  if (secondaryOutcome === outcome) secondaryOutcome = 'all-cause mortality';
  const letters = intervention
    .replace(/[^a-z]/gi, '')
    .slice(0, 4)
    .toUpperCase();
  return {
    intervention,
    comparator: pick(next, COMPARATORS),
    condition: pick(next, CONDITIONS),
    population: pick(next, POPULATIONS),
    outcome,
    secondaryOutcome,
    design: pick(next, DESIGNS),
    acronym: `${letters}-${pick(next, ['HF', 'CKD', 'AF', 'TIMI', 'OUTCOMES', 'PRESERVED', 'REDUCE', '2'])}`,
  };
}

/** A title in one of the forms journals use, as plain text (it may hold `&`, `<` and `≥`). */
export function paperTitle(next: Random, topic: PaperTopic): string {
  const { intervention, comparator, condition, population, outcome, design, acronym } = topic;
  const forms = [
    () =>
      `${capitalise(intervention)} versus ${comparator} in ${population} with ${condition}: a ${design}`,
    () =>
      `Effect of ${intervention} on ${outcome} in ${condition}: the ${acronym} randomised clinical trial`,
    () =>
      `${capitalise(outcome)} after ${intervention} among ${population} with ${condition}: a ${design}`,
    () => `Association of ${intervention} use with ${outcome} in ${population}: a ${design}`,
    () => `${capitalise(intervention)} and ${outcome} in ${condition}: a ${design}`,
    () =>
      `Efficacy & safety of ${intervention} in ${condition} with eGFR <${between(next, 2, 6) * 10} mL/min`,
    () =>
      `Long-term ${outcome} with ${intervention} vs ${comparator} in adults aged ≥${between(next, 6, 8) * 10} years`,
  ];
  return pick(next, forms)();
}

function ratioWithInterval(next: Random): { ratio: string; low: string; high: string } {
  const ratio = 0.55 + next() * 0.55;
  const spread = Math.exp(0.04 + next() * 0.25);
  return {
    ratio: ratio.toFixed(2),
    low: (ratio / spread).toFixed(2),
    high: (ratio * spread).toFixed(2),
  };
}

function pValue(next: Random, high: string): string {
  if (Number(high) >= 1) return `P=${(0.06 + next() * 0.9).toFixed(2)}`;
  return next() < 0.5 ? 'P<0.001' : `P=${(0.001 + next() * 0.045).toFixed(3)}`;
}

function primaryResult(next: Random, topic: PaperTopic): string {
  const perGroup = between(next, 150, 9000);
  const control = 0.05 + next() * 0.25;
  const { ratio, low, high } = ratioWithInterval(next);
  const treated = control * Number(ratio);
  const events = (share: number) => Math.round(perGroup * share);
  const percent = (share: number) => (share * 100).toFixed(1);
  return (
    `A primary-outcome event occurred in ${events(treated)} of ${perGroup} patients ` +
    `(${percent(treated)}%) in the ${topic.intervention} group and in ${events(control)} of ` +
    `${perGroup} patients (${percent(control)}%) in the ${topic.comparator} group ` +
    `(HR ${ratio}; 95% CI ${low}-${high}; ${pValue(next, high)}).`
  );
}

const SENTENCES: Record<Section, readonly ((next: Random, topic: PaperTopic) => string)[]> = {
  Background: [
    (next, t) =>
      `${capitalise(t.condition)} affects more than ${between(next, 2, 90)} million people worldwide and remains a leading cause of ${t.outcome}.`,
    (_, t) =>
      `Whether ${t.intervention} reduces ${t.outcome} in ${t.population} with ${t.condition} is uncertain.`,
    (_, t) =>
      `Previous trials of ${t.intervention} were small, enrolled few ${t.population}, and reported conflicting effects on ${t.secondaryOutcome}.`,
    (_, t) =>
      `Guidelines recommend ${t.comparator} for most ${t.population} with ${t.condition}, but the certainty of the evidence is low.`,
    (_, t) =>
      `Observational data suggest that ${t.intervention} may lower the risk of ${t.outcome}, although residual confounding cannot be excluded.`,
  ],
  Methods: [
    (next, t) =>
      `In this ${t.design} conducted at ${between(next, 3, 480)} sites in ${pick(next, COUNTRIES)} and ${pick(next, COUNTRIES)}, we randomly assigned ${between(next, 300, 18000)} ${t.population} with ${t.condition} to receive ${t.intervention} (${pick(next, [2.5, 5, 10, 20, 25, 40, 100])} mg ${pick(next, ['once daily', 'twice daily', 'weekly'])}) or ${t.comparator}.`,
    (_, t) =>
      `The primary outcome was a composite of ${t.outcome} or ${t.secondaryOutcome}, assessed in a time-to-event analysis.`,
    (next) =>
      `Secondary outcomes included ${pick(next, OUTCOMES)}, ${pick(next, OUTCOMES)} and ${pick(next, OUTCOMES)}.`,
    (next) => {
      const median = between(next, 6, 60);
      return `Median follow-up was ${median} months (interquartile range, ${Math.max(1, median - between(next, 2, 12))} to ${median + between(next, 2, 18)}).`;
    },
    () =>
      'Analyses were by intention to treat; missing data were handled with multiple imputation by chained equations.',
    (next) => {
      const from = between(next, 2005, 2018);
      return `Data were drawn from linked electronic health records of ${between(next, 10, 900) * 1000} patients between ${from} and ${from + between(next, 2, 6)}.`;
    },
  ],
  Results: [
    primaryResult,
    (next) => {
      const { ratio, low, high } = ratioWithInterval(next);
      return `The risk of ${pick(next, OUTCOMES)} was lower in the intervention group (RR ${ratio}; 95% CI ${low}-${high}).`;
    },
    (next) => {
      const difference = -(0.2 + next() * 6);
      return `The mean difference in ${pick(next, OUTCOMES)} was ${difference.toFixed(1)} (95% CI ${(difference * 1.6).toFixed(1)} to ${(difference * 0.4).toFixed(1)}) at ${between(next, 12, 104)} weeks.`;
    },
    (next, t) => {
      const { ratio, low, high } = ratioWithInterval(next);
      return `Serious adverse events occurred in ${(5 + next() * 30).toFixed(1)}% and ${(5 + next() * 30).toFixed(1)}% of patients, respectively; ${pick(next, OUTCOMES)} was less frequent with ${t.intervention} (OR ${ratio}; 95% CI ${low}-${high}).`;
    },
    (next) =>
      `Results were consistent across prespecified subgroups, including age ≥${between(next, 6, 8) * 10} years, sex and baseline eGFR <${between(next, 3, 6) * 10} mL/min/1.73 m².`,
    (next) =>
      `The number needed to treat to prevent one event of ${pick(next, OUTCOMES)} was ${between(next, 8, 140)} over ${between(next, 1, 5)} years.`,
  ],
  Conclusions: [
    (next, t) =>
      `Among ${t.population} with ${t.condition}, ${t.intervention} ${pick(next, ['reduced', 'did not reduce', 'modestly reduced'])} the risk of ${t.outcome} as compared with ${t.comparator}.`,
    (_, t) =>
      `These findings support wider use of ${t.intervention} in routine care, although further trials in ${t.population} are needed.`,
    (next, t) =>
      `(Funded by ${pick(next, FUNDERS)}; ${t.acronym} ClinicalTrials.gov number, NCT0${between(next, 1_000_000, 6_999_999)}.)`,
  ],
};

const SECTION_WEIGHTS: readonly [Section, number][] = [
  ['Background', 0.2],
  ['Methods', 0.35],
  ['Results', 0.45],
];

function growingSection(next: Random): Section {
  let roll = next();
  for (const [section, weight] of SECTION_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return section;
  }
  return 'Results';
}

function sectionHtml(section: Section, sentences: string[], style: SectionHeadingStyle): string {
  const text = escapeText(sentences.join(' '));
  switch (style) {
    case 'heading':
      return `<h4>${section}</h4><p>${text}</p>`;
    case 'bold-label':
      return `<p><b>${section.toUpperCase()}:</b> ${text}</p>`;
    case 'strong-label':
      return `<p><strong>${section}:</strong> ${text}</p>`;
  }
}

function renderAbstract(body: Record<Section, string[]>, style: SectionHeadingStyle): string {
  return SECTIONS.map((section) => sectionHtml(section, body[section], style)).join('\n');
}

/** The abstract's HTML, between {@link ABSTRACT_BYTES}.min and .max UTF-8 bytes. */
export function structuredAbstract(
  next: Random,
  topic: PaperTopic,
  style: SectionHeadingStyle,
): string {
  const sentence = (section: Section) => pick(next, SENTENCES[section])(next, topic);
  const body: Record<Section, string[]> = {
    Background: [sentence('Background')],
    Methods: [SENTENCES.Methods[0]?.(next, topic) ?? sentence('Methods')],
    Results: [primaryResult(next, topic)],
    Conclusions: [SENTENCES.Conclusions[0]?.(next, topic) ?? sentence('Conclusions')],
  };
  // Most trial reports end with their funding and registration line.
  const registration = SENTENCES.Conclusions[2];
  if (registration !== undefined && next() < 0.6) body.Conclusions.push(registration(next, topic));
  const target = between(next, TARGET_BYTES.min, TARGET_BYTES.max);
  let html = renderAbstract(body, style);
  while (Buffer.byteLength(html) < target) {
    const section = growingSection(next);
    const added = sentence(section);
    // Fixed sentences would otherwise repeat word for word, which no abstract does.
    if (!body[section].includes(added)) body[section].push(added);
    html = renderAbstract(body, style);
  }
  return html;
}
