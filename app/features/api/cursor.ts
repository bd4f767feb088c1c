import { z } from "~/lib/zod";

/**
 * Cursors are opaque to a client: base64url of a small JSON object that says where the next page
 * starts. They carry positions only, never who may see what: every page is filtered to the client's
 * municipality again, so a cursor made up by hand reaches nothing more. A cursor we did not give out
 * is refused (400) rather than guessed at.
 */
const participantCursor = z.strictObject({ v: z.literal(1), after: z.uuid() });
const eventCursor = z.strictObject({
  v: z.literal(1),
  position: z.string().regex(/^\d{1,20}$/),
  id: z.number().int().min(0),
});

export type EventPosition = { position: bigint; id: number };

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function decode<T>(cursor: string, schema: z.ZodType<T>): T | null {
  if (!/^[\w-]{1,200}$/.test(cursor)) return null;
  try {
    const result = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

export const participantCursors = {
  encode: (after: string) => encode({ v: 1, after }),
  /** The participant id the next page starts after, or null when the cursor is not ours. */
  decode: (cursor: string) => decode(cursor, participantCursor)?.after ?? null,
};

export const eventCursors = {
  /** Where a reader starts who has read nothing. */
  start: { position: 0n, id: 0 } satisfies EventPosition,
  encode: ({ position, id }: EventPosition) => encode({ v: 1, position: position.toString(), id }),
  decode: (cursor: string): EventPosition | null => {
    const value = decode(cursor, eventCursor);
    return value ? { position: BigInt(value.position), id: value.id } : null;
  },
};
