import { getFormProps, getInputProps, type FieldMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { createContext, useCallback, useContext, useEffect, useRef, type ReactNode } from "react";
import {
  ErrorSummary,
  TextAreaField,
  TextField,
  useKitForm,
  type FormResult,
  type SummaryField,
} from "~/components/forms";
import type { Translate } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { translateErrors } from "~/components/forms";
import { EDIT_LIMITS, profileEditSchema, type ProfileEditInput } from "../edit-schema";
import { EditReview, type EditReviewData } from "./edit-review";

// The profile editor: the whole profile as one form. Moving, adding and removing elements
// are Conform's list buttons: with JavaScript they act in the browser, without it they post
// the form and the server answers with the list changed (nothing is saved by them).
// "Review changes" shows what the edit changes; only then can it be saved.

type Fields<T> = { [K in keyof T]-?: FieldMetadata<T[K], Record<string, unknown>, string[]> };
type EditFields = Fields<ProfileEditInput>;
type ClusterInput = NonNullable<ProfileEditInput["clusters"]>[number];
type CompetencyInput = NonNullable<ClusterInput["competencies"]>[number];
type IndicatorInput = NonNullable<CompetencyInput["indicators"]>[number];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, string[]>;

/** What "add a competency" (and a new cluster's first competency) starts with. */
const NEW_COMPETENCY = {
  name: "",
  description: "",
  indicators: [{ text: "" }],
} satisfies CompetencyInput;

export const PROFILE_EDIT_FORM_ID = "profile-edit";

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/**
 * A list button's name for a screen reader: the visible word with what it acts on
 * ("Omhoog: gedragsindicator 2 van …"), so that twenty "Omhoog" buttons can be told apart.
 * It starts with the visible word, so speech input finds it by that word too.
 */
function labelled(action: string, context: string, separator = ": ") {
  return { "aria-label": `${action}${separator}${context}`, children: action };
}

/**
 * Where focus goes after a list button acted (with JavaScript, the list changes in place and
 * the button pressed may be gone): the same button on the element that moved, so it can be
 * pressed again; the neighbour of a removed element; the first field of an added one.
 */
const FocusAfterChange = createContext<(id: string) => void>(() => {});

function useFocusAfterChange() {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    const id = pending.current;
    if (!id) return;
    const element = document.getElementById(id);
    if (element) {
      pending.current = null;
      element.focus();
    }
  });
  return useCallback((id: string) => {
    pending.current = id;
  }, []);
}

/** The id of an element's field or list button ("…-clusters[0].competencies[2].name"). */
function elementId(formId: string, listName: string, index: number, part: string) {
  return `${formId}-${listName}[${index}]${part}`;
}

interface ListButtonsProps {
  form: ReturnType<typeof useKitForm<typeof profileEditSchema>>[0];
  listName: string;
  index: number;
  count: number;
  context: string;
  /** The element's first field ("name", "text"): focus lands there after a removal. */
  firstField: string;
}

/** Up, down and remove for one element of a list. */
function ListButtons({ form, listName, index, count, context, firstField }: ListButtonsProps) {
  const { t } = useTranslation();
  const focusAfterChange = useContext(FocusAfterChange);
  const id = (at: number, part: string) => elementId(form.id, listName, at, part);
  // The moved element's button in the same direction, or the other one at the end of the list.
  const upTarget = index - 1 > 0 ? id(index - 1, "-up") : id(index - 1, "-down");
  const downTarget = index + 1 < count - 1 ? id(index + 1, "-down") : id(index + 1, "-up");
  return (
    <div className="edit-buttons">
      {index > 0 ? (
        <button
          className="button button--secondary button--small"
          id={id(index, "-up")}
          {...form.reorder.getButtonProps({ name: listName, from: index, to: index - 1 })}
          {...labelled(t("profiles.edit.moveUp"), context)}
          onClick={() => focusAfterChange(upTarget)}
        />
      ) : null}
      {index < count - 1 ? (
        <button
          className="button button--secondary button--small"
          id={id(index, "-down")}
          {...form.reorder.getButtonProps({ name: listName, from: index, to: index + 1 })}
          {...labelled(t("profiles.edit.moveDown"), context)}
          onClick={() => focusAfterChange(downTarget)}
        />
      ) : null}
      <button
        className="button button--secondary button--small"
        id={id(index, "-remove")}
        {...form.remove.getButtonProps({ name: listName, index })}
        {...labelled(t("profiles.edit.remove"), context)}
        onClick={() => focusAfterChange(id(Math.max(0, index - 1), `.${firstField}`))}
      />
    </div>
  );
}

/** Adds an element at the end of a list; focus goes to its first field. */
function AddButton({
  form,
  listName,
  count,
  firstField,
  defaultValue,
  label,
  className = "button button--secondary button--small",
}: {
  form: ListButtonsProps["form"];
  listName: string;
  count: number;
  firstField: string;
  defaultValue: Record<string, unknown>;
  label: { "aria-label"?: string; children: string };
  className?: string;
}) {
  const focusAfterChange = useContext(FocusAfterChange);
  return (
    <button
      className={className}
      // The list's name is only known at run time, so Conform cannot type its items.
      {...form.insert.getButtonProps({ name: listName, defaultValue: defaultValue as never })}
      {...label}
      onClick={() => focusAfterChange(elementId(form.id, listName, count, `.${firstField}`))}
    />
  );
}

/** The name and description of the profile or of a competency. */
function NameAndDescription(props: {
  name: AnyField;
  nameLabel: string;
  nameMax: number;
  description: AnyField;
  descriptionLabel: string;
}) {
  return (
    <>
      <TextField
        field={props.name}
        label={props.nameLabel}
        inputProps={{ maxLength: props.nameMax }}
      />
      <TextAreaField
        field={props.description}
        label={props.descriptionLabel}
        textareaProps={{ rows: 3, maxLength: EDIT_LIMITS.description }}
      />
    </>
  );
}

function HiddenKey({ field }: { field: AnyField }) {
  return <input {...getInputProps(field, { type: "hidden" })} key={field.key} />;
}

/** Every problem of the form for the summary, each linking to its field or group. */
function problemsOf(t: Translate, fields: EditFields): SummaryField[] {
  const problems: SummaryField[] = [];
  const add = (field: AnyField, label: string) => {
    if (field.errors?.length) problems.push({ id: field.id, label, errors: field.errors });
  };
  add(fields.name, t("profiles.edit.profileName"));
  add(fields.description, t("profiles.edit.profileDescription"));
  add(fields.clusters, t("profiles.diff.clusters"));
  fields.clusters.getFieldList().forEach((clusterField, c) => {
    const cluster = clusterField.getFieldset();
    const clusterLabel = t("profiles.edit.cluster", { number: c + 1 });
    add(cluster.name, `${clusterLabel}, ${t("profiles.edit.clusterName")}`);
    add(cluster.competencies, clusterLabel);
    cluster.competencies.getFieldList().forEach((competencyField) => {
      const competency = competencyField.getFieldset();
      const name = text(competency.name.value) || t("profiles.edit.unnamed");
      add(competency.name, `${name}, ${t("profiles.edit.competencyName")}`);
      add(competency.description, `${name}, ${t("profiles.edit.competencyDescription")}`);
      add(competency.indicators, t("profiles.edit.indicators", { name }));
      competency.indicators.getFieldList().forEach((indicatorField, i) => {
        add(
          indicatorField.getFieldset().text,
          `${name}, ${t("profiles.edit.indicator", { number: i + 1 })}`,
        );
      });
    });
  });
  return problems;
}

/** A list's own error (too few, too many), on the group it belongs to. */
function ListError({ field }: { field: AnyField }) {
  const { t } = useTranslation();
  const texts = translateErrors(t, field.errors);
  if (texts.length === 0) return null;
  return (
    <p className="field-error" id={field.errorId}>
      {texts.join(" ")}
    </p>
  );
}

function IndicatorFields({
  form,
  competency,
  competencyName,
}: {
  form: ListButtonsProps["form"];
  competency: ReturnType<FieldMetadata<CompetencyInput>["getFieldset"]>;
  competencyName: string;
}) {
  const { t } = useTranslation();
  const indicators = competency.indicators.getFieldList();
  return (
    <fieldset className="edit-indicators" id={competency.indicators.id} tabIndex={-1}>
      <legend>{t("profiles.edit.indicators", { name: competencyName })}</legend>
      <ListError field={competency.indicators} />
      <ol>
        {indicators.map((indicatorField, i) => {
          const indicator = indicatorField.getFieldset();
          return (
            <li key={indicatorField.key}>
              <HiddenKey field={indicator.key} />
              <TextAreaField
                field={indicator.text}
                label={t("profiles.edit.indicator", { number: i + 1 })}
                textareaProps={{ rows: 2, maxLength: EDIT_LIMITS.indicator }}
              />
              <ListButtons
                form={form}
                listName={competency.indicators.name}
                firstField="text"
                index={i}
                count={indicators.length}
                context={t("profiles.edit.ofIndicator", { number: i + 1, name: competencyName })}
              />
            </li>
          );
        })}
      </ol>
      <AddButton
        form={form}
        listName={competency.indicators.name}
        count={indicators.length}
        firstField="text"
        defaultValue={{ text: "" } satisfies IndicatorInput}
        label={labelled(
          t("profiles.edit.addIndicator"),
          t("profiles.edit.addIndicatorTo", { name: competencyName }),
          " ",
        )}
      />
    </fieldset>
  );
}

function CompetencyFields({
  form,
  field,
  number,
  sharedWith,
  buttons,
}: {
  form: ListButtonsProps["form"];
  field: FieldMetadata<CompetencyInput>;
  number: number;
  sharedWith: number;
  buttons: ReactNode;
}) {
  const { t } = useTranslation();
  const competency = field.getFieldset();
  const name = text(competency.name.value) || t("profiles.edit.unnamed");
  const isNew = !text(competency.key.initialValue);
  const organisationWide = competency.organisationWide as AnyField;
  return (
    <fieldset className="edit-competency">
      <legend>
        {isNew
          ? t("profiles.edit.newCompetency", { number })
          : t("profiles.edit.competency", { number, name })}
      </legend>
      <HiddenKey field={competency.key} />
      {sharedWith > 0 ? (
        <p className="hint">{t("profiles.edit.sharedHint", { count: sharedWith })}</p>
      ) : null}
      <NameAndDescription
        name={competency.name}
        nameLabel={t("profiles.edit.competencyName")}
        nameMax={EDIT_LIMITS.competencyName}
        description={competency.description}
        descriptionLabel={t("profiles.edit.competencyDescription")}
      />
      <div className="text-field">
        <label className="checkbox">
          <input
            {...getInputProps(organisationWide, { type: "checkbox" })}
            key={organisationWide.key}
            aria-describedby={`${organisationWide.id}-hint`}
          />
          {t("profiles.edit.organisationWide")}
        </label>
        <p className="hint" id={`${organisationWide.id}-hint`}>
          {t("profiles.edit.organisationWideHint")}
        </p>
      </div>
      <IndicatorFields form={form} competency={competency} competencyName={name} />
      {buttons}
    </fieldset>
  );
}

export interface ProfileEditFormProps {
  values: ProfileEditInput;
  version: number;
  /** How many other current profiles hold each competency (by key). */
  sharedCounts: Record<string, number>;
  lastResult?: FormResult | null;
  review?: EditReviewData | null;
}

export function ProfileEditForm({
  values,
  version,
  sharedCounts,
  lastResult,
  review,
}: ProfileEditFormProps) {
  const { t } = useTranslation();
  const [form, fields] = useKitForm({
    id: PROFILE_EDIT_FORM_ID,
    schema: profileEditSchema,
    lastResult,
    defaultValue: values,
  });
  const editFields = fields as unknown as EditFields;
  const clusters = editFields.clusters.getFieldList();
  const focusAfterChange = useFocusAfterChange();
  return (
    <FocusAfterChange.Provider value={focusAfterChange}>
      <Form method="post" {...getFormProps(form)} className="profile-edit">
        <ErrorSummary
          id={`${form.id}-errors`}
          listId={form.errorId}
          formErrors={form.errors}
          fields={problemsOf(t, editFields)}
          lastResult={lastResult}
          attempt={form.attempt}
        />
        {review ? <EditReview review={review} version={version} /> : null}
        {/* The first submit button of the form is what Enter in a field presses: reviewing
          (or, right after a review, saving what was reviewed), never a list button. */}
        <p className="actions">
          <button type="submit" name="intent" value="review" className="button">
            {t("profiles.edit.review")}
          </button>
        </p>
        <HiddenKey field={editFields.baseVersion} />
        <NameAndDescription
          name={editFields.name}
          nameLabel={t("profiles.edit.profileName")}
          nameMax={EDIT_LIMITS.profileName}
          description={editFields.description}
          descriptionLabel={t("profiles.edit.profileDescription")}
        />
        <ListError field={editFields.clusters} />
        {clusters.map((clusterField, c) => {
          const cluster = clusterField.getFieldset();
          const clusterName = text(cluster.name.value) || t("profiles.edit.unnamed");
          const competencies = cluster.competencies.getFieldList();
          return (
            <fieldset className="edit-cluster" key={clusterField.key}>
              <legend>
                <span className="edit-cluster__number">
                  {t("profiles.edit.cluster", { number: c + 1 })}
                </span>{" "}
                {clusterName}
              </legend>
              <HiddenKey field={cluster.key} />
              <TextField
                field={cluster.name}
                label={t("profiles.edit.clusterName")}
                inputProps={{ maxLength: EDIT_LIMITS.clusterName }}
              />
              <div id={cluster.competencies.id} tabIndex={-1}>
                <ListError field={cluster.competencies} />
              </div>
              {competencies.map((competencyField, k) => (
                <CompetencyFields
                  key={competencyField.key}
                  form={form}
                  field={competencyField}
                  number={k + 1}
                  sharedWith={
                    sharedCounts[text(competencyField.getFieldset().key.initialValue)] ?? 0
                  }
                  buttons={
                    <ListButtons
                      form={form}
                      listName={cluster.competencies.name}
                      firstField="name"
                      index={k}
                      count={competencies.length}
                      context={t("profiles.edit.ofCompetency", {
                        name:
                          text(competencyField.getFieldset().name.value) ||
                          t("profiles.edit.unnamed"),
                      })}
                    />
                  }
                />
              ))}
              <p>
                <AddButton
                  form={form}
                  listName={cluster.competencies.name}
                  count={competencies.length}
                  firstField="name"
                  defaultValue={NEW_COMPETENCY}
                  label={labelled(
                    t("profiles.edit.addCompetency"),
                    t("profiles.edit.addCompetencyTo", { name: clusterName }),
                    " ",
                  )}
                />
              </p>
              <ListButtons
                form={form}
                listName={editFields.clusters.name}
                firstField="name"
                index={c}
                count={clusters.length}
                context={t("profiles.edit.ofCluster", { name: clusterName })}
              />
            </fieldset>
          );
        })}
        <p>
          <AddButton
            form={form}
            listName={editFields.clusters.name}
            count={clusters.length}
            firstField="name"
            defaultValue={
              {
                name: "",
                competencies: [NEW_COMPETENCY],
              } satisfies ClusterInput
            }
            label={{ children: t("profiles.edit.addCluster") }}
            className="button button--secondary"
          />
        </p>
        <p className="actions">
          <button type="submit" name="intent" value="review" className="button">
            {t("profiles.edit.review")}
          </button>
        </p>
      </Form>
    </FocusAfterChange.Provider>
  );
}
