import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './isAllowedExternalUrl';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://www.nejm.org/doi/full/10.1056/NEJMoa2034577',
    'http://example.org/feed',
    'HTTPS://EXAMPLE.ORG/',
  ])('opens %s in the browser', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'file://server/share/report.exe',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'ms-msdt:/id PCWDiagnostic',
    'smb://server/share',
    'http://',
    '//example.org/path',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it.each([
    'mailto:editor@example.org',
    'MAILTO:Editor.Letters@journal.example.org',
    'mailto:editor@example.org?subject=Letter%20to%20the%20editor',
    'mailto:editor@example.org?subject=Re%3A%20sepsis&body=Dear%20editor%2C%0D%0A%0D%0AThanks',
    'mailto:first.last+rounds@sub.example.co.uk?body=Hello',
  ])('hands the mail address %s to the mail app', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['no address', 'mailto:'],
    ['no address, only a subject', 'mailto:?subject=Hi'],
    ['two addresses', 'mailto:a@example.org,b@example.org'],
    ['a name rather than an address', 'mailto:editor'],
    ['an address without a domain', 'mailto:editor@'],
    ['added recipients', 'mailto:a@example.org?cc=b@example.org'],
    ['hidden recipients', 'mailto:a@example.org?bcc=b@example.org'],
    ['a "to" header', 'mailto:a@example.org?to=b@example.org'],
    ['an attachment header', 'mailto:a@example.org?attach=/etc/passwd'],
    ['a header injected through the subject', 'mailto:a@example.org?subject=Hi%0D%0ABcc:b@x.org'],
    [
      'a header injected through a capitalised subject',
      'mailto:a@example.org?Subject=%0ACc:b@x.org',
    ],
    ['a repeated subject', 'mailto:a@example.org?subject=a&subject=b'],
    ['an encoded line break in the address', 'mailto:a@example.org%0D%0ABcc:b@example.org'],
    ['a fragment', 'mailto:a@example.org#x'],
  ])('refuses a mailto link with %s', (_case, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
