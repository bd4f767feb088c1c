/**
 * The API area's public face (client-safe). Other areas import only from here or from
 * index.server.ts.
 */
export { CASE_SYSTEM_READ, CASE_SYSTEM_READS, type CaseSystemRead } from "./reads";
