import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { RadioGroup } from "~/components/form/Field";
import { PageTitle } from "~/components/layout/PageTitle";

export interface TestMitIdChoice {
  request: string;
  citizens: { key: string; name: string; role: string }[];
}

/**
 * Test-MitID: the demo's stand-in for NemLog-in. Says plainly that it is not MitID, lets the
 * visitor choose a fictitious person and an assurance level, or cancel.
 */
export function TestMitIdPage({ choice }: { choice: TestMitIdChoice }) {
  const { t } = useTranslation("account");
  return (
    <>
      <PageTitle title={t("testMitid.title")} />
      <h1 tabIndex={-1}>{t("testMitid.title")}</h1>
      <div className="notice notice--warning">
        <p>{t("testMitid.notReal")}</p>
      </div>
      <Form method="post">
        <input type="hidden" name="request" value={choice.request} />
        <RadioGroup
          name="citizen"
          legend={t("testMitid.who")}
          defaultValue={choice.citizens[0]?.key}
          options={choice.citizens.map((citizen) => ({ value: citizen.key, label: citizen.name, hint: t(`testMitid.roles.${citizen.role}`) }))}
        />
        <RadioGroup
          name="level"
          legend={t("testMitid.level")}
          hint={t("testMitid.levelHint")}
          defaultValue="Substantial"
          options={["Substantial", "High", "Low"].map((level) => ({ value: level, label: t(`testMitid.levels.${level}`) }))}
        />
        <div className="button-group">
          <button type="submit" name="answer" value="sign_in" className="button">
            {t("testMitid.signIn")}
          </button>
          <button type="submit" name="answer" value="cancel" className="button button--secondary">
            {t("testMitid.cancel")}
          </button>
        </div>
      </Form>
    </>
  );
}

/** After the choice: the answer goes back to Min Vej with the person's own click (no script needed). */
export function TestMitIdAnswer({ acsUrl, samlResponse }: { acsUrl: string; samlResponse: string }) {
  const { t } = useTranslation("account");
  return (
    <>
      <PageTitle title={t("testMitid.doneTitle")} />
      <h1 tabIndex={-1}>{t("testMitid.doneTitle")}</h1>
      <p className="lead">{t("testMitid.doneText")}</p>
      <form method="post" action={acsUrl}>
        <input type="hidden" name="SAMLResponse" value={samlResponse} />
        <button type="submit" className="button">
          {t("testMitid.continue")}
        </button>
      </form>
    </>
  );
}
