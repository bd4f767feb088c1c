/**
 * The network area's server face: reads and changes other areas (relatives, caseworker,
 * preparation) may use. Code outside app/features/network imports only this file or ./index.
 */
export { getShareState, getSharedNetwork, listPeople, listPeopleForMeeting, type ShareState } from "./queries.server";
export { setSharing } from "./commands.server";
export { sortPeople } from "./constants";
export { countNetwork, deleteNetwork, exportNetworkFor, type NetworkExport } from "./my-data.server";
