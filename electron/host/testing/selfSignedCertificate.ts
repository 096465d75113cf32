// Test support only: a throwaway self-signed certificate for localhost and 127.0.0.1, made by the
// openssl command line in a temporary folder, so no private key is ever committed. Node's crypto
// can make keys but not X.509 certificates.
import { execFile, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** True when the `openssl` command can be run; tests that need a certificate skip without it. */
export const opensslAvailable = spawnSync('openssl', ['version']).status === 0;

/** A certificate and its private key, as files and as their PEM contents. */
export interface TestCertificate {
  certFile: string;
  keyFile: string;
  cert: Buffer;
  key: Buffer;
}

/** Writes `cert.pem` and `key.pem` (valid two days, for localhost and 127.0.0.1) into `folder`. */
export async function createSelfSignedCertificate(folder: string): Promise<TestCertificate> {
  const certFile = join(folder, 'cert.pem');
  const keyFile = join(folder, 'key.pem');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ]);
  return { certFile, keyFile, cert: await readFile(certFile), key: await readFile(keyFile) };
}
