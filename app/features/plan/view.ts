import type { ActivityKind, ActivityStatus, PlanChange, SubGoalStatus } from "./snapshot";

/** Everything the plan pages (screen, print, PDF) show. Built by page.server.ts. */
export interface PlanView {
  version: number;
  updatedAt: Date;
  updatedByName: string | null;
  employmentGoal: string;
  nextStep: string | null;
  ownGoal: {
    text: string | null;
    version: number;
    updatedAt: Date | null;
    /** Who wrote the current text: you, someone named, or unknown (written before history was kept). */
    author: { kind: "you" } | { kind: "other"; name: string | null };
  };
  subGoals: {
    id: string;
    title: string;
    description: string | null;
    status: SubGoalStatus;
    helperText: string | null;
    dueOn: string | null;
    participantStatus: SubGoalStatus | null;
    participantComment: string | null;
    participantUpdatedAt: Date | null;
    /** Set when the item came from her own proposal (app/features/proposals): "Foreslået af dig". */
    proposalId?: string | null;
  }[];
  activities: {
    id: string;
    kind: ActivityKind;
    title: string;
    purpose: string;
    responsibleName: string | null;
    place: string | null;
    startsOn: string | null;
    endsOn: string | null;
    hoursPerWeek: string | null;
    status: ActivityStatus;
    /** Set when the item came from her own proposal: "Foreslået af dig". */
    proposalId?: string | null;
  }[];
  agreements: { id: string; text: string; ownerText: string | null; dueOn: string | null }[];
  contacts: {
    id: string;
    name: string;
    role: "koordinerende_sagsbehandler" | "forberedende_sagsbehandler" | "mentor" | "virksomhedskonsulent" | "sundhedskoordinator" | "other";
    organisation: string;
    phone: string | null;
    email: string | null;
    reachableText: string | null;
  }[];
  nextConversation: { id: string; title: string; startsAt: Date; endsAt: Date } | null;
  lastRead: { planVersion: number; createdAt: Date } | null;
  questions: { id: string; planVersion: number; comment: string; createdAt: Date }[];
}

/** "Nyt siden sidst": what the jobcentre changed since the version the participant had seen. */
export interface PlanNewsView {
  sinceVersion: number;
  changedByName: string | null;
  /** null: the older version was never frozen, so the details are unknown. */
  changes: PlanChange[] | null;
  /** Ids (or, for items without one, titles) of items to mark "Nyt". */
  newItems: string[];
  employmentGoalChanged: boolean;
  nextStepChanged: boolean;
}

/** /min-plan: the plan, what changed since the participant last marked it as read, and how often each sub-goal was marked. */
export interface PlanPageView {
  view: PlanView;
  news: PlanNewsView | null;
  markCounts: Record<string, number>;
}

/** One version in the list of earlier versions. */
export interface VersionListItem {
  version: number;
  changedByName: string | null;
  changeSummary: string | null;
  createdAt: Date;
  isFirst: boolean;
  /** null: the version before it was never frozen, so what changed is unknown. */
  changes: PlanChange[] | null;
}

/** For the overview: has the jobcentre changed the plan since the participant last marked it as read? */
export type PlanNews =
  | { state: "no-plan" }
  | { state: "never-seen" }
  | { state: "up-to-date" }
  | { state: "changed"; count: number };
