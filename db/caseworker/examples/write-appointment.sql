-- How the jobcentre's case system books a meeting, as `jobcentre_writer`:
--
--   psql "postgres://jobcentre_writer@<host>/<db>" -v participant_id=<uuid> -f write-appointment.sql
--
-- One transaction: the meeting and who comes. The participant sees it on /moeder at once
-- (and in their calendar feed); their notes, questions and "Jeg kan ikke komme" live in
-- tables this role cannot write.
BEGIN;

WITH booked AS (
  INSERT INTO portal.appointments (
    participant_id, kind, title, purpose, starts_at, ends_at, mode,
    place_name, address, directions, bring_items, support_person_allowed, afterwards
  )
  VALUES (
    :'participant_id',
    'samtale',
    'Opfølgende samtale om praktikken',
    'Vi taler om, hvordan de første uger i praktikken er gået, og hvad der skal ske nu.',
    date_trunc('day', now() AT TIME ZONE 'Europe/Copenhagen') AT TIME ZONE 'Europe/Copenhagen' + interval '9 days 10 hours',
    date_trunc('day', now() AT TIME ZONE 'Europe/Copenhagen') AT TIME ZONE 'Europe/Copenhagen' + interval '9 days 11 hours',
    'in_person',
    'Jobcenter Solbjerg',
    'Rådhusvej 12, 4999 Solbjerg',
    'Bussen holder ved Rådhuspladsen. Spørg i receptionen i stueetagen.',
    ARRAY['Dit sygesikringskort', 'Dine noter fra praktikken, hvis du har nogen'],
    true,
    'Du får et referat i Min Vej inden for en uge.'
  )
  RETURNING id
)
INSERT INTO portal.appointment_attendees (appointment_id, name, role_text, sort_order)
SELECT id, attendee.name, attendee.role_text, attendee.sort_order
FROM booked,
  (VALUES ('Sara Nielsen', 'Din koordinerende sagsbehandler', 0),
          ('Lars Mikkelsen', 'Din mentor', 1)) AS attendee (name, role_text, sort_order);

COMMIT;
