import { describe, expect, it } from 'vitest';
import { normalizeFeedUrl } from './normalizeFeedUrl';

function accepted(input: string): string {
  const result = normalizeFeedUrl(input);
  if (!result.ok) throw new Error(`expected ${input} to be accepted, got: ${result.message}`);
  return result.value;
}

function rejected(input: string): string {
  const result = normalizeFeedUrl(input);
  if (result.ok) throw new Error(`expected ${input} to be rejected, got ${result.value}`);
  expect(result.code).toBe('invalid-url');
  return result.message;
}

describe('normalizeFeedUrl', () => {
  it('trims and keeps a well-formed https address', () => {
    expect(accepted('  https://www.nejm.org/feed/rss.xml \n')).toBe(
      'https://www.nejm.org/feed/rss.xml',
    );
  });

  it('adds https:// when no scheme is given', () => {
    expect(accepted('bmj.com/rss')).toBe('https://bmj.com/rss');
    expect(accepted('example.org')).toBe('https://example.org/');
    expect(accepted('//cdn.example.org/feed')).toBe('https://cdn.example.org/feed');
  });

  it('reads host:port without a scheme as a host, not as a scheme', () => {
    expect(accepted('localhost:8080/feed.xml')).toBe('https://localhost:8080/feed.xml');
    expect(accepted('127.0.0.1:3000')).toBe('https://127.0.0.1:3000/');
  });

  it('keeps plain http and lower-cases scheme and host but not the path', () => {
    expect(accepted('HTTP://Example.ORG/Feeds/Cardiology?Format=RSS')).toBe(
      'http://example.org/Feeds/Cardiology?Format=RSS',
    );
  });

  it('drops default ports and fragments so the same feed is recognised as a duplicate', () => {
    expect(accepted('https://example.org:443/feed#latest')).toBe('https://example.org/feed');
    expect(accepted('http://example.org:80/feed')).toBe('http://example.org/feed');
    expect(accepted('http://example.org:8080/feed')).toBe('http://example.org:8080/feed');
  });

  it('turns feed:// subscribe links into web addresses', () => {
    expect(accepted('feed://example.org/rss')).toBe('https://example.org/rss');
    expect(accepted('feed:http://example.org/rss')).toBe('http://example.org/rss');
  });

  it('accepts IPv6 literals and writes international host names in punycode', () => {
    expect(accepted('http://[::1]:8080/feed')).toBe('http://[::1]:8080/feed');
    expect(normalizeFeedUrl('https://bücher.example/feed')).toEqual({
      ok: true,
      value: 'https://xn--bcher-kva.example/feed',
    });
  });

  it('writes every spelling of one feed as the same address, as a browser would (WHATWG URL)', () => {
    const spellings = [
      'https://bücher.example/feed',
      'https://BÜCHER.example/feed',
      'https://xn--bcher-kva.example/feed',
      'HTTPS://XN--BCHER-KVA.EXAMPLE/feed',
      'https://xn--bcher-kva.example:443/feed',
      'https://xn--bcher-kva.example./feed',
      'https://xn--bcher-kva.example/a/../feed',
      'https://xn--bcher-kva.example/./a/b/../../feed',
      'https://xn--bcher-kva.example\\feed',
      'https:\\\\xn--bcher-kva.example\\feed',
      'https://xn--bcher-kva.example/feed#latest',
      'bücher.example/feed',
      'feed://bücher.example/feed',
    ];
    for (const spelling of spellings) {
      expect(accepted(spelling), spelling).toBe('https://xn--bcher-kva.example/feed');
    }
  });

  it('reads numeric host spellings as the address they name', () => {
    expect(accepted('http://127.1:8080/feed')).toBe('http://127.0.0.1:8080/feed');
    expect(accepted('http://2130706433/feed')).toBe('http://127.0.0.1/feed');
    expect(accepted('http://[0:0:0:0:0:0:0:1]/feed')).toBe('http://[::1]/feed');
  });

  it('rejects other schemes and names the scheme in the message', () => {
    expect(rejected('ftp://example.org/feed')).toContain('"ftp:"');
    expect(rejected('javascript:alert(1)')).toContain('"javascript:"');
    expect(rejected('file:///etc/passwd')).toContain('"file:"');
    expect(rejected('data:text/xml,<rss/>')).toContain('"data:"');
  });

  it('rejects empty, spaced, incomplete and malformed addresses with a readable message', () => {
    expect(rejected('   ')).toBe('Enter the address of a feed.');
    expect(rejected('https://exa mple.org/feed')).toMatch(/spaces/);
    expect(rejected('https:example.org')).toMatch(/incomplete/);
    expect(rejected('https://')).toMatch(/not a valid web address/);
    expect(rejected('https://exa$mple.org')).toMatch(/not a valid web address/);
    expect(rejected('https://-example.org')).toMatch(/not a valid web address/);
    expect(rejected('https://example.org:99999/')).toMatch(/port/);
    expect(rejected('https://example.org:0/')).toMatch(/port/);
  });

  it('refuses credentials, which would otherwise be stored in plain files', () => {
    expect(rejected('https://user:secret@example.org/feed')).toMatch(/user name or password/);
  });
});
