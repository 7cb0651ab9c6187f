import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { serializeChosenLocale } from "~/i18n/locale.server";
import { isLocale } from "~/i18n/locales";
import { safeRedirectPath } from "~/utils/redirect";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData().catch(() => null);
  const locale = form?.get("locale");
  if (!isLocale(locale)) {
    throw new Response("Onbekende taal / unknown language", { status: 400 });
  }
  return redirect(safeRedirectPath(form?.get("redirectTo")), {
    headers: { "Set-Cookie": await serializeChosenLocale(locale) },
  });
}
