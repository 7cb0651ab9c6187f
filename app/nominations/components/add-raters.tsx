import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import type { NominationSide } from "../candidate-rules";
import type { NominationActionData } from "../form-actions.server";
import { CUSTOMER_NAME_MAX, proposalSchema, reviewSchema } from "../nomination-forms";
import type { NominationPageView } from "../page-data.server";
import { DirectorySearch, PeopleList } from "./directory-search";
import { NamedRaterForm } from "./named-rater-form";

// The ways to add a rater, the same on both pages: search the directory (colleague or internal
// customer), pick a direct report, name a customer. The participant proposes, the lead adds.

interface ButtonText {
  intent: string;
  label: MessageKey;
  accessibleName: MessageKey;
}

const SIDES = {
  participant: {
    searchTitle: "nominations.search.title",
    colleague: {
      intent: "propose-colleague",
      label: "nominations.search.proposeColleague",
      accessibleName: "nominations.search.proposeColleagueName",
    },
    internalCustomer: {
      intent: "propose-internal-customer",
      label: "nominations.search.proposeCustomer",
      accessibleName: "nominations.search.proposeCustomerName",
    },
    report: {
      intent: "propose-report",
      label: "nominations.reports.propose",
      accessibleName: "nominations.reports.proposeName",
    },
    customer: {
      intent: "propose-customer",
      title: "nominations.customer.title",
      submit: "nominations.customer.submit",
      schema: proposalSchema,
    },
  },
  lead: {
    searchTitle: "nominations.review.addTitle",
    colleague: {
      intent: "add-colleague",
      label: "nominations.search.addColleague",
      accessibleName: "nominations.search.addColleagueName",
    },
    internalCustomer: {
      intent: "add-internal-customer",
      label: "nominations.search.addCustomer",
      accessibleName: "nominations.search.addCustomerName",
    },
    report: {
      intent: "add-report",
      label: "nominations.reports.add",
      accessibleName: "nominations.reports.addName",
    },
    customer: {
      intent: "add-customer",
      title: "nominations.review.addCustomerTitle",
      submit: "nominations.review.addCustomerSubmit",
      schema: reviewSchema,
    },
  },
} as const satisfies Record<
  NominationSide,
  {
    searchTitle: MessageKey;
    colleague: ButtonText;
    internalCustomer: ButtonText;
    report: ButtonText;
    customer: {
      intent: "propose-customer" | "add-customer";
      title: MessageKey;
      submit: MessageKey;
      schema: typeof proposalSchema | typeof reviewSchema;
    };
  }
>;

const CUSTOMER_FORM_ID = "klant";

/**
 * The id of the page's error summary's list after a refused post of the customer form: what
 * the form's aria-describedby names once it has errors of its own.
 */
export function refusedFormListId(
  side: NominationSide,
  lastAction: Pick<NominationActionData, "intent"> | undefined,
): string | undefined {
  return lastAction?.intent === SIDES[side].customer.intent
    ? `${CUSTOMER_FORM_ID}-error`
    : undefined;
}

export function AddRaters({
  side,
  view,
  lastAction,
}: {
  side: NominationSide;
  view: Pick<NominationPageView, "search" | "directReports">;
  /** The answer to the last post, if any: the customer form shows it when it was its own. */
  lastAction: NominationActionData | undefined;
}) {
  const { t } = useTranslation();
  const texts = SIDES[side];
  const action = (button: ButtonText) => ({
    intent: button.intent,
    label: t(button.label),
    accessibleName: (name: string) => t(button.accessibleName, { name }),
  });
  return (
    <>
      <DirectorySearch
        id="zoeken"
        title={t(texts.searchTitle)}
        label={t("nominations.search.label")}
        hint={t("nominations.search.hint")}
        search={view.search}
        results={(people, labelledBy) => (
          <PeopleList
            people={people}
            labelledBy={labelledBy}
            actions={[
              action(texts.colleague),
              { ...action(texts.internalCustomer), secondary: true },
            ]}
          />
        )}
      />
      {view.directReports ? (
        <section aria-labelledby="medewerkers-title">
          <h2 id="medewerkers-title">{t("nominations.reports.title")}</h2>
          <p>{t("nominations.reports.intro")}</p>
          {view.directReports.length === 0 ? (
            <p>{t("nominations.reports.none")}</p>
          ) : (
            <PeopleList
              people={view.directReports}
              labelledBy="medewerkers-title"
              actions={[action(texts.report)]}
            />
          )}
        </section>
      ) : null}
      <NamedRaterForm
        id={CUSTOMER_FORM_ID}
        intent={texts.customer.intent}
        title={t(texts.customer.title)}
        intro={t("nominations.customer.intro")}
        labels={{
          name: t("nominations.customer.name"),
          email: t("nominations.customer.email"),
          submit: t(texts.customer.submit),
        }}
        schema={texts.customer.schema}
        nameMaxLength={CUSTOMER_NAME_MAX}
        lastResult={lastAction?.intent === texts.customer.intent ? lastAction.result : undefined}
      />
    </>
  );
}
