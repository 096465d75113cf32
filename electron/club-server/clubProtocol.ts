// How a client presents the club's access token: as a WebSocket subprotocol, next to the
// protocol name. Browsers' WebSocket cannot send an Authorization header; the
// Sec-WebSocket-Protocol header is the one header they can set. Unlike a query parameter, it does
// not end up in proxy access logs, browser history or error messages that print the URL. The
// server answers with CLUB_PROTOCOL only, so the token is never echoed back.
// Environment-neutral (TextEncoder, btoa): the renderer can use it too.

/** The protocol the server selects; a client must offer it. */
export const CLUB_PROTOCOL = 'rounds-club-v1';
/** Prefix of the protocol entry carrying the token, base64url-encoded (header-safe). */
export const TOKEN_PROTOCOL_PREFIX = 'rounds-token.';

/** The `protocols` to give y-websocket's WebsocketProvider (or a WebSocket) for `token`. */
export function clubSyncProtocols(token: string): string[] {
  return [CLUB_PROTOCOL, TOKEN_PROTOCOL_PREFIX + toBase64Url(token)];
}

/** The token offered in a Sec-WebSocket-Protocol header value, or null when none is. */
export function tokenOfferedIn(protocolHeader: string | undefined): string | null {
  if (protocolHeader === undefined) return null;
  const entry = protocolHeader
    .split(',')
    .map((value) => value.trim())
    .find((value) => value.startsWith(TOKEN_PROTOCOL_PREFIX));
  if (entry === undefined) return null;
  return fromBase64Url(entry.slice(TOKEN_PROTOCOL_PREFIX.length));
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) return null;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
