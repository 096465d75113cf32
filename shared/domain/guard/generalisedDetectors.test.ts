import { describe, expect, it } from 'vitest';
import type { PhiType } from './findings';
import { scanForPhi } from './scanForPhi';

function found(text: string, type: PhiType): string[] {
  return scanForPhi(text)
    .filter((finding) => finding.type === type)
    .map((finding) => finding.text);
}

describe('ages over 89, in digits and in words', () => {
  const flagged: [string, string][] = [
    ['Ninety-four-year-old man with urinary retention.', 'Ninety-four'],
    ['A ninety two year old woman fell at home.', 'ninety two'],
    ['She is aged ninety-three and lives with her son.', 'ninety-three'],
    ['He turned ninety last week.', 'ninety'],
    ['A man of 96 with a hip fracture.', '96'],
    ['A lady of ninety-seven, still independent.', 'ninety-seven'],
    ['Celebrated her 100th birthday on the ward.', '100th'],
    ['Celebrated his hundredth birthday in March.', 'hundredth'],
    ['One hundred and two years old and sharp as a tack.', 'One hundred and two'],
    ['A 92 y/o F with AF presented after a fall.', '92 y/o'],
    ['93yo M, known COPD.', '93yo'],
    ['94 y.o. woman, lives alone.', '94 y.o.'],
    ['Mr Arthur Penhaligon (97) was seen on the ward round.', '97'],
    ['Age: 91. Weight 48 kg.', '91'],
    ['She will be 95 on Sunday.', '95'],
    ['At the age of 99 she still walks to the shops.', '99'],
  ];
  it.each(flagged)('flags the age in "%s"', (text, age) => {
    expect(found(text, 'age-over-89').join(' ')).toContain(age);
  });

  const notAges: string[] = [
    'An 89-year-old man with delirium.',
    'A woman aged eighty-nine with sepsis.',
    'Infants aged 90 days or younger were excluded.',
    'Now 90 days old and feeding well.',
    'Paracetamol 90 mg/kg/day was exceeded.',
    'Mortality 12% (95% CI 9 to 15).',
    'Participants were aged 90 to 104 years at baseline in the cohort.',
    'Adults over 90 were under-represented in the trial.',
    'Temperature 95 F on arrival.',
    'She is in her nineties and frail.',
    'The median age was 91 years (IQR 90 to 94) in the audit.',
  ];
  it.each(notAges)('leaves "%s" alone', (text) => {
    expect(found(text, 'age-over-89')).toEqual([]);
  });
});

describe('dates finer than a year tied to a person or to care', () => {
  const flagged: [string, string][] = [
    ['Mr Ibrahim Diallo had a CABG in April 2019 at another centre.', 'April 2019'],
    ['Seen in Sept. 2021 with a flare.', 'Sept. 2021'],
    ['She had her first seizure in March of 2016.', 'March of 2016'],
    ['His last colonoscopy was June, 2018.', 'June, 2018'],
    ['I was diagnosed in Feb 2017 and have been on insulin since.', 'Feb 2017'],
    ['Discharged on the 3rd of May with a care package.', '3rd of May'],
    ['Stent placed Apr \u201919, no angina since.', 'Apr \u201919'],
    ['Biopsy reported 2023/11/04: adenocarcinoma.', '2023/11/04'],
    ['Potassium 6.1 on 05-MAR-2024, repeated the next day.', '05-MAR-2024'],
    ['Sample taken 3-Jun-24 at the GP surgery.', '3-Jun-24'],
    ['Last seen 04/2019 by the heart failure nurses.', '04/2019'],
    ['Stroke in 2019-04, residual left weakness.', '2019-04'],
    ['He was admitted over Christmas 2020 with COVID pneumonia.', 'Christmas 2020'],
  ];
  it.each(flagged)('flags the date in "%s"', (text, date) => {
    expect(found(text, 'date').join(' ')).toContain(date);
  });

  const notDates: string[] = [
    'Smith et al. (NEJM. 2023 Apr;388:1203-14) reported a hazard ratio of 0.82.',
    'Epub 2022 Nov 14. doi:10.1001/jama.2022.1234',
    'Recruitment ran between April 2019 and May 2020 across 14 sites.',
    'Enrolment ran from January 2015 to December 2018.',
    'Patients admitted between March 2020 and June 2020 were included.',
    'NICE updated the guideline in March 2023.',
    'The FDA approved lecanemab in July 2023.',
    'Databases were searched from inception to 31 January 2024.',
    'The 2019 ESC guidelines were published in the European Heart Journal.',
    'Symptoms began on day 3 of admission.',
    'Review in 2/52 with bloods.',
    'In March 2020 the pandemic reached the UK.',
  ];
  it.each(notDates)('leaves "%s" alone', (text) => {
    expect(found(text, 'date')).toEqual([]);
  });
});

describe('towns introduced by the ways people say where someone lives', () => {
  const flagged: [string, string][] = [
    ['The family live on 3 Kingfisher Close in Morpeth.', 'Morpeth'],
    ['Discharged home to Hexham on 28 May 2025.', 'Hexham'],
    ['ZIP code 73301, Austin.', 'Austin'],
    ['Lives with her granddaughter Megan in a flat in Salford.', 'Salford'],
    ['She is a resident of Tavistock and walks daily.', 'Tavistock'],
    ['Back home in Ilkley, he is using a frame.', 'Ilkley'],
    ['He moved to Geelong to be near his daughter.', 'Geelong'],
    ['Pt r/o Dombivli, c/o fever for 5 days.', 'Dombivli'],
    ['A native of Tirunelveli, she works as a teacher.', 'Tirunelveli'],
    ['He grew up in Port Talbot and worked at the steelworks.', 'Port Talbot'],
    ['She resides in Whitby with her husband.', 'Whitby'],
    ['Transferred from Wagga Wagga Base Hospital overnight.', 'Wagga Wagga'],
    ['Originally from Ballymena, now in a care home.', 'Ballymena'],
  ];
  it.each(flagged)('flags the town in "%s"', (text, town) => {
    expect(found(text, 'town').join(' ')).toContain(town);
  });

  const notTowns: string[] = [
    'The patient lives alone and has carers twice a day.',
    'She lives alone and was seen in Cardiology last week.',
    'I moved to a smaller flat last year.',
    'Cohort B (Mumbai, Pune and Chennai sites) had higher attrition.',
    'The Berlin definition of ARDS was applied.',
    'Recruited from Ontario and Quebec sites.',
    'He moved to Pakistan as a child and back to the UK in his twenties.',
  ];
  it.each(notTowns)('leaves "%s" alone', (text) => {
    expect(found(text, 'town')).toEqual([]);
  });
});
