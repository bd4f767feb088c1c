/**
 * The network area's public face (client-safe): what other areas may use of the network map.
 * Code outside app/features/network imports only this file or ./index.server.
 */
export { MapLegend, NetworkMap } from "./NetworkMap";
export { PeopleList, PeopleTable, StanceText } from "./PeopleList";
export { CLOSENESS, HELP_KINDS, SECTORS, STANCES } from "./constants";
export type { Closeness, HelpKind, NetworkPersonView, Sector, Stance } from "./constants";
