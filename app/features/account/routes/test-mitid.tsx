import { data } from "react-router";
import type { Route } from "./+types/test-mitid";
import { nemLogInSetup } from "../nemlogin/setup.server";
import { testCitizens } from "../nemlogin/test-idp.server";
import { TestMitIdAnswer, TestMitIdPage } from "../nemlogin/TestMitIdPage";
import { notFound } from "~/lib/auth.server";

/** The test IdP, only when NEMLOGIN_TEST_IDP=1: never NemLog-in's place in production. */
async function testIdpOf(request: Request) {
  const setup = await nemLogInSetup(request);
  if (!setup?.testIdp) throw notFound();
  return { setup, testIdp: setup.testIdp };
}

/** The signed request Min Vej sent, verified as NemLog-in would; a bad one is refused. */
async function readRequest(request: Request, search: string) {
  const { setup, testIdp } = await testIdpOf(request);
  const url = new URL(`${new URL(request.url).origin}/test-mitid${search.startsWith("?") ? search : ""}`);
  try {
    return { setup, testIdp, authnRequest: await testIdp.readAuthnRequest(setup.sp, url) };
  } catch {
    throw data(null, { status: 400 });
  }
}

export async function loader({ request }: Route.LoaderArgs) {
  const search = new URL(request.url).search;
  await readRequest(request, search);
  return {
    request: search,
    citizens: testCitizens().map((citizen) => ({ key: citizen.key, name: `${citizen.firstName} ${citizen.lastName}`, role: citizen.role })),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const { setup, testIdp, authnRequest } = await readRequest(request, String(form.get("request") ?? ""));
  const citizen = testCitizens().find((candidate) => candidate.key === form.get("citizen")) ?? testCitizens()[0];
  const cancelled = form.get("answer") === "cancel";
  const samlResponse = await testIdp.loginResponse(setup.sp, authnRequest, citizen, {
    assuranceLevel: String(form.get("level") ?? "Substantial"),
    ...(cancelled ? { status: "urn:oasis:names:tc:SAML:2.0:status:Responder", encrypt: false } : {}),
  });
  return { acsUrl: authnRequest.acsUrl, samlResponse };
}

export default function TestMitId({ loaderData, actionData }: Route.ComponentProps) {
  return actionData ? <TestMitIdAnswer acsUrl={actionData.acsUrl} samlResponse={actionData.samlResponse} /> : <TestMitIdPage choice={loaderData} />;
}
