// What pandas' df.info() shows — columns, types, non-null counts, memory — for the frame the
// loader built, plus the table's columns that were not read.
import * as pl from "nodejs-polars";
import { frameColumns, type Users } from "./load-users";

const BYTES: Record<string, number> = { Int8: 1, UInt8: 1, Int16: 2, UInt16: 2, Int32: 4, UInt32: 4, Float32: 4, Int64: 8, UInt64: 8, Float64: 8, Datetime: 8, Date: 4, Bool: 1 / 8 };

/**
 * One row per column of the table: its declared type, whether it was read, and for those read their
 * type, non-null count and memory; a last row totals the memory.
 */
export function info(users: Users): pl.DataFrame {
  const read = frameColumns(users);
  const rows = users.tableColumns.map(({ name, type }): { name: string; type: string; loaded: string; nonNull: number | null; bytes: number | null } => {
    const column = read.find((c) => c.name === name);
    if (!column) return { name, type: type || "(none)", loaded: "not read", nonNull: null, bytes: null };
    const width = BYTES[column.dtype.variant] ?? 8;
    const { length, missing } = column;
    // Values plus, when there are nulls, a validity bit per row.
    const bytes = Math.ceil(length * width + (missing > 0 ? length / 8 : 0));
    return { name, type: type || "(none)", loaded: String(column.dtype).replace(/^DataType\((.*)\)$/, "$1"), nonNull: length - missing, bytes };
  });
  rows.push({ name: "(all read)", type: "", loaded: "", nonNull: null, bytes: rows.reduce((a, r) => a + (r.bytes ?? 0), 0) });
  return pl.DataFrame({
    column: rows.map((r) => r.name),
    declared: rows.map((r) => r.type),
    loaded_as: rows.map((r) => r.loaded),
    non_null: pl.Series("non_null", rows.map((r) => r.nonNull), pl.Int64),
    bytes: pl.Series("bytes", rows.map((r) => r.bytes), pl.Int64),
  });
}
