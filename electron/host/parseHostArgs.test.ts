import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultDataDir,
  isLoopbackAddress,
  parseHostArgs,
  privateFeedPolicy,
  type HostEnvironment,
} from './parseHostArgs';
import {
  createSelfSignedCertificate,
  opensslAvailable,
  type TestCertificate,
} from './testing/selfSignedCertificate';

const linux: HostEnvironment = { env: {}, platform: 'linux', homeDir: '/home/ana' };
const token = 'correct-horse-battery-staple';

let folder: string;
let tokenFile: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'rounds-host-args-'));
  tokenFile = path.join(folder, 'token');
  await writeFile(tokenFile, `${token}\n`, { mode: 0o600 });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function run(argv: string[], environment: HostEnvironment = linux) {
  const command = parseHostArgs(argv, environment);
  if (command.kind !== 'run') throw new Error(`expected options, got ${JSON.stringify(command)}`);
  return command.options;
}

function usageError(argv: string[], environment: HostEnvironment = linux): string {
  const command = parseHostArgs(argv, environment);
  if (command.kind !== 'usage-error')
    throw new Error(`expected a usage error, got ${command.kind}`);
  return command.message;
}

describe('parseHostArgs', () => {
  it('defaults to 127.0.0.1:4870, no token, no TLS, the desktop app’s data folder', () => {
    expect(parseHostArgs([], linux)).toEqual({
      kind: 'run',
      warnings: [],
      options: {
        port: 4870,
        host: '127.0.0.1',
        dataDir: '/home/ana/.config/Rounds',
        token: null,
        tls: null,
        insecureHttp: false,
        allowPrivateFeeds: false,
        rendererDir: null,
      },
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
        '--token-file',
        tokenFile,
        '--allow-private-feeds',
        '--renderer-dir',
        'out/r',
      ]),
    ).toEqual({
      port: 0,
      host: 'localhost',
      dataDir: path.resolve('lib'),
      token,
      tls: null,
      insecureHttp: false,
      allowPrivateFeeds: true,
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
    const options = run(['--data-dir', '/data/cli', '--token-file', tokenFile], {
      ...linux,
      env: { ROUNDS_DATA_DIR: '/data/env', ROUNDS_HOST_TOKEN: 'a-different-token-from-env' },
    });
    expect(options.dataDir).toBe('/data/cli');
    expect(options.token).toBe(token);
  });

  it('refuses the token as a command-line value, which every user can see in the process list', () => {
    const message = usageError(['--token', token]);
    expect(message).toMatch(/process list/);
    expect(message).toMatch(/ROUNDS_HOST_TOKEN/);
    expect(message).toMatch(/--token-file/);
    expect(message).not.toContain(token);
  });

  it('reads a token file without its trailing newline', () => {
    expect(run(['--token-file', tokenFile]).token).toBe(token);
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a token file other users can read, saying how to fix it',
    async () => {
      const shared = path.join(folder, 'shared-token');
      await writeFile(shared, token);
      await chmod(shared, 0o644);
      const message = usageError(['--token-file', shared]);
      expect(message).toContain(shared);
      expect(message).toMatch(/other users/);
      expect(message).toContain(`chmod 600 ${shared}`);
    },
  );

  it('explains a missing or empty token file', async () => {
    expect(usageError(['--token-file', path.join(folder, 'absent')])).toMatch(
      /could not read the token file .*absent/,
    );
    const empty = path.join(folder, 'empty-token');
    await writeFile(empty, '\n', { mode: 0o600 });
    expect(usageError(['--token-file', empty])).toMatch(/token file .* is empty/);
  });

  it('refuses a network address without a token, explaining why', () => {
    expect(usageError(['--host', '0.0.0.0'])).toMatch(
      /without an access token.*ROUNDS_HOST_TOKEN.*--token-file/s,
    );
  });

  it('refuses plain HTTP on a network address, naming both ways out', () => {
    const message = usageError(['--host', '0.0.0.0', '--token-file', tokenFile]);
    expect(message).toMatch(/--tls-cert <file> --tls-key <file>/);
    expect(message).toMatch(/--insecure-http/);
    expect(message).toMatch(/reverse proxy/);
  });

  it('serves plain HTTP on a network address only when told, and says a TLS proxy is needed', () => {
    const command = parseHostArgs(['--host', '192.168.1.20', '--insecure-http'], {
      ...linux,
      env: { ROUNDS_HOST_TOKEN: token },
    });
    expect(command).toMatchObject({
      kind: 'run',
      options: { host: '192.168.1.20', token, tls: null, insecureHttp: true },
    });
    expect(command.kind === 'run' && command.warnings.join('\n')).toMatch(
      /plain HTTP.*TLS reverse proxy/s,
    );
  });

  it('needs both halves of a TLS key pair', () => {
    expect(usageError(['--tls-cert', path.join(folder, 'cert.pem')])).toMatch(
      /--tls-cert and --tls-key go together/,
    );
    expect(usageError(['--tls-key', path.join(folder, 'key.pem')])).toMatch(
      /--tls-cert and --tls-key go together/,
    );
  });

  it('explains a certificate that cannot be used', async () => {
    const notPem = path.join(folder, 'not-a-certificate.pem');
    await writeFile(notPem, 'hello', { mode: 0o600 });
    expect(usageError(['--tls-cert', notPem, '--tls-key', notPem])).toMatch(
      /TLS certificate and key .* cannot be used/,
    );
    expect(
      usageError(['--tls-cert', path.join(folder, 'absent.pem'), '--tls-key', notPem]),
    ).toMatch(/could not read the TLS certificate .*absent\.pem/);
  });

  describe.skipIf(!opensslAvailable)('with a certificate', () => {
    let certificate: TestCertificate;
    beforeAll(async () => {
      certificate = await createSelfSignedCertificate(folder);
    });

    it('reads the certificate and key, and needs no warning on a network address', () => {
      const command = parseHostArgs(
        [
          '--host',
          '0.0.0.0',
          '--token-file',
          tokenFile,
          '--tls-cert',
          certificate.certFile,
          '--tls-key',
          certificate.keyFile,
        ],
        linux,
      );
      expect(command).toMatchObject({
        kind: 'run',
        warnings: [],
        options: { host: '0.0.0.0', tls: { cert: certificate.cert, key: certificate.key } },
      });
    });

    it('refuses --insecure-http together with a certificate', () => {
      expect(
        usageError([
          '--tls-cert',
          certificate.certFile,
          '--tls-key',
          certificate.keyFile,
          '--insecure-http',
        ]),
      ).toMatch(/either TLS or --insecure-http/);
    });
  });

  it.each([
    [['--port', '70000'], /--port/],
    [['--port', 'http'], /--port/],
    [['--port', '-1'], /--port|argument/],
    [['--verbose'], /Unknown option/],
    [['feeds.xml'], /positional/],
  ])('reports %j as a usage error', (argv, message) => {
    expect(usageError(argv)).toMatch(message);
  });

  it('refuses a short token', () => {
    expect(usageError([], { ...linux, env: { ROUNDS_HOST_TOKEN: 'short' } })).toMatch(
      /at least 16/,
    );
  });

  it('shows help that names every way to give the token', () => {
    const command = parseHostArgs(['--help'], linux);
    expect(command).toMatchObject({ kind: 'help' });
    const text = command.kind === 'help' ? command.text : '';
    for (const option of [
      '--token-file',
      'ROUNDS_HOST_TOKEN',
      '--tls-cert',
      '--tls-key',
      '--insecure-http',
      '--allow-private-feeds',
    ]) {
      expect(text).toContain(option);
    }
  });
});

describe('privateFeedPolicy', () => {
  it('lets a loopback host reach private addresses the user typed', () => {
    expect(privateFeedPolicy(run([]))).toBe('when-typed');
    expect(privateFeedPolicy(run(['--host', '::1']))).toBe('when-typed');
  });

  it('refuses private addresses on a host others can reach, unless allowed', () => {
    const networkEnv = { ...linux, env: { ROUNDS_HOST_TOKEN: token } };
    expect(privateFeedPolicy(run(['--host', '0.0.0.0', '--insecure-http'], networkEnv))).toBe(
      'refused',
    );
    expect(
      privateFeedPolicy(
        run(['--host', '0.0.0.0', '--insecure-http', '--allow-private-feeds'], networkEnv),
      ),
    ).toBe('allowed');
  });

  it('allows them everywhere when asked, loopback included', () => {
    expect(privateFeedPolicy(run(['--allow-private-feeds']))).toBe('allowed');
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
