/**
 * Text made safe inside HTML or XML, in element content and in quoted attribute values: the five
 * characters that mean something there become character references.
 */
export function escapeMarkup(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
