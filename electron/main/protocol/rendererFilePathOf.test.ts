import { describe, expect, it } from 'vitest';
import { rendererFilePathOf } from './rendererFilePathOf';

describe('rendererFilePathOf', () => {
  it.each([
    ['app://rounds/index.html', ['index.html']],
    ['app://rounds/', ['index.html']],
    ['app://rounds', ['index.html']],
    ['app://rounds/assets/index-CYVj2Z2R.js', ['assets', 'index-CYVj2Z2R.js']],
    ['app://rounds/index.html?view=starred#/feeds/1', ['index.html']],
    ['app://ROUNDS/index.html', ['index.html']],
    ['app://rounds/fonts/Source%20Serif.woff2', ['fonts', 'Source Serif.woff2']],
  ])('maps %s to a file of the interface', (url, segments) => {
    expect(rendererFilePathOf(url)).toEqual({ ok: true, segments });
  });

  it.each([
    ['app://rounds/..%2f..%2fetc%2fpasswd', 'a path may not hide a "/" inside a name'],
    ['app://rounds/..%5c..%5cwindows%5cwin.ini', 'a path may not hide a "\\" inside a name'],
    ['app://rounds/..\\..\\windows\\win.ini', 'a path may not hide a "\\" inside a name'],
    ['app://rounds/assets%2F..%2F..%2Fsecret.txt', 'a path may not hide a "/" inside a name'],
    ['app://rounds//etc/passwd', 'a path may not contain an empty name (as in "//")'],
    ['app://rounds/C:/Windows/win.ini', 'a path may not contain ":" (drive letters, streams)'],
    ['app://rounds/index.html%00.png', 'a path may not contain a NUL character'],
    ['app://rounds/.env', 'hidden files (".name") are not part of the interface'],
    ['app://rounds/assets/', 'a path may not contain an empty name (as in "//")'],
    ['app://rounds/%E0%A4%A', 'the path is not valid percent-encoding'],
  ])('refuses %s', (url, reason) => {
    expect(rendererFilePathOf(url)).toEqual({ ok: false, reason });
  });

  it.each([
    'app:///etc/passwd',
    'app://evil.example/index.html',
    'app://rounds:8080/index.html',
    'app://user:secret@rounds/index.html',
    'file:///etc/passwd',
    'https://rounds/index.html',
  ])('refuses %s, which is not the app://rounds origin', (url) => {
    expect(rendererFilePathOf(url)).toEqual({
      ok: false,
      reason: 'only app://rounds/ serves the Rounds interface',
    });
  });

  it('refuses what is not a URL', () => {
    expect(rendererFilePathOf('not a url')).toEqual({ ok: false, reason: 'not a URL' });
  });

  it('keeps dot segments from leaving the folder: the URL resolves them first', () => {
    // Chromium (and the WHATWG parser) collapse "..", "%2e%2e" and ".%2e" before a handler runs.
    for (const url of [
      'app://rounds/../secret.txt',
      'app://rounds/%2e%2e/secret.txt',
      'app://rounds/assets/.%2E/.%2e/secret.txt',
    ]) {
      expect(rendererFilePathOf(url)).toEqual({ ok: true, segments: ['secret.txt'] });
    }
  });
});
