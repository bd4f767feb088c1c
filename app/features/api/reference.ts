import MarkdownIt from "markdown-it";
import { PROBLEM_TYPES } from "../../../server/problem.js";
import type { OpenApiDocument } from "./openapi";

/**
 * The reference page (/api/v1/reference): the OpenAPI document as plain HTML for a person, with
 * an anchor for every operation, schema and problem type (a problem's `type` points at its
 * anchor). No script, no style sheet or font from elsewhere: its CSP allows nothing else.
 * In English, like the document: it is read by the case system's developers.
 */

const markdown = new MarkdownIt({ html: false, linkify: false });
const escape = (value: unknown) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const prose = (text: string | undefined) => (text ? markdown.render(text) : "");

type JsonSchema = {
  type?: string | string[];
  $ref?: string;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  description?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
};

/** A schema's type in a few words, with links to named schemas. */
function typeOf(schema: JsonSchema | undefined): string {
  if (!schema) return "any";
  if (schema.$ref) {
    const name = schema.$ref.split("/").at(-1)!;
    return `<a href="#schema-${escape(name)}">${escape(name)}</a>`;
  }
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" or ");
  if (schema.enum) return `one of ${schema.enum.map((value) => `<code>${escape(value)}</code>`).join(", ")}`;
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return (
    types
      .map((type) => {
        if (type === "array") return `array of ${typeOf(schema.items)}`;
        if (type === "object" && schema.additionalProperties && typeof schema.additionalProperties === "object") {
          return `object of ${typeOf(schema.additionalProperties)}`;
        }
        const range = schema.minimum !== undefined && schema.maximum !== undefined ? ` ${schema.minimum}–${schema.maximum}` : "";
        return `${escape(type)}${schema.format ? ` (${escape(schema.format)})` : ""}${range}`;
      })
      .join(" or ") || "any"
  );
}

function propertiesTable(schema: JsonSchema): string {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return "";
  const rows = properties
    .map(
      ([name, property]) =>
        `<tr><th scope="row"><code>${escape(name)}</code></th><td>${typeOf(property)}</td><td>${schema.required?.includes(name) ? "yes" : "no"}</td><td>${escape(property.description ?? "")}</td></tr>`,
    )
    .join("\n");
  return `<table><thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Always there</th><th scope="col">Meaning</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

interface OperationView {
  operationId: string;
  summary: string;
  description?: string;
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { $ref?: string; description?: string; headers?: Record<string, { description?: string }>; content?: Record<string, { schema: JsonSchema }> }>;
}

function operationSection(method: string, path: string, operation: OperationView): string {
  const parameters = operation.parameters?.length
    ? `<h4>Parameters</h4><table><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Meaning</th></tr></thead><tbody>${operation.parameters
        .map(
          (parameter) =>
            `<tr><th scope="row"><code>${escape(parameter.name)}</code></th><td>${escape(parameter.in)}</td><td>${typeOf(parameter.schema)}${parameter.schema.default !== undefined ? `, default ${escape(parameter.schema.default)}` : ""}</td><td>${parameter.required ? "yes" : "no"}</td><td>${escape(parameter.description ?? "")}</td></tr>`,
        )
        .join("")}</tbody></table>`
    : "";
  const responses = Object.entries(operation.responses)
    .map(([status, response]) => {
      if (response.$ref) {
        const name = response.$ref.split("/").at(-1)!;
        return `<li><strong>${escape(status)}</strong>: <a href="#response-${escape(name)}">${escape(name)}</a> (problem details)</li>`;
      }
      const [type, body] = Object.entries(response.content ?? {})[0] ?? [];
      const headers = Object.keys(response.headers ?? {});
      return `<li><strong>${escape(status)}</strong>: ${escape(response.description ?? "")}${type ? `, <code>${escape(type)}</code>: ${typeOf(body?.schema)}` : ""}${headers.length ? `; headers ${headers.map((name) => `<code>${escape(name)}</code>`).join(", ")}` : ""}</li>`;
    })
    .join("\n");
  const [bodyType, body] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
  const requestBody = bodyType ? `<h4>Request body</h4><p><code>${escape(bodyType)}</code>: ${typeOf(body?.schema)}</p>` : "";
  return `<section aria-labelledby="op-${escape(operation.operationId)}">
<h3 id="op-${escape(operation.operationId)}"><code>${escape(method.toUpperCase())} /api/v1${escape(path)}</code></h3>
<p><strong>${escape(operation.summary)}</strong></p>
${prose(operation.description)}
${parameters}
${requestBody}
<h4>Responses</h4>
<ul>${responses}</ul>
</section>`;
}

export function referencePage(document: OpenApiDocument): string {
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, OperationView>).map(([method, operation]) => ({ method, path, operation })),
  );
  const schemas = Object.entries(document.components.schemas) as [string, JsonSchema][];
  const toc = operations
    .map(({ method, path, operation }) => `<li><a href="#op-${escape(operation.operationId)}"><code>${escape(method.toUpperCase())} /api/v1${escape(path)}</code></a>: ${escape(operation.summary)}</li>`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Min Vej API v1 – reference</title>
<style>
body{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}
a{color:#004b87}a:focus{outline:3px solid #1a1a1a;outline-offset:2px}
code{font-family:ui-monospace,monospace;font-size:.95em;background:#f3f2f1;padding:0 .2em}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #b1b4b6;padding:.3rem .5rem;text-align:left;vertical-align:top}
section{border-top:1px solid #b1b4b6;margin-top:1.5rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
</style></head>
<body>
<a class="skip" href="#main">Skip to the reference</a>
<main id="main">
<h1>Min Vej API v1 – reference</h1>
<p>${escape(document.info.summary)} The machine-readable document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI ${escape(document.openapi)}). Server: <code>${escape(document.servers[0]!.url)}</code>.</p>
${prose(document.info.description)}
<h2>Scopes</h2>
${prose(document.components.securitySchemes.bearer.description)}
<h2>Operations</h2>
<ul>${toc}</ul>
${operations.map(({ method, path, operation }) => operationSection(method, path, operation)).join("\n")}
<h2 id="responses">Error responses</h2>
${Object.entries(document.components.responses)
  .map(([name, response]) => `<section aria-labelledby="response-${escape(name)}"><h3 id="response-${escape(name)}">${escape(name)}</h3><p>${escape(response.description)}</p></section>`)
  .join("\n")}
<h2 id="problems">Problem types</h2>
<p>Every error is <code>application/problem+json</code>; its <code>type</code> points here.</p>
${Object.entries(PROBLEM_TYPES)
  .map(
    ([type, { status, title, when }]) =>
      `<section aria-labelledby="problem-${escape(type)}"><h3 id="problem-${escape(type)}"><code>${escape(type)}</code> (${status})</h3><p><strong>${escape(title)}.</strong></p>${prose(when)}</section>`,
  )
  .join("\n")}
<h2 id="schemas">Schemas</h2>
${schemas
  .map(([name, schema]) => `<section aria-labelledby="schema-${escape(name)}"><h3 id="schema-${escape(name)}">${escape(name)}</h3>${prose(schema.description)}${propertiesTable(schema)}</section>`)
  .join("\n")}
</main>
</body>
</html>
`;
}
