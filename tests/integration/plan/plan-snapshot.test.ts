import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { ChangeList } from "~/features/plan/PlanParts";
import { diffSnapshots, jobcentreChanges, parseSnapshot, type PlanChange, type PlanSnapshot } from "~/features/plan/snapshot";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";

// Pure functions: what changed between two versions of a plan, in both snapshot shapes.

const shape1 = parseSnapshot({
  employmentGoal: "Job i en butik",
  ownGoal: "Ud af døren",
  subGoals: [
    { title: "Morgenrytme", status: "in_progress" },
    { title: "Energi", status: "not_started" },
  ],
  activities: [{ title: "Mentor", status: "active" }],
});

describe("reading snapshots", () => {
  it("accepts the seed's first shape and drops what it does not know", () => {
    const parsed = parseSnapshot({
      employmentGoal: "Mål",
      subGoals: [{ title: "A", status: "failed", secret: 1 }, { status: "reached" }, "junk"],
      activities: "not a list",
    });
    expect(parsed).toEqual({ employmentGoal: "Mål", subGoals: [{ title: "A" }] });
    expect(parseSnapshot(null)).toEqual({});
    expect(parseSnapshot([1, 2])).toEqual({});
  });
});

describe("what changed", () => {
  it("matches items by title when the older version has no ids, and compares only what both recorded", () => {
    const newer: PlanSnapshot = {
      shape: 2,
      employmentGoal: "Job i en butik",
      ownGoal: "Ud af døren, og bidrage",
      nextStep: "Tal med Sara",
      subGoals: [
        { id: "g1", title: "Morgenrytme", status: "reached", helperText: "Lars ringer" },
        { id: "g2", title: "Energi", status: "not_started", dueOn: "2026-12-01" },
        { id: "g3", title: "Praktik", status: "not_started" },
      ],
      activities: [],
      agreements: [
        { id: "a1", text: "Gammel aftale", createdAt: "2026-01-01T10:00:00.000Z" },
        { id: "a2", text: "Ny aftale", createdAt: "2026-03-01T10:00:00.000Z" },
      ],
    };
    const changes = diffSnapshots(shape1, newer, new Date("2026-02-01T10:00:00Z"));
    expect(changes).toEqual([
      { area: "ownGoal", kind: "changed", from: "Ud af døren", to: "Ud af døren, og bidrage" },
      { area: "subGoal", kind: "changed", id: "g1", label: "Morgenrytme", statusFrom: "in_progress", statusTo: "reached" },
      { area: "subGoal", kind: "added", id: "g3", label: "Praktik" },
      { area: "activity", kind: "removed", label: "Mentor" },
      // The older version did not record agreements: those made after it was saved are new.
      { area: "agreement", kind: "added", id: "a2", label: "Ny aftale" },
    ]);
    // The participant's own goal is theirs: not counted as a change by the jobcentre.
    expect(jobcentreChanges(changes).map((change) => change.area)).not.toContain("ownGoal");
  });

  it("matches by id across a renamed item, and reports text changes with before and after", () => {
    const older: PlanSnapshot = {
      shape: 2,
      employmentGoal: "A",
      nextStep: null,
      subGoals: [{ id: "g1", title: "Gammel titel", status: "in_progress" }],
      agreements: [{ id: "a1", text: "Ring til Sara", ownerText: "Du", dueOn: "2026-03-01" }],
    };
    const newer: PlanSnapshot = {
      shape: 2,
      employmentGoal: "B",
      nextStep: "Næste skridt",
      subGoals: [{ id: "g1", title: "Ny titel", status: "in_progress" }],
      agreements: [{ id: "a1", text: "Ring til Sara", ownerText: "Du", dueOn: "2026-03-08" }],
    };
    expect(diffSnapshots(older, newer)).toEqual([
      { area: "employmentGoal", kind: "changed", from: "A", to: "B" },
      { area: "nextStep", kind: "changed", from: null, to: "Næste skridt" },
      { area: "subGoal", kind: "changed", id: "g1", label: "Ny titel" },
      { area: "agreement", kind: "changed", id: "a1", label: "Ring til Sara" },
    ]);
    expect(diffSnapshots(newer, newer)).toEqual([]);
  });
});

describe("the change list reads as sentences (issue 14, point 14)", () => {
  const render = (language: "da" | "en", changes: PlanChange[]) =>
    renderToString(
      createElement(I18nextProvider, { i18n: createI18n(language, resources[language] as never) }, createElement(ChangeList, { changes })),
    ).replace(/<!-- -->/g, "");
  const changes: PlanChange[] = [
    { area: "subGoal", kind: "changed", id: "s1", label: "Morgenrytme", statusFrom: "in_progress", statusTo: "reached" },
    { area: "activity", kind: "changed", id: "a1", label: "Mentor" },
    { area: "agreement", kind: "removed", label: "Ring til Sara." },
    { area: "subGoal", kind: "added", id: "s2", label: "Energi" },
  ];

  it("in Danish: the title inside the sentence, not run into the next one", () => {
    const html = render("da", changes);
    expect(html).toContain('<li>Delmålet »<span lang="da">Morgenrytme</span>« har skiftet status fra »I gang« til »Nået«.</li>');
    expect(html).toContain('<li>Indsatsen »<span lang="da">Mentor</span>« er ændret.</li>');
    expect(html).toContain('<li>En aftale er taget ud af planen. Der stod: <span lang="da">Ring til Sara.</span></li>');
    expect(html).toContain('<li>Nyt delmål: <span lang="da">Energi</span></li>');
  });

  it("in English", () => {
    const html = render("en", changes);
    expect(html).toContain('<li>The sub-goal “<span lang="da">Morgenrytme</span>” changed status from “In progress” to “Reached”.</li>');
    expect(html).toContain('<li>The activity “<span lang="da">Mentor</span>” has changed.</li>');
  });
});
