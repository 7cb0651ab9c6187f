// Linear algebra for the anonymity guard. The coefficients it builds are small rationals
// (1, 1/2, 1/3 …), so a fixed tolerance separates zero from non-zero reliably.

const TOLERANCE = 1e-9;

/**
 * A basis of the null space of a matrix (rows of `columnCount` entries), given per column:
 * entry j of a column's vector is its coefficient in the j-th basis vector. A vector lies in
 * the row space exactly when it is orthogonal to every basis vector, so a combination of the
 * rows that vanishes outside a set of columns exists exactly when those columns' vectors here
 * are linearly dependent (see IndependentSet).
 */
export function nullSpaceByColumn(
  rows: readonly (readonly number[])[],
  columnCount: number,
): (column: number) => number[] {
  const matrix = rows.map((row) => row.slice(0, columnCount));
  const pivotRowOf = new Int32Array(columnCount).fill(-1);
  let rank = 0;
  for (let column = 0; column < columnCount && rank < matrix.length; column++) {
    let pivot = rank;
    for (let row = rank + 1; row < matrix.length; row++) {
      if (Math.abs(matrix[row]![column]!) > Math.abs(matrix[pivot]![column]!)) pivot = row;
    }
    if (Math.abs(matrix[pivot]![column]!) <= TOLERANCE) continue;
    [matrix[rank], matrix[pivot]] = [matrix[pivot]!, matrix[rank]!];
    const pivotRow = matrix[rank]!;
    const pivotValue = pivotRow[column]!;
    for (let c = column; c < columnCount; c++) pivotRow[c]! /= pivotValue;
    // Reduced form: clear the column above the pivot as well as below it.
    for (let row = 0; row < matrix.length; row++) {
      if (row === rank) continue;
      const current = matrix[row]!;
      const factor = current[column]!;
      if (factor === 0) continue;
      for (let c = column; c < columnCount; c++) current[c]! -= factor * pivotRow[c]!;
      current[column] = 0;
    }
    pivotRowOf[column] = rank;
    rank++;
  }
  const freeColumns: number[] = [];
  for (let c = 0; c < columnCount; c++) if (pivotRowOf[c] === -1) freeColumns.push(c);
  // Basis vector j: 1 at the j-th free column, minus that column's reduced entries at the
  // pivot columns, 0 elsewhere.
  return (column) => {
    const pivotRow = pivotRowOf[column]!;
    if (pivotRow === -1) return freeColumns.map((free) => (free === column ? 1 : 0));
    const row = matrix[pivotRow]!;
    return freeColumns.map((free) => (Math.abs(row[free]!) > TOLERANCE ? -row[free]! : 0));
  };
}

/**
 * A growing set of vectors kept in echelon form, to tell whether the vectors added so far are
 * linearly independent. `mark` and `truncate` undo additions (for a depth-first search).
 */
export class IndependentSet {
  private readonly basis: { vector: number[]; pivot: number }[] = [];

  get mark(): number {
    return this.basis.length;
  }

  truncate(mark: number): void {
    this.basis.length = mark;
  }

  /** Adds the vectors; false as soon as one of them depends on those before it. */
  addAll(vectors: readonly (readonly number[])[]): boolean {
    for (const vector of vectors) if (!this.add(vector)) return false;
    return true;
  }

  private add(input: readonly number[]): boolean {
    const vector = [...input];
    for (const { vector: base, pivot } of this.basis) {
      const factor = vector[pivot]! / base[pivot]!;
      if (factor === 0) continue;
      for (let i = 0; i < vector.length; i++) vector[i]! -= factor * base[i]!;
      vector[pivot] = 0;
    }
    let pivot = -1;
    for (let i = 0; i < vector.length; i++) {
      if (
        Math.abs(vector[i]!) > TOLERANCE &&
        (pivot < 0 || Math.abs(vector[i]!) > Math.abs(vector[pivot]!))
      )
        pivot = i;
    }
    if (pivot < 0) return false;
    this.basis.push({ vector, pivot });
    return true;
  }
}
