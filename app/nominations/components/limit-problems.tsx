import { useTranslation } from "~/i18n/use-translation";
import type { LimitProblem } from "../limits";
import { problemMessage } from "../messages";

export function LimitProblems({ problems, id }: { problems: LimitProblem[]; id?: string }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="limit-problems">
      {problems.map((problem) => (
        <li key={problem.group}>{problemMessage(t, problem)}</li>
      ))}
    </ul>
  );
}
