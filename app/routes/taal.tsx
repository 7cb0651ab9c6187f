import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getLocale, serializeChosenLocale } from "~/i18n/locale.server";
import { isLocale } from "~/i18n/locales";
import { translator } from "~/i18n/messages";
import { readFormBody } from "~/utils/form-body.server";
import { badRequest } from "~/utils/http-errors.server";
import { safeRedirectPath } from "~/utils/redirect";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  // The default cap (64 KB) holds the longest page address the server accepts, encoded.
  const form = await readFormBody(request);
  const locale = form.get("locale");
  if (!isLocale(locale)) {
    throw badRequest(translator(await getLocale(request)), "layout.language.unknown");
  }
  return redirect(safeRedirectPath(form.get("redirectTo")), {
    headers: { "Set-Cookie": await serializeChosenLocale(locale) },
  });
}
