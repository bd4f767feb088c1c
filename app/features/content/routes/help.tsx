import type { Route } from "./+types/help";
import { hrefFor } from "../catalogue";
import { noJavaScript } from "../handle";
import { HelpPage } from "../HelpPage";
import { requestLanguage, titleOf } from "../pages.server";
import { getCoordinatingCaseworker } from "~/lib/contacts.server";
import { getCurrentUser } from "~/lib/auth.server";

export const handle = noJavaScript;

/**
 * /hjaelp, linked from every page's footer. Readable signed out too: a relative or a worried
 * person must always find the crisis numbers. A signed-in participant also sees their own
 * coordinating caseworker; nobody else's contact is ever shown.
 */
export async function loader({ context }: Route.LoaderArgs) {
  const [{ user }, language] = await Promise.all([getCurrentUser(context), requestLanguage(context)]);
  const caseworker = user?.participant ? await getCoordinatingCaseworker(user.participant.id) : null;
  return {
    signedIn: Boolean(user),
    isParticipant: Boolean(user?.participant),
    caseworker,
    related: (["naar-det-er-svaert", "dine-rettigheder", "om"] as const).map((slug) => ({
      href: hrefFor(slug),
      title: titleOf(language, slug),
    })),
  };
}

export default function Help({ loaderData }: Route.ComponentProps) {
  const { signedIn, isParticipant, caseworker, related } = loaderData;
  return <HelpPage signedIn={signedIn} isParticipant={isParticipant} caseworker={caseworker} related={related} />;
}
