import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../windows/contentSecurityPolicy';
import { createRendererFileHandler } from './createRendererFileHandler';

const SECRET = 'the contents of a file outside the renderer folder';

let root: string;
let rendererDir: string;
let handle: (request: Request) => Promise<Response>;

beforeEach(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'rounds-app-protocol-')));
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Rounds</title>');
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'console.log("rounds");');
  await writeFile(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(rendererDir, 'assets', 'search.worker.js'), 'onmessage = () => {};');
  await writeFile(join(rendererDir, 'assets', 'data.bin'), 'opaque');
  await writeFile(join(root, 'secret.txt'), SECRET);
  handle = createRendererFileHandler(rendererDir);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('createRendererFileHandler', () => {
  it('serves the page with its type and the Content Security Policy as a header', async () => {
    const response = await get('app://rounds/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>Rounds</title>');
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    // frame-ancestors included: a header carries the whole policy, unlike the page's <meta>.
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('serves index.html for the bare origin', async () => {
    expect(await (await get('app://rounds/')).text()).toContain('<title>Rounds</title>');
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/data.bin', 'application/octet-stream'],
  ])('serves %s as %s', async (path, type) => {
    const response = await get(`app://rounds/${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
  });

  it('puts the policy on scripts too, because a worker takes its policy from its own response', async () => {
    const response = await get('app://rounds/assets/search.worker.js');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 for a file the interface does not have, and for a folder', async () => {
    for (const url of ['app://rounds/missing.js', 'app://rounds/assets']) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).toMatch(/is not part of the Rounds interface/);
    }
  });

  it.each([
    'app://rounds/../secret.txt',
    'app://rounds/%2e%2e/secret.txt',
    'app://rounds/..%2fsecret.txt',
    'app://rounds/..%5csecret.txt',
    'app://rounds/assets/..%2F..%2Fsecret.txt',
  ])('never serves a file outside the folder: %s', async (url) => {
    const response = await get(url);
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('never serves a file named by its absolute path', async () => {
    const secretPath = join(root, 'secret.txt');
    for (const url of [
      `app://rounds/${encodeURIComponent(secretPath)}`,
      `app://rounds/${secretPath}`,
    ]) {
      const response = await get(url);
      expect(response.status).toBe(400);
      expect(await response.text()).not.toContain(SECRET);
    }
  });

  it('explains a refused path', async () => {
    const response = await get('app://rounds/..%2fsecret.txt');
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(
      'Refused app://rounds/..%2fsecret.txt: a path may not hide a "/" inside a name.',
    );
  });

  it('refuses a symlink that leads out of the folder', async () => {
    await symlink(join(root, 'secret.txt'), join(rendererDir, 'assets', 'linked.js'));
    const response = await get('app://rounds/assets/linked.js');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('follows a symlink that stays inside the folder', async () => {
    await symlink(join(rendererDir, 'index.html'), join(rendererDir, 'home.html'));
    expect((await get('app://rounds/home.html')).status).toBe(200);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://rounds/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('app://rounds/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('Allow')).toBe('GET, HEAD');
  });
});
