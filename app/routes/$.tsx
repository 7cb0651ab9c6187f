import type { MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("error.notFound.title"));

export async function loader() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
