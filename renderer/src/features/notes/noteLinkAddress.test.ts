import { describe, expect, it } from 'vitest';
import { noteLinkAddress } from './noteLinkAddress';

describe('noteLinkAddress', () => {
  it.each([
    ['https://example.org/trial', 'https://example.org/trial'],
    ['  http://example.org ', 'http://example.org'],
    ['mailto:registrar@example.org', 'mailto:registrar@example.org'],
    ['example.org/trial', 'https://example.org/trial'],
    ['registrar@example.org', 'mailto:registrar@example.org'],
  ])('accepts %j as %j', (typed, address) => {
    expect(noteLinkAddress(typed)).toBe(address);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'mailto:a@example.org?bcc=b@example.org',
    'https://',
    '',
  ])('refuses %j', (typed) => {
    expect(noteLinkAddress(typed)).toBeNull();
  });
});
