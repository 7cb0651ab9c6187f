import { translateMessageRef } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import type { LimitProblem } from "../limits";
import { problemRef } from "../messages";

export function LimitProblems({ problems, id }: { problems: LimitProblem[]; id?: string }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="limit-problems">
      {problems.map((problem) => (
        <li key={problem.group}>{translateMessageRef(t, problemRef(problem))}</li>
      ))}
    </ul>
  );
}
