import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { RadioGroup, useKitForm, type FormResult, type KitField } from "~/components/forms";
import { relationshipLabel } from "~/i18n/labels";
import { useTranslation } from "~/i18n/use-translation";
import { DirectorySearch } from "~/nominations/components/directory-search";
import { NamedRaterForm } from "~/nominations/components/named-rater-form";
import { SEARCH_PARAM } from "~/nominations/paths";
import type { LateRaterGroup } from "../late-rater-rules";
import { addExternalSchema, addPersonSchema, RATER_NAME_MAX } from "../late-rater-schema";
import type { ParticipantPageActionData } from "../participant-page-actions.server";
import type { LateRaterCandidate, LateRaterSearch } from "../rater-search.server";

// HR adds a rater while the round collects answers: a colleague found in the directory, or
// someone by name and address. The same search and address form as the nomination pages;
// here a form picks the person and the group, since HR may add anyone in any of the
// round's groups.

/**
 * The id of the page's error summary's list after a refused post of one of these forms (each
 * form's id is its intent): what the form's aria-describedby names once it has errors of its own.
 */
export function refusedFormListId(
  lastAction: Pick<ParticipantPageActionData, "intent"> | undefined,
): string | undefined {
  return lastAction ? `${lastAction.intent}-error` : undefined;
}

export function AddLateRater({
  groups,
  search,
  pagePath,
  lastAction,
}: {
  groups: LateRaterGroup[];
  search: LateRaterSearch;
  /** The page without its search: the address form posts there. */
  pagePath: string;
  lastAction: ParticipantPageActionData | undefined;
}) {
  const { t } = useTranslation();
  const lastResultOf = (intent: string) =>
    lastAction?.intent === intent ? lastAction.result : undefined;
  return (
    <section aria-labelledby="add-title">
      <h2 id="add-title">{t("invitations.participant.add.title")}</h2>
      <p>{t("invitations.participant.add.intro")}</p>
      <DirectorySearch
        id="add-person-search"
        headingLevel={3}
        title={t("invitations.participant.add.person.title")}
        label={t("invitations.participant.add.search.label")}
        search={search}
        results={(candidates) => (
          <PersonForm
            candidates={candidates}
            groups={groups}
            // The search stays when the form is refused, so the choice can be made again.
            action={`${pagePath}?${new URLSearchParams({ [SEARCH_PARAM]: search.query }).toString()}`}
            lastResult={lastResultOf("add-person")}
          />
        )}
      />
      <NamedRaterForm
        id="add-external"
        intent="add-external"
        headingLevel={3}
        title={t("invitations.participant.add.external.title")}
        labels={{
          name: t("invitations.participant.add.external.name"),
          email: t("invitations.participant.add.external.email"),
          submit: t("invitations.participant.add.submit"),
        }}
        schema={addExternalSchema}
        nameMaxLength={RATER_NAME_MAX}
        lastResult={lastResultOf("add-external")}
        defaultValue={{ relationship: "customer" }}
        action={pagePath}
        moreFields={(fields) => <GroupChoice field={fields.relationship} groups={groups} />}
      />
    </section>
  );
}

/** One of the people found, and the group they rate in. */
function PersonForm({
  candidates,
  groups,
  action,
  lastResult,
}: {
  candidates: LateRaterCandidate[];
  groups: LateRaterGroup[];
  action: string;
  lastResult: FormResult | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useKitForm({
    id: "add-person",
    schema: addPersonSchema,
    lastResult,
    defaultValue: { relationship: "colleague" },
  });
  return (
    <Form method="post" action={action} {...getFormProps(form)}>
      <input type="hidden" name="intent" value="add-person" />
      <RadioGroup
        field={fields.personId}
        legend={t("invitations.participant.add.person.legend")}
        choices={candidates.map((candidate) => ({
          value: candidate.id,
          disabled: candidate.unavailable !== null,
          label: (
            <span>
              {candidate.name}
              {candidate.teamName ? ` (${candidate.teamName})` : ""}
              {candidate.unavailable ? (
                <span className="muted">
                  {" "}
                  –{" "}
                  {t(
                    candidate.unavailable === "participant"
                      ? "invitations.participant.add.person.isParticipant"
                      : "invitations.participant.add.person.alreadyInvited",
                  )}
                </span>
              ) : null}
            </span>
          ),
        }))}
      />
      <GroupChoice field={fields.relationship} groups={groups} />
      <div className="form-actions">
        <button type="submit" className="button">
          {t("invitations.participant.add.submit")}
        </button>
      </div>
    </Form>
  );
}

/** The group a late rater joins. */
function GroupChoice({ field, groups }: { field: KitField | undefined; groups: LateRaterGroup[] }) {
  const { t } = useTranslation();
  if (!field) return null;
  return (
    <RadioGroup
      field={field}
      legend={t("invitations.participant.add.group.legend")}
      choices={groups.map((group) => ({ value: group, label: t(relationshipLabel[group]) }))}
    />
  );
}
