// Writes simulated users as the dataset's `user` table, with its conventions: the text 'null'
// for a missing inviter, Twitter or Instagram handle; SQL NULL for a missing photo; times as
// `2020-03-17T07:51:28.085566+00:00` (no fraction when the microseconds are 0, as Python prints).
// Written beside the target and renamed over it, so a reader never sees half a database.
import Database from "better-sqlite3";
import { replaceFile } from "../../io/atomic";
import { Random } from "../../stats/random";
import { COLUMNS, TABLE } from "../load/schema";
import type { SimulatedUsers } from "./simulate";

const FIRST = ["Ada", "Ben", "Chloe", "Dev", "Elif", "Femi", "Gus", "Hana", "Ivan", "Jia", "Kofi", "Lea", "Mia", "Nour", "Omar", "Pia", "Raj", "Sara", "Tom", "Uma", "Vik", "Wen", "Yara", "Zoe"];
const LAST = ["Ali", "Brown", "Chen", "Diaz", "Eze", "Fox", "Gupta", "Hill", "Ito", "Jones", "Kim", "Lopez", "Moss", "Nair", "Ortiz", "Park", "Quinn", "Rossi", "Shah", "Tan", "Usman", "Vogel", "Wu", "Young"];
const FOUNDER_NAMES: Record<number, [string, string]> = { 4: ["Rohan Seth", "rohan"], 5: ["Paul Davison", "paul"] };

/** `2020-03-17T07:51:28.085566+00:00` from microseconds since the epoch. */
export function isoMicros(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const fraction = micros - Math.floor(micros / 1e6) * 1e6;
  const seconds = new Date(ms).toISOString().slice(0, 19);
  return fraction === 0 ? `${seconds}+00:00` : `${seconds}.${String(fraction).padStart(6, "0")}+00:00`;
}

export function writeUsersDatabase(file: string, users: SimulatedUsers, seed: number): void {
  const rng = new Random(seed ^ 0x5eed);
  replaceFile(file, (tmp) => {
    const db = new Database(tmp);
    try {
      fill(db, users, rng);
    } finally {
      db.close();
    }
  });
}

function fill(db: Database.Database, users: SimulatedUsers, rng: Random): void {
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.exec(`CREATE TABLE ${TABLE} (${COLUMNS.map(([name, type]) => `${name} ${type}`).join(", ")})`);
  const insert = db.prepare(`INSERT INTO ${TABLE} VALUES (${COLUMNS.map(() => "?").join(", ")})`);
  db.transaction(() => {
    for (let i = 0; i < users.userId.length; i++) {
      const id = users.userId[i]!;
      const first = rng.pick(FIRST);
      const last = rng.pick(LAST);
      const [name, username] = FOUNDER_NAMES[id] ?? [`${first} ${last}`, `${first}${last}${id % 1000}`.toLowerCase()];
      const photo = rng.next() < 0.45 ? null : `https://clubhouseprod.s3.amazonaws.com:443/${id}_${rng.int(0xffffff).toString(16)}`;
      const twitter = rng.next() < 0.6 ? "null" : `${first.toLowerCase()}_${last.toLowerCase()}`;
      const instagram = rng.next() < 0.7 ? "null" : `${last.toLowerCase()}.${first.toLowerCase()}`;
      // Python's isoformat leaves the fraction out when it is zero; make that happen now and then.
      const micros = rng.next() < 0.002 ? Math.floor(users.createdMicros[i]! / 1e6) * 1e6 : users.createdMicros[i]!;
      const inviter = users.invitedBy[i]!;
      insert.run(id, name, photo, username, twitter, instagram, users.followers[i]!, users.following[i]!, isoMicros(micros), inviter < 0 ? "null" : inviter);
    }
  })();
}
