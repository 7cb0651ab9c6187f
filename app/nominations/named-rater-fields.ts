import { z } from "~/utils/zod";
import { messageRef, type MessageKey } from "~/i18n/messages";
import { plainTextField } from "~/utils/plain-text";

/** What each page calls the problems of a rater's name and address. */
export interface NamedRaterMessages {
  nameRequired: MessageKey;
  nameTooLong: MessageKey;
  nameNotText: MessageKey;
  emailRequired: MessageKey;
  emailInvalid: MessageKey;
}

/**
 * The fields of a rater named by hand (see NamedRaterForm): a name and any address, also
 * outside the organisation. Each page has its own messages and longest name.
 */
export function namedRaterFields(messages: NamedRaterMessages, nameMax: number) {
  const emailRequired = messageRef(messages.emailRequired);
  const emailInvalid = messageRef(messages.emailInvalid);
  return {
    name: plainTextField(
      {
        required: messageRef(messages.nameRequired),
        tooLong: messageRef(messages.nameTooLong),
        notText: messageRef(messages.nameNotText),
      },
      { max: nameMax },
    ),
    email: z
      .string({ error: emailRequired })
      .trim()
      .min(1, { error: emailRequired })
      .max(254, { error: emailInvalid })
      .pipe(z.email({ error: emailInvalid })),
  };
}
