import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { notFound } from "~/utils/http-errors.server";
import { getDb } from "~/db.server";
import { mailTextParts, type MailTextPart } from "~/email/mail-text-links";
import { listOutbox, outboxScope } from "~/email/outbox-page.server";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { formatMoment } from "~/utils/dates";
import { appUrl } from "~/utils/env.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("outbox.title"));
export const headers = privatePageHeaders;

// Demo and development only: without a mail server, this is where mail can be read.
export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const scope = await outboxScope(db);
  if (!scope) throw notFound();
  const to = new URL(request.url).searchParams.get("aan")?.slice(0, 254) ?? "";
  // The links are found here: the page gets each mail's text in parts, not the app's origin
  // (which the page does not show).
  const appOrigin = new URL(appUrl()).origin;
  const emails = (await listOutbox(db, scope, { to })).map((email) => ({
    ...email,
    textParts: email.text === null ? null : mailTextParts(email.text, appOrigin),
  }));
  return { to, emails };
}

/** Mail text with the app's own links clickable (as paths on this site); the rest is text. */
function TextWithLinks({ parts }: { parts: MailTextPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.kind === "link" ? (
          <a key={index} href={part.href}>
            {part.text}
          </a>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}

export default function OutboxPage() {
  const { to, emails } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  return (
    <div className="container">
      <h1>{t("outbox.heading")}</h1>
      <p>{t("outbox.intro")}</p>
      <Form method="get" className="filter-form">
        <label htmlFor="outbox-to">{t("outbox.filter.label")}</label>
        <input id="outbox-to" type="email" name="aan" defaultValue={to} autoComplete="off" />
        <button type="submit" className="button button--secondary">
          {t("outbox.filter.submit")}
        </button>
        {to ? <Link to="/postvak-uit">{t("outbox.filter.clear")}</Link> : null}
      </Form>
      {emails.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <>
          <p className="muted">{t("outbox.showing", { count: emails.length })}</p>
          <ol className="mail-list">
            {emails.map((email) => (
              <li key={email.id} className="mail">
                <article aria-labelledby={`mail-${email.id}`}>
                  <h2 id={`mail-${email.id}`} className="mail__subject">
                    {email.subject}
                  </h2>
                  <dl className="mail__meta">
                    <div>
                      <dt>{t("outbox.to")}</dt>
                      <dd>{email.toName ? `${email.toName} <${email.to}>` : email.to}</dd>
                    </div>
                    <div>
                      <dt>{t("outbox.sentAt")}</dt>
                      <dd>
                        <time dateTime={email.createdAt}>
                          {formatMoment(email.createdAt, locale)}
                        </time>
                      </dd>
                    </div>
                    <div>
                      <dt>{t("outbox.status")}</dt>
                      <dd>{t(`outbox.status.${email.status}` as MessageKey)}</dd>
                    </div>
                  </dl>
                  {email.textParts === null ? (
                    <p className="mail__body">{t("outbox.notSent")}</p>
                  ) : (
                    <pre className="mail__body">
                      <TextWithLinks parts={email.textParts} />
                    </pre>
                  )}
                </article>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
