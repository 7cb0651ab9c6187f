import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, type RefObject } from "react";
import { LOCALE_TAG } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";

/** The action's answer to a background save (the "autosave" intent). */
export type AutosaveReply = { autosave: "saved"; at: string } | { autosave: "invalid" | "closed" };

export type AutosaveStatus = "idle" | "saving" | "saved" | "failed" | "closed";

const AUTOSAVE_DELAY_MS = 1200;

/**
 * Saves the draft in the background after a pause in typing or clicking (JavaScript only):
 * the whole form, posted with the intent "autosave" to the page's own action.
 */
export function useAutosave(formRef: RefObject<HTMLFormElement | null>) {
  const fetcher = useFetcher<AutosaveReply>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const { locale } = useTranslation();

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!formRef.current) return;
      const formData = new FormData(formRef.current);
      formData.set("intent", "autosave");
      fetcher.submit(formData, { method: "post" });
    }, AUTOSAVE_DELAY_MS);
  }, [fetcher, formRef]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const cancel = useCallback(() => clearTimeout(timer.current), []);

  let status: AutosaveStatus = "idle";
  let time = "";
  const reply = fetcher.data;
  if (fetcher.state !== "idle") status = "saving";
  else if (reply?.autosave === "saved" && reply.at) {
    status = "saved";
    time = new Date(reply.at).toLocaleTimeString(LOCALE_TAG[locale], {
      hour: "2-digit",
      minute: "2-digit",
    });
  } else if (reply?.autosave === "closed") status = "closed";
  else if (reply) status = "failed";
  return { schedule, cancel, status, time };
}
