import type { Route } from "./+types/my-data";
import { requireOwnDataPerson } from "../access.server";
import { MyDataPage, type MyDataPageData } from "../MyDataPage";
import { PARTICIPANT_PARTS, RELATIVE_PARTS, type PartKey } from "../parts";
import { deletableCounts } from "../queries.server";
import stylesheet from "../my-data.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** /mine-data: her own data to download, and the way to delete what is hers. */
export async function loader({ request, context }: Route.LoaderArgs): Promise<MyDataPageData> {
  const user = await requireOwnDataPerson(context);
  const flag = new URL(request.url).searchParams.get("slettet");
  const notice = flag === "1" ? "deleted" : flag === "0" ? "nothing" : null;
  if (!user.participant) {
    const parts: PartKey[] = ["person", "beskedindstillinger", ...RELATIVE_PARTS];
    return { kind: "relative", parts, hasDeletable: false, notice: null };
  }
  const counts = await deletableCounts(user.participant.id, user.personId);
  return { kind: "participant", parts: [...PARTICIPANT_PARTS], hasDeletable: Object.values(counts).some((n) => n > 0), notice };
}

export default function MyDataRoute({ loaderData }: Route.ComponentProps) {
  return <MyDataPage page={loaderData} />;
}
