import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { setNonce } from "get-nonce";
import { loadBundle } from "./lib/i18n/bundles";

// Radix's scroll lock adds a <style> element at run time; give it this page's CSP nonce.
const nonce = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce;
if (nonce) setNonce(nonce);

function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  });
}

// The page's translations come from their own cached address (root.tsx). Hydrating without them
// would replace the words with their keys; if they cannot be had, the page stays as the server
// sent it, and every page works without JavaScript.
const translations = document.getElementById("translations");
if (translations instanceof HTMLLinkElement && translations.dataset.language) {
  loadBundle(translations.dataset.language, translations.href).then(hydrate, (error: unknown) => {
    console.error("Min Vej: the translations could not be loaded; the page works without JavaScript.", error);
  });
} else {
  hydrate();
}
