import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "~/lib/zod";

type Schema = z.ZodType;
type Def = { type: string; shape?: Record<string, Schema>; in?: Schema; out?: Schema; innerType?: Schema; options?: Schema[]; left?: Schema; right?: Schema };

/** The top-level field names a schema reads (`validUntil` covers `validUntil.day`). */
function fieldNames(schema: Schema, into = new Set<string>()): Set<string> {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case "object":
      for (const name of Object.keys(def.shape ?? {})) into.add(name);
      break;
    case "pipe":
      if (def.in) fieldNames(def.in, into);
      break;
    case "union":
      for (const option of def.options ?? []) fieldNames(option, into);
      break;
    case "intersection":
      if (def.left) fieldNames(def.left, into);
      if (def.right) fieldNames(def.right, into);
      break;
    default:
      if (def.innerType) fieldNames(def.innerType, into);
  }
  return into;
}

const names = new WeakMap<Schema, Set<string>>();

/** `tasks[2].title` -> "tasks"; `validUntil.day` -> "validUntil". */
const baseName = (name: string) => name.split(/[.[]/, 1)[0]!;

/**
 * `parseWithZod` for actions: only the schema's own fields are parsed, and so only they are ever
 * echoed back by `submission.reply()`. A posted `a[100000000]` or a stray field is dropped
 * before conform builds anything from it. (server/body-guard.js has already bounded the body,
 * the number of fields and the size of any index.)
 */
export function parseSubmission<S extends Schema>(formData: FormData, { schema }: { schema: S }) {
  let known = names.get(schema);
  if (!known) {
    known = fieldNames(schema);
    names.set(schema, known);
  }
  const own = new FormData();
  for (const [name, value] of formData) {
    if (known.has(baseName(name))) own.append(name, value);
  }
  return parseWithZod(own, { schema });
}
