import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { confirmAddressChange, describeAddressChange } from "~/people/address-change.server";
import { readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("addressChange.title"));
export const headers = privatePageHeaders;

// The link comes in a mail to the address in force; opening it only shows what will change
// and a button (mail scanners follow links, they do not press buttons). The POST confirms.
export async function loader({ params }: LoaderFunctionArgs) {
  const change = await describeAddressChange(await getDb(), params.token ?? "");
  return data({ change }, { status: change ? 200 : 404 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await readFormBody(request);
  const outcome = await confirmAddressChange(await getDb(), params.token ?? "");
  switch (outcome.status) {
    case "confirmed":
      return { outcome: "confirmed" as const, newEmail: outcome.newEmail };
    case "taken":
      return data({ outcome: "taken" as const, newEmail: null }, { status: 409 });
    case "invalid":
      return data({ outcome: "invalid" as const, newEmail: null }, { status: 404 });
  }
}

export default function ConfirmAddressPage() {
  const { change } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  if (result?.outcome === "confirmed") {
    return (
      <div className="container narrow">
        <h1>{t("addressChange.done.heading")}</h1>
        <p>{t("addressChange.done.body", { email: result.newEmail ?? "" })}</p>
        <p>
          <Link className="button" to="/inloggen">
            {t("addressChange.done.signIn")}
          </Link>
        </p>
      </div>
    );
  }
  if (result?.outcome === "taken") {
    return (
      <div className="container narrow">
        <h1>{t("addressChange.taken.heading")}</h1>
        <p>{t("addressChange.taken.body")}</p>
      </div>
    );
  }
  if (!change || result?.outcome === "invalid") {
    return (
      <div className="container narrow">
        <h1>{t("addressChange.invalid.heading")}</h1>
        <p>{t("addressChange.invalid.body")}</p>
      </div>
    );
  }
  return (
    <div className="container narrow">
      <h1>{t("addressChange.heading")}</h1>
      <p>
        {t("addressChange.body", {
          name: change.firstName,
          organisation: change.organisationName,
          email: change.newEmail,
        })}
      </p>
      <p>{t("addressChange.effect")}</p>
      <Form method="post">
        <button type="submit" className="button">
          {t("addressChange.submit")}
        </button>
      </Form>
    </div>
  );
}
