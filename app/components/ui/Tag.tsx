/**
 * A status tag: what something is, never something to press (no border, no shadow). One colour
 * per meaning in every feature: grey = not yet or stopped, blue = under way, green = done, has
 * access or shared, red = cancelled, new = changed since the last visit.
 */
export type TagTone = "plain" | "grey" | "blue" | "green" | "red" | "new";

export function Tag({ tone = "plain", id, children }: { tone?: TagTone; id?: string; children: React.ReactNode }) {
  return (
    <span id={id} className={tone === "plain" ? "tag" : `tag tag--${tone}`}>
      {children}
    </span>
  );
}
