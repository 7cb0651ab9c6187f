// What the database says when it refuses a row, in SQLite's and PostgreSQL's words, so that a
// test of a constraint holds on both. Only the constraint's kind: a test that must know which
// index refused names it in its own expectation.

/** A unique index or primary key refused the row. */
export const UNIQUE_VIOLATION =
  /UNIQUE constraint failed|duplicate key value violates unique constraint/;

/** A foreign key points nowhere. */
export const FOREIGN_KEY_VIOLATION =
  /FOREIGN KEY constraint failed|violates foreign key constraint/;
