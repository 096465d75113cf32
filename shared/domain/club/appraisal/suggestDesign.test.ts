import { describe, expect, it } from 'vitest';
import { suggestDesign } from './suggestDesign';

describe('suggestDesign on realistic abstracts', () => {
  it.each([
    {
      design: 'randomised-trial',
      phrase: 'randomly assigned',
      title: 'Early Anticoagulation after Ischaemic Stroke',
      abstract:
        'Methods: In this multicentre, open-label trial, we randomly assigned 2013 patients with acute ischaemic stroke to early or later initiation of direct oral anticoagulants. The primary outcome was a composite of recurrent stroke at 30 days.',
    },
    {
      design: 'cohort',
      phrase: 'cohort',
      title: 'Statin use and dementia risk in older adults',
      abstract:
        'We followed a population-based cohort of 48 210 adults aged 65 or over for a median of 9.2 years. Hazard ratios were adjusted for age, sex and cardiovascular risk factors.',
    },
    {
      design: 'case-control',
      phrase: 'case-control',
      title: 'Proton pump inhibitors and hip fracture: a case-control study',
      abstract:
        'We identified 4 520 patients with hip fracture and matched each to four controls by age and sex.',
    },
    {
      design: 'cross-sectional',
      phrase: 'cross-sectional',
      title: 'Burnout among emergency physicians',
      abstract:
        'In this national cross-sectional study, 1 204 emergency physicians completed the Maslach Burnout Inventory.',
    },
    {
      design: 'systematic-review',
      phrase: 'Systematic Review',
      title: 'Corticosteroids for community-acquired pneumonia: a Systematic Review',
      abstract:
        'We searched MEDLINE, Embase and CENTRAL from inception to March 2025 for trials of corticosteroids.',
    },
    {
      design: 'diagnostic-accuracy',
      phrase: 'sensitivity and specificity',
      title: 'Point-of-care ultrasound for appendicitis in children',
      abstract:
        'We prospectively enrolled children with suspected appendicitis and calculated the sensitivity and specificity of ultrasound against histopathology or 30-day follow-up.',
    },
    {
      design: 'qualitative',
      phrase: 'thematic analysis',
      title: 'Living with a stoma: patients’ experiences',
      abstract:
        'We conducted 24 semi-structured interviews with adults one year after surgery. Transcripts were examined using reflexive thematic analysis.',
    },
  ])('suggests $design', ({ design, phrase, title, abstract }) => {
    expect(suggestDesign({ title, abstract })).toMatchObject({ design, phrase });
  });
});

describe('suggestDesign on tricky wording', () => {
  it('calls a meta-analysis of randomised trials a systematic review', () => {
    expect(
      suggestDesign({
        title: 'Tranexamic acid in trauma',
        abstract:
          'We performed a meta-analysis of randomised controlled trials in which patients were randomly assigned to tranexamic acid or placebo.',
      }),
    ).toEqual({ design: 'systematic-review', phrase: 'meta-analysis', foundIn: 'abstract' });
  });

  it('calls a randomised trial in a cohort of patients a randomised trial', () => {
    expect(
      suggestDesign({
        title: null,
        abstract:
          'Within a cohort of 600 patients with heart failure, we conducted a randomised trial of nurse-led titration.',
      }),
    ).toMatchObject({ design: 'randomised-trial', phrase: 'randomised trial' });
  });

  it('does not take a non-randomised comparison for a randomised trial', () => {
    expect(
      suggestDesign({
        title: 'A non-randomised comparison of two clinics',
        abstract: 'Patients attending either clinic were followed as a prospective cohort.',
      }),
    ).toMatchObject({ design: 'cohort', phrase: 'cohort' });
  });

  it('does not take Mendelian randomisation for a randomised trial', () => {
    expect(
      suggestDesign({
        title: 'Body mass index and gout: a Mendelian randomization study',
        abstract: 'We used genetic variants from participants of the UK Biobank cohort.',
      }),
    ).toMatchObject({ design: 'cohort', phrase: 'cohort', foundIn: 'abstract' });
  });

  it('reads a randomised, double-blind, placebo-controlled trial as one phrase', () => {
    expect(
      suggestDesign({
        title: 'Semaglutide in heart failure: a randomised, double-blind, placebo-controlled trial',
        abstract: null,
      }),
    ).toEqual({
      design: 'randomised-trial',
      phrase: 'randomised, double-blind, placebo-controlled trial',
      foundIn: 'title',
    });
  });

  it('does not take a randomly selected survey sample for a randomised trial', () => {
    expect(
      suggestDesign({
        title: null,
        abstract: 'A survey was posted to 3 000 randomly selected general practitioners.',
      }),
    ).toMatchObject({ design: 'cross-sectional', phrase: 'survey' });
  });

  it('does not take a sensitivity analysis for a diagnostic accuracy study', () => {
    expect(
      suggestDesign({
        title: null,
        abstract:
          'In this retrospective cohort, results were unchanged in a sensitivity analysis excluding early deaths.',
      }),
    ).toMatchObject({ design: 'cohort' });
  });

  it('calls a nested case-control study inside a cohort a case-control study', () => {
    expect(
      suggestDesign({
        title: null,
        abstract: 'We performed a nested case-control study within the UK Biobank cohort.',
      }),
    ).toMatchObject({ design: 'case-control' });
  });

  it('calls a target trial emulation in registry data a cohort study', () => {
    expect(
      suggestDesign({
        title: 'Emulating a target trial of early dialysis',
        abstract:
          'Using registry data, we emulated a randomised trial comparing early with deferred dialysis.',
      }),
    ).toMatchObject({ design: 'cohort', phrase: 'Emulating a target trial', foundIn: 'title' });
  });

  it('prefers what the title says over what the abstract mentions', () => {
    expect(
      suggestDesign({
        title: 'Patients’ views of a weight-loss programme: a qualitative study',
        abstract: 'Participants had taken part in a randomised trial of a weight-loss programme.',
      }),
    ).toEqual({ design: 'qualitative', phrase: 'qualitative study', foundIn: 'title' });
  });

  it('reads American spelling', () => {
    expect(
      suggestDesign({ title: null, abstract: 'Patients were randomized 1:1 to drug or placebo.' }),
    ).toMatchObject({ design: 'randomised-trial', phrase: 'randomized 1:1' });
  });

  it('takes interviews alone as a hint of a qualitative study', () => {
    expect(
      suggestDesign({ title: null, abstract: 'We held interviews with 15 ward managers.' }),
    ).toMatchObject({ design: 'qualitative', phrase: 'interviews' });
  });

  it('is null when nothing suggests a design', () => {
    expect(
      suggestDesign({
        title: 'Why we should stop prescribing aspirin for primary prevention',
        abstract: 'An opinion on current guidance.',
      }),
    ).toBeNull();
    expect(suggestDesign({ title: null, abstract: null })).toBeNull();
    expect(suggestDesign({ title: '', abstract: '   ' })).toBeNull();
  });
});
