/**
 * The plan area's public face (client-safe): the pieces of the plan other areas show (a
 * relative's view of the plan, the overview's plan card). Code outside app/features/plan imports
 * only this file or ./index.server.
 */
export {
  ActivityDetails,
  AgreementsSection,
  ContactsSection,
  OwnGoalText,
  SubGoalDetails,
} from "./PlanParts";
export { PlanNewsCard } from "./PlanNewsCard";
export type { PlanNews, PlanView } from "./view";
