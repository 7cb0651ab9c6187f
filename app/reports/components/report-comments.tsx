import { Fragment } from "react";
import { commentAuthorLabel } from "~/i18n/labels";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import type { ShownComment } from "../report-content";
import type { ReportPageView } from "../report-view";

/**
 * The comments of one question, each with its writer's group where the report may say it.
 * While too few answered (`shown` is false) only the participant's own comments are there.
 */
export function Comments({
  comments,
  k,
  shown,
}: {
  comments: ShownComment[];
  k: number;
  shown: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {!shown ? <p className="hint">{t("report.comments.hidden", { k })}</p> : null}
      {comments.length === 0 ? (
        shown ? (
          <p>{t("report.comments.none")}</p>
        ) : null
      ) : (
        <ul className="comment-list">
          {comments.map((comment, index) => (
            <li key={index}>
              <blockquote>{comment.text}</blockquote>
              {comment.group ? (
                <p className="comment-list__by">— {t(commentAuthorLabel[comment.group])}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The answers to the general questions at the end of the questionnaire. */
export function GeneralComments({ content }: { content: ReportPageView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="general-title">
      <h2 id="general-title">{t("report.general.title")}</h2>
      {content.generalComments.map((block) => (
        <Fragment key={block.question}>
          <h3>{t(`report.general.${block.question}` as MessageKey)}</h3>
          <Comments comments={block.comments} k={content.k} shown={content.commentsShown} />
        </Fragment>
      ))}
    </section>
  );
}
