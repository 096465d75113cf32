// Vite plugin (used by electron.vite.config.ts): whatever policy renderer/index.html carries, the
// built page gets exactly CONTENT_SECURITY_POLICY, and the dev server only the relaxations its
// hot reload needs.
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import {
  CONTENT_SECURITY_POLICY,
  devServerPolicyOf,
  metaPolicyOf,
  withContentSecurityPolicy,
} from './contentSecurityPolicy';

/** `sha256-…` source expressions for every inline <script> of a page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes = '', body = ''] = match;
    if (/\bsrc\s*=/i.test(attributes) || body.length === 0) continue;
    hashes.push(`sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`);
  }
  return hashes;
}

/** Sets the renderer's CSP <meta> at build time and relaxes it just enough on the dev server. */
export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'rounds:content-security-policy',
    transformIndexHtml: {
      // After every other plugin, so the inline scripts they inject (React Refresh) are hashed.
      order: 'post',
      handler(html, context) {
        const policy = context.server
          ? devServerPolicyOf(CONTENT_SECURITY_POLICY, inlineScriptHashes(html))
          : metaPolicyOf(CONTENT_SECURITY_POLICY);
        return withContentSecurityPolicy(html, policy);
      },
    },
  };
}
