import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { UsageError } from "../../../src/args";
import { parseArguments } from "../../../src/uniques/spark/sql-cli";
import { ROOT } from "../../helpers";

test("arguments: period, date, table, partitions, dialect", () => {
  assert.equal(parseArguments(["--period", "monthly"]), { period: "month", partitioned: false, dialect: "spark" });
  assert.equal(parseArguments(["--period", "daily", "--date", "2016-01-15"]), { period: "day", date: "2016-01-15", partitioned: false, dialect: "spark" });
  assert.equal(parseArguments(["--period", "monthly", "--date", "2016-01", "--table", "wmf.webrequest", "--partitioned"]), { period: "month", date: "2016-01", table: "wmf.webrequest", partitioned: true, dialect: "spark" });
  for (const [args, message] of [
    [["--period", "weekly", "--date", "2016-01-15"], /--period: expected daily or monthly, got 'weekly'/],
    [["--period", "daily", "--partitioned"], /--partitioned needs --date/],
    [["--period", "daily", "--date", "2016-01-15", "--dialect", "mysql"], /--dialect: expected spark or sqlite/],
    [["--frobnicate"], /^Unknown option '--frobnicate'$/],
    [["--period", "daily", "extra"], /^unexpected argument 'extra'$/],
  ] as Array<[string[], RegExp]>) {
    assert.throws(() => parseArguments(args), (e: unknown) => e instanceof UsageError && message.test(e.message));
  }
});

test("the command prints the statement, or the problem and exits 2", () => {
  const cli = join(ROOT, "src", "uniques", "spark", "sql-cli.ts");
  const tsx = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  const ok = spawnSync(process.execPath, [tsx, cli, "--period", "monthly", "--date", "2016-02-10"], { encoding: "utf8" });
  assert.is(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /^-- Unique devices per domain, monthly: 2016-02,/);
  assert.match(ok.stdout, /WHERE dt >= '2016-02-01' AND dt < '2016-03-01'/);
  const bad = spawnSync(process.execPath, [tsx, cli, "--period", "daily", "--date", "2016-02-30"], { encoding: "utf8" });
  assert.is(bad.status, 2);
  assert.match(bad.stderr, /--date: expected a day such as 2016-01-15, got '2016-02-30'/);
  const unknown = spawnSync(process.execPath, [tsx, cli, "--perod", "daily"], { encoding: "utf8" });
  assert.is(unknown.status, 2);
  assert.match(unknown.stderr, /^Unknown option '--perod'\nusage: npm run sql:unique-devices/);
});

test.run();
