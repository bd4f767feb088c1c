/**
 * The appointments area's server face: reads of the meetings other areas (preparation,
 * relatives, plan, overview) may use. Code outside app/features/appointments imports only this
 * file or ./index.
 */
export {
  findNextAppointment,
  nextAppointmentPiece,
  nextAppointmentStartPiece,
  findOwnAppointment,
  getAppointmentPage,
  isAppointmentId,
  listPastAppointments,
  listUpcomingAppointments,
  practicalDetails,
} from "./queries.server";
export { listBisidderCandidates, listMeetingsById } from "./queries.server";
export { createCalendarFeed, moveToAgreedTime, recordAbsenceNotice, revokeCalendarFeed } from "./commands.server";
export { countMeetingNotes, deleteMeetingNotes, exportAppointmentsFor, type AppointmentsExport } from "./my-data.server";
// The municipality's case system books, moves and cancels meetings (the API, issue 20).
export {
  cancelMeeting,
  createMeeting,
  findAbsenceNotice,
  moveMeeting,
  readMeeting,
  type CaseSystemMeeting,
  type ChangeMeetingResult,
  type MeetingInput,
  type MeetingPlace,
  type MeetingWriter,
} from "./case-system.server";
