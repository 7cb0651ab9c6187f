import { TextAreaField, TextField, type KitField } from "./forms";

// An import's file-or-text pair (people, profiles): a file to choose, or its text pasted.
// The schema takes one of the two; the page says what the file may be.

export function FileOrTextFields({
  file,
  text,
  accept,
  rows,
}: {
  file: { field: KitField; label: string; hint: string };
  text: { field: KitField; label: string; hint: string };
  /** The file chooser's types (extensions and media types). */
  accept: string;
  /** The paste box's height. */
  rows: number;
}) {
  return (
    <>
      <TextField
        field={file.field}
        type="file"
        label={file.label}
        hint={file.hint}
        inputProps={{ accept }}
      />
      <TextAreaField
        field={text.field}
        label={text.label}
        hint={text.hint}
        textareaProps={{ rows, spellCheck: false, className: "import-text" }}
      />
    </>
  );
}
