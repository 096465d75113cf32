import { fail, ok, type Result } from '../../contract/define';

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/s;
// "example.org:8080/feed" looks like a scheme followed by a port: it is a host without a scheme.
const LOOKS_LIKE_PORT = /^\d+(?:[/?#]|$)/;
const HOST_LABEL = '[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_-]*[\\p{L}\\p{N}_])?';
const HOST_NAME = new RegExp(`^${HOST_LABEL}(?:\\.${HOST_LABEL})*\\.?$`, 'u');
const BRACKETED_IPV6 = /^\[[0-9a-fA-F:.]+\]$/;
const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

/**
 * Turns what a user typed or pasted into the canonical address of a feed: trimmed, `https://`
 * added when no scheme is given (and for `feed://` links), scheme and host lower-cased, default
 * port and fragment dropped. Only http and https are accepted, and addresses carrying a user name
 * or password are refused because Rounds keeps feed addresses in plain files.
 *
 * Written without the `URL` class so it also runs where only the ECMAScript library is typed;
 * the fetcher parses the result with `URL` again before any request.
 */
export function normalizeFeedUrl(input: string): Result<string, 'invalid-url'> {
  const trimmed = input.trim();
  if (trimmed === '') return fail('invalid-url', 'Enter the address of a feed.');
  if (/\s/.test(trimmed)) return fail('invalid-url', 'A feed address cannot contain spaces.');

  let scheme = 'https';
  let rest = trimmed;
  const schemeMatch = SCHEME.exec(trimmed);
  if (schemeMatch && !LOOKS_LIKE_PORT.test(schemeMatch[2] ?? '')) {
    const named = (schemeMatch[1] ?? '').toLowerCase();
    const afterScheme = schemeMatch[2] ?? '';
    if (named === 'feed') {
      // feed:https://host/x and feed://host/x are subscribe links some sites still publish.
      return normalizeFeedUrl(afterScheme.replace(/^\/\//, ''));
    }
    if (named !== 'http' && named !== 'https') {
      return fail(
        'invalid-url',
        `Rounds can only subscribe to web addresses (http or https), not "${named}:" addresses.`,
      );
    }
    if (!afterScheme.startsWith('//')) {
      return fail(
        'invalid-url',
        'That address is incomplete: it should look like https://example.org/feed.',
      );
    }
    scheme = named;
    rest = afterScheme.slice(2);
  } else if (rest.startsWith('//')) {
    rest = rest.slice(2);
  }

  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  let pathAndQuery = authorityEnd === -1 ? '' : rest.slice(authorityEnd);
  if (authority.includes('@')) {
    return fail('invalid-url', 'Addresses with a user name or password are not supported.');
  }

  const portMatch = /^(.*?)(?::(\d*))?$/s.exec(authority);
  const rawHost = portMatch?.[1] ?? '';
  let port = portMatch?.[2] ?? '';
  if (rawHost === '' || !(HOST_NAME.test(rawHost) || BRACKETED_IPV6.test(rawHost))) {
    return fail('invalid-url', `"${trimmed}" is not a valid web address.`);
  }
  if (port !== '') {
    const number = Number(port);
    if (number < 1 || number > 65535)
      return fail('invalid-url', `The port in "${trimmed}" is not valid.`);
    port = String(number);
    if (port === DEFAULT_PORT[scheme]) port = '';
  }

  const fragmentStart = pathAndQuery.indexOf('#');
  if (fragmentStart !== -1) pathAndQuery = pathAndQuery.slice(0, fragmentStart);
  if (!pathAndQuery.startsWith('/')) pathAndQuery = `/${pathAndQuery}`;

  const host = rawHost.toLowerCase().replace(/\.$/, '');
  return ok(`${scheme}://${host}${port === '' ? '' : `:${port}`}${pathAndQuery}`);
}
