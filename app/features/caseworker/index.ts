/**
 * The caseworker area's public face (client-safe). Other areas import only from here or from
 * index.server.ts.
 */
export { DisclosureLists } from "./Disclosure";
