import { type RefObject, useEffect } from "react";
import { useLocation } from "react-router";

/**
 * Moves the keyboard to something the page has just said (a "saved" notice, a conflict panel,
 * the entry that moved) one frame after rendering, so it comes after the shell has focused the
 * h1 on navigation. `target` is an element id or a ref; null or false does nothing. It runs again
 * on every navigation and whenever `trigger` changes (a second conflict after a second save).
 */
export function useFocusAfterFrame(target: string | RefObject<HTMLElement | null> | null | false | undefined, trigger?: unknown) {
  const location = useLocation();
  useEffect(() => {
    if (!target) return;
    const frame = requestAnimationFrame(() => (typeof target === "string" ? document.getElementById(target) : target.current)?.focus());
    return () => cancelAnimationFrame(frame);
  }, [target, trigger, location.key]);
}
