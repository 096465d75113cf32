import { describe, expect, it } from 'vitest';
import { CLUB_PROTOCOL, clubSyncProtocols, tokenOfferedIn } from './clubProtocol';
import { documentNameOfRequestPath } from './documentName';

describe('the token in Sec-WebSocket-Protocol', () => {
  it('carries any token, however written, and reads it back', () => {
    for (const token of ['club-token-0123456789', 'with spaces, commas; and ünïcödé = / +']) {
      const protocols = clubSyncProtocols(token);
      expect(protocols[0]).toBe(CLUB_PROTOCOL);
      expect(protocols[1]).toMatch(/^rounds-token\.[A-Za-z0-9_-]+$/);
      expect(tokenOfferedIn(protocols.join(', '))).toBe(token);
    }
  });

  it('finds no token when none or a malformed one is offered', () => {
    expect(tokenOfferedIn(undefined)).toBeNull();
    expect(tokenOfferedIn(CLUB_PROTOCOL)).toBeNull();
    expect(tokenOfferedIn(`${CLUB_PROTOCOL}, rounds-token.%%%`)).toBeNull();
  });
});

describe('document names in the request path', () => {
  it('accepts letters, digits, "-" and "_" only', () => {
    expect(documentNameOfRequestPath('/3f2a-session_1?x=1')).toBe('3f2a-session_1');
    for (const path of ['/', '/../x', '/..%2Fx', '/a/b', '/a.b', 'x', `/${'a'.repeat(129)}`]) {
      expect(documentNameOfRequestPath(path)).toBeNull();
    }
  });
});
