// Entry of `npm run club-server -- --port P --data-dir D`: reads the command line, starts the
// server and stops it, saving every document, on Ctrl+C or a termination signal.
import { parseClubServerArgs } from './parseClubServerArgs';
import { startClubSyncServer } from './ClubSyncServer';

async function main(): Promise<void> {
  const command = parseClubServerArgs(process.argv.slice(2), {
    env: process.env,
    platform: process.platform,
  });
  if (command.kind === 'help') {
    process.stdout.write(`${command.text}\n`);
    return;
  }
  if (command.kind === 'usage-error') {
    process.stderr.write(`${command.message}\nSee --help for the options.\n`);
    process.exitCode = 2;
    return;
  }
  const server = await startClubSyncServer(command.options);
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`[club-server] could not stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
