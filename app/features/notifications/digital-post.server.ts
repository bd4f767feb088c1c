/**
 * Digital Post (NgDP, the public sector's "Digital Post" since 2022) as a channel for
 * notifications: an adapter slot, not a working delivery (issue 18).
 *
 * A municipality that wants it sends a MeMo message (Message Model, the XML format NgDP takes:
 * a MessageHeader with the sender's CVR, the recipient's CPR, a label, and a MessageBody) through
 * its own access point: a certified provider (e.g. KMD, Netcompany, e-Boks's "Digital Post
 * afsendersystem") or NgDP's REST interface with the municipality's system certificate (OCES3).
 * Min Vej holds neither that certificate nor an agreement, so nothing here pretends to send.
 *
 * What an implementation must do, and what the outbox would need:
 * - `send` takes the same safe words as an e-mail (texts.server.ts: no subject, no meeting
 *   details) and the recipient's CPR number, which never leaves the server in a log, a URL or an
 *   outbox row: the outbox would carry the person's id, and the adapter look the CPR up itself;
 * - it is idempotent by `reference` (MeMo's MessageUUID: the same on every attempt);
 * - it answers with a code on failure (like `SMS_503`), never the provider's words;
 * - the outbox's `channel` check (migration 0018: 'email', 'sms') and the settings page get a
 *   third choice, "Digital Post", in the same migration that turns a real adapter on.
 */
export interface DigitalPostMessage {
  /** The recipient, by the portal's person id (the adapter looks up the CPR number itself). */
  personId: string;
  /** MeMo label: as safe as an e-mail subject ("Du har en ny besked i Min Vej"). */
  label: string;
  text: string;
  /** The same on every attempt (MeMo MessageUUID). */
  reference: string;
}

export interface DigitalPostAdapter {
  readonly configured: boolean;
  send(message: DigitalPostMessage): Promise<void>;
}

/** Refuses with a code, so a row sent to it ends in the dead letter as `DIGITAL_POST_NOT_CONFIGURED`. */
export class DigitalPostNotConfiguredError extends Error {
  readonly code = "DIGITAL_POST_NOT_CONFIGURED";
  constructor() {
    super("Digital Post is not configured");
    this.name = "DigitalPostNotConfiguredError";
  }
}

/** The only implementation today: says plainly that Digital Post is not set up. */
export const digitalPostNotConfigured: DigitalPostAdapter = {
  configured: false,
  async send() {
    throw new DigitalPostNotConfiguredError();
  },
};

export function digitalPost(): DigitalPostAdapter {
  return digitalPostNotConfigured;
}
