import type { FieldError } from "./ErrorSummary";

/**
 * Turns Conform's errors (translation keys per field) into the list the ErrorSummary
 * shows, in the order of `fieldOrder`.
 */
export function summaryErrors(
  allErrors: Record<string, string[] | undefined>,
  fieldOrder: string[],
  translate: (key: string) => string,
): FieldError[] {
  return fieldOrder.flatMap((name) => {
    const first = allErrors[name]?.[0];
    return first ? [{ fieldId: name, message: translate(first) }] : [];
  });
}
