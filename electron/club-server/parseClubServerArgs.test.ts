import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, parseClubServerArgs } from './parseClubServerArgs';

const TOKEN = 'club-token-0123456789-abcdef';
const withToken = { env: { ROUNDS_CLUB_TOKEN: TOKEN }, platform: 'linux' as const };

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'rounds-club-args-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function messageOf(command: ReturnType<typeof parseClubServerArgs>): string {
  return command.kind === 'usage-error' ? command.message : `not refused: ${command.kind}`;
}

describe('parseClubServerArgs', () => {
  it('runs on the loopback with the token from the environment and the default limits', () => {
    const command = parseClubServerArgs(['--port', '5000', '--data-dir', folder], withToken);
    expect(command).toEqual({
      kind: 'run',
      options: {
        port: 5000,
        host: '127.0.0.1',
        dataDir: folder,
        token: TOKEN,
        tls: null,
        limits: DEFAULT_LIMITS,
      },
    });
  });

  it('reads the token from a file only its owner can read', async () => {
    const tokenFile = path.join(folder, 'token');
    await writeFile(tokenFile, `${TOKEN}\n`, { mode: 0o600 });
    const command = parseClubServerArgs(['--data-dir', folder, '--token-file', tokenFile], {
      env: {},
      platform: 'linux',
    });
    expect(command.kind === 'run' && command.options.token).toBe(TOKEN);

    await chmod(tokenFile, 0o644);
    const shared = parseClubServerArgs(['--data-dir', folder, '--token-file', tokenFile], {
      env: {},
      platform: 'linux',
    });
    expect(messageOf(shared)).toContain('can be read or changed by other users');
  });

  it('refuses to start without a token, or with one on the command line', () => {
    expect(
      messageOf(parseClubServerArgs(['--data-dir', folder], { env: {}, platform: 'linux' })),
    ).toContain('needs an access token');
    expect(
      messageOf(parseClubServerArgs(['--data-dir', folder, '--token', TOKEN], withToken)),
    ).toContain('process list');
  });

  it('refuses to listen on 0.0.0.0 without TLS, saying why', () => {
    const command = parseClubServerArgs(['--data-dir', folder, '--host', '0.0.0.0'], withToken);
    expect(messageOf(command)).toContain('will not listen on 0.0.0.0 without TLS');
  });

  it('requires a data folder and sensible limits', () => {
    expect(messageOf(parseClubServerArgs([], withToken))).toContain('--data-dir is required');
    expect(
      messageOf(parseClubServerArgs(['--data-dir', folder, '--max-documents', '0'], withToken)),
    ).toContain('--max-documents must be a whole number above 0');
    const limited = parseClubServerArgs(
      ['--data-dir', folder, '--max-connections-per-document', '8'],
      withToken,
    );
    expect(limited.kind === 'run' && limited.options.limits.maxConnectionsPerDocument).toBe(8);
  });
});
