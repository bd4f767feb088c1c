import { fieldLabel } from "~/features/preparation";
import { formatDay, formatDocumentMoment, formatHours, formatMomentDay, formatMonthYear } from "~/lib/dates";
import { createTaggedPdf, type TaggedPdf } from "~/lib/pdf.server";
import type { MyDataExport } from "./schema";

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Parts = MyDataExport["dele"];

/**
 * "Mine data" as a readable, tagged A4 PDF (issue 22): every part of the export in the same
 * order, each with its name and what it is, then its content in plain words. Only the earlier
 * plan versions' full content is left to the JSON file (the PDF lists them and says so).
 */
export async function renderMyDataPdf(file: MyDataExport, options: { language: string; t: Translate }) {
  const { language, t } = options;
  const name = `${file.dele.person.data.firstName} ${file.dele.person.data.lastName}`;
  const title = t("pdf.title", { name });
  const pdf = createTaggedPdf({ language, title, subject: t("pdf.subject") });
  const moment = (value: string | null | undefined) => (value ? formatDocumentMoment(value, language) : "–");
  const day = (value: string | null | undefined) => (value ? formatDay(value, language) : "–");
  /** A value of another area's list (a status, a kind) in its own words, or as stored when it has none. */
  const word = (key: string, raw: string) => t(key, { defaultValue: raw });
  const w: Writer = { pdf, t, moment, day, word, language };

  pdf.heading(1, title);
  pdf.paragraph(t("pdf.fetched", { when: moment(file.hentet) }));
  pdf.paragraph(file.dele.forloeb ? t("pdf.intro") : t("pdf.introRelative"));
  for (const key of Object.keys(file.dele) as (keyof Parts)[]) {
    const part = file.dele[key];
    if (!part) continue;
    pdf.heading(2, part.navn);
    pdf.paragraph(part.beskrivelse, { muted: true });
    RENDER[key](part.data as never, w);
  }
  return pdf.finish((page, pages) => t("pdf.page", { page, pages }));
}

interface Writer {
  pdf: TaggedPdf;
  t: Translate;
  moment: (value: string | null | undefined) => string;
  day: (value: string | null | undefined) => string;
  word: (key: string, raw: string) => string;
  language: string;
}

type Data<K extends keyof Parts> = NonNullable<Parts[K]>["data"];

/** A field only when it has a value. */
function maybe(w: Writer, label: string, value: string | null | undefined) {
  if (value !== null && value !== undefined && value !== "") w.pdf.field(label, value);
}

function listOr(w: Writer, items: string[]) {
  if (items.length) w.pdf.list(items);
  else w.pdf.paragraph(w.t("pdf.none"));
}

/** Free text from a stored answer: strings as they are, lists one per line, anything else briefly. */
function answerText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(answerText).filter(Boolean).join("\n");
  if (value && typeof value === "object") return Object.values(value).map(answerText).filter(Boolean).join(", ");
  return value === null || value === undefined ? "" : String(value);
}

const RENDER: { [K in keyof Parts]-?: (data: Data<K>, w: Writer) => void } = {
  person(data, w) {
    const { pdf, t } = w;
    pdf.field(t("pdf.name"), `${data.firstName} ${data.lastName}`);
    if (data.birthDate) pdf.field(t("pdf.birthDate"), w.day(data.birthDate));
    pdf.field(t("pdf.cpr"), data.cprMasked ?? t("pdf.cprNone"));
    maybe(w, t("pdf.email"), data.email);
    maybe(w, t("pdf.phone"), data.phone);
    pdf.field(t("pdf.language"), t(`pdf.languages.${data.preferredLanguage}`));
    pdf.field(t("pdf.since"), formatMomentDay(data.createdAt, w.language));
    if (data.signIns.length) {
      pdf.field(t("pdf.signIns"), data.signIns.map((signIn) => w.word(`pdf.providers.${signIn.provider}`, signIn.provider)).join(", "));
    }
  },

  forloeb(data, w) {
    const { pdf, t } = w;
    pdf.field(t("pdf.programme"), w.word(`pdf.programmes.${data.programme}`, data.programme));
    pdf.field(t("pdf.status"), w.word(`pdf.participantStatuses.${data.status}`, data.status));
    if (data.startedOn) pdf.field(t("pdf.started"), w.day(data.startedOn));
    if (data.expectedEndOn) pdf.field(t("pdf.expectedEnd"), w.day(data.expectedEndOn));
    pdf.field(t("pdf.municipality"), data.municipality);
    pdf.heading(3, t("pdf.contacts"));
    listOr(
      w,
      data.contacts.map((contact) =>
        [contact.name, contact.organisation, contact.phone, contact.email, contact.reachableText].filter(Boolean).join(", "),
      ),
    );
  },

  plan(data, w) {
    const { pdf, t } = w;
    if (!data) {
      pdf.paragraph(t("pdf.noPlan"));
      return;
    }
    pdf.paragraph(t("pdf.planVersion", { version: data.version, when: w.moment(data.updatedAt) }));
    if (data.lastSeenVersion) pdf.paragraph(t("pdf.lastSeen", { version: data.lastSeenVersion }));
    pdf.field(t("pdf.employmentGoal"), data.employmentGoal);
    pdf.field(t("pdf.ownGoal"), data.ownGoal ?? t("pdf.empty"));
    maybe(w, t("pdf.nextStep"), data.nextStep);
    pdf.heading(3, t("pdf.subGoals"));
    if (data.subGoals.length === 0) pdf.paragraph(t("pdf.none"));
    for (const goal of data.subGoals) {
      pdf.field(goal.title, w.word(`plan:status.subGoal.${goal.status}`, goal.status));
      if (goal.participantStatus) pdf.field(t("pdf.yourMark"), w.word(`plan:status.subGoal.${goal.participantStatus}`, goal.participantStatus));
      maybe(w, t("pdf.yourComment"), goal.participantComment);
      if (goal.updates.length) {
        pdf.list(
          goal.updates.map((update) =>
            [w.moment(update.createdAt), update.status ? w.word(`plan:status.subGoal.${update.status}`, update.status) : null, update.comment]
              .filter(Boolean)
              .join(": "),
          ),
        );
      }
    }
    pdf.heading(3, t("pdf.activities"));
    listOr(
      w,
      data.activities.map((activity) =>
        [
          `${activity.title} (${w.word(`plan:kinds.${activity.kind}.name`, activity.kind)})`,
          w.word(`plan:status.activity.${activity.status}`, activity.status),
          activity.startsOn ? w.day(activity.startsOn) : null,
          activity.hoursPerWeek ? `${formatHours(activity.hoursPerWeek, w.language)} ${t("pdf.hours").toLowerCase()}` : null,
        ]
          .filter(Boolean)
          .join(", "),
      ),
    );
    pdf.heading(3, t("pdf.agreements"));
    listOr(w, data.agreements.map((agreement) => [agreement.text, agreement.ownerText, agreement.dueOn ? w.day(agreement.dueOn) : null].filter(Boolean).join(", ")));
    pdf.heading(3, t("pdf.ownGoalHistory"));
    listOr(w, data.ownGoalHistory.map((row) => `${w.moment(row.createdAt)}${row.authorName ? ` (${row.authorName})` : ""}: ${row.text}`));
    pdf.heading(3, t("pdf.responses"));
    listOr(
      w,
      data.responses.map((response) =>
        `${w.moment(response.createdAt)}: ${t(response.kind === "read" ? "pdf.responseRead" : "pdf.responseQuestion", { version: response.planVersion })}${
          response.comment ? `: ${response.comment}` : ""
        }`,
      ),
    );
    pdf.heading(3, t("pdf.versions"));
    listOr(
      w,
      data.versions.map((version) =>
        [t("pdf.versionLine", { version: version.version, when: w.moment(version.createdAt) }), version.changedByName, version.changeSummary].filter(Boolean).join(", "),
      ),
    );
    if (data.versions.length) pdf.paragraph(t("pdf.versionsNote"), { muted: true });
  },

  moeder(data, w) {
    const { pdf, t } = w;
    if (data.meetings.length === 0) pdf.paragraph(t("pdf.none"));
    for (const meeting of data.meetings) {
      pdf.heading(3, meeting.title);
      pdf.field(t("pdf.when"), w.moment(meeting.startsAt));
      maybe(w, t("pdf.where"), [meeting.placeName, meeting.address].filter(Boolean).join(", "));
      if (meeting.attendees.length) pdf.field(t("pdf.who"), meeting.attendees.map((row) => `${row.name} (${row.roleText})`).join(", "));
      maybe(w, t("pdf.yourNotes"), meeting.yourNotes);
      maybe(w, t("pdf.yourQuestions"), meeting.yourQuestions);
      for (const notice of meeting.cannotCome) {
        pdf.field(t("pdf.cannotCome"), `${w.moment(notice.createdAt)}: ${notice.reason}`);
        maybe(w, t("pdf.wish"), notice.wishForNewTime);
      }
    }
    if (data.calendarLinks.length) {
      pdf.heading(3, t("pdf.calendarLinks"));
      pdf.list(
        data.calendarLinks.map(
          (link) => `${t("pdf.calendarLine", { created: w.moment(link.createdAt) })}${link.revokedAt ? `, ${t("pdf.calendarRevoked", { revoked: w.moment(link.revokedAt) })}` : ""}`,
        ),
      );
    }
  },

  referater(data, w) {
    const { pdf, t } = w;
    if (data.length === 0) {
      pdf.paragraph(t("pdf.none"));
      return;
    }
    for (const summary of data) {
      pdf.heading(3, summary.meeting.startsAt ? `${summary.meeting.title}, ${w.moment(summary.meeting.startsAt)}` : summary.meeting.title);
      for (const version of summary.versions) {
        pdf.field(t("pdf.summaryVersion", { version: version.version }), `${w.moment(version.publishedAt)}, ${version.publishedBy}`);
        maybe(w, t("pdf.summaryCorrected"), version.correctionNote);
        pdf.list(version.points.map((point) => `${point.number}. ${point.text}${point.planItems.length ? ` (${point.planItems.join("; ")})` : ""}`));
      }
      for (const note of summary.rememberedDifferently) {
        pdf.field(t("pdf.summaryRemembered", { number: note.pointNumber ?? "?" }), `${w.moment(note.createdAt)}, ${note.writtenBy}: ${note.text}`);
      }
    }
  },

  forberedelse(data, w) {
    const { pdf, t } = w;
    const partTitle = (part: string) => w.word(`preparation:parts.${part}.title`, part);
    const labelOf = (part: string, name: string) =>
      fieldLabel((key, options) => t(`preparation:${key}`, { defaultValue: name, ...options }), part as never, name);
    const writable = data.parts.filter((part) => part.part !== "about_meeting");
    if (writable.length === 0) pdf.paragraph(t("pdf.none"));
    for (const part of writable) {
      pdf.heading(3, partTitle(part.part));
      const answers = Object.entries(part.answers).filter(([, value]) => answerText(value) !== "");
      if (answers.length === 0) pdf.paragraph(t("pdf.empty"));
      for (const [name, value] of answers) pdf.field(labelOf(part.part, name), answerText(value));
      pdf.paragraph(part.sharedAt ? t("pdf.sharedVersion", { version: part.sharedVersion, when: w.moment(part.sharedAt) }) : t("pdf.notShared"), { muted: true });
    }
    if (data.shares.length) {
      pdf.heading(3, t("pdf.shares"));
      pdf.list(
        data.shares.map(
          (share) =>
            `${t("pdf.shareLine", { part: partTitle(share.part), version: share.version, when: w.moment(share.sharedAt) })}${
              share.withdrawnAt ? `, ${t("pdf.withdrawn", { when: w.moment(share.withdrawnAt) })}` : ""
            }`,
        ),
      );
    }
    if (data.remarks.length) {
      pdf.heading(3, t("pdf.remarks"));
      pdf.list(data.remarks.map((remark) => `${remark.authorFirstName ?? "–"}, ${partTitle(remark.part)}, ${w.moment(remark.createdAt)}: ${remark.body}`));
    }
  },

  cv(data, w) {
    const { pdf, t } = w;
    if (data.profile) {
      maybe(w, t("pdf.summary"), data.profile.summary);
      maybe(w, t("pdf.address"), data.profile.address);
      if (data.profile.sharedAt) pdf.paragraph(t("pdf.sharedCv", { when: w.moment(data.profile.sharedAt) }));
    }
    pdf.heading(3, t("pdf.entries"));
    listOr(
      w,
      data.entries.map((entry) =>
        [
          entry.title,
          entry.organisation,
          [entry.fromText, entry.toText].filter(Boolean).join("–") || null,
          entry.level ? w.word(`cv:levels.${entry.kind === "language" ? "languages" : "it"}.${entry.level}`, entry.level) : null,
          entry.details,
          entry.deletedAt ? `(${t("pdf.deletedEntry", { when: w.moment(entry.deletedAt) })})` : null,
        ]
          .filter(Boolean)
          .join(", "),
      ),
    );
    pdf.heading(3, t("pdf.wishes"));
    if (data.workWishes) {
      const wishes = data.workWishes;
      maybe(w, t("pdf.fields"), wishes.fields.join(", "));
      const hours = [wishes.hoursPerWeek, wishes.hoursPerWeekMax].filter((value) => value !== null).join("–");
      maybe(w, t("pdf.hours"), hours);
      if (wishes.maxCommuteMinutes !== null) pdf.field(t("pdf.commute"), t("pdf.commuteValue", { minutes: wishes.maxCommuteMinutes }));
      maybe(w, t("pdf.areas"), wishes.areas);
      maybe(w, t("pdf.accommodations"), wishes.accommodations);
    } else pdf.paragraph(t("pdf.none"));
    pdf.heading(3, t("pdf.tasks"));
    listOr(w, data.taskSuggestions.map((task) => task.text));
  },

  netvaerk(data, w) {
    const { pdf, t } = w;
    pdf.paragraph(data.sharing.networkSharedAt ? t("pdf.networkShared", { when: w.moment(data.sharing.networkSharedAt) }) : t("pdf.networkNotShared"));
    pdf.heading(3, t("pdf.people"));
    listOr(
      w,
      data.people.map((person) =>
        [
          person.relation ? `${person.name} (${person.relation})` : person.name,
          w.word(`network:sectors.${person.sector}`, person.sector),
          w.word(`network:closeness.${person.closeness}`, person.closeness),
          `${t("pdf.yourJudgement")}: ${w.word(`network:stances.${person.stance}`, person.stance)}`,
          person.note ? `${t("pdf.note")}: ${person.note}` : null,
        ]
          .filter(Boolean)
          .join(", "),
      ),
    );
    if (data.snapshots.length) {
      pdf.heading(3, t("pdf.snapshots"));
      pdf.list(
        data.snapshots.map((snapshot) =>
          t("pdf.snapshotLine", { label: snapshot.label ?? "–", when: w.moment(snapshot.createdAt), count: Array.isArray(snapshot.people) ? snapshot.people.length : 0 }),
        ),
      );
    }
  },

  forslag(data, w) {
    const { pdf, t } = w;
    if (data.length === 0) {
      pdf.paragraph(t("pdf.none"));
      return;
    }
    for (const proposal of data) {
      pdf.heading(3, `${w.word(`proposals:kinds.${proposal.kind}`, proposal.kind)}: ${proposal.title}`);
      pdf.field(t("pdf.proposalSent"), w.moment(proposal.createdAt));
      maybe(w, w.word("proposals:words.why", "why"), proposal.why);
      maybe(w, w.word("proposals:words.when", "when"), proposal.when);
      maybe(w, w.word("proposals:words.howMuch", "howMuch"), proposal.howMuch);
      pdf.field(t("pdf.proposalStatus"), w.word(`proposals:status.${proposal.status}`, proposal.status));
      if (proposal.planTitle) pdf.field(w.word("proposals:words.inPlan", "inPlan"), [proposal.planTitle, proposal.planDetail].filter(Boolean).join(". "));
      maybe(w, t("pdf.proposalReason"), proposal.declineReason);
      if (proposal.decidedAt) pdf.field(t("pdf.proposalDecided"), `${w.moment(proposal.decidedAt)}${proposal.decidedBy ? `, ${proposal.decidedBy}` : ""}`);
    }
  },

  saadan_gaar_det(data, w) {
    const { pdf, t } = w;
    if (data.reminderDay) pdf.paragraph(t("pdf.reminderDay", { day: data.reminderDay }));
    pdf.heading(3, t("pdf.answers"));
    if (data.answerSets.length === 0) pdf.paragraph(t("pdf.none"));
    for (const set of data.answerSets) {
      const heading = `${formatMonthYear(`${set.month}T12:00:00Z`, w.language)}${set.sharedAt ? ` (${t("pdf.shared", { when: w.moment(set.sharedAt) })})` : ""}`;
      pdf.paragraph(heading);
      const lines: string[] = [];
      for (const factor of ["energy", "sleep", "company", "outdoors", "workBelief"] as const) {
        const level = set[factor];
        const note = set[`${factor}Note`];
        if (level || note) {
          lines.push(`${w.word(`progress:factors.${factor}.name`, factor)}: ${level ? w.word(`progress:levels.${level}`, level) : "–"}${note ? `. ${note}` : ""}`);
        }
      }
      if (set.whatHelps) lines.push(`${w.word("progress:whatHelps.label", "whatHelps")}: ${set.whatHelps}`);
      if (set.somethingElse) lines.push(`${w.word("progress:somethingElse.label", "somethingElse")}: ${set.somethingElse}`);
      listOr(w, lines);
    }
    pdf.heading(3, t("pdf.diary"));
    listOr(
      w,
      data.diary.map((entry) =>
        [
          w.day(entry.day),
          w.word(`progress:energyLevels.${entry.energy}`, entry.energy),
          entry.activities.map((activity) => w.word(`progress:diary.activity.${activity}`, activity)).join(", ") || null,
          entry.note,
        ]
          .filter(Boolean)
          .join(": "),
      ),
    );
    pdf.heading(3, t("pdf.signs"));
    listOr(w, data.signs?.warningSigns ?? []);
    pdf.heading(3, t("pdf.strategies"));
    listOr(w, data.signs?.strategies ?? []);
  },

  beskeder(data, w) {
    const { pdf, t } = w;
    if (data.conversations.length === 0) pdf.paragraph(t("pdf.none"));
    for (const conversation of data.conversations) {
      pdf.heading(3, conversation.subject);
      if (conversation.callback) {
        pdf.field(t("pdf.callback"), [w.day(conversation.callback.on), conversation.callback.phone].filter(Boolean).join(", "));
      }
      pdf.list(
        conversation.messages.map(
          (message) => `${w.moment(message.createdAt)}, ${message.authorName}${message.readAt ? ` (${t("pdf.read", { when: w.moment(message.readAt) })})` : ""}: ${message.body}`,
        ),
      );
      for (const proposal of conversation.proposedTimes) {
        pdf.paragraph(t("pdf.proposed", { when: w.moment(proposal.startsAt), status: proposal.status }));
      }
      if (conversation.handledAt) pdf.paragraph(t("pdf.handled", { when: w.moment(conversation.handledAt) }), { muted: true });
    }
    if (data.drafts.length) {
      pdf.heading(3, t("pdf.drafts"));
      pdf.list(data.drafts.map((draft) => `${w.moment(draft.updatedAt)}: ${[draft.subject, draft.body].filter(Boolean).join(". ")}`));
    }
  },

  paaroerende(data, w) {
    const { pdf, t } = w;
    if (data.length === 0) pdf.paragraph(t("pdf.none"));
    for (const grant of data) {
      pdf.heading(3, grant.accountName ?? grant.invitedName);
      pdf.field(t("pdf.invited"), `${grant.invitedName}, ${grant.invitedEmail}, ${w.moment(grant.createdAt)}`);
      pdf.field(t("pdf.relation"), grant.relation);
      pdf.field(t("pdf.scopes"), grant.scopes.map((scope) => w.word(`relatives:scopes.${scope}`, scope)).join(", "));
      if (grant.mayComment) pdf.field(t("pdf.mayComment"), t("pdf.yes"));
      if (grant.mayWriteMessages) pdf.field(t("pdf.mayWrite"), t("pdf.yes"));
      pdf.field(t("pdf.validUntil"), w.day(grant.validUntil));
      pdf.field(t("pdf.grantStatus"), w.word(`pdf.grantStatuses.${grant.status}`, grant.status));
    }
  },

  beskedindstillinger(data, w) {
    const { pdf, t } = w;
    if (!data) {
      pdf.paragraph(t("pdf.settingsNone"));
      return;
    }
    const channels = [
      data.byEmail ? t("pdf.channelEmail", { email: data.email ?? "" }) : null,
      data.bySms ? t("pdf.channelSms", { phone: data.phone ?? "" }) : null,
    ].filter((value): value is string => Boolean(value));
    pdf.field(t("pdf.channels"), channels.length ? channels.join(", ") : t("pdf.none"));
    pdf.paragraph(t("pdf.quiet", { from: data.quietFrom.slice(0, 5), until: data.quietUntil.slice(0, 5) }));
    pdf.field(t("pdf.reminders"), data.meetingReminderMinutes.map((minutes) => t("pdf.minutesBefore", { hours: formatHours(String(minutes / 60), w.language) })).join(", ") || t("pdf.none"));
    pdf.field(t("pdf.newMessages"), data.newMessages ? t("pdf.yes") : t("pdf.no"));
    pdf.field(t("pdf.agreementReminders"), data.agreementReminders ? t("pdf.yes") : t("pdf.no"));
  },

  hvem_har_set(data, w) {
    if (data.length === 0) w.pdf.paragraph(w.t("pdf.logNone"));
    else w.pdf.list(data.map((entry) => `${w.moment(entry.occurredAt)}, ${entry.who}: ${entry.what}`));
  },

  du_hjaelper(data, w) {
    const { pdf, t } = w;
    if (data.length === 0) pdf.paragraph(t("pdf.none"));
    for (const grant of data) {
      pdf.heading(3, grant.helpsName ?? "–");
      pdf.field(t("pdf.relation"), grant.relation);
      pdf.field(t("pdf.scopes"), grant.scopes.map((scope) => w.word(`relatives:scopesOther.${scope}`, scope)).join(", "));
      pdf.field(t("pdf.validUntil"), w.day(grant.validUntil));
      pdf.field(t("pdf.grantStatus"), w.word(`pdf.grantStatuses.${grant.status}`, grant.status));
    }
  },

  dine_bemaerkninger(data, w) {
    listOr(
      w,
      data.map((remark) => `${w.moment(remark.createdAt)}, ${w.t("pdf.for", { name: remark.forName ?? "–" })}, ${w.word(`preparation:parts.${remark.part}.title`, remark.part)}: ${remark.body}`),
    );
  },

  dine_beskeder_som_paaroerende(data, w) {
    listOr(w, data.messages.map((message) => `${w.moment(message.createdAt)}, ${w.t("pdf.for", { name: message.forName ?? "–" })}, ${message.subject}: ${message.body}`));
    if (data.drafts.length) {
      w.pdf.heading(3, w.t("pdf.drafts"));
      w.pdf.list(data.drafts.map((draft) => `${w.moment(draft.updatedAt)}: ${[draft.subject, draft.body].filter(Boolean).join(". ")}`));
    }
  },
};
