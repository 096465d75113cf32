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
    'mailto:someone@example.org',
    'http://',
    '//example.org/path',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
