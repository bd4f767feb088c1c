import { asc, desc, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { countsOf, nestedJson, nestedRows, preparedTogether, readTogether, uuidList, type Nested } from "../../../db/nested";
import { appointmentProposals, conversations, messages } from "../../../db/schema/messages";
import { isUuid } from "~/lib/ids";
import type { ConversationView } from "./queries.server";
import { awaitsCaseworker, sideOf, type AuthorRole, type Topic } from "./status";
import { workdayDeadline } from "~/lib/workdays";

/**
 * The caseworker's side of the messages (issue 18): her inbox across the participants she
 * coordinates. Which participants those are is the caseworker area's answer (its views); this file
 * only reads their conversations. On a Postgres server row-level security
 * (`portal.my_coordinated_participants`) gives the same answer a second time. Her inbox's page reads
 * the same conversations in the same order through one definer function instead
 * (`caseworker_portal.inbox_page`, migration 0055), with inboxItemPieces' readers: a change to those
 * pieces' fields or to the inbox's order (inInboxOrder) replaces that function.
 */

/**
 * Where a conversation stands for the caseworker: waiting for her answer; a new time she proposed
 * waits for the participant; she answered; she marked it handled.
 */
export type InboxState = "awaiting" | "new_time_proposed" | "answered" | "handled";

export interface InboxItem {
  id: string;
  participantId: string;
  topic: Topic;
  subject: string;
  appointmentId: string | null;
  callbackOn: string | null;
  callbackWindow: "morning" | "afternoon" | "any" | null;
  lastMessageAt: Date;
  handledAt: Date | null;
  state: InboxState;
  /** When the participant's side first wrote after the caseworker last answered (awaiting only). */
  waitingSince: Date | null;
  /** The last working day of the promised answer time (`answerWorkdays` after waitingSince), "YYYY-MM-DD". */
  answerDueOn: string | null;
  /** Messages from the participant's side the caseworker has not opened. */
  unread: number;
}

interface Activity {
  side: "participant" | "caseworker";
  at: Date;
}

/**
 * The conversations of these participants: those waiting for an answer first, the one that has
 * waited longest at the top; then the rest, the newest activity first.
 *
 * Activity on the participant's side: her side's messages, her answers to a proposed time, and
 * starting the conversation (a "Ring mig op" may come without a note). On the caseworker's side:
 * her messages and a proposed new time (an answer too: the next move is the participant's).
 */
export async function listInbox(participantIds: string[], options: { answerWorkdays: (participantId: string) => number; now?: Date }): Promise<InboxItem[]> {
  if (participantIds.length === 0) return [];
  const read = await readTogether(inboxItemPieces(uuidList(participantIds.join(","))));
  return itemsFrom(read.conversations, read.messages, read.proposals, options);
}

/**
 * What listInbox reads, as pieces of one read (db/nested.ts): the conversations of the participants
 * `participantIds` (SQL that gives a uuid[]), newest activity first, with their messages and proposed
 * times. `itemsFrom` makes them the inbox's items. Her inbox's page reads the same json through
 * caseworker_portal.inbox_page (migration 0055), with these pieces' readers.
 */
export function inboxItemPieces(participantIds: SQL) {
  const ofThese = (conversation: SQLWrapper) =>
    sql`${conversation} in (select ${conversations.id} from ${conversations} where ${conversations.participantId} = any(${participantIds}))`;
  return {
    conversations: nestedRows(
      {
        id: conversations.id,
        participantId: conversations.participantId,
        topic: conversations.topic,
        subject: conversations.subject,
        appointmentId: conversations.appointmentId,
        callbackOn: conversations.callbackOn,
        callbackWindow: conversations.callbackWindow,
        createdAt: conversations.createdAt,
        lastMessageAt: conversations.lastMessageAt,
        handledAt: conversations.handledAt,
      },
      sql`from ${conversations} where ${conversations.participantId} = any(${participantIds})`,
      sql`${desc(conversations.lastMessageAt)}, ${conversations.id}`,
    ),
    messages: nestedRows(
      { conversationId: messages.conversationId, authorRole: messages.authorRole, createdAt: messages.createdAt, readAt: messages.readAt },
      sql`from ${messages} where ${ofThese(messages.conversationId)}`,
      asc(messages.createdAt),
    ),
    proposals: nestedRows(
      {
        conversationId: appointmentProposals.conversationId,
        status: appointmentProposals.status,
        createdAt: appointmentProposals.createdAt,
        answeredAt: appointmentProposals.answeredAt,
      },
      sql`from ${appointmentProposals} where ${ofThese(appointmentProposals.conversationId)}`,
      asc(appointmentProposals.createdAt),
    ),
  };
}

type ItemPieces = ReturnType<typeof inboxItemPieces>;
type ReadPieces = { [K in keyof ItemPieces]: ItemPieces[K] extends Nested<infer T> ? T : never };

/** The inbox's items from inboxItemPieces' read, in the order of `ids` (one left out by the read is left out). */
export function inboxItemsFrom(read: ReadPieces, ids: string[], options: { answerWorkdays: (participantId: string) => number }): InboxItem[] {
  const items = new Map(itemsFrom(read.conversations, read.messages, read.proposals, options).map((item) => [item.id, item]));
  return ids.flatMap((id) => items.get(id) ?? []);
}

/**
 * One conversation, already read whole (getConversation), as the inbox shows it: its state, since
 * when it waits and when the answer is due. Nothing more is read.
 */
export function inboxItemOf(conversation: ConversationView, options: { answerWorkdays: (participantId: string) => number }): InboxItem {
  const withId = <T>(row: T) => ({ ...row, conversationId: conversation.id });
  return itemsFrom([conversation], conversation.messages.map(withId), conversation.proposals.map(withId), options)[0]!;
}

type ConversationRow = Pick<
  InboxItem,
  "id" | "participantId" | "topic" | "subject" | "appointmentId" | "callbackOn" | "callbackWindow" | "lastMessageAt" | "handledAt"
> & { createdAt: Date };

/** The inbox's view of these conversations from their messages and proposed times (each with its conversation's id), in the inbox's order. */
function itemsFrom(
  rows: ConversationRow[],
  messageRows: { conversationId: string; authorRole: AuthorRole; createdAt: Date; readAt: Date | null }[],
  proposalRows: { conversationId: string; status: string; createdAt: Date; answeredAt: Date | null }[],
  options: { answerWorkdays: (participantId: string) => number },
): InboxItem[] {
  const activity = new Map<string, Activity[]>(rows.map((row) => [row.id, [{ side: "participant", at: row.createdAt }]]));
  const unread = new Map<string, number>();
  // A message or proposed time of a conversation not among `rows` (none is read so) is left out.
  for (const message of messageRows) {
    const side = sideOf(message.authorRole);
    const events = activity.get(message.conversationId);
    if (!events) continue;
    events.push({ side, at: message.createdAt });
    if (side === "participant" && !message.readAt) unread.set(message.conversationId, (unread.get(message.conversationId) ?? 0) + 1);
  }
  const latestProposal = new Map<string, (typeof proposalRows)[number]>();
  for (const proposal of proposalRows) {
    const events = activity.get(proposal.conversationId);
    if (!events) continue;
    events.push({ side: "caseworker", at: proposal.createdAt });
    if ((proposal.status === "accepted" || proposal.status === "declined") && proposal.answeredAt) {
      events.push({ side: "participant", at: proposal.answeredAt });
    }
    latestProposal.set(proposal.conversationId, proposal);
  }

  const items = rows.map((row): InboxItem => {
    const events = activity.get(row.id)!;
    const last = (side: Activity["side"]) => latest(events.filter((event) => event.side === side).map((event) => event.at));
    const lastParticipantActivityAt = last("participant");
    const lastCaseworkerMessageAt = last("caseworker");
    const awaiting = awaitsCaseworker({ lastParticipantActivityAt, lastCaseworkerMessageAt, handledAt: row.handledAt });
    // The wait began with the first of her side's words after the caseworker's last answer or "handled".
    const answeredUntil = latest([lastCaseworkerMessageAt, row.handledAt].filter((at): at is Date => at !== null));
    const waitingSince = awaiting
      ? earliest(events.filter((event) => event.side === "participant" && (!answeredUntil || event.at > answeredUntil)).map((event) => event.at))
      : null;
    const state: InboxState = awaiting
      ? "awaiting"
      : latestProposal.get(row.id)?.status === "proposed"
        ? "new_time_proposed"
        : row.handledAt && (!lastCaseworkerMessageAt || row.handledAt >= lastCaseworkerMessageAt)
          ? "handled"
          : "answered";
    return {
      id: row.id,
      participantId: row.participantId,
      topic: row.topic,
      subject: row.subject,
      appointmentId: row.appointmentId,
      callbackOn: row.callbackOn,
      callbackWindow: row.callbackWindow,
      lastMessageAt: row.lastMessageAt,
      handledAt: row.handledAt,
      state,
      waitingSince,
      answerDueOn: waitingSince ? workdayDeadline(waitingSince, options.answerWorkdays(row.participantId)) : null,
      unread: unread.get(row.id) ?? 0,
    };
  });
  return inInboxOrder(items, (item) => item.state === "awaiting");
}

/** Those waiting first, the longest wait on top (a tie keeps its place); then the rest as they came (newest first). */
function inInboxOrder<T extends { waitingSince: Date | null }>(rows: T[], waits: (row: T) => boolean): T[] {
  const waiting = rows.filter(waits).sort((a, b) => a.waitingSince!.getTime() - b.waitingSince!.getTime());
  return [...waiting, ...rows.filter((row) => !waits(row))];
}

/**
 * How many conversations wait for the caseworker's answer: per participant id for `shownIds`, and
 * in all over `participantIds` (her whole caseload). listInbox's "awaiting", as each conversation
 * keeps it (`awaits_caseworker`, kept by triggers on its messages and proposals, migration 0043):
 * one index lookup, one row back. For the caseworker's list, which shows 50 participants and links
 * to all that wait.
 */
export async function awaitingSummary(participantIds: string[], shownIds: string[] = participantIds): Promise<AwaitingSummary> {
  if (participantIds.length === 0) return { total: 0, byParticipant: {} };
  return (await readAwaiting({ caseload: participantIds.join(","), shown: shownIds.join(",") })).awaiting;
}

export interface AwaitingSummary {
  total: number;
  byParticipant: Record<string, number>;
}

/**
 * awaitingSummary as a piece of a page's one read (db/nested.ts): each list of ids is a uuid[] in SQL
 * (one parameter made an array, `uuidList`, or worked out in the statement), not a parameter per id.
 */
export function awaitingPiece(caseloadIds: SQL, shownIds: SQL): Nested<AwaitingSummary> {
  return nestedJson(
    sql`(select json_build_object('total', coalesce(sum(n), 0),
        'byParticipant', coalesce(json_object_agg(participant_id, n) filter (where participant_id = any(${shownIds})), '{}'::json))
      from (
        select ${conversations.participantId} as participant_id, count(*) as n
        from ${conversations}
        where ${conversations.awaitsCaseworker} and ${conversations.participantId} = any(${caseloadIds})
        group by ${conversations.participantId}
      ) waiting)`,
    awaitingSummaryOf,
  );
}

/** An AwaitingSummary from its json (`{ total, byParticipant }`, built in SQL); none counts 0. */
export function awaitingSummaryOf(json: unknown): AwaitingSummary {
  const found = json as { total?: unknown; byParticipant?: unknown } | null;
  return { total: Number(found?.total ?? 0), byParticipant: countsOf(found?.byParticipant) };
}

const readAwaiting = preparedTogether(["caseload", "shown"], (values) => ({ awaiting: awaitingPiece(uuidList(values.caseload), uuidList(values.shown)) }));

/** How many conversations wait for the caseworker's answer, per participant id (awaitingSummary's). */
export async function countAwaiting(participantIds: string[]): Promise<Record<string, number>> {
  return (await awaitingSummary(participantIds)).byParticipant;
}

/**
 * Whose conversation this is, as SQL for a read that asks it together with more: its participant's
 * id, or null for an unknown or malformed id.
 */
export function conversationOwnerSql(conversationId: string): SQL {
  if (!isUuid(conversationId)) return sql`null::uuid`;
  return sql`(select ${conversations.participantId} from ${conversations} where ${conversations.id} = ${conversationId})`;
}

function latest(moments: Date[]): Date | null {
  return moments.reduce<Date | null>((found, at) => (!found || at > found ? at : found), null);
}

function earliest(moments: Date[]): Date | null {
  return moments.reduce<Date | null>((found, at) => (!found || at < found ? at : found), null);
}
