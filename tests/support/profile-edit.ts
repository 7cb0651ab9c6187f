import type { ProfileEditInput } from "~/profiles/edit-schema";
import type { Fields } from "./requests";

/**
 * The profile editor's values as the browser posts them: every element's hidden key and
 * fields in order, a ticked checkbox as "on", an unticked one and empty fields absent.
 */
export function editFormFields(values: ProfileEditInput, extra: Fields = []): Fields {
  const fields: Fields = [];
  const add = (name: string, value: unknown) => {
    if (value === undefined || value === false || value === "") return;
    fields.push([name, value === true ? "on" : String(value)]);
  };
  add("baseVersion", values.baseVersion);
  add("name", values.name);
  add("description", values.description);
  values.clusters?.forEach((cluster, c) => {
    add(`clusters[${c}].key`, cluster.key);
    add(`clusters[${c}].name`, cluster.name);
    cluster.competencies?.forEach((competency, k) => {
      const path = `clusters[${c}].competencies[${k}]`;
      add(`${path}.key`, competency.key);
      add(`${path}.name`, competency.name);
      add(`${path}.description`, competency.description);
      add(`${path}.organisationWide`, competency.organisationWide);
      competency.indicators?.forEach((indicator, i) => {
        add(`${path}.indicators[${i}].key`, indicator.key);
        add(`${path}.indicators[${i}].text`, indicator.text);
      });
    });
  });
  return [...fields, ...extra];
}
