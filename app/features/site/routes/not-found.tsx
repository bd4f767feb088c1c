import { data } from "react-router";
import type { I18nHandle } from "~/lib/i18n/namespaces";

/** The translations this page uses beside "common" (lib/i18n/namespaces.ts). */
export const handle = { i18n: [] } satisfies I18nHandle;

/** Any unknown address: the root error boundary shows a calm "Siden findes ikke". */
export function loader() {
  throw data(null, { status: 404 });
}

export function action() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
