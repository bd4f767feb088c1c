import { generate } from "selfsigned";
import { env, publicOrigin } from "~/lib/env.server";
import { identityProvider, samlify, serviceProvider, type ServiceProviderSettings } from "./saml.server";
import { createTestIdentityProvider, type TestIdentityProvider } from "./test-idp.server";

type ServiceProvider = ReturnType<typeof samlify.ServiceProvider>;
type IdentityProvider = ReturnType<typeof samlify.IdentityProvider>;

/** Everything one sign-in needs: our side, NemLog-in's side, and the rules that differ between them. */
export interface NemLogInSetup {
  sp: ServiceProvider;
  settings: ServiceProviderSettings;
  /** NemLog-in as read from its metadata: one entity that expects encrypted assertions, one that does not. */
  idp: { encrypted: IdentityProvider; plain: IdentityProvider; entityId: string };
  /** NemLog-in always encrypts to the key in our metadata; the test IdP may be told not to. */
  requireEncryptedAssertions: boolean;
  /** Only with NEMLOGIN_TEST_IDP=1: the in-process "Test-MitID". */
  testIdp: TestIdentityProvider | null;
}

export const SAML_PATHS = { metadata: "/saml/metadata", acs: "/saml/acs", slo: "/saml/slo", testSso: "/test-mitid", testSlo: "/test-mitid/log-ud" } as const;

/** From already-read keys and metadata: what the routes use, and what the tests build directly. */
export function setupFrom(args: {
  origin: string;
  entityId?: string;
  key: string;
  certificate: string;
  idpMetadata: string;
  requireEncryptedAssertions: boolean;
  testIdp?: TestIdentityProvider | null;
}): NemLogInSetup {
  const settings: ServiceProviderSettings = {
    entityId: args.entityId ?? `${args.origin}${SAML_PATHS.metadata}`,
    acsUrl: `${args.origin}${SAML_PATHS.acs}`,
    sloUrl: `${args.origin}${SAML_PATHS.slo}`,
    key: args.key,
    certificate: args.certificate,
  };
  const encrypted = identityProvider(args.idpMetadata);
  encrypted.entitySetting.isAssertionEncrypted = true;
  const plain = identityProvider(args.idpMetadata);
  return {
    sp: serviceProvider(settings),
    settings,
    idp: { encrypted, plain, entityId: plain.entityMeta.getEntityID() },
    requireEncryptedAssertions: args.requireEncryptedAssertions,
    testIdp: args.testIdp ?? null,
  };
}

/** A fresh RSA key and a self-signed certificate: Test-MitID's and ours with it, and the tests'. */
export async function selfSignedPair(commonName: string): Promise<{ key: string; certificate: string }> {
  const pems = await generate([{ name: "commonName", value: commonName }], { keySize: 2048, algorithm: "sha256" });
  return { key: pems.private, certificate: pems.cert };
}

/** Test-MitID's keys and ours, made once per process (not per address). */
let testKeys: Promise<[{ key: string; certificate: string }, { key: string; certificate: string }]> | undefined;

/** A few addresses at most (PUBLIC_ORIGIN, or localhost and 127.0.0.1 in a demo); never one per Host header sent. */
const MAX_ORIGINS = 4;
const setups = new Map<string, Promise<NemLogInSetup>>();

/**
 * NemLog-in as configured, for the address people use (PUBLIC_ORIGIN, else this request's), or
 * null when it is not configured.
 */
export function nemLogInSetup(request: Request): Promise<NemLogInSetup> | null {
  const configured = env.nemLogIn;
  if (!configured) return null;
  const origin = publicOrigin(request);
  let setup = setups.get(origin);
  if (!setup) {
    if (setups.size >= MAX_ORIGINS) setups.delete(setups.keys().next().value!);
    setup = (async () => {
      if (configured.kind === "nemlogin") {
        return setupFrom({
          origin,
          entityId: configured.entityId,
          key: configured.spKey!,
          certificate: configured.spCertificate!,
          idpMetadata: configured.idpMetadata!,
          requireEncryptedAssertions: true,
        });
      }
      testKeys ??= Promise.all([selfSignedPair("Min Vej (test)"), selfSignedPair("Test-MitID")]);
      const [spPair, idpPair] = await testKeys;
      const testIdp = createTestIdentityProvider({
        entityId: `${origin}${SAML_PATHS.testSso}`,
        ssoUrl: `${origin}${SAML_PATHS.testSso}`,
        sloUrl: `${origin}${SAML_PATHS.testSlo}`,
        ...idpPair,
      });
      return setupFrom({ origin, entityId: configured.entityId, ...spPair, idpMetadata: testIdp.metadata, requireEncryptedAssertions: false, testIdp });
    })();
    setups.set(origin, setup);
  }
  return setup;
}
