import { and, eq, sql } from "drizzle-orm";
import { db, rowsOf } from "../../../db/client";
import { parsedList, preparedStatement, uuidList } from "../../../db/nested";
import { municipalityById } from "~/lib/municipality.server";
import { isUuid } from "~/lib/ids";
import {
  conversationOwnerSql,
  getConversation,
  inboxItemOf,
  inboxItemPieces,
  inboxItemsFrom,
  listInbox,
  markConversationRead,
  type Author,
  type ConversationView,
  type InboxItem,
} from "~/features/messages/index.server";
import { sideOf } from "~/features/messages";
import type { CurrentUser } from "~/lib/auth.server";
import { requestIdOf, type RequestContext } from "~/lib/request.server";
import { dueState } from "./messages-ui";
import { PAGE_SIZE } from "./paging";
import { deadlineAfter } from "~/lib/workdays";
import { cwAppointments, cwParticipants } from "./views.server";

/**
 * The caseworker's messages (`/sagsbehandler/beskeder`): who she coordinates comes from the
 * caseworker views, as for the briefing; the conversations themselves from the messages area's
 * public face, but for her inbox's page, which one definer function reads whole (migration 0055).
 * Every address that is not one of her participants' conversations is null (404).
 */

export interface InboxRow extends InboxItem {
  participantName: string;
  participantFirstName: string;
}

/** Each participant's municipality's promised answer time, in working days (MUNICIPALITIES_FILE). */
async function answerWorkdaysOf(participantIds: string[]): Promise<(participantId: string) => number> {
  if (participantIds.length === 0) return () => municipalityById(null).messageAnswerWorkdays;
  const database = await db();
  const rows = await database
    .select({ participantId: cwParticipants.participantId, key: cwParticipants.municipalityKey })
    .from(cwParticipants)
    .where(sql`${cwParticipants.participantId} = any(${uuidList(participantIds.join(","))})`);
  return workdaysBy(new Map(rows.map((row) => [row.participantId, row.key])));
}

/** The promised answer time of each participant, from their municipality's key. */
function workdaysBy(municipalityKeys: Map<string, string | null>): (participantId: string) => number {
  return (participantId) => municipalityById(municipalityKeys.get(participantId)).messageAnswerWorkdays;
}

/**
 * The answer time her inbox promises: her participants' municipality's. Null when they belong to
 * municipalities that promise different times (each row then shows its own deadline).
 */
function promisedAnswerWorkdays(municipalityKeys: (string | null)[]): number | null {
  const times = new Set(municipalityKeys.map((key) => municipalityById(key).messageAnswerWorkdays));
  if (times.size === 0) return municipalityById(null).messageAnswerWorkdays;
  return times.size === 1 ? [...times][0]! : null;
}

/** One page of her inbox (50 conversations), and what the page says of all of them. */
export interface InboxPageData {
  rows: InboxRow[];
  /** 1 for the first page; never beyond the last (`pageCount`). */
  page: number;
  pageCount: number;
  /** Her participants' conversations in all, and how many of them wait for her answer. */
  total: number;
  waiting: number;
  /** Of those waiting: how many have waited longer than promised, and how many are due today. */
  late: number;
  dueToday: number;
  /** The answer time promised to all her participants, in working days; null when it differs. */
  answerWorkdays: number | null;
}

/**
 * Her inbox's page in one statement: caseworker_portal.inbox_page (migration 0055) checks once that
 * the caseworker asking is the one named, then places her participants' conversations in the inbox's
 * order (those waiting first, the longest wait on top; then the newest activity first), clamps the
 * page asked for to the last, and reads the page's conversations with their messages and proposed
 * times (as inboxItemPieces reads them) and people, the waits by the day they began and the
 * municipality that promises the answer time. What comes back does not grow with her caseload. Read
 * through row-level security, each of her participants' conversations, messages and proposed times
 * was checked again: a fifth of the statement at 100,000 participants. Anyone else gets no row: an
 * empty inbox.
 */
const readInboxPageRow = preparedStatement(
  ["caseworker", "page", "size"],
  (values) => sql`select * from caseworker_portal.inbox_page(${values.caseworker}::uuid, ${values.page}::int, ${values.size}::int)`,
);

/** The function builds the json these pieces read; their own SQL is not sent. */
const inboxItems = inboxItemPieces(sql`'{}'::uuid[]`);

async function readInboxPage(values: { caseworker: string; page: string; size: string }) {
  const [row = {}] = rowsOf<Record<string, unknown>>(await readInboxPageRow(values));
  return {
    total: Number(row.total ?? 0),
    page: Number(row.page ?? 1),
    ids: parsedList<string>(row.ids),
    conversations: inboxItems.conversations.read(row.conversations),
    messages: inboxItems.messages.read(row.messages),
    proposals: inboxItems.proposals.read(row.proposals),
    people: parsedList<{ participantId: string; firstName: string; lastName: string; municipalityKey: string | null }>(row.people),
    waits: parsedList<{ day: string; municipalityKey: string | null; n: number | string }>(row.waits),
    municipalities: parsedList<string | null>(row.municipalities),
  };
}

/**
 * One page of her inbox, in the inbox's order (those waiting first, the longest wait on top), and
 * what the page says of all of her conversations (how many, waiting, late, due today). Where each
 * conversation stands is worked out in the database (readInboxPage); only the page's 50 are read
 * whole, and only their participants are logged as read. A page beyond the last gives the last
 * (`page` says which).
 */
export async function inboxPageOf(caseworkerPersonId: string, asked: number, now = new Date()): Promise<InboxPageData> {
  const places = await readInboxPage({ caseworker: caseworkerPersonId, page: String(asked), size: String(PAGE_SIZE) });
  const byId = new Map(places.people.map((person) => [person.participantId, person]));
  const answerWorkdays = workdaysBy(new Map(places.people.map((person) => [person.participantId, person.municipalityKey])));
  const due = { late: 0, today: 0, waiting: 0 };
  for (const wait of places.waits) {
    const n = Number(wait.n);
    const state = dueState(deadlineAfter(wait.day, municipalityById(wait.municipalityKey).messageAnswerWorkdays), now);
    due.waiting += n;
    if (state === "late") due.late += n;
    if (state === "today") due.today += n;
  }
  const rows = inboxItemsFrom(places, places.ids, { answerWorkdays }).map((item) => {
    const person = byId.get(item.participantId);
    return { ...item, participantName: person ? `${person.firstName} ${person.lastName}` : "", participantFirstName: person?.firstName ?? "" };
  });
  return {
    rows,
    page: places.page,
    pageCount: Math.max(1, Math.ceil(places.total / PAGE_SIZE)),
    total: places.total,
    waiting: due.waiting,
    late: due.late,
    dueToday: due.today,
    answerWorkdays: promisedAnswerWorkdays(places.municipalities),
  };
}

/** One participant's conversations for her briefing: the same order as the inbox. */
export async function conversationsFor(participantId: string, now = new Date()): Promise<InboxItem[]> {
  return listInbox([participantId], { answerWorkdays: await answerWorkdaysOf([participantId]), now });
}

/**
 * The conversation's participant, when this caseworker coordinates her case; null for anyone
 * else's conversation, an unknown id and a malformed id alike. One read: whose it is, and whether
 * she is theirs.
 */
export async function findMyConversation(caseworkerPersonId: string, conversationId: string | undefined) {
  if (!isUuid(conversationId)) return null;
  const database = await db();
  const [person] = await database
    .select({
      participantId: cwParticipants.participantId,
      firstName: cwParticipants.firstName,
      lastName: cwParticipants.lastName,
      municipalityKey: cwParticipants.municipalityKey,
    })
    .from(cwParticipants)
    .where(
      and(eq(cwParticipants.coordinatingCaseworkerPersonId, caseworkerPersonId), sql`${cwParticipants.participantId} = ${conversationOwnerSql(conversationId)}`),
    );
  if (!person) return null;
  return { participantId: person.participantId, firstName: person.firstName, name: `${person.firstName} ${person.lastName}`, municipalityKey: person.municipalityKey };
}

/** The caseworker writing in her participant's conversation: her own name, from the session. */
export function caseworkerAuthor(context: RequestContext, user: CurrentUser, participantId: string): Author {
  return {
    personId: user.personId,
    participantId,
    role: "caseworker",
    name: `${user.firstName} ${user.lastName}`.trim(),
    requestId: requestIdOf(context),
  };
}

export interface ConversationMeeting {
  id: string;
  title: string;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
}

export interface CaseworkerConversationPage {
  participant: { id: string; name: string; firstName: string };
  conversation: ConversationView;
  /** The state in her inbox (waiting since, answer due, handled ...). */
  item: InboxItem | null;
  /** The participant's side's messages she had not opened before this visit. */
  newMessageIds: string[];
  meeting: ConversationMeeting | null;
  submissionId: string;
}

/**
 * Everything `/sagsbehandler/beskeder/:conversationId` shows, or null (404). Opening it is the
 * receipt: the participant's side's messages are marked read by the caseworker.
 */
export async function openConversation(caseworkerPersonId: string, conversationId: string | undefined, now = new Date()): Promise<CaseworkerConversationPage | null> {
  const mine = await findMyConversation(caseworkerPersonId, conversationId);
  if (!mine || !conversationId) return null;
  const conversation = await getConversation(mine.participantId, conversationId);
  if (!conversation) return null;
  const newMessageIds = conversation.messages
    .filter((message) => sideOf(message.authorRole) === "participant" && !message.readAt)
    .map((message) => message.id);
  if (newMessageIds.length > 0) await markConversationRead({ side: "caseworker" }, mine.participantId, conversationId, now);
  const meeting = conversation.appointmentId ? await meetingOf(mine.participantId, conversation.appointmentId) : null;
  // Where it stands in her inbox, from what was just read (her opening it read the new messages).
  const opened = { ...conversation, messages: conversation.messages.map((message) => (newMessageIds.includes(message.id) ? { ...message, readAt: now } : message)) };
  const answerWorkdays = municipalityById(mine.municipalityKey).messageAnswerWorkdays;
  return {
    participant: { id: mine.participantId, name: mine.name, firstName: mine.firstName },
    conversation,
    item: inboxItemOf(opened, { answerWorkdays: () => answerWorkdays }),
    newMessageIds,
    meeting,
    submissionId: crypto.randomUUID(),
  };
}

async function meetingOf(participantId: string, appointmentId: string): Promise<ConversationMeeting | null> {
  const database = await db();
  const [row] = await database
    .select({
      id: cwAppointments.appointmentId,
      title: cwAppointments.title,
      kind: cwAppointments.kind,
      startsAt: cwAppointments.startsAt,
      endsAt: cwAppointments.endsAt,
      status: cwAppointments.status,
    })
    .from(cwAppointments)
    .where(and(eq(cwAppointments.appointmentId, appointmentId), eq(cwAppointments.participantId, participantId)));
  return row ?? null;
}
