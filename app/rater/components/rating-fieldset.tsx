import { describedBy, ErrorList } from "~/components/forms";
import { NOT_APPLICABLE } from "../questionnaire";

interface RatingFieldsetProps {
  name: string;
  idPrefix: string;
  legend: string;
  scale: { value: number; label: string }[];
  notApplicableLabel: string;
  defaultValue: string | undefined;
  /** Message references (Conform's errors of the field). */
  errors: string[] | undefined;
  errorId: string;
  /** Language of the indicator text (the profile's). */
  lang: string;
  /** Language of the scale labels (Rondom's own scale follows the page). */
  scaleLang: string;
}

/** One behavioural indicator: a radio group with the scale's labels and "not able to judge". */
export function RatingFieldset(props: RatingFieldsetProps) {
  const { name, idPrefix, legend, scale, notApplicableLabel, defaultValue, errors, errorId } =
    props;
  const invalid = Boolean(errors?.length);
  return (
    <fieldset
      className={invalid ? "rating rating--invalid" : "rating"}
      aria-describedby={describedBy(null, errorId, errors)}
    >
      <legend className="rating__legend" lang={props.lang}>
        {legend}
      </legend>
      <ErrorList id={errorId} errors={errors} />
      <div className="rating__choices">
        {scale.map((point) => (
          <label key={point.value} className="choice" htmlFor={`${idPrefix}-${point.value}`}>
            <input
              type="radio"
              id={`${idPrefix}-${point.value}`}
              name={name}
              value={String(point.value)}
              defaultChecked={defaultValue === String(point.value)}
            />
            <span className="choice__value">{point.value}</span>
            <span className="choice__label" lang={props.scaleLang}>
              {point.label}
            </span>
          </label>
        ))}
        <label className="choice choice--na" htmlFor={`${idPrefix}-${NOT_APPLICABLE}`}>
          <input
            type="radio"
            id={`${idPrefix}-${NOT_APPLICABLE}`}
            name={name}
            value={NOT_APPLICABLE}
            defaultChecked={defaultValue === NOT_APPLICABLE}
          />
          <span className="choice__label" lang={props.scaleLang}>
            {notApplicableLabel}
          </span>
        </label>
      </div>
    </fieldset>
  );
}
