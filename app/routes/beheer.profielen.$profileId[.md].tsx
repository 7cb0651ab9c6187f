import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { markdownResponse, profileMarkdown } from "~/profiles/library-pages.server";
import { notFound } from "~/utils/http-errors.server";

// /beheer/profielen/<id>.md[?versie=<n>]: a version of the organisation's profile in Rondom's
// Markdown format (the current one unless `versie` names another), to keep, edit and import
// again. HR of the organisation only; another organisation's profile is a 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const version = new URL(request.url).searchParams.get("versie");
  const file = await profileMarkdown(
    await getDb(),
    user.organisationId,
    params.profileId ?? "",
    version,
  );
  if (!file) throw notFound(translator(await getLocale(request)));
  return markdownResponse(file.markdown, file.fileName);
}
