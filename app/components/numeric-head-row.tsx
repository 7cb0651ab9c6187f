import type { ReactNode } from "react";

/**
 * The header row of a table of figures: the column that names each row, then the figure
 * columns, right-aligned like their numbers. Any other columns follow as children.
 */
export function NumericHeadRow({
  label,
  numeric,
  children,
}: {
  label: ReactNode;
  numeric: readonly ReactNode[];
  children?: ReactNode;
}) {
  return (
    <tr>
      <th scope="col">{label}</th>
      {numeric.map((heading, index) => (
        // The columns are fixed for the table's life, so their place is a stable key.
        <th key={index} scope="col" className="numeric">
          {heading}
        </th>
      ))}
      {children}
    </tr>
  );
}
