// readCsv(path): a CSV file as a polars DataFrame. polars' readCSV takes a path or the CSV text
// itself, so a path that does not exist is parsed as text ("unable to find column" on a frame with
// the path as its header). Here a path is a path: a missing one is a DataError naming it.
import { statSync } from "node:fs";
import { resolve } from "node:path";
import * as pl from "nodejs-polars";
import { DataError } from "../errors";

export function readCsv(path: string, options?: Partial<pl.ReadCsvOptions>): pl.DataFrame {
  let file = false;
  try {
    file = statSync(path).isFile();
  } catch {
    throw new DataError(`${path}: no such file (looked for ${resolve(path)}; expected a CSV file)`);
  }
  if (!file) throw new DataError(`${path}: not a file (expected a CSV file)`);
  return pl.readCSV(path, options);
}
