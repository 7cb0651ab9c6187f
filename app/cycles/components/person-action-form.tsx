import { Form } from "@remix-run/react";

/**
 * A one-button form that posts an intent about one person (add them, remove them). The button's
 * accessible name ends with the person's name, so a list of such buttons stays distinguishable.
 */
export function PersonActionForm({
  intent,
  idField,
  person,
  label,
  buttonClassName,
}: {
  intent: string;
  /** The field that carries the person's id. */
  idField: string;
  person: { id: string; name: string };
  label: string;
  buttonClassName: string;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={idField} value={person.id} />
      <button type="submit" className={buttonClassName}>
        {label}
        <span className="visually-hidden"> {person.name}</span>
      </button>
    </Form>
  );
}
