import { sql, type Column, type Placeholder, type Query, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { db, rowsOf, type Database, type Transaction } from "./client";

/**
 * Several reads in one SQL statement (issue 21: few statements per page). A list, one row or one
 * number becomes a scalar subquery whose value is json; `read` turns that value back into what
 * the page uses, with the columns' own decoders (dates become Dates), so a caller gets the same
 * shape as from a plain drizzle select. An area builds the pieces over its own tables; a page that
 * shows several areas reads their pieces together with `readTogether` (one statement).
 */
export interface Nested<T> {
  /** A scalar subquery (or expression) whose value is json or a plain value. */
  sql: SQL;
  read(value: unknown): T;
}

/**
 * A value a piece puts into its SQL, or the placeholder for it when the piece is part of a read
 * that is built once (`preparedTogether`). A piece may only put such a value into SQL.
 */
export type Bound<T> = T | Placeholder;

/** A row's fields: columns, or pieces of their own (a list inside a row). */
export type Fields = Record<string, Column | Nested<unknown>>;
export type RowOf<F extends Fields> = {
  [K in keyof F]: F[K] extends Nested<infer T>
    ? T
    : F[K] extends Column
      ? F[K]["_"]["notNull"] extends true
        ? F[K]["_"]["data"]
        : F[K]["_"]["data"] | null
      : never;
};

function isNested(field: Column | Nested<unknown>): field is Nested<unknown> {
  return "read" in field && typeof field.read === "function";
}

/** Keys are this code's own names, never input: a literal is safe and keeps the statement short. */
function keyLiteral(key: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) throw new Error(`nested: field name "${key}" is not a plain name`);
  return `'${key}'`;
}

// A column as drizzle writes it in a statement ("portal"."plans"."id"), worked out once per column.
// A page's pieces name a hundred columns or more; drizzle gets each run of them as one text
// instead of five fragments a column to walk through at every request.
const dialect = new PgDialect();
const columnTexts = new WeakMap<Column, string>();
function columnText(column: Column): string {
  let text = columnTexts.get(column);
  if (text === undefined) {
    text = dialect.sqlToQuery(sql`${column}`).sql;
    columnTexts.set(column, text);
  }
  return text;
}

function jsonObject(fields: Fields): SQL {
  const parts: SQL[] = [];
  let columns: string[] = [];
  const endColumns = () => {
    if (columns.length > 0) parts.push(sql.raw(columns.join(", ")));
    columns = [];
  };
  for (const [key, field] of Object.entries(fields)) {
    if (isNested(field)) {
      endColumns();
      parts.push(sql`${sql.raw(keyLiteral(key))}, ${field.sql}`);
    } else {
      // numeric as text: json would drop "10.0" to 10, and drizzle reads numeric as text anyway.
      columns.push(`${keyLiteral(key)}, ${columnText(field)}${field.columnType === "PgNumeric" ? "::text" : ""}`);
    }
  }
  endColumns();
  return sql`json_build_object(${sql.join(parts, sql`, `)})`;
}

/** A json value as the driver gives it: parsed by postgres.js and PGlite, text from an older driver. */
export function parsed(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}

/** A json list as the driver gives it (parsed); none is an empty list. */
export function parsedList<T>(value: unknown): T[] {
  return (parsed(value) as T[] | null | undefined) ?? [];
}

/**
 * Reads a row of `fields` from its json object: each column with its own decoder (dates become
 * Dates), each piece with its own `read`. Worked out once per piece, not once per row (the
 * caseworker's caseload is 300 rows).
 */
function rowReader<F extends Fields>(fields: F): (raw: Record<string, unknown>) => RowOf<F> {
  const readers = Object.entries(fields).map(([key, field]): [string, (value: unknown) => unknown] => [
    key,
    isNested(field) ? (value) => field.read(value ?? null) : (value) => (value === null || value === undefined ? null : field.mapFromDriverValue(value)),
  ]);
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, read] of readers) row[key] = read(raw[key]);
    return row as RowOf<F>;
  };
}

/**
 * Every row of `from` (a `from ... where ...` fragment), as objects of `fields`, in `orderBy`'s
 * order; an empty list when there are none.
 */
export function nestedRows<F extends Fields>(fields: F, from: SQL, orderBy?: SQL): Nested<RowOf<F>[]> {
  const order = orderBy ? sql` order by ${orderBy}` : sql``;
  const readRow = rowReader(fields);
  return {
    sql: sql`(select coalesce(json_agg(${jsonObject(fields)}${order}), '[]'::json) ${from})`,
    read: (value) => parsedList<Record<string, unknown>>(value).map(readRow),
  };
}

/** The first row of `from` in `orderBy`'s order, or null. */
export function nestedRow<F extends Fields>(fields: F, from: SQL, orderBy?: SQL): Nested<RowOf<F> | null> {
  const order = orderBy ? sql` order by ${orderBy}` : sql``;
  const readRow = rowReader(fields);
  return {
    sql: sql`(select ${jsonObject(fields)} ${from}${order} limit 1)`,
    read: (value) => {
      const raw = parsed(value) as Record<string, unknown> | null;
      return raw ? readRow(raw) : null;
    },
  };
}

/** A count (or any whole number) as a scalar subquery, e.g. sql`(select count(*) from ...)`; null counts 0. */
export function nestedCount(expression: SQL): Nested<number> {
  return { sql: expression, read: (value) => Number(value ?? 0) };
}

/** A whole number that may be missing (null), e.g. sql`(select version from ...)`. */
export function nestedNumber(expression: SQL): Nested<number | null> {
  return { sql: expression, read: (value) => (value === null || value === undefined ? null : Number(value)) };
}

/** A time that may be missing (null), e.g. sql`(select max(created_at) from ...)`. */
export function nestedTime(expression: SQL): Nested<Date | null> {
  return { sql: expression, read: (value) => (value === null || value === undefined ? null : new Date(value as string | Date)) };
}

/** Yes or no, e.g. sql`exists (select 1 from ...)`. */
export function nestedFlag(expression: SQL): Nested<boolean> {
  return { sql: expression, read: (value) => value === true };
}

/** A comma-separated text of ids (one parameter, however many ids) as a uuid[] in SQL. */
export function uuidList(ids: Bound<string>): SQL {
  return sql`string_to_array(${ids}, ',')::uuid[]`;
}

/** A json value built in SQL (json_agg, json_build_object), parsed and then read by `read`; none is null. */
export function nestedJson<T>(expression: SQL, read: (json: unknown) => T): Nested<T> {
  return { sql: expression, read: (value) => read(parsed(value) ?? null) };
}

/** Counts by id, from a json object built in SQL (`json_object_agg(id, n)`); none is {}. */
export function nestedCounts(expression: SQL): Nested<Record<string, number>> {
  return nestedJson(expression, countsOf);
}

/** A json object of counts (numbers or their text) as numbers by key; none is {}. */
export function countsOf(json: unknown): Record<string, number> {
  return Object.fromEntries(Object.entries((json ?? {}) as Record<string, unknown>).map(([key, n]) => [key, Number(n)]));
}

/** A piece read as a field of a drizzle select: `select({ ..., attendees: asField(piece) })`. */
export function asField<T>(piece: Nested<T>): SQL<T> {
  return sql`${piece.sql}`.mapWith((value: unknown) => piece.read(value)) as SQL<T>;
}

/** Turns a piece's value into something else, keeping its SQL. */
export function mapNested<T, U>(piece: Nested<T>, map: (value: T) => U): Nested<U> {
  return { sql: piece.sql, read: (value) => map(piece.read(value)) };
}

type Values<P extends Record<string, Nested<unknown>>> = { [K in keyof P]: P[K] extends Nested<infer T> ? T : never };

/** `select (piece1) as "a", (piece2) as "b", ...`, over `from`'s one row when given. */
function selectOf(entries: [string, Nested<unknown>][], from?: SQL): SQL {
  return sql`select ${sql.join(
    entries.map(([key, piece]) => sql`${piece.sql} as ${sql.identifier(key)}`),
    sql`, `,
  )}${from ? sql` from ${from}` : sql``}`;
}

function valuesOf<P extends Record<string, Nested<unknown>>>(entries: [string, Nested<unknown>][], result: unknown): Values<P> {
  const [row] = rowsOf<Record<string, unknown>>(result);
  return Object.fromEntries(entries.map(([key, piece]) => [key, piece.read(row?.[key])])) as Values<P>;
}

/** Reads every piece in one statement: `select (piece1) as "a", (piece2) as "b", ...`. */
export async function readTogether<P extends Record<string, Nested<unknown>>>(pieces: P): Promise<Values<P>> {
  const entries = Object.entries(pieces);
  const database = await db();
  return valuesOf<P>(entries, await database.execute(selectOf(entries)));
}

/**
 * A statement that a page makes at every load, built and written out once with a placeholder for
 * each of `names`; each run only fills them in, on the request's transaction (or `executor`, a
 * command's own). `build` runs once, on the placeholders: it may only put them into SQL, and
 * nothing in it may depend on the time or the request. A value is text or a time (sent as its ISO
 * string, as drizzle sends a timestamp column's value). Returns the rows as the driver gives them.
 */
export function preparedStatement<const N extends string>(
  names: readonly N[],
  build: (values: Record<N, Placeholder>) => SQL,
): (values: Record<N, string | Date>, executor?: Database | Transaction) => Promise<unknown> {
  let query: Query | undefined;
  return async (values, executor) => {
    query ??= dialect.sqlToQuery(build(Object.fromEntries(names.map((name) => [name, sql.placeholder(name)])) as unknown as Record<N, Placeholder>));
    const database = executor ?? (await db());
    const given = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value instanceof Date ? value.toISOString() : value]));
    return database._.session.prepareQuery(query, undefined, undefined, false).execute(given);
  };
}

/**
 * `readTogether` for a read that a page makes at every load (`preparedStatement`): building a
 * page's pieces and writing out their SQL was a tenth of the overview's CPU. A piece's `read`
 * never sees the values (work that needs them is done by the caller, after the read).
 */
export function preparedTogether<const N extends string, P extends Record<string, Nested<unknown>>>(
  names: readonly N[],
  build: (values: Record<N, Placeholder>) => P,
): (values: Record<N, string | Date>, executor?: Database | Transaction) => Promise<Values<P>> {
  return preparedOver(names, (placeholders) => ({ pieces: build(placeholders) }));
}

/**
 * `preparedTogether` whose pieces may also read the one row of `from` (`(select ...) alias`): what
 * several pieces start from (a page of ids, say) is worked out once, in the same statement. `from`
 * must give exactly one row (an aggregate without GROUP BY does, even over no rows).
 */
export function preparedOver<const N extends string, P extends Record<string, Nested<unknown>>>(
  names: readonly N[],
  build: (values: Record<N, Placeholder>) => { from?: SQL; pieces: P },
): (values: Record<N, string | Date>, executor?: Database | Transaction) => Promise<Values<P>> {
  let entries: [string, Nested<unknown>][] = [];
  const run = preparedStatement(names, (placeholders) => {
    const { from, pieces } = build(placeholders);
    entries = Object.entries(pieces);
    return selectOf(entries, from);
  });
  return async (values, executor) => {
    const result = await run(values, executor); // builds `entries` on the first run
    return valuesOf<P>(entries, result);
  };
}
