// Child process for the migration crash test: opens a layout-1 library, which migrates it, and
// stops making progress at a chosen step (printing `paused <step>`), so the parent can SIGKILL it
// exactly there.
import { LowdbLibraryStore } from '../LowdbLibraryStore';

const [dataDir, pauseAt] = process.argv.slice(2);
if (!dataDir || !pauseAt) throw new Error('usage: migrateUntilPaused.ts <dataDir> <step>');

await LowdbLibraryStore.open(dataDir, {
  onMigrationProgress: async ({ done }) => {
    if (done < Number(pauseAt)) return;
    process.stdout.write(`paused ${done}\n`);
    // Never resumes: the parent kills this process here.
    await new Promise(() => {});
  },
});
