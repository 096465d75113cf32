// Entry point of the host (`node out/main/host.js`): the desktop app's backend in plain Node,
// served with the built renderer over loopback HTTP, for machines where Electron cannot run.
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { version } from '../../package.json';
import { DataFolderInUseError } from '../adapters/storage/DataFolderLock';
import { composeBackend, type ComposedBackend } from '../main/composeBackend';
import { HostServer } from './HostServer';
import { parseHostArgs, privateFeedPolicy, type HostOptions } from './parseHostArgs';

/** Exit codes scripts can rely on (documented in docs/API.md). */
const HOST_EXIT_CODES = { failed: 1, usage: 2, dataFolderInUse: 3 } as const;

async function main(): Promise<void> {
  const command = parseHostArgs(process.argv.slice(2), {
    env: process.env,
    platform: process.platform,
    homeDir: homedir(),
  });
  if (command.kind === 'help') {
    console.log(command.text);
    return;
  }
  if (command.kind === 'usage-error') {
    console.error(`${command.message}\nRun with --help to see the options.`);
    process.exit(HOST_EXIT_CODES.usage);
  }
  for (const warning of command.warnings) console.error(warning);
  await run(command.options);
}

async function run(options: HostOptions): Promise<void> {
  let composed: ComposedBackend;
  try {
    await mkdir(options.dataDir, { recursive: true });
    composed = await composeBackend({
      dataDir: options.dataDir,
      runtime: 'host',
      version,
      privateFeeds: privateFeedPolicy(options),
    });
  } catch (error) {
    if (error instanceof DataFolderInUseError) {
      console.error(error.message);
      process.exit(HOST_EXIT_CODES.dataFolderInUse);
    }
    console.error(`Rounds could not open its library in ${options.dataDir}:`, error);
    process.exit(HOST_EXIT_CODES.failed);
  }

  let server: HostServer;
  try {
    server = await HostServer.start({
      backend: composed.backend,
      host: options.host,
      port: options.port,
      token: options.token,
      tls: options.tls,
      insecureHttp: options.insecureHttp,
      rendererDir: options.rendererDir ?? fileURLToPath(new URL('../renderer/', import.meta.url)),
      storedPdfs: composed.storedPdfs,
      storedImages: composed.storedImages,
    });
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    console.error(
      inUse
        ? `Port ${options.port} is already in use on ${options.host}. Choose another with --port (0 picks a free one).`
        : `Rounds could not listen on ${options.host}:${options.port}:`,
      ...(inUse ? [] : [error]),
    );
    await composed.close();
    process.exit(HOST_EXIT_CODES.failed);
  }

  // Tests and scripts wait for exactly this line on stdout.
  console.log(`Rounds is running at ${server.url}`);
  if (options.token !== null) {
    console.error(
      `Access token required: open ${server.url}?token=<your token> once in each browser.`,
    );
  }

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl+C while pending writes are flushed: the user insists.
      console.error(`Received ${signal} again; exiting without waiting.`);
      process.exit(HOST_EXIT_CODES.failed);
    }
    stopping = true;
    try {
      await server.close();
      await composed.close();
      process.exit(0);
    } catch (error) {
      console.error('Rounds could not close its library cleanly:', error);
      process.exit(HOST_EXIT_CODES.failed);
    }
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  console.error('Rounds host failed:', error);
  process.exit(HOST_EXIT_CODES.failed);
});
