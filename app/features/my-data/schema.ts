import { z } from "~/lib/zod";
import { DELETABLE } from "./parts";

/**
 * The published format of "Mine data" as JSON (`/mine-data/mine-data.json`, issue 22, GDPR art. 15
 * and 20): `format` and `version` name it, `om_filen` says in plain words what the file is and
 * what each part holds, and `dele` holds the parts. Every object is strict: a field that is not
 * described here is an error, so the schema and the file cannot drift apart unnoticed.
 * Documented field by field in app/features/my-data/README.md.
 */

const moment = z.iso.datetime();
const day = z.iso.date();
const text = z.string();
const strict = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();

function part<T extends z.ZodType>(data: T) {
  return strict({ navn: z.string().min(1), beskrivelse: z.string().min(1), data });
}

export const personData = strict({
  firstName: text,
  lastName: text,
  birthDate: day.nullable(),
  /** "120385-xxxx": the first six digits only; null when Min Vej holds no CPR number. */
  cprMasked: z.string().regex(/^\d{6}-xxxx$/).nullable(),
  email: text.nullable(),
  phone: text.nullable(),
  preferredLanguage: z.enum(["da", "en"]),
  createdAt: moment,
  signIns: z.array(strict({ provider: text, since: moment })),
});

export const programmeData = strict({
  programme: text,
  status: text,
  startedOn: day.nullable(),
  expectedEndOn: day.nullable(),
  municipality: text,
  municipalityKey: text.nullable(),
  contacts: z.array(
    strict({
      name: text,
      role: text,
      organisation: text,
      phone: text.nullable(),
      email: text.nullable(),
      reachableText: text.nullable(),
      since: day.nullable(),
      isPrimary: z.boolean(),
    }),
  ),
});

export const planData = strict({
  employmentGoal: text,
  ownGoal: text.nullable(),
  ownGoalUpdatedAt: moment.nullable(),
  nextStep: text.nullable(),
  version: z.number().int(),
  updatedAt: moment,
  updatedByName: text.nullable(),
  lastSeenVersion: z.number().int().nullable(),
  lastSeenAt: moment.nullable(),
  subGoals: z.array(
    strict({
      title: text,
      description: text.nullable(),
      status: text,
      helperText: text.nullable(),
      dueOn: day.nullable(),
      participantStatus: text.nullable(),
      participantComment: text.nullable(),
      participantUpdatedAt: moment.nullable(),
      updates: z.array(strict({ status: text.nullable(), comment: text.nullable(), createdAt: moment })),
    }),
  ),
  activities: z.array(
    strict({
      kind: text,
      title: text,
      purpose: text,
      responsibleName: text.nullable(),
      place: text.nullable(),
      startsOn: day.nullable(),
      endsOn: day.nullable(),
      hoursPerWeek: text.nullable(),
      status: text,
    }),
  ),
  agreements: z.array(strict({ text, ownerText: text.nullable(), dueOn: day.nullable(), createdAt: moment })),
  ownGoalHistory: z.array(strict({ version: z.number().int(), text, authorRole: text, authorName: text.nullable(), createdAt: moment })),
  responses: z.array(strict({ kind: text, planVersion: z.number().int(), comment: text.nullable(), createdAt: moment })),
  /** Each earlier version as frozen then (the plan area's PlanSnapshot, app/features/plan/README.md). */
  versions: z.array(strict({ version: z.number().int(), createdAt: moment, changeSummary: text.nullable(), changedByName: text.nullable(), snapshot: z.unknown() })),
});

export const meetingsData = strict({
  meetings: z.array(
    strict({
      kind: text,
      title: text,
      purpose: text,
      startsAt: moment,
      endsAt: moment,
      mode: text,
      placeName: text.nullable(),
      address: text.nullable(),
      directions: text.nullable(),
      phoneNote: text.nullable(),
      videoNote: text.nullable(),
      bringItems: z.array(text),
      supportPersonAllowed: z.boolean(),
      afterwards: text.nullable(),
      status: text,
      attendees: z.array(strict({ name: text, roleText: text })),
      yourNotes: text.nullable(),
      yourQuestions: text.nullable(),
      yourNotesUpdatedAt: moment.nullable(),
      cannotCome: z.array(strict({ reason: text, wishForNewTime: text.nullable(), createdAt: moment })),
    }),
  ),
  calendarLinks: z.array(strict({ createdAt: moment, revokedAt: moment.nullable() })),
});

const answers = z.record(z.string(), z.unknown());

export const preparationData = strict({
  parts: z.array(
    strict({
      part: text,
      status: text,
      answers,
      updatedAt: moment,
      sharedAt: moment.nullable(),
      sharedVersion: z.number().int().nullable(),
      sharedAnswers: answers.nullable(),
    }),
  ),
  shares: z.array(strict({ part: text, version: z.number().int(), answers: answers.nullable(), sharedAt: moment, withdrawnAt: moment.nullable() })),
  remarks: z.array(strict({ part: text, body: text, createdAt: moment, includeWhenShared: z.boolean(), authorFirstName: text.nullable() })),
});

export const cvData = strict({
  profile: strict({
    summary: text.nullable(),
    address: text.nullable(),
    contactVisibility: z.record(z.string(), z.unknown()),
    updatedAt: moment,
    sharedAt: moment.nullable(),
    /** What the caseworker reads, frozen when she last shared (app/features/cv/snapshot.ts). */
    sharedCopy: z.unknown(),
  }).nullable(),
  entries: z.array(
    strict({
      kind: text,
      title: text,
      organisation: text.nullable(),
      fromText: text.nullable(),
      toText: text.nullable(),
      isOngoing: z.boolean(),
      details: text.nullable(),
      level: text.nullable(),
      category: text.nullable(),
      createdAt: moment,
      updatedAt: moment,
      deletedAt: moment.nullable(),
    }),
  ),
  workWishes: strict({
    fields: z.array(text),
    hoursPerWeek: z.number().int().nullable(),
    hoursPerWeekMax: z.number().int().nullable(),
    maxCommuteMinutes: z.number().int().nullable(),
    areas: text.nullable(),
    accommodations: text.nullable(),
    showAccommodationsOnCv: z.boolean(),
    updatedAt: moment,
  }).nullable(),
  taskSuggestions: z.array(strict({ text, createdAt: moment })),
});

export const networkData = strict({
  people: z.array(
    strict({
      name: text,
      relation: text.nullable(),
      sector: text,
      closeness: text,
      helpKinds: z.array(text),
      stance: text,
      contactFrequency: text.nullable(),
      note: text.nullable(),
      wantedAtMeeting: z.boolean(),
      createdAt: moment,
      updatedAt: moment,
    }),
  ),
  snapshots: z.array(strict({ label: text.nullable(), createdAt: moment, people: z.unknown() })),
  sharing: strict({ networkSharedAt: moment.nullable(), stanceShared: z.boolean(), cvSharedAt: moment.nullable() }),
});

const level = text.nullable();
export const progressData = strict({
  answerSets: z.array(
    strict({
      month: day,
      energy: level,
      energyNote: text.nullable(),
      sleep: level,
      sleepNote: text.nullable(),
      company: level,
      companyNote: text.nullable(),
      outdoors: level,
      outdoorsNote: text.nullable(),
      workBelief: level,
      workBeliefNote: text.nullable(),
      whatHelps: text.nullable(),
      somethingElse: text.nullable(),
      createdAt: moment,
      updatedAt: moment,
      sharedAt: moment.nullable(),
    }),
  ),
  reminderDay: z.number().int().min(1).max(28).nullable(),
  diary: z.array(strict({ day, energy: text, activities: z.array(text), note: text.nullable(), updatedAt: moment })),
  signs: strict({ warningSigns: z.array(text), strategies: z.array(text), updatedAt: moment, sharedAt: moment.nullable() }).nullable(),
});

/** Forslag til min plan (issue 22): her proposals in her words, and the answers. */
export const proposalsData = z.array(
  strict({
    kind: z.enum(["sub_goal", "activity"]),
    title: text,
    why: text.nullable(),
    when: text.nullable(),
    howMuch: text.nullable(),
    status: z.enum(["waiting", "accepted", "changed", "declined", "withdrawn"]),
    createdAt: moment,
    decidedAt: moment.nullable(),
    decidedBy: text.nullable(),
    planTitle: text.nullable(),
    planDetail: text.nullable(),
    planVersion: z.number().int().nullable(),
    declineReason: text.nullable(),
    withdrawnAt: moment.nullable(),
  }),
);

/** Referat efter samtalen (issue 22): the summaries she received, every version, and "Jeg husker det anderledes". */
export const summariesData = z.array(
  strict({
    meeting: strict({ title: text, startsAt: moment.nullable() }),
    versions: z.array(
      strict({
        version: z.number().int(),
        publishedAt: moment,
        publishedBy: text,
        correctionNote: text.nullable(),
        points: z.array(strict({ number: z.number().int(), text, planItems: z.array(text) })),
      }),
    ),
    rememberedDifferently: z.array(
      strict({
        pointNumber: z.number().int().nullable(),
        version: z.number().int().nullable(),
        text,
        writtenBy: text,
        authorRole: z.enum(["participant", "relative", "caseworker"]),
        createdAt: moment,
      }),
    ),
  }),
);

export const messagesData = strict({
  conversations: z.array(
    strict({
      topic: text,
      subject: text,
      createdAt: moment,
      lastMessageAt: moment,
      handledAt: moment.nullable(),
      callback: strict({ on: day, window: text.nullable(), phone: text.nullable() }).nullable(),
      messages: z.array(strict({ authorRole: text, authorName: text, body: text, createdAt: moment, readAt: moment.nullable() })),
      proposedTimes: z.array(strict({ startsAt: moment, endsAt: moment, status: text, createdAt: moment, answeredAt: moment.nullable() })),
    }),
  ),
  drafts: z.array(strict({ subject: text.nullable(), body: text, updatedAt: moment })),
});

const grantFields = {
  relation: text,
  scopes: z.array(text),
  mayComment: z.boolean(),
  mayWriteMessages: z.boolean(),
  bisidderMeetings: z.number().int(),
  reminderCopy: z.boolean(),
  validUntil: day,
  status: text,
  createdAt: moment,
  acceptedAt: moment.nullable(),
  endedAt: moment.nullable(),
  lastViewedAt: moment.nullable(),
};

export const relativesData = z.array(
  strict({
    ...grantFields,
    invitedName: text,
    invitedEmail: text,
    accountName: text.nullable(),
    invitationLinks: z.array(strict({ createdAt: moment, expiresAt: moment, usedAt: moment.nullable() })),
  }),
);

export const notificationSettingsData = strict({
  byEmail: z.boolean(),
  email: text.nullable(),
  bySms: z.boolean(),
  phone: text.nullable(),
  quietFrom: text,
  quietUntil: text,
  newMessages: z.boolean(),
  meetingReminderMinutes: z.array(z.number().int()),
  agreementReminders: z.boolean(),
  updatedAt: moment,
}).nullable();

/** One line of "Hvem har set mine oplysninger", in the words the page uses. */
export const accessLogData = z.array(strict({ occurredAt: moment, action: text, who: text, what: text }));

export const helpingData = z.array(strict({ helpsName: text.nullable(), ...grantFields }));
export const remarksWrittenData = z.array(
  strict({ forName: text.nullable(), part: text, body: text, createdAt: moment, includeWhenShared: z.boolean() }),
);
export const messagesWrittenData = strict({
  messages: z.array(strict({ forName: text.nullable(), subject: text, body: text, authorName: text, createdAt: moment, readAt: moment.nullable() })),
  drafts: z.array(strict({ forName: text.nullable(), subject: text.nullable(), body: text, updatedAt: moment })),
});

export const myDataExportSchema = strict({
  format: z.literal("min-vej/mine-data"),
  version: z.literal(1),
  hentet: moment,
  sprog: z.enum(["da", "en"]),
  om_filen: strict({
    titel: text,
    tekst: z.array(text).min(1),
    dele: z.array(strict({ noegle: text, navn: text, beskrivelse: text })).min(1),
  }),
  dele: strict({
    person: part(personData),
    forloeb: part(programmeData).optional(),
    plan: part(planData.nullable()).optional(),
    forslag: part(proposalsData).optional(),
    moeder: part(meetingsData).optional(),
    referater: part(summariesData).optional(),
    forberedelse: part(preparationData).optional(),
    cv: part(cvData).optional(),
    netvaerk: part(networkData).optional(),
    saadan_gaar_det: part(progressData).optional(),
    beskeder: part(messagesData).optional(),
    paaroerende: part(relativesData).optional(),
    beskedindstillinger: part(notificationSettingsData),
    hvem_har_set: part(accessLogData).optional(),
    du_hjaelper: part(helpingData).optional(),
    dine_bemaerkninger: part(remarksWrittenData).optional(),
    dine_beskeder_som_paaroerende: part(messagesWrittenData).optional(),
  }),
});

export type MyDataExport = z.infer<typeof myDataExportSchema>;

/** "Vælg, hvad du vil slette": one or more of her private things. */
export const chooseSchema = z.object({
  dele: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.enum(DELETABLE)).min(1, "delete.errors.none"),
  ),
});

/** The confirmation page's POST: the chosen parts again, and the explicit yes. */
export const confirmSchema = z.object({
  dele: z.string().max(200),
  confirm: z.literal("yes"),
});

export const REQUEST_MAX = 2000;

/** "Bed kommunen om at slette": what she wants deleted, in her own words (may be left empty). */
export const requestSchema = z.object({
  text: z.string().trim().max(REQUEST_MAX, "request.errors.tooLong").optional(),
  submissionId: z.uuid(),
});
