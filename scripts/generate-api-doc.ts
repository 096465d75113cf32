// Writes docs/API.md from shared/contract: `npx tsx scripts/generate-api-doc.ts`.
// Argument shapes and failure codes come from the contract objects themselves; result types and
// descriptions come from the contract's source (they exist only as TypeScript types and JSDoc).
// A unit test compares docs/API.md with `renderApiDoc()`, so the document cannot go stale.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import prettier from 'prettier';
import ts from 'typescript';
import { z } from 'zod';
import * as contractModule from '../shared/contract/index';
import {
  COMMON_FAILURE_CODES,
  DEFAULT_MAX_REQUEST_BYTES,
  contract,
  type EventSpec,
  type MethodSpec,
} from '../shared/contract/index';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const contractDir = path.join(projectRoot, 'shared', 'contract');
/** Where the generated document lives. */
export const API_DOC_PATH = path.join(projectRoot, 'docs', 'API.md');

interface SourceMember {
  description: string;
  /** Result type (methods) or payload type (events), as written in the contract. */
  typeText: string;
}

interface SourceFacts {
  services: Map<string, { description: string; members: Map<string, SourceMember> }>;
  /** Exported interfaces and type aliases of the contract files (define.ts excluded), by name. */
  declarations: Map<string, string>;
}

function jsDocOf(node: ts.Node): string {
  return ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
    .join('\n')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** `method<R>()({...})` gives R; `event<P>(schema)` gives P. */
function declaredTypeOf(initializer: ts.Expression, source: ts.SourceFile): string {
  if (!ts.isCallExpression(initializer)) return 'unknown';
  const inner = ts.isCallExpression(initializer.expression) ? initializer.expression : initializer;
  return inner.typeArguments?.[0]?.getText(source) ?? 'unknown';
}

function readSourceFacts(): SourceFacts {
  const facts: SourceFacts = { services: new Map(), declarations: new Map() };
  const files = ts.sys
    .readDirectory(contractDir, ['.ts'])
    .filter((file) => !file.endsWith('.test.ts'));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (
        (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) &&
        ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Export &&
        path.basename(file) !== 'define.ts'
      ) {
        const declaration = text
          .slice(statement.getFullStart(), statement.end)
          .trim()
          .replace(/^export /m, '');
        facts.declarations.set(statement.name.text, declaration);
      }
      if (!ts.isVariableStatement(statement)) continue;
      for (const variable of statement.declarationList.declarations) {
        const call = variable.initializer;
        if (!call || !ts.isCallExpression(call) || call.expression.getText(source) !== 'service')
          continue;
        const [nameArgument, membersArgument] = call.arguments;
        if (!nameArgument || !ts.isStringLiteral(nameArgument) || !membersArgument) continue;
        if (!ts.isObjectLiteralExpression(membersArgument)) continue;
        const members = new Map<string, SourceMember>();
        for (const property of membersArgument.properties) {
          if (!ts.isPropertyAssignment(property)) continue;
          members.set(property.name.getText(source), {
            description: jsDocOf(property),
            typeText: declaredTypeOf(property.initializer, source),
          });
        }
        facts.services.set(nameArgument.text, { description: jsDocOf(statement), members });
      }
    }
  }
  return facts;
}

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  prefixItems?: JsonSchema[];
  items?: JsonSchema | false;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};

function range(min: number | undefined, max: number | undefined, unit: string): string {
  const hasMax = max !== undefined && max < Number.MAX_SAFE_INTEGER;
  if (min !== undefined && hasMax) return ` (${min}–${max}${unit})`;
  if (min !== undefined && min > 0) return ` (at least ${min}${unit})`;
  if (min === 0 && !hasMax) return ' (≥ 0)';
  if (hasMax) return ` (at most ${max}${unit})`;
  return '';
}

/** A JSON Schema (from zod) as a short TypeScript-like description with its limits. */
function describeSchema(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (schema.anyOf) return schema.anyOf.map(describeSchema).join(' | ');
  switch (schema.type) {
    case 'string':
      return `string${range(schema.minLength, schema.maxLength, ' characters')}`;
    case 'integer':
      return `integer${range(schema.minimum, schema.maximum, '')}`;
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'object': {
      const required = new Set(schema.required ?? []);
      const fields = Object.entries(schema.properties ?? {}).map(([name, field]) => {
        const fallback = field.default !== undefined ? ` = ${JSON.stringify(field.default)}` : '';
        return `${name}${required.has(name) ? '' : '?'}: ${describeSchema(field)}${fallback}`;
      });
      return fields.length === 0 ? '{}' : `{ ${fields.join('; ')} }`;
    }
    case 'array':
      if (schema.prefixItems) return `[${schema.prefixItems.map(describeSchema).join(', ')}]`;
      return schema.items ? `${describeSchema(schema.items)}[]` : '[]';
    default:
      return 'unknown';
  }
}

function describeArguments(spec: MethodSpec): string {
  const schema = z.toJSONSchema(spec.args, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const items = schema.prefixItems ?? [];
  if (items.length === 0) return 'none (send `[]`)';
  return `\`${describeSchema(schema)}\``;
}

/** Renders a `(typeof LIST)[number]` alias as the literal union it stands for. */
function expandDeclaration(declaration: string): string {
  return declaration.replace(/\(typeof (\w+)\)\[number\]/g, (whole, name: string) => {
    const value = (contractModule as Record<string, unknown>)[name];
    return Array.isArray(value) ? value.map((item) => `'${String(item)}'`).join(' | ') : whole;
  });
}

/** Names of contract types a type text mentions, followed transitively, in first-mention order. */
function referencedTypes(typeTexts: string[], declarations: Map<string, string>): string[] {
  const found: string[] = [];
  const visit = (text: string) => {
    for (const [name] of text.matchAll(/\b[A-Z]\w*\b/g)) {
      const declaration = declarations.get(name);
      if (declaration === undefined || found.includes(name)) continue;
      found.push(name);
      visit(declaration);
    }
  };
  typeTexts.forEach(visit);
  return found;
}

function megabytes(bytes: number): string {
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
}

const PREAMBLE = `# Rounds backend API

Generated from \`shared/contract\` by \`npx tsx scripts/generate-api-doc.ts\`. Do not edit by hand:
a unit test fails when this file and the contract disagree.

## Calling the backend

Every method takes a list of arguments and resolves to a **Result**:
\`{ "ok": true, "value": … }\` or \`{ "ok": false, "code": "…", "message": "…" }\`. Expected
failures (a feed that cannot be reached, an item that no longer exists) are Results, not errors;
\`message\` is a sentence to show the user, \`code\` is what code should switch on. Besides its own
codes, any method can answer \`${COMMON_FAILURE_CODES.join('` or `')}\`: \`invalid-argument\` when the
arguments fail validation (the message names the field), \`internal\` for an unexpected problem
(logged by the backend with the method's name).

- **Desktop app (Electron):** the page calls \`window.api.<service>.<method>(...args)\`, which the
  preload sends over IPC on channel \`app:<service>.<method>\`. Only our own window may call.
- **Host (plain Node, \`node out/main/host.js\`):** \`POST /api/<service>.<method>\` with
  \`Content-Type: application/json\` and the JSON array of arguments as the body.

| HTTP status | Meaning |
| --- | --- |
| 200 | The call ran; the body is its Result (including expected failures and \`invalid-argument\`). |
| 400 | The body is not a JSON array, is nested more than 64 levels deep, or the session cookie is damaged. |
| 401 | The host runs with an access token and the request carried neither it nor this run's session cookie. |
| 403 | The Host header is not this server, or the Origin header is another site. |
| 404 | No such method. |
| 405 | Wrong HTTP method (methods take POST, \`/api/events\` takes GET). |
| 413 | The body is larger than the method accepts: ${megabytes(DEFAULT_MAX_REQUEST_BYTES)}, unless the method lists its own limit. The connection closes after the answer. |
| 415 | The body is not sent as \`application/json\`. |

Refusals (400–415) also carry a Result-shaped body with \`ok: false\`, so clients can show the message.

**Events.** In Electron, \`window.api.<service>.<event>(listener)\` returns a function that
unsubscribes. On the host, \`GET /api/events\` is a Server-Sent Events stream carrying every
event as \`event: <service>.<event>\` and \`data: <JSON payload>\`, with \`: keep-alive\` comments
in between.

**Host options.** \`--port <n>\` (default 4870; 0 = any free port), \`--host <address>\` (default
127.0.0.1), \`--data-dir <folder>\` or \`ROUNDS_DATA_DIR\` (default: the desktop app's data folder),
the access token in \`ROUNDS_HOST_TOKEN\` or in a file only its owner can read, \`--token-file <file>\`
(at least 16 characters; required for any address other than the loopback; \`--token <secret>\` is
refused because the process list would show it), \`--tls-cert <file> --tls-key <file>\` to serve
https (required beyond the loopback unless \`--insecure-http\` confirms a TLS reverse proxy is in
front), \`--allow-private-feeds\` to fetch feeds on private addresses from a host listening beyond the
loopback. With a token, send \`Authorization: Bearer <token>\`, or open \`/?token=<token>\` once in a
browser to receive this run's session cookie (HttpOnly, SameSite=Strict, Secure over https; it holds a
random id, never the token, and a restart invalidates it). When ready, the host prints one line,
\`Rounds is running at http://127.0.0.1:<port>/\` (\`https://\` with TLS). Exit codes: 0 after
SIGINT/SIGTERM once the library is saved, 1 on a startup failure, 2 for invalid options, 3 when
another Rounds process is using the data folder.
`;

/** The whole of docs/API.md, formatted as `npm run format` would leave it. */
export async function renderApiDoc(): Promise<string> {
  const facts = readSourceFacts();
  const sections: string[] = [PREAMBLE];
  const typeTexts: string[] = [];

  for (const [serviceName, service] of Object.entries(contract)) {
    const source = facts.services.get(serviceName);
    sections.push(`## ${serviceName}\n\n${source?.description ?? ''}`.trimEnd() + '\n');
    for (const [memberName, spec] of Object.entries(service.members) as [
      string,
      MethodSpec | EventSpec,
    ][]) {
      const member = source?.members.get(memberName);
      const typeText = member?.typeText ?? 'unknown';
      typeTexts.push(typeText);
      const lines = [
        `### ${serviceName}.${memberName}${spec.kind === 'event' ? ' (event)' : ''}`,
        '',
      ];
      if (member?.description) lines.push(member.description, '');
      if (spec.kind === 'method') {
        const codes = [...spec.errors, ...COMMON_FAILURE_CODES]
          .map((code) => `\`${code}\``)
          .join(', ');
        lines.push(
          `- HTTP: \`POST /api/${serviceName}.${memberName}\``,
          `- Arguments: ${describeArguments(spec)}`,
          `- Value on success: \`${typeText}\``,
          `- Failure codes: ${codes}`,
        );
        if (spec.maxRequestBytes !== DEFAULT_MAX_REQUEST_BYTES) {
          lines.push(`- Largest request body: ${megabytes(spec.maxRequestBytes)}`);
        }
      } else {
        lines.push(
          `- Electron: \`window.api.${serviceName}.${memberName}(listener)\``,
          `- Server-Sent Event name: \`${serviceName}.${memberName}\``,
          `- Payload: \`${typeText}\``,
        );
      }
      sections.push(`${lines.join('\n')}\n`);
    }
  }

  const types = referencedTypes(typeTexts, facts.declarations);
  sections.push(
    '## Types\n\nDates are ISO 8601 strings in UTC; identifiers are opaque strings.\n',
    ...types.map(
      (name) =>
        `### ${name}\n\n\`\`\`ts\n${expandDeclaration(facts.declarations.get(name) ?? '')}\n\`\`\`\n`,
    ),
  );
  const config = await prettier.resolveConfig(API_DOC_PATH);
  return prettier.format(sections.join('\n'), { ...config, filepath: API_DOC_PATH });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  writeFileSync(API_DOC_PATH, await renderApiDoc());
  console.log(`Wrote ${path.relative(process.cwd(), API_DOC_PATH)}`);
}
