/**
 * The content area's public face (client-safe). Other areas import only from here: which page
 * explains a programme word, and where a content page lives.
 */
export { explanationFor, glossaryHref, hrefFor } from "./catalogue";
export { isScriptFree, noJavaScript } from "./handle";
