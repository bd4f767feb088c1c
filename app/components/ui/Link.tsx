import type { ComponentProps } from "react";
import { Link as RouterLink, type LinkProps } from "react-router";

/**
 * A link. No page runs React in the browser (docs/decisions/0026), so a link to an address from the
 * root is a plain `<a>`: React Router's Link resolved every one against the route tree, a tenth of a
 * millisecond a page. Any other address (relative, or an object) still goes through React Router.
 */
export function Link({ to, reloadDocument, replace, state, preventScrollReset, relative, viewTransition, prefetch, discover, mask, defaultShouldRevalidate, ...anchor }: LinkProps) {
  if (typeof to === "string" && to.startsWith("/") && !to.startsWith("//")) return <a href={to} {...(anchor as ComponentProps<"a">)} />;
  return <RouterLink {...{ to, reloadDocument, replace, state, preventScrollReset, relative, viewTransition, prefetch, discover, mask, defaultShouldRevalidate }} {...anchor} />;
}
