// The plain version of loadUsers (load-users.ts), kept as code: a loop over the rows, each value
// read by the packed reader's own rules (parseValue). It makes a JS array and a string per value, so
// it is the slow way; the tests take it as the oracle of the fast path, and `npm run bench -- loaders`
// times the two on the full-size database.
import { DataError } from "../../errors";
import { parseValue } from "./packed";
import { PACKED } from "./scan";
import { TABLE } from "./schema";
import { checkedDatabase, usersFrom, type Users } from "./load-users";

/** Loads the users row by row; the same Users, and the same checks, as loadUsers. */
export function loadUsersPlain(path: string): Users {
  const { db, tableColumns } = checkedDatabase(path);
  try {
    const rows = db.prepare(`SELECT ${PACKED.map(([c]) => c).join(", ")} FROM "${TABLE}" ORDER BY rowid`).safeIntegers(true).raw().all() as unknown[][];
    if (rows.length === 0) throw new DataError(`${path}: table "${TABLE}" is empty (expected one row per user)`);
    const targets = PACKED.map(() => new Float64Array(rows.length));
    rows.forEach((row, r) => {
      PACKED.forEach(([column, kind, expected], i) => {
        const v = row[i];
        const text = v === null ? undefined : v instanceof Uint8Array ? undefined : Buffer.from(String(v));
        const value = v === null ? (kind === "optional" ? NaN : undefined) : text === undefined ? undefined : parseValue(kind, text, 0, text.length);
        if (value === undefined) throw new DataError(`${path}: table "${TABLE}", row ${r + 1}: ${column} is ${v === null ? "NULL" : String(v)}; expected ${expected}`);
        targets[i]![r] = value;
      });
    });
    return usersFrom(path, tableColumns, targets, rows.length);
  } finally {
    db.close();
  }
}

