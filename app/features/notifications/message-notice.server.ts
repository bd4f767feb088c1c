import { sql } from "drizzle-orm";
import { rowsOf, type Transaction } from "../../../db/client";
import { queueNotice } from "~/features/jobs/index.server";
import { isUuid } from "~/lib/ids";
import { logError } from "../../../server/safe-error.js";
import { outsideQuietHours } from "./quiet-hours";
import { notice, type Channel } from "./texts.server";

/** A row of portal.message_notice_recipient (migration 0019). */
interface Recipient {
  new_messages: boolean;
  by_email: boolean;
  by_sms: boolean;
  email: string | null;
  phone: string | null;
  quiet_from: string;
  quiet_until: string;
  preferred_language: string;
  is_participant: boolean;
  unread_message_id: string | null;
}

export interface MessageNoticeInput {
  participantId: string;
  /** The person to tell: the participant, or a relative with an active grant. */
  recipientPersonId: string;
  conversationId: string;
  now?: Date;
}

/**
 * "Du har en ny besked i Min Vej": queued in the caller's transaction (the request that wrote
 * the message; call it after the message is inserted, and `afterCommit(wakeWorker)` as for
 * mail), by e-mail and/or SMS as the recipient chose, never in their quiet hours (it waits for
 * their end). No notice when they have turned new-message notices off or chosen no channel.
 *
 * One notice per conversation until the recipient has read it: the key is
 * `message:<conversation>:<recipient>:<channel>:<oldest message there they have not read>`, so a
 * burst of replies finds the same key and queues nothing more, and a reply after they have read
 * the conversation starts a new notice. If they read it before the notice leaves (say in their
 * quiet hours), it is dropped. (Without an unread message, the hour it would leave is the key's end.)
 *
 * Never fails the caller: a message must not be lost for its notice. Problems are logged (by
 * code) and the notice is left out. Returns the channels queued.
 */
export async function queueMessageNotice(tx: Transaction, input: MessageNoticeInput): Promise<{ queued: Channel[] }> {
  const { participantId, recipientPersonId, conversationId } = input;
  if (![participantId, recipientPersonId, conversationId].every(isUuid)) return { queued: [] };
  const now = input.now ?? new Date();
  try {
    // A savepoint: whatever goes wrong here leaves the caller's transaction as it was.
    return await tx.transaction(async (savepoint) => {
      const [recipient] = rowsOf<Recipient>(
        await savepoint.execute(
          sql`select * from portal.message_notice_recipient(${participantId}::uuid, ${recipientPersonId}::uuid, ${conversationId}::uuid)`,
        ),
      );
      if (!recipient?.new_messages) return { queued: [] };
      const runAfter = outsideQuietHours(now, { from: recipient.quiet_from, until: recipient.quiet_until });
      const anchor = recipient.unread_message_id ?? `h${runAfter.toISOString().slice(0, 13).replace(/[^0-9]/g, "")}`;
      const queued: Channel[] = [];
      const channels: [Channel, string | null][] = [
        ["email", recipient.by_email ? recipient.email : null],
        ["sms", recipient.by_sms ? recipient.phone : null],
      ];
      for (const [channel, address] of channels) {
        if (!address) continue;
        const written = await queueNotice(
          savepoint,
          {
            key: `message:${conversationId}:${recipientPersonId}:${channel}:${anchor}`,
            kind: "message_notice",
            channel,
            participantId,
            runAfter,
            payload: notice(channel, address, {
              kind: "message_notice",
              language: recipient.preferred_language,
              now: runAfter,
              forParticipant: recipient.is_participant,
            }),
          },
          now,
        );
        if (written) queued.push(channel);
      }
      return { queued };
    });
  } catch (error) {
    logError("message_notice_failed", null, error);
    return { queued: [] };
  }
}
