// Draws the visual abstract of a made-up trial at both card sizes into docs/share/, so the design
// can be reviewed without running the app. The trial, its numbers and the club are invented.
// Run: npx tsx --tsconfig tsconfig.node.json scripts/render-visual-abstract-sample.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SatoriCardRenderer } from '../electron/adapters/share/visualAbstract/SatoriCardRenderer';
import type { CardSize, VisualAbstractCard } from '../shared/domain/share/summary';

const SAMPLE_CARD: VisualAbstractCard = {
  question: 'Does getting out of bed on day one after hip fracture surgery prevent delirium?',
  population: '412 adults aged 65 or over after hip fracture surgery, 9 UK hospitals',
  intervention: 'Out of bed within 24 hours, with a physiotherapist',
  comparison: 'Usual care: out of bed after 48 hours',
  mainResult: 'Delirium by day 7: 14% vs 23% (RR 0.61, 95% CI 0.41 to 0.90)',
  bottomLine:
    'Early mobilisation was safe and prevented about one case of delirium for every 11 patients.',
  citation:
    'Example A, Sample B, Placeholder C, et al. J Example Med 2026;12:345–53. doi:10.1000/example.2026.1',
  levelOfEvidence: 'Level 2 (RCT)',
  club: 'St Elsewhere Geriatrics Journal Club',
  preprintLabel: null,
};

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputFolder = join(projectRoot, 'docs', 'share');
const sizes: CardSize[] = ['landscape', 'square'];

const renderer = new SatoriCardRenderer({
  onMissingGlyphs: (segments) =>
    console.warn(`The bundled fonts cannot draw: ${segments.join(' ')}`),
});
await mkdir(outputFolder, { recursive: true });
for (const size of sizes) {
  const started = performance.now();
  const png = await renderer.render(SAMPLE_CARD, size);
  const elapsed = performance.now() - started;
  const path = join(outputFolder, `visual-abstract-${size}.png`);
  await writeFile(path, png);
  console.log(
    `${relative(projectRoot, path)}: ${png.byteLength} bytes, drawn in ${elapsed.toFixed(0)} ms`,
  );
}
