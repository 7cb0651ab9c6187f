import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { loader as rootLoader } from "~/root";
import { DEFAULT_LOCALE } from "./locales";
import { translator } from "./messages";

export function useLocale() {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  return data?.locale ?? DEFAULT_LOCALE;
}

export function useTranslation() {
  const locale = useLocale();
  const t = useMemo(() => translator(locale), [locale]);
  return { locale, t };
}
