import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import type { BuiltParticipant } from "../../../db/builders";
import { answerProposal, startConversation, writeMessage, type Author, type NewConversation } from "~/features/messages/index.server";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";

/** The participant writing in her own conversations (as the lead's /beskeder pages do). */
export function participantAuthor(participant: Pick<BuiltParticipant, "personId" | "participantId" | "name">): Author {
  return { personId: participant.personId, participantId: participant.participantId, role: "participant", name: participant.name };
}

/**
 * A conversation the participant started at `at` (her first message then), through the messages
 * area's own command: "Kan ikke komme", "Ring mig op" or a plain message, tied to a meeting if given.
 */
export async function aConversation(
  participant: Pick<BuiltParticipant, "personId" | "participantId" | "name">,
  input: Partial<Omit<NewConversation, "submissionId">> & { at: Date },
): Promise<string> {
  const { at, ...rest } = input;
  const started = await startConversation(
    participantAuthor(participant),
    { topic: "general", subject: "Et spørgsmål", body: "Hej Sara, jeg har et spørgsmål.", ...rest, submissionId: crypto.randomUUID() },
    at,
  );
  return started.conversationId;
}

/** Another message from the participant at `at`. */
export async function participantWrites(participant: Pick<BuiltParticipant, "personId" | "participantId" | "name">, conversationId: string, body: string, at: Date) {
  const written = await writeMessage(participantAuthor(participant), conversationId, { body, submissionId: crypto.randomUUID() }, at);
  if (written.status === "not_found") throw new Error("not her conversation");
}

/** The participant says yes or no to a proposed time at `at`. */
export async function participantAnswers(
  participant: Pick<BuiltParticipant, "personId" | "participantId" | "name">,
  conversationId: string,
  proposalId: string,
  accept: boolean,
  at = new Date(),
) {
  return answerProposal(participantAuthor(participant), conversationId, { proposalId, accept }, at);
}

export type Language = "da" | "en";

/** A page component rendered with its loader data (and optional action data), as text without tags. */
export function renderText(language: Language, path: string, Component: unknown, loaderData: unknown, actionData?: unknown): string {
  const Stub = createRoutesStub([{ id: "page", path, Component: Component as never, loader: () => loaderData, action: () => actionData }]);
  const i18n = createI18n(language, resources[language] as never);
  const html = renderToString(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(Stub, {
        initialEntries: [path],
        hydrationData: { loaderData: { page: loaderData }, actionData: actionData === undefined ? undefined : { page: actionData } },
      }),
    ),
  );
  return html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}
