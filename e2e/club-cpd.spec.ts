import { readFile } from 'node:fs/promises';
import { CPD_CSV_COLUMNS } from '../shared/domain/club/cpd/cpdCsv';
import { test, expect, planTrialSession } from './fixtures/twoMembers';
import { TRIAL_FEED } from './fixtures/trialFeed';

const SESSION = 'Finerenone: bottom line and CPD';
// A fixed date, so the year the CPD log totals is known: 10 March 2026, 19:00 in London (GMT).
const STARTS_AT = '2026-03-10T19:00';
const YEAR = '2026';
const BOTTOM_LINE =
  'Offer finerenone to adults with diabetic kidney disease whose potassium can be checked.';
// Starts with "=": a spreadsheet would run it as a formula unless the export neutralises it.
const LEARNED = '=Finerenone cut kidney failure by 18 percent over three years';
const WILL_CHANGE = 'Check potassium four weeks after starting it';

/** RFC 4180 records: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let at = 0; at < text.length; at += 1) {
    const character = text[at]!;
    if (quoted) {
      if (character === '"' && text[at + 1] === '"') {
        cell += '"';
        at += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      record.push(cell);
      cell = '';
    } else if (character === '\r' && text[at + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      at += 1;
    } else cell += character;
  }
  if (cell !== '' || record.length > 0) records.push([...record, cell]);
  return records;
}

test('a member closes a session with its bottom line, logs CPD and exports it as a safe CSV', async ({
  asha,
  feedServer,
}, testInfo) => {
  test.setTimeout(180_000);
  const { page } = asha.app;
  const session = await planTrialSession(asha, feedServer, {
    title: SESSION,
    startsAt: STARTS_AT,
  });

  // No bottom line yet: closing is refused with the reason.
  await session.closeButton().click();
  await expect(session.alert()).toHaveText(
    'Write the bottom line (one sentence) before closing the session.',
  );

  await session.writeBottomLine(BOTTOM_LINE);
  await session.closeButton().click();
  await expect(page.getByText('Closed', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(BOTTOM_LINE, { exact: true })).toBeVisible();

  // CPD: hours are claimed in quarter hours.
  await page.getByRole('button', { name: 'Log CPD' }).click();
  const dialog = session.logCpdDialog();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Hours' }).fill('1.3');
  await dialog.getByRole('button', { name: 'Save CPD entry' }).click();
  await expect(dialog.getByRole('alert')).toContainText('quarter hours');
  await dialog.getByRole('textbox', { name: 'Hours' }).fill('1.5');
  await dialog.getByRole('textbox', { name: 'What I learned' }).fill(LEARNED);
  await dialog.getByRole('textbox', { name: 'What I will change' }).fill(WILL_CHANGE);
  await dialog.getByRole('button', { name: 'Save CPD entry' }).click();
  await expect(dialog).toBeHidden();

  // The club page lists the session as past; the CPD log totals the year of the session.
  await page.getByRole('button', { name: 'Back to Renal JC' }).click();
  await expect(asha.club.clubHeading('Renal JC')).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Past sessions' }).getByRole('button', { name: SESSION }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'My CPD log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My CPD log' })).toBeVisible();
  const entries = page.getByRole('table', { name: 'CPD entries' });
  const row = entries.getByRole('row').filter({ hasText: SESSION });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('1.5');
  await expect(row).toContainText(LEARNED);
  await expect(page.getByText(`${YEAR}: 1.5 hours`)).toBeVisible();

  // The CSV on disk: BOM, the columns, one row, the reflection neutralised.
  const csv = await asha.club.download(
    page.getByRole('button', { name: 'Export CSV' }),
    (name) => testInfo.outputPath(name),
    'cpd.csv',
  );
  expect(csv.suggestedName).toBe('rounds-cpd-log.csv');
  const bytes = await readFile(csv.path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = parseCsv(bytes.toString('utf8').slice(1));
  expect(records[0]).toEqual([...CPD_CSV_COLUMNS]);
  expect(records).toHaveLength(2);
  const cells = Object.fromEntries(CPD_CSV_COLUMNS.map((column, at) => [column, records[1]![at]]));
  expect(cells).toMatchObject({
    Date: '2026-03-10',
    Session: SESSION,
    Hours: '1.5',
    'What I learned': `'${LEARNED}`,
    'What I will change': WILL_CHANGE,
  });
  expect(cells.Citation).toContain(TRIAL_FEED.paper);
});
