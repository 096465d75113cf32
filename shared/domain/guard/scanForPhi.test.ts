import { describe, expect, it } from 'vitest';
import type { PhiType } from './findings';
import { isIpv6, isPlausibleSsn, isValidNhsNumber, passesLuhn } from './identifierChecks';
import { scanForPhi } from './scanForPhi';

function typed(text: string): [PhiType, string][] {
  return scanForPhi(text).map((finding) => [finding.type, finding.text]);
}

describe('scanForPhi finds each kind of identifier', () => {
  const cases: [string, string, PhiType][] = [
    ['name after a title', 'Reviewed with Mrs Agnes Fairley this morning.', 'name'],
    ['name compromise knows', 'Peter Wilson was reviewed on the ward.', 'name'],
    ['name of a relative', 'Her son, Tomasz Nowak, will collect her.', 'name'],
    ['date of birth, numeric', 'DOB 30/06/1955, lives alone.', 'date'],
    ['admission date in words', 'Admitted on 3 March with pneumonia.', 'date'],
    ['US-style date', 'Discharged Feb 9, 2025 on oral antibiotics.', 'date'],
    ['ISO date', 'Seen 2025-01-17 in clinic.', 'date'],
    ['age over 89', 'A 95-year-old man with syncope.', 'age-over-89'],
    ['age over 89 after "aged"', 'Woman aged 103 with cellulitis.', 'age-over-89'],
    ['UK mobile', 'Call 07700 900456 with results.', 'phone'],
    ['UK landline', 'Tel 0113 496 0999.', 'phone'],
    ['US phone', 'Reach him at (312) 555-0188.', 'phone'],
    ['international phone', 'Daughter abroad: +33 1 23 45 67 89.', 'phone'],
    ['fax by context', 'Fax the letter to 0161 496 0999.', 'fax'],
    ['email', 'Write to k.osei@example.com please.', 'email'],
    ['SSN', 'SSN 123-45-6789 on the form.', 'ssn'],
    ['MRN after its label', 'MRN: 55820134.', 'mrn'],
    ['NHS number by checksum alone', 'Referral for 943 476 5919 received.', 'mrn'],
    ['hospital number', 'Hospital number RX12345.', 'mrn'],
    ['health plan', 'Medicaid ID 883104472.', 'health-plan'],
    ['account', 'Account number 12345678.', 'account'],
    ['payment card by Luhn', 'Card 4111 1111 1111 1111 found.', 'account'],
    ['licence', 'Driving licence SMITH712115JJ9AB.', 'licence'],
    ['vehicle plate', 'Registration AB12 CDE outside A&E.', 'vehicle'],
    ['VIN', 'VIN 1HGCM82633A004352.', 'vehicle'],
    ['device serial', 'ICD serial number XQ4410928.', 'device'],
    ['personal web page', 'See https://example-family-blog.net/mum for photos.', 'url'],
    ['social profile', 'Posted on facebook.com/jane.doe.77 yesterday.', 'url'],
    ['IPv4', 'Accessed from 203.0.113.42.', 'ip'],
    ['IPv6', 'Accessed from fe80::1ff:fe23:4567:890a.', 'ip'],
    ['street address', 'Lives at 27 Orchard Road with her son.', 'street-address'],
    ['town of a patient', 'He lives in Kirkby Lonsdale.', 'town'],
    ['UK postcode', 'Postcode LS6 3QH.', 'zip'],
    ['US ZIP after a state', 'Madison, WI 53703.', 'zip'],
    ['passport', 'Passport number 123456789.', 'other-id'],
  ];
  it.each(cases)('%s', (_, text, type) => {
    expect(typed(text).map(([found]) => found)).toContain(type);
  });
});

describe('scanForPhi leaves scholarly and clinical writing alone', () => {
  const cases: [string, string][] = [
    ['author with et al.', 'Smith et al. 2023 found a smaller effect.'],
    ['two authors and a year', 'Smith and Jones (2021) disagreed.'],
    ['author and colleagues', 'Heerspink and colleagues ran DAPA-CKD.'],
    ['trial names', 'DAPA-CKD and EMPA-REG OUTCOME were both positive.'],
    ['dose', 'Empagliflozin 10 mg daily.'],
    ['statistics', 'HR 0.61, 95% CI 0.51–0.72, p<0.001.'],
    ['a year alone', 'Published in 2021.'],
    ['month and year of a study', 'Recruitment began in June 2018.'],
    ['DOI', 'doi:10.1016/S0140-6736(20)30183-5'],
    ['DOI link', 'https://doi.org/10.1056/NEJMoa2024816'],
    ['PMID', 'PMID 32970396'],
    ['public handle', 'Thread by @bmj_latest on the results.'],
    ['Parkinson disease', 'Parkinson disease was the commonest diagnosis.'],
    ['Glasgow Coma Scale', 'Glasgow Coma Scale 15.'],
    ['Apgar', 'Apgar 9 at five minutes.'],
    ['Gleason', 'Gleason 7 tumours were included.'],
    ['Hashimoto', 'Hashimoto thyroiditis was excluded.'],
    ['Crohn', 'Crohn disease activity fell.'],
    ['Cushing', 'Cushing syndrome was ruled out.'],
    ['lab values', 'Na 134, K 4.2, creatinine 88 µmol/L, Hb 121 g/L.'],
    ['blood pressure', 'BP 150/95 mmHg.'],
    ['trial registration', 'Registered as NCT04564742.'],
    ['a percentage that looks like an age', 'Saturation was 94% on air.'],
    ['study sites', 'Participants in Manchester and Toronto were enrolled.'],
  ];
  it.each(cases)('%s', (_, text) => {
    expect(typed(text)).toEqual([]);
  });
});

describe('findings', () => {
  it('reports UTF-16 offsets that slice back to the text, past emoji and accents', () => {
    const text = '😀 Café note: Mrs Zoë Fairley, MRN 55820134, seen 3 March 2024.';
    const findings = scanForPhi(text);
    expect(findings.length).toBeGreaterThanOrEqual(3);
    for (const finding of findings) {
      expect(text.slice(finding.start, finding.end)).toBe(finding.text);
    }
  });

  it('lets the more specific type win where two overlap', () => {
    expect(typed('NHS number 943 476 5919.')).toEqual([['mrn', '943 476 5919']]);
    expect(typed('Fax 020 7946 0101.')).toEqual([['fax', '020 7946 0101']]);
  });

  it('returns findings in reading order without overlaps', () => {
    const findings = scanForPhi(
      'Mr Owen Price, DOB 01/02/1950, 4 Mill Lane, Otley, LS21 1AA, tel 07700 900789.',
    );
    for (let index = 1; index < findings.length; index += 1) {
      expect(findings[index]!.start).toBeGreaterThanOrEqual(findings[index - 1]!.end);
    }
  });

  it('ends a name at the name, not at the next lower-case word', () => {
    expect(typed('Lives with her granddaughter Megan in a flat.')).toEqual([['name', 'Megan']]);
  });

  it('returns nothing for empty text', () => {
    expect(scanForPhi('')).toEqual([]);
  });
});

describe('identifier checks', () => {
  it('accepts NHS numbers only with the right check digit', () => {
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('943 476 5918')).toBe(false);
  });

  it('refuses SSN areas that are never issued', () => {
    expect(isPlausibleSsn('123', '45', '6789')).toBe(true);
    expect(isPlausibleSsn('000', '45', '6789')).toBe(false);
    expect(isPlausibleSsn('666', '45', '6789')).toBe(false);
    expect(isPlausibleSsn('912', '45', '6789')).toBe(false);
    expect(isPlausibleSsn('123', '00', '6789')).toBe(false);
  });

  it('checks card numbers with Luhn and IPv6 by its groups', () => {
    expect(passesLuhn('4111 1111 1111 1111')).toBe(true);
    expect(passesLuhn('4111 1111 1111 1112')).toBe(false);
    expect(isIpv6('2001:db8::1')).toBe(true);
    expect(isIpv6('12:30:45')).toBe(false);
    expect(isIpv6('::ffff:192.0.2.1')).toBe(true);
  });
});
