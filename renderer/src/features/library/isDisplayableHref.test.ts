import { describe, expect, it } from 'vitest';
import { isDisplayableHref } from './isDisplayableHref';

describe('isDisplayableHref', () => {
  it('keeps absolute web and mail addresses', () => {
    expect(isDisplayableHref('https://www.nejm.org/doi/full/10.1056/NEJMoa2034577')).toBe(true);
    expect(isDisplayableHref('http://example.org/a?b=c#d')).toBe(true);
    expect(isDisplayableHref('HTTPS://EXAMPLE.ORG/')).toBe(true);
    expect(isDisplayableHref('mailto:editor@example.org')).toBe(true);
  });

  it('refuses script, data, file and app-internal schemes', () => {
    expect(isDisplayableHref('javascript:alert(1)')).toBe(false);
    expect(isDisplayableHref('JaVaScRiPt:alert(1)')).toBe(false);
    expect(isDisplayableHref('data:text/html,<script>alert(1)</script>')).toBe(false);
    expect(isDisplayableHref('vbscript:msgbox(1)')).toBe(false);
    expect(isDisplayableHref('file:///etc/passwd')).toBe(false);
    expect(isDisplayableHref('ftp://example.org/file')).toBe(false);
  });

  it('sees through whitespace and control characters hidden inside the scheme', () => {
    expect(isDisplayableHref(' java\tscript:alert(1)')).toBe(false);
    expect(isDisplayableHref('java\u0000script:alert(1)')).toBe(false);
    expect(isDisplayableHref('\nhttps://example.org/')).toBe(true);
  });

  it('refuses relative and protocol-relative links, which would point into the app', () => {
    expect(isDisplayableHref('/api/feeds.remove')).toBe(false);
    expect(isDisplayableHref('article.html')).toBe(false);
    expect(isDisplayableHref('//evil.example/')).toBe(false);
    expect(isDisplayableHref('#section-2')).toBe(false);
    expect(isDisplayableHref('')).toBe(false);
  });

  it('refuses a web scheme without a host', () => {
    expect(isDisplayableHref('https:')).toBe(false);
  });
});
