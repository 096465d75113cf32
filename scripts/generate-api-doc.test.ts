import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../shared/contract/index';
import { API_DOC_PATH, renderApiDoc } from './generate-api-doc';

describe('docs/API.md', () => {
  let generated: string;
  beforeAll(async () => {
    generated = await renderApiDoc();
  });

  it('is up to date with the contract (regenerate: npx tsx scripts/generate-api-doc.ts)', () => {
    expect(readFileSync(API_DOC_PATH, 'utf8')).toBe(generated);
  });

  it('documents every member of every service with its failure codes', () => {
    for (const [serviceName, service] of Object.entries(contract)) {
      for (const [memberName, spec] of Object.entries(service.members)) {
        // The heading's whole line (an event's says so): `share.draft` must not find `share.drafts`.
        const heading = `### ${serviceName}.${memberName}${spec.kind === 'event' ? ' (event)' : ''}\n`;
        const section = generated.split(heading)[1]?.split('\n### ')[0] ?? '';
        expect(section, `${serviceName}.${memberName}`).not.toBe('');
        if (spec.kind === 'method') {
          for (const code of [...spec.errors, 'invalid-argument', 'internal'])
            expect(section).toContain(`\`${code}\``);
        }
      }
    }
  });

  it('describes arguments with their limits and defaults', () => {
    expect(generated).toContain('`[{ url: string (1–2048 characters) }]`');
    expect(generated).toContain('limit?: integer (1–500) = 100');
  });
});
