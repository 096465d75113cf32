import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  devServerPolicyOf,
  metaPolicyOf,
  readContentSecurityPolicies,
  withContentSecurityPolicy,
} from './contentSecurityPolicy';

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows no inline or remote script and no plugins', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('metaPolicyOf', () => {
  it('drops only frame-ancestors, which a <meta> cannot carry', () => {
    expect(metaPolicyOf(CONTENT_SECURITY_POLICY)).toBe(
      CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''),
    );
  });
});

describe('devServerPolicyOf', () => {
  it('adds inline styles and the given script hashes, nothing else', () => {
    const policy = devServerPolicyOf(CONTENT_SECURITY_POLICY, ['sha256-abc=']);
    expect(policy).toContain("script-src 'self' 'sha256-abc='");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("connect-src 'self'");
  });
});

describe('withContentSecurityPolicy', () => {
  const page = (head: string) =>
    `<!doctype html><html><head>${head}<title>Rounds</title></head><body></body></html>`;

  it('replaces the policy the page carries', () => {
    const html = page(`<meta http-equiv="Content-Security-Policy" content="default-src *" />`);
    expect(
      readContentSecurityPolicies(withContentSecurityPolicy(html, "default-src 'none'")),
    ).toEqual(["default-src 'none'"]);
  });

  it('matches the attribute case-insensitively and collapses duplicates into one', () => {
    const html = page(
      `<META HTTP-EQUIV='content-security-policy' CONTENT='default-src *'><meta http-equiv="Content-Security-Policy" content="img-src *">`,
    );
    expect(
      readContentSecurityPolicies(withContentSecurityPolicy(html, "default-src 'self'")),
    ).toEqual(["default-src 'self'"]);
  });

  it('adds the policy first in <head> when the page has none', () => {
    const rewritten = withContentSecurityPolicy(
      page('<script src="/a.js"></script>'),
      "default-src 'none'",
    );
    expect(rewritten.indexOf('Content-Security-Policy')).toBeLessThan(rewritten.indexOf('<script'));
    expect(readContentSecurityPolicies(rewritten)).toEqual(["default-src 'none'"]);
  });
});
