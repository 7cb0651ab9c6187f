import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { notFound } from "~/utils/http-errors.server";
import { completeSignIn } from "~/auth/sign-in.server";
import { getDb } from "~/db.server";
import { demoOrganisationId } from "~/demo/demo-mode.server";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";

// One-click sign-in as a demo person: exists only in demo mode, only for the demo's people.
export async function loader() {
  if (!(await demoOrganisationId(await getDb()))) throw notFound();
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const db = await getDb();
  const organisationId = await demoOrganisationId(db);
  if (!organisationId) throw notFound();
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => name === "personId");
  const person = await db
    .selectFrom("person")
    .select(["id", "organisation_id"])
    .where("id", "=", String(body.get("personId") ?? ""))
    .where("organisation_id", "=", organisationId)
    .where("is_active", "=", 1)
    .executeTakeFirst();
  if (!person) throw notFound();
  const headers = await completeSignIn(
    db,
    request,
    { personId: person.id, organisationId: person.organisation_id },
    "demo",
  );
  return redirect("/mijn", { headers });
}
