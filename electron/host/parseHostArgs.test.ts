import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultDataDir,
  isLoopbackAddress,
  parseHostArgs,
  type HostEnvironment,
} from './parseHostArgs';

const linux: HostEnvironment = { env: {}, platform: 'linux', homeDir: '/home/ana' };
const token = 'correct-horse-battery-staple';

function run(argv: string[], environment: HostEnvironment = linux) {
  const command = parseHostArgs(argv, environment);
  if (command.kind !== 'run') throw new Error(`expected options, got ${JSON.stringify(command)}`);
  return command.options;
}

describe('parseHostArgs', () => {
  it('defaults to 127.0.0.1:4870, no token, the desktop app’s data folder', () => {
    expect(run([])).toEqual({
      port: 4870,
      host: '127.0.0.1',
      dataDir: '/home/ana/.config/Rounds',
      token: null,
      rendererDir: null,
    });
  });

  it('reads every option, in both spellings', () => {
    expect(
      run([
        '--port',
        '0',
        '--host=localhost',
        '--data-dir',
        'lib',
        '--token',
        token,
        '--renderer-dir',
        'out/r',
      ]),
    ).toEqual({
      port: 0,
      host: 'localhost',
      dataDir: path.resolve('lib'),
      token,
      rendererDir: path.resolve('out/r'),
    });
  });

  it('takes the data folder and token from the environment when not given', () => {
    const options = run([], {
      ...linux,
      env: { ROUNDS_DATA_DIR: '/srv/rounds', ROUNDS_HOST_TOKEN: token },
    });
    expect(options.dataDir).toBe('/srv/rounds');
    expect(options.token).toBe(token);
  });

  it('prefers the command line over the environment', () => {
    const options = run(['--data-dir', '/data/cli'], {
      ...linux,
      env: { ROUNDS_DATA_DIR: '/data/env' },
    });
    expect(options.dataDir).toBe('/data/cli');
  });

  it('refuses a network address without a token, explaining why', () => {
    const command = parseHostArgs(['--host', '0.0.0.0'], linux);
    expect(command.kind).toBe('usage-error');
    expect(command.kind === 'usage-error' && command.message).toMatch(
      /without an access token.*--token/s,
    );
  });

  it('accepts a network address with a token', () => {
    expect(run(['--host', '0.0.0.0', '--token', token]).host).toBe('0.0.0.0');
    expect(
      run(['--host', '192.168.1.20'], { ...linux, env: { ROUNDS_HOST_TOKEN: token } }).token,
    ).toBe(token);
  });

  it.each([
    [['--port', '70000'], /--port/],
    [['--port', 'http'], /--port/],
    [['--port', '-1'], /--port|argument/],
    [['--token', 'short'], /at least 16/],
    [['--verbose'], /Unknown option/],
    [['feeds.xml'], /positional/],
  ])('reports %j as a usage error', (argv, message) => {
    const command = parseHostArgs(argv, linux);
    expect(command.kind).toBe('usage-error');
    expect(command.kind === 'usage-error' && command.message).toMatch(message);
  });

  it('shows help', () => {
    expect(parseHostArgs(['--help'], linux)).toMatchObject({ kind: 'help' });
  });
});

describe('defaultDataDir', () => {
  it('matches Electron’s userData folder on each system', () => {
    expect(defaultDataDir(linux)).toBe('/home/ana/.config/Rounds');
    expect(defaultDataDir({ ...linux, env: { XDG_CONFIG_HOME: '/home/ana/.cfg' } })).toBe(
      '/home/ana/.cfg/Rounds',
    );
    expect(defaultDataDir({ env: {}, platform: 'darwin', homeDir: '/Users/ana' })).toBe(
      '/Users/ana/Library/Application Support/Rounds',
    );
    expect(
      defaultDataDir({
        env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' },
        platform: 'win32',
        homeDir: 'C:\\Users\\ana',
      }),
    ).toBe('C:\\Users\\ana\\AppData\\Roaming\\Rounds');
  });
});

describe('isLoopbackAddress', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1'])(
    '%s is loopback',
    (host) => {
      expect(isLoopbackAddress(host)).toBe(true);
    },
  );

  it.each([
    '0.0.0.0',
    '::',
    '192.168.1.20',
    'rounds.example.org',
    '128.0.0.1',
    'localhost.evil.example',
  ])('%s is not', (host) => {
    expect(isLoopbackAddress(host)).toBe(false);
  });
});
