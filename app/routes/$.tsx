import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { notFound } from "~/utils/http-errors.server";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("error.notFound.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  throw notFound(translator(await getLocale(request)));
}

export default function NotFound() {
  return null;
}
