import { fail, ok, type Result } from '../../contract/define';
import { parseWebUrl } from './parseWebUrl';

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/s;
// "example.org:8080/feed" looks like a scheme followed by a port: it is a host without a scheme.
const LOOKS_LIKE_PORT = /^\d+(?:[/?#\\]|$)/;
// Browsers read a backslash as a slash in web addresses, so "https:\\host" is complete.
const AUTHORITY_START = /^[/\\]{2}/;
const PORT_IN_AUTHORITY = /^[/\\]{2}[^/?#\\]*:(\d+)(?:[/?#\\]|$)/;
// Host names as the URL parser leaves them (international names already in punycode): letters,
// digits, "_" and inner hyphens per label. The standard lets "$" or a leading "-" through, DNS
// does not.
const HOST_LABEL = '[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?';
const HOST_NAME = new RegExp(`^${HOST_LABEL}(?:\\.${HOST_LABEL})*$`);
const BRACKETED_IPV6 = /^\[[0-9a-f:.]+\]$/;
const MAX_PORT = 65535;

/**
 * Turns what a user typed or pasted into the canonical address of a feed, so that one feed has
 * one address however it is spelled: parsed as a browser parses it (the WHATWG URL standard:
 * scheme and host lower-cased, international host names in punycode, `.` and `..` segments
 * resolved, `\` read as `/`, default port dropped, numeric hosts such as `127.1` written out),
 * with `https://` added when no scheme is given (and for `feed://` links), the fragment and a
 * host's trailing dot dropped. Only http and https are accepted, and addresses carrying a user
 * name or password are refused because Rounds keeps feed addresses in plain files.
 */
export function normalizeFeedUrl(input: string): Result<string, 'invalid-url'> {
  const trimmed = input.trim();
  if (trimmed === '') return fail('invalid-url', 'Enter the address of a feed.');
  if (/\s/.test(trimmed)) return fail('invalid-url', 'A feed address cannot contain spaces.');

  const withScheme = withWebScheme(trimmed);
  if (!withScheme.ok) return withScheme;
  const url = parseWebUrl(withScheme.value);
  if (url === null) return fail('invalid-url', invalidAddressMessage(trimmed, withScheme.value));
  if (url.username !== '' || url.password !== '') {
    return fail('invalid-url', 'Addresses with a user name or password are not supported.');
  }
  if (url.port === '0')
    return fail('invalid-url', invalidAddressMessage(trimmed, withScheme.value));
  // "example.org." names the same host as "example.org" everywhere a feed is fetched.
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  if (!HOST_NAME.test(url.hostname) && !BRACKETED_IPV6.test(url.hostname)) {
    return fail('invalid-url', `"${trimmed}" is not a valid web address.`);
  }
  url.hash = '';
  return ok(url.href);
}

/** The address with an explicit http(s) scheme, or why it cannot have one. */
function withWebScheme(address: string): Result<string, 'invalid-url'> {
  const schemeMatch = SCHEME.exec(address);
  if (!schemeMatch || LOOKS_LIKE_PORT.test(schemeMatch[2] ?? '')) {
    return ok(AUTHORITY_START.test(address) ? `https:${address}` : `https://${address}`);
  }
  const named = (schemeMatch[1] ?? '').toLowerCase();
  const afterScheme = schemeMatch[2] ?? '';
  // feed:https://host/x and feed://host/x are subscribe links some sites still publish.
  if (named === 'feed') return withWebScheme(afterScheme.replace(AUTHORITY_START, ''));
  if (named !== 'http' && named !== 'https') {
    return fail(
      'invalid-url',
      `Rounds can only subscribe to web addresses (http or https), not "${named}:" addresses.`,
    );
  }
  if (!AUTHORITY_START.test(afterScheme)) {
    return fail(
      'invalid-url',
      'That address is incomplete: it should look like https://example.org/feed.',
    );
  }
  return ok(`${named}:${afterScheme}`);
}

function invalidAddressMessage(typed: string, withScheme: string): string {
  const afterScheme = withScheme.slice(withScheme.indexOf(':') + 1);
  const port = PORT_IN_AUTHORITY.exec(afterScheme)?.[1];
  return port !== undefined && (Number(port) > MAX_PORT || Number(port) === 0)
    ? `The port in "${typed}" is not valid: ports go from 1 to ${MAX_PORT}.`
    : `"${typed}" is not a valid web address.`;
}
