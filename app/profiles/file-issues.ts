// The problems the profile parsers find, as data: a code with its parameters, whose texts are
// `profiles.fileIssue.<code>` in app/i18n/catalogues/profile-file-issues.{nl,en}.ts. The
// preview page translates them in the reader's language; the command line reads the Dutch
// rendering, made from the same Dutch catalogue, so the two never drift.
//
// Relative imports: this module is also loaded by scripts/ through tsx, which ignores the ~/ alias.
import type { profileFileIssuesNl } from "../i18n/catalogues/profile-file-issues.nl";
import {
  isMessageKey,
  messageRef,
  translator,
  type Translate,
  type TranslateParams,
} from "../i18n/messages";

const KEY_PREFIX = "profiles.fileIssue.";

type Catalogue = typeof profileFileIssuesNl;
type KeyOf<Code extends string> = `profiles.fileIssue.${Code}`;

/** Every text of the catalogue by its code: problems, what is wrong with a field, field labels. */
export type ProfileIssueCode = {
  [Key in keyof Catalogue]: Key extends KeyOf<infer Code> ? Code : never;
}[keyof Catalogue];

/** The `{name}` placeholders of a text; `{#een-id}` is literal text, as in `translate`. */
type PlaceholdersIn<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `#${string}` ? never : Name) | PlaceholdersIn<Rest>
  : never;
type PlaceholdersOf<Text> = Text extends string
  ? PlaceholdersIn<Text>
  : Text extends { other: string }
    ? "count" | PlaceholdersIn<Text[keyof Text] & string>
    : never;

/**
 * A parameter: text from the file (a name, a line, shown as written), a number (formatted for
 * the reader's language) or a text of the catalogue (a field label, what is wrong with a field).
 */
export type ProfileIssueParam = string | number | ProfileIssueText;
export type ProfileIssueParams = Readonly<Record<string, ProfileIssueParam>>;

export interface ProfileIssueText {
  code: ProfileIssueCode;
  params: ProfileIssueParams;
}

/** The parameters a code's text asks for, by the placeholders of its Dutch text. */
export type ProfileIssueParamsOf<Code extends ProfileIssueCode> = {
  readonly [Name in PlaceholdersOf<Catalogue[KeyOf<Code>]>]: ProfileIssueParam;
};

/** A problem in a profile file, pointing at the line it is on (1-based). */
export interface ProfileFileIssue extends ProfileIssueText {
  file: string;
  line: number;
  /** The Dutch text, from the Dutch catalogue: what the command line prints. */
  message: string;
}

export function profileIssueText<Code extends ProfileIssueCode>(
  code: Code,
  params: ProfileIssueParamsOf<Code>,
): ProfileIssueText {
  return { code, params };
}

/** The text in the reader's language; a code the catalogue does not know reads as "not valid". */
export function describeProfileIssue(t: Translate, text: ProfileIssueText): string {
  const key = `${KEY_PREFIX}${text.code}`;
  if (!isMessageKey(key)) return t("form.invalidValue");
  const params: TranslateParams = {};
  for (const [name, value] of Object.entries(text.params)) {
    params[name] = typeof value === "object" ? describeProfileIssue(t, value) : value;
  }
  return t(key, params);
}

const dutch = translator("nl");

export function profileFileIssue<Code extends ProfileIssueCode>(
  file: string,
  line: number,
  code: Code,
  params: ProfileIssueParamsOf<Code>,
): ProfileFileIssue {
  return withLocation(file, line, profileIssueText(code, params));
}

export function withLocation(file: string, line: number, text: ProfileIssueText): ProfileFileIssue {
  return { file, line, ...text, message: describeProfileIssue(dutch, text) };
}

// ---------------------------------------------------------------------------------------------
// The profile's schema says what is wrong with a message reference (as every schema does, so
// a form can translate it); the parsers read such a reference back into a code and parameters.

type RefParamsOf<Code extends ProfileIssueCode> = {
  readonly [Name in keyof ProfileIssueParamsOf<Code>]: string | number;
};

export function profileIssueRef<Code extends ProfileIssueCode>(
  code: Code,
  params: RefParamsOf<Code>,
): string {
  return messageRef(`${KEY_PREFIX}${code}`, params);
}

/**
 * The text a reference made by `profileIssueRef` stands for; undefined for any other string.
 * Reads the format `messageRef` writes (app/i18n/messages.ts): "=" text, "#" a number.
 */
export function readProfileIssueRef(ref: string): ProfileIssueText | undefined {
  const separator = ref.indexOf("?");
  const key = separator === -1 ? ref : ref.slice(0, separator);
  const code = key.slice(KEY_PREFIX.length);
  if (!key.startsWith(KEY_PREFIX) || !isProfileIssueCode(code)) return undefined;
  const params: Record<string, ProfileIssueParam> = {};
  if (separator !== -1) {
    for (const [name, value] of new URLSearchParams(ref.slice(separator + 1))) {
      const content = value.slice(1);
      if (value.startsWith("=")) params[name] = content;
      else if (value.startsWith("#") && content !== "" && Number.isFinite(Number(content)))
        params[name] = Number(content);
      else return undefined;
    }
  }
  return { code, params };
}

function isProfileIssueCode(code: string): code is ProfileIssueCode {
  return isMessageKey(`${KEY_PREFIX}${code}`);
}
