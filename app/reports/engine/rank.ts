/**
 * The rank of a matrix (rows of equal length), by Gaussian elimination with partial
 * pivoting. The coefficients the anonymity guard builds are small rationals (1, 1/2, 1/3 …),
 * so a fixed tolerance separates zero from non-zero reliably.
 */
export function matrixRank(
  rows: readonly (readonly number[])[],
  columns: readonly number[],
): number {
  const tolerance = 1e-9;
  const matrix = rows.map((row) => columns.map((column) => row[column] ?? 0));
  let rank = 0;
  for (let column = 0; column < columns.length && rank < matrix.length; column++) {
    let pivot = rank;
    for (let row = rank + 1; row < matrix.length; row++) {
      if (Math.abs(matrix[row]![column]!) > Math.abs(matrix[pivot]![column]!)) pivot = row;
    }
    if (Math.abs(matrix[pivot]![column]!) <= tolerance) continue;
    [matrix[rank], matrix[pivot]] = [matrix[pivot]!, matrix[rank]!];
    const pivotRow = matrix[rank]!;
    const pivotValue = pivotRow[column]!;
    for (let row = rank + 1; row < matrix.length; row++) {
      const current = matrix[row]!;
      const factor = current[column]! / pivotValue;
      if (factor === 0) continue;
      for (let c = column; c < columns.length; c++) current[c]! -= factor * pivotRow[c]!;
      current[column] = 0;
    }
    rank++;
  }
  return rank;
}
