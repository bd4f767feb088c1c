// Adds a big municipality's worth of participants to a database, for `npm run bench` (issue 21):
// how the pages behave when the tables are large, not only with the six demo people.
//
//   npx tsx scripts/bench-seed.ts --database-url postgres://<owner>@host/<database>   a Postgres database
//   npx tsx scripts/bench-seed.ts --data-dir .data/bench-big                          a PGlite data folder
//
// Options: --participants (default 100000), --caseworkers (default 2000), --sara (how many of them
// the demo caseworker Sara coordinates, default 300). The database is migrated and gets the demo
// people first (if it has none); then every row is made by a handful of INSERT ... SELECT FROM
// generate_series statements, so 100,000 participants take minutes. It refuses a database that
// already has bench participants. The demo people are left as they are, so mette's and sara's
// pages can be compared on the demo data and on this data.
//
// Per participant, roughly as a year in a programme looks: 12 meetings (8 held, 4 ahead) with 2
// attendees each, a plan with 4 sub-goals, 2 activities, 2 agreements and its versions, 10 CV
// lines, 8 people on the network map, 7 preparation parts, 2 conversations of 3 messages,
// 3 ended sessions, 6 months of "Sådan går det" and 30 audit rows. Every one has a coordinating
// caseworker; a third also an earlier one, who is no longer the coordinating one.

import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase, rowsOf, type Database } from "../db/client";

function positive(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number, got "${raw}"`);
  return value;
}

/** Runs the statements of `script` one by one (PGlite takes one statement per query). */
async function runStep(database: Database, what: string, script: string, log: (message: string) => void) {
  const started = Date.now();
  for (const statement of script.split(/;\s*\n/)) {
    const text = statement.replace(/^\s*--.*$/gm, "").trim();
    if (text === "") continue;
    // The portal's connections stop a statement after 10 s; these may take minutes.
    await database.transaction(async (tx) => {
      await tx.execute(sql`set local statement_timeout = 0`);
      await tx.execute(sql.raw(text));
    });
  }
  log(`${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function count(database: Database, query: string): Promise<number> {
  const [row] = rowsOf<{ n: number | string }>(await database.execute(sql.raw(query)));
  return Number(row?.n ?? 0);
}

const FIRST_NAMES = [
  "Anne", "Bo", "Camilla", "Dennis", "Emma", "Frederik", "Gitte", "Hans", "Ida", "Jens", "Karen", "Lars", "Maria",
  "Niels", "Ole", "Pia", "Rasmus", "Sofie", "Thomas", "Ulla", "Vibeke", "William", "Yasmin", "Zainab", "Ahmed",
  "Birgitte", "Christian", "Dorte", "Erik", "Fatima", "Gustav", "Helle", "Isak", "Jette", "Kim", "Lone", "Mads",
  "Nadia", "Omar", "Peter",
];
const LAST_NAMES = [
  "Andersen", "Berg", "Christensen", "Dahl", "Eriksen", "Frandsen", "Gregersen", "Hansen", "Iversen", "Jensen",
  "Kristensen", "Larsen", "Madsen", "Nielsen", "Olsen", "Poulsen", "Rasmussen", "Sørensen", "Thomsen", "Vestergaard",
  "Ali", "Holm", "Lund", "Mortensen", "Nygaard", "Petersen", "Schmidt", "Winther", "Østergaard", "Bach",
];

const textArray = (values: string[]) => `array[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(", ")}]`;

export interface BenchDataOptions {
  participants: number;
  caseworkers: number;
  /** How many of the participants the demo caseworker Sara coordinates. */
  sara: number;
  /** Meetings per participant (default 12: two thirds held, the rest ahead). */
  meetings?: number;
  /** Audit rows per participant (default 30). */
  auditRows?: number;
  /** Progress lines; none by default. */
  log?: (message: string) => void;
}

/**
 * Adds the participants (and everything that is theirs) to a migrated database that has the demo
 * people, as its owner. Also used by the EXPLAIN test (tests/integration/hot-queries-explain.test.ts).
 */
export async function addBenchParticipants(database: Database, options: BenchDataOptions) {
  const { participants, caseworkers } = options;
  const saraCount = Math.min(participants, options.sara);
  const meetings = options.meetings ?? 12;
  const held = Math.round((meetings * 2) / 3);
  const auditRows = options.auditRows ?? 30;
  const say = options.log ?? (() => {});
  const step = (what: string, script: string) => runStep(database, what, script, say);
  {
    const existing = await count(database, "select count(*) as n from portal.persons where email like '%@bench.invalid'");
    if (existing > 0) {
      say(`this database already has ${existing} bench people: nothing added`);
      return;
    }
    const sara = await count(
      database,
      "select count(*) as n from portal.professionals pr join portal.persons pe on pe.id = pr.person_id where pe.demo_key = 'sara'",
    );
    if (sara !== 1) throw new Error("the demo caseworker sara (one professional row) is missing: is this a Min Vej database with the demo people?");

    const started = Date.now();
    say(`adding ${participants} participants, ${caseworkers} caseworkers (sara coordinates ${saraCount} more)`);
    // Unlogged helper tables, dropped at the end (temporary tables would do, but PGlite and a pool
    // may not give every statement the same session).
    await step(
      "helper tables",
      `
      drop table if exists portal.bench_seed_caseworkers, portal.bench_seed_participants;
      create unlogged table portal.bench_seed_caseworkers as
        select g as n, gen_random_uuid() as person_id, gen_random_uuid() as professional_id
        from generate_series(1, ${caseworkers}) g;
      create unlogged table portal.bench_seed_participants as
        select g as n, gen_random_uuid() as person_id, gen_random_uuid() as participant_id, gen_random_uuid() as plan_id,
          1 + (g % 4) as plan_version,
          (select pr.id from portal.professionals pr join portal.persons pe on pe.id = pr.person_id where pe.demo_key = 'sara') as sara_professional_id
        from generate_series(1, ${participants}) g;
      create index on portal.bench_seed_participants (n);
      create index on portal.bench_seed_caseworkers (n);
      `,
    );

    await step(
      "caseworkers (persons and professionals) and mentors",
      `
      insert into portal.persons (id, first_name, last_name, email, is_caseworker)
        select person_id, 'Sagsbehandler', 'nr. ' || n, 'sagsbehandler' || n || '@bench.invalid', true from portal.bench_seed_caseworkers;
      insert into portal.professionals (id, person_id, name, role, organisation, phone, email, reachable_text)
        select professional_id, person_id, 'Sagsbehandler nr. ' || n, 'koordinerende_sagsbehandler',
          case when n % 2 = 0 then 'Solbjerg Kommune' else 'Fjordby Kommune' end,
          '70' || lpad(n::text, 6, '0'), 'sagsbehandler' || n || '@bench.invalid', 'Mandag til torsdag kl. 9-15'
        from portal.bench_seed_caseworkers;
      insert into portal.professionals (name, role, organisation, phone)
        select 'Mentor nr. ' || g, 'mentor', 'Mentorhuset', '71' || lpad(g::text, 6, '0') from generate_series(1, 500) g;
      `,
    );

    await step(
      "participants (persons and participants)",
      `
      insert into portal.persons (id, first_name, last_name, email, phone, birth_date)
        select person_id, (${textArray(FIRST_NAMES)})[1 + n % ${FIRST_NAMES.length}],
          (${textArray(LAST_NAMES)})[1 + (n / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}],
          'deltager' || n || '@bench.invalid', '2' || lpad(n::text, 7, '0'), date '1965-01-01' + (n % 14000)
        from portal.bench_seed_participants;
      insert into portal.participants (id, person_id, programme, status, started_on, expected_end_on, municipality, municipality_key)
        select participant_id, person_id,
          (array['ressourceforloeb', 'jobafklaringsforloeb', 'kontaktforloeb'])[1 + n % 3]::portal.programme,
          (array['active', 'active', 'active', 'preparing', 'paused', 'ended'])[1 + n % 6]::portal.participant_status,
          current_date - (n % 900), current_date - (n % 900) + 1095,
          case when n % 2 = 0 then 'Solbjerg Kommune' else 'Fjordby Kommune' end,
          case when n % 2 = 0 then 'solbjerg' else 'fjordby' end
        from portal.bench_seed_participants;
      `,
    );

    await step(
      "contacts: the coordinating caseworker, an earlier one for a third, a mentor for half",
      `
      insert into portal.participant_contacts (participant_id, professional_id, role, is_primary, since)
        select p.participant_id, case when p.n <= ${saraCount} then p.sara_professional_id else c.professional_id end,
          'koordinerende_sagsbehandler', true, current_date - (p.n % 400)
        from portal.bench_seed_participants p join portal.bench_seed_caseworkers c on c.n = 1 + p.n % ${caseworkers};
      -- An earlier coordinating caseworker, not primary and from before: never the coordinating one.
      -- Sara is that earlier one for 100 participants, so her list must tell the two apart.
      insert into portal.participant_contacts (participant_id, professional_id, role, is_primary, since)
        select p.participant_id,
          case when p.n > ${saraCount} and p.n <= ${saraCount + 100} then p.sara_professional_id else c.professional_id end,
          'koordinerende_sagsbehandler', false, current_date - 400 - (p.n % 400)
        from portal.bench_seed_participants p join portal.bench_seed_caseworkers c on c.n = 1 + (p.n + 7) % ${caseworkers}
        where p.n % 3 = 0 or (p.n > ${saraCount} and p.n <= ${saraCount + 100});
      insert into portal.participant_contacts (participant_id, professional_id, role, is_primary, since)
        select p.participant_id, m.id, 'mentor', false, current_date - (p.n % 200)
        from portal.bench_seed_participants p
        join (select id, row_number() over (order by id) as k from portal.professionals where name like 'Mentor nr. %') m on m.k = 1 + p.n % 500
        where p.n % 2 = 0;
      `,
    );

    await step(
      "plans with sub-goals, activities, agreements, versions, a visit and a read",
      `
      insert into portal.plans (id, participant_id, employment_goal, own_goal, own_goal_updated_at, version, next_step, updated_at, updated_by_name)
        select plan_id, participant_id, 'Et job på 15 timer om ugen inden for lager og logistik',
          case when n % 2 = 0 then 'Jeg vil gerne arbejde med mine hænder igen' end,
          case when n % 2 = 0 then now() - interval '20 days' end,
          plan_version, 'Vi taler om praktik på næste møde', now() - (n % 60) * interval '1 day', 'Sagsbehandler'
        from portal.bench_seed_participants;
      insert into portal.sub_goals (plan_id, title, description, status, due_on, sort_order)
        select p.plan_id, 'Delmål ' || k, 'Et skridt på vejen mod målet',
          (array['not_started', 'in_progress', 'reached', 'paused'])[1 + (p.n + k) % 4]::portal.sub_goal_status,
          current_date + k * 30, k
        from portal.bench_seed_participants p cross join generate_series(1, 4) k;
      insert into portal.activities (plan_id, kind, title, purpose, responsible_name, starts_on, ends_on, hours_per_week, status, sort_order)
        select p.plan_id, (array['mentor', 'virksomhedspraktik'])[k]::portal.activity_kind, 'Aktivitet ' || k, 'At afprøve arbejdsopgaver',
          'Mentorhuset', current_date - 30, current_date + 60, 10, 'active', k
        from portal.bench_seed_participants p cross join generate_series(1, 2) k;
      insert into portal.agreements (plan_id, text, owner_text, due_on, sort_order)
        select p.plan_id, 'Aftale ' || k || ': ring til praktikstedet', 'Dig', current_date + 14 * k, k
        from portal.bench_seed_participants p cross join generate_series(1, 2) k;
      insert into portal.plan_versions (plan_id, version, snapshot, change_summary, changed_by_name, created_at)
        select p.plan_id, v,
          jsonb_build_object('shape', 2, 'employmentGoal', 'Et job på 15 timer om ugen inden for lager og logistik', 'ownGoal', null,
            'nextStep', null, 'subGoals', '[]'::jsonb, 'activities', '[]'::jsonb, 'agreements', '[]'::jsonb),
          'Version ' || v, 'Sagsbehandler', now() - (5 - v) * interval '30 days'
        from portal.bench_seed_participants p cross join generate_series(1, 4) v where v <= p.plan_version;
      insert into portal.plan_visits (plan_id, last_seen_version, last_seen_at)
        select plan_id, greatest(1, plan_version - n % 2), now() - interval '3 days' from portal.bench_seed_participants where n % 4 <> 0;
      insert into portal.plan_responses (plan_id, plan_version, kind, author_person_id, created_at)
        select plan_id, 1, 'read', person_id, now() - interval '100 days' from portal.bench_seed_participants;
      `,
    );

    await step(
      `meetings (${held} held, ${meetings - held} ahead) with 2 attendees each, questions for the next, a 'cannot come' now and then`,
      `
      insert into portal.appointments (participant_id, kind, title, purpose, starts_at, ends_at, mode, place_name, address, status)
        select p.participant_id,
          (array['samtale', 'mentor', 'rehabiliteringsteam', 'kursus', 'samtale', 'rundbordssamtale'])[1 + (p.n + k) % 6]::portal.appointment_kind,
          'Møde ' || k, 'Vi følger op på din plan',
          date_trunc('day', now()) + ((k - ${held}) * 21 + p.n % 14) * interval '1 day' + interval '9 hours',
          date_trunc('day', now()) + ((k - ${held}) * 21 + p.n % 14) * interval '1 day' + interval '10 hours',
          (array['in_person', 'phone', 'video'])[1 + k % 3]::portal.appointment_mode, 'Jobcentret', 'Torvet 1',
          case when k <= ${held} then 'held' else 'planned' end::portal.appointment_status
        from portal.bench_seed_participants p cross join generate_series(1, ${meetings}) k;
      insert into portal.appointment_attendees (appointment_id, name, role_text, sort_order)
        select a.id, (array['Sagsbehandler', 'Mentor'])[k], (array['Din koordinerende sagsbehandler', 'Din mentor'])[k], k
        from portal.appointments a join portal.bench_seed_participants p on p.participant_id = a.participant_id
        cross join generate_series(1, 2) k;
      insert into portal.appointment_preparations (appointment_id, questions, notes)
        select distinct on (a.participant_id) a.id, 'Hvornår kan jeg starte i praktik?', 'Husk at tage lønsedler med'
        from portal.appointments a join portal.bench_seed_participants p on p.participant_id = a.participant_id
        where a.starts_at > now() and p.n % 2 = 0 order by a.participant_id, a.starts_at;
      insert into portal.absence_notices (appointment_id, reason, wish_for_new_time)
        select distinct on (a.participant_id) a.id, 'Jeg er syg', 'En dag i næste uge'
        from portal.appointments a join portal.bench_seed_participants p on p.participant_id = a.participant_id
        where a.starts_at > now() and p.n % 10 = 0 order by a.participant_id, a.starts_at;
      `,
    );

    await step(
      "CVs (10 lines, work wishes, 3 task suggestions) and network maps (8 people; a third shared)",
      `
      insert into portal.cv_profiles (participant_id, summary)
        select participant_id, 'Jeg er mødestabil og god til at lære nyt.' from portal.bench_seed_participants;
      insert into portal.cv_entries (participant_id, kind, title, organisation, from_text, to_text, details, sort_order, category)
        select p.participant_id, (array['work', 'work', 'work', 'education', 'education', 'course', 'skill', 'skill', 'language', 'driving_licence'])[k]::portal.cv_entry_kind,
          'Linje ' || k, 'Virksomhed ' || (p.n % 1000), (2005 + k)::text, (2006 + k)::text, 'Lager, pakning og kundeservice', k,
          case when k in (7, 8) then 'professional'::portal.cv_skill_category end
        from portal.bench_seed_participants p cross join generate_series(1, 10) k;
      insert into portal.work_wishes (participant_id, fields, hours_per_week, max_commute_minutes, areas)
        select participant_id, array['Lager', 'Butik'], 15, 45, 'Solbjerg' from portal.bench_seed_participants;
      insert into portal.task_suggestions (participant_id, text, sort_order)
        select p.participant_id, 'Opgave ' || k, k from portal.bench_seed_participants p cross join generate_series(1, 3) k;
      insert into portal.network_people (participant_id, name, relation, sector, closeness, help_kinds, stance, wanted_at_meeting)
        select p.participant_id, (${textArray(FIRST_NAMES)})[1 + (p.n + k) % ${FIRST_NAMES.length}], 'Ven',
          (array['family', 'friends', 'work_school', 'professionals'])[1 + k % 4]::portal.network_sector,
          (array['close', 'middle', 'further'])[1 + k % 3]::portal.network_closeness, array['practical'], 'helps', k = 1
        from portal.bench_seed_participants p cross join generate_series(1, 8) k;
      insert into portal.share_settings (participant_id, network_shared_at, network_stance_shared)
        select participant_id, case when n % 3 = 0 then now() - interval '10 days' end, false from portal.bench_seed_participants;
      `,
    );

    await step(
      "preparation (7 parts; 2 shared for a fifth)",
      `
      insert into portal.preparation_parts (participant_id, part, answers, status, version, shared_at, shared_version, shared_answers)
        select p.participant_id, part, '{}'::jsonb,
          (array['not_started', 'in_progress', 'done'])[1 + (p.n + ordinality::int) % 3]::portal.preparation_status, 2,
          case when p.n % 5 = 0 and ordinality <= 2 then now() - interval '5 days' end,
          case when p.n % 5 = 0 and ordinality <= 2 then 2 end,
          case when p.n % 5 = 0 and ordinality <= 2 then '{"answers": {}}'::jsonb end
        from portal.bench_seed_participants p
        cross join unnest(array['education_work', 'resources', 'challenges', 'abilities', 'wishes', 'network', 'questions']::portal.preparation_part[]) with ordinality as u(part, ordinality);
      insert into portal.preparation_shares (preparation_part_id, participant_id, part, version, answers, shared_at)
        select id, participant_id, part, shared_version, shared_answers, shared_at
        from portal.preparation_parts where shared_at is not null and participant_id in (select participant_id from portal.bench_seed_participants);
      `,
    );

    await step(
      "messages (2 conversations of 3 messages) and ended sessions (3)",
      `
      insert into portal.conversations (participant_id, topic, subject, started_by_person_id, created_at, last_message_at, handled_at)
        select p.participant_id, 'general', 'Spørgsmål ' || k, p.person_id, now() - (k * 20) * interval '1 day', now() - (k * 20 - 2) * interval '1 day',
          case when k = 2 then now() - interval '30 days' end
        from portal.bench_seed_participants p cross join generate_series(1, 2) k;
      insert into portal.messages (conversation_id, author_person_id, author_role, author_name, body, created_at, read_at)
        select c.id, case when k = 2 then null else p.person_id end,
          (array['participant', 'caseworker', 'participant'])[k]::portal.author_role,
          case when k = 2 then 'Sagsbehandler' else 'Deltager' end, 'Besked nummer ' || k,
          c.created_at + (k - 1) * interval '1 day', c.created_at + k * interval '1 day'
        from portal.conversations c join portal.bench_seed_participants p on p.participant_id = c.participant_id
        cross join generate_series(1, 3) k;
      insert into portal.auth_sessions (token_hash, person_id, provider, created_at, last_seen_at, absolute_expires_at, ended_at, authenticated_at)
        select encode(sha256(convert_to('bench-session-' || p.n || '-' || k, 'UTF8')), 'hex'), p.person_id, 'nemlogin',
          now() - (k * 7) * interval '1 day', now() - (k * 7) * interval '1 day' + interval '20 minutes',
          now() - (k * 7) * interval '1 day' + interval '8 hours', now() - (k * 7) * interval '1 day' + interval '25 minutes',
          now() - (k * 7) * interval '1 day'
        from portal.bench_seed_participants p cross join generate_series(1, 3) k;
      `,
    );

    await step(
      "Sådan går det (6 months)",
      `
      insert into portal.progress_answer_sets (participant_id, month, energy, sleep, what_helps)
        select p.participant_id, (date_trunc('month', now()) - k * interval '1 month')::date,
          (array['hard', 'mixed', 'fairly_good'])[1 + (p.n + k) % 3]::portal.progress_level, 'mixed', 'At gå ture'
        from portal.bench_seed_participants p cross join generate_series(1, 6) k;
      `,
    );

    await step(
      `audit rows (${auditRows} per participant; the caseworker's reads among them)`,
      `
      insert into portal.audit_events (occurred_at, actor_person_id, participant_id, action, details)
        select now() - k * interval '12 hours',
          case when k % 5 = 0 then c.person_id else p.person_id end, p.participant_id,
          (array['session.signed_in', 'plan.viewed', 'caseworker.briefing_viewed', 'appointment.preparation_saved', 'cv.entry_saved', 'caseworker.list_viewed'])[1 + k % 6],
          '{}'::jsonb
        from portal.bench_seed_participants p join portal.bench_seed_caseworkers c on c.n = 1 + p.n % ${caseworkers}
        cross join generate_series(1, ${auditRows}) k;
      `,
    );

    await step("drop the helper tables", "drop table portal.bench_seed_caseworkers, portal.bench_seed_participants");
    await step("analyze (the planner's statistics)", "analyze");
    say(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}

async function main() {
  const { values: options } = parseArgs({
    options: {
      "database-url": { type: "string" },
      "data-dir": { type: "string" },
      participants: { type: "string", default: "100000" },
      caseworkers: { type: "string", default: "2000" },
      sara: { type: "string", default: "300" },
    },
  });
  const databaseUrl = options["database-url"];
  const dataDir = options["data-dir"];
  if (!databaseUrl === !dataDir) {
    console.error("Give exactly one of --database-url (Postgres, as the schema owner) or --data-dir (PGlite).");
    process.exitCode = 2;
    return;
  }
  const handle = await openDatabase(databaseUrl ? { url: databaseUrl, ownerUrl: databaseUrl, seedWhenEmpty: true } : { dataDir: dataDir!, seedWhenEmpty: true });
  try {
    await addBenchParticipants(handle.db, {
      participants: positive("participants", options.participants),
      caseworkers: positive("caseworkers", options.caseworkers),
      sara: positive("sara", options.sara),
      log: (message) => process.stderr.write(`[bench-seed] ${message}\n`),
    });
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await main();
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
    process.stderr.write(`[bench-seed] FAILED: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}${cause}\n`);
    process.exitCode = 1;
  }
}
