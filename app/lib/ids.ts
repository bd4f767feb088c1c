const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs are UUIDs; anything else is "not found", never a database error. */
export const isUuid = (value: string | null | undefined): value is string => typeof value === "string" && UUID.test(value);
