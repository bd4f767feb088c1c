/**
 * The overview area's public face on the server: what the participant sees first (their next
 * meeting, goal and next step, and whom to call), for other areas that show a short form of it
 * (the calm page of a hard day).
 */
export { getOverview, type Overview } from "./queries.server";
