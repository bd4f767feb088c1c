import type { Route } from "./+types/relatives";
import { requireParticipant } from "~/lib/auth.server";
import { GrantsPage } from "../GrantsPage";
import { invitationDeliveries, listGrants, type InvitationDelivery } from "../queries.server";
import { listNoticeSchema } from "../schema";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const grants = await listGrants(user.participant.id);
  // Where the e-mail of each unanswered invitation is (queued, retrying, sent, given up): one query.
  const deliveries = grants.some((grant) => grant.state === "invited")
    ? await invitationDeliveries(user.personId, user.participant.id)
    : new Map<string, InvitationDelivery>();
  const url = new URL(request.url);
  const notice = listNoticeSchema.safeParse(url.searchParams.get("besked"));
  const about = grants.find((grant) => grant.id === url.searchParams.get("id")) ?? null;
  return {
    grants: grants.map((grant) => ({ ...grant, delivery: grant.state === "invited" ? (deliveries.get(grant.id) ?? null) : null })),
    notice: notice.success && about ? notice.data : null,
    about: about ? { name: about.name, email: about.email } : null,
  };
}

export default function RelativesRoute({ loaderData }: Route.ComponentProps) {
  return <GrantsPage loaderData={loaderData} />;
}
