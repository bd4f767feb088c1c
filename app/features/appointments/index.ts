/**
 * The appointments area's public face (client-safe): the meeting pieces other areas show
 * (preparation, relatives). Code outside app/features/appointments imports only this file or
 * ./index.server.
 */
export {
  AppointmentHeading,
  AppointmentPlace,
  AppointmentTime,
  DayAndTimes,
  JOBCENTRE_LANGUAGE,
  StatusTags,
  UrgentContact,
  useFormatWhen,
} from "./components";
export { AppointmentDetails, KindExplanation, RehabGuide, type OtherReaderWords } from "./details";
export type {
  AbsenceNotice,
  Appointment,
  AppointmentKind,
  AppointmentListItem,
  AppointmentMode,
  AppointmentStatus,
  Contact,
  Preparation,
} from "./queries.server";
