const ABSOLUTE = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
const PARTS = /^([a-zA-Z][a-zA-Z0-9+.-]*:)(\/\/[^/?#]*)?([^?#]*)(\?[^#]*)?/;

/**
 * Resolves a relative reference (`../feed.xml`, `/rss`, `//cdn.example/x`, `?page=2`) against an
 * absolute base address, as a browser resolves an `href` (RFC 3986, section 5.2). Null when the
 * base is not absolute. The fragment of the result is dropped: feeds are fetched, not scrolled to.
 *
 * Written without the `URL` class so that shared code runs where only the ECMAScript library is
 * typed; callers that can use `URL` parse the result again before any request.
 */
export function resolveUrlReference(reference: string, base: string): string | null {
  const ref = reference.trim().replace(/#.*$/s, '');
  if (ABSOLUTE.test(ref)) return withDotSegmentsRemoved(ref);
  const parts = PARTS.exec(base.trim());
  if (!parts) return null;
  const scheme = parts[1] ?? '';
  const authority = parts[2] ?? '';
  const basePath = parts[3] ?? '';
  const baseQuery = parts[4] ?? '';

  if (ref.startsWith('//')) return withDotSegmentsRemoved(`${scheme}${ref}`);
  if (ref === '') return `${scheme}${authority}${basePath}${baseQuery}`;
  if (ref.startsWith('?')) return `${scheme}${authority}${basePath}${ref}`;

  const queryStart = ref.indexOf('?');
  const refPath = queryStart < 0 ? ref : ref.slice(0, queryStart);
  const refQuery = queryStart < 0 ? '' : ref.slice(queryStart);
  let path: string;
  if (refPath.startsWith('/')) {
    path = refPath;
  } else if (authority !== '' && basePath === '') {
    path = `/${refPath}`;
  } else {
    path = basePath.slice(0, basePath.lastIndexOf('/') + 1) + refPath;
  }
  return `${scheme}${authority}${removeDotSegments(path)}${refQuery}`;
}

function withDotSegmentsRemoved(absolute: string): string {
  const parts = PARTS.exec(absolute);
  if (!parts) return absolute;
  const rest = absolute.slice((parts[1] ?? '').length + (parts[2] ?? '').length);
  const queryStart = rest.indexOf('?');
  const path = queryStart < 0 ? rest : rest.slice(0, queryStart);
  const query = queryStart < 0 ? '' : rest.slice(queryStart);
  return `${parts[1] ?? ''}${parts[2] ?? ''}${removeDotSegments(path)}${query}`;
}

function removeDotSegments(path: string): string {
  const output: string[] = [];
  const segments = path.split('/');
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '.') {
      if (last) output.push('');
    } else if (segment === '..') {
      // The leading empty segment of an absolute path is never popped.
      if (output.length > 1) output.pop();
      if (last) output.push('');
    } else {
      output.push(segment);
    }
  });
  return output.join('/');
}
