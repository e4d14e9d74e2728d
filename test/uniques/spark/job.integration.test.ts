// The unique-devices job on a real Spark (pyspark's, in the project's .venv, local mode): its
// counts for every domain, day and month equal the local estimator's on the committed extract;
// the notebook made from them records the default run's numbers; the statement runs on a Hive
// table (Spark's Hive support, an embedded Derby metastore); a failed job leaves the output as it was;
// the user's own files in the output folder stay, through a run and through a failed one.
// Skipped, with the reason, where pyspark cannot be installed or Java is missing.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import * as pl from "nodejs-polars";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readCounts } from "../../../src/uniques/load/counts";
import { dailyUniques, monthlyUniques } from "../../../src/uniques/estimate";
import { loadRequests } from "../../../src/uniques/load/webrequest";
import { qualityByDomain, qualityWeeks } from "../../../src/uniques/quality";
import { monthlyReport } from "../../../src/uniques/monthly-report";
import { offsetShareSummary } from "../../../src/uniques/offset-share";
import { COLUMNS } from "../../../src/uniques/load/schema";
import { findJava, findSparkSubmit, INSTALL_SPARK, runSparkJob, sparkJobSql } from "../../../src/uniques/spark/job";
import { uniquesSql } from "../../../src/uniques/spark/sql";
import { ROOT, scratch } from "../../helpers";
import { skipAll, toolLeftOut } from "../../tools";
import { byKey, SAMPLE } from "../fixtures";

/** Why Spark cannot run here, or undefined: makes the project's .venv with pyspark first. */
function sparkMissing(): string | undefined {
  const left = toolLeftOut("spark");
  if (left) return left;
  const made = spawnSync(join(ROOT, "scripts", "python-env"), ["spark"], { encoding: "utf8", timeout: 15 * 60_000 });
  if (made.status !== 0) return `pyspark could not be installed with ${INSTALL_SPARK}: ${(made.stderr || String(made.error)).trim().split("\n").pop()}`;
  try {
    findJava(findSparkSubmit().env);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return undefined;
}

const missing = sparkMissing();
const lines = gunzipSync(readFileSync(SAMPLE)).toString("utf8").trimEnd().split("\n");
const requests = loadRequests(SAMPLE);
const daily = dailyUniques(requests);
const monthly = monthlyUniques(requests);

/** The sample's rows whose dt starts with `prefix`, with the header. */
const rowsOf = (prefix: string) => [lines[0] as string, ...lines.slice(1).filter((l) => l.startsWith(prefix))];

/** The February rows as Parquet, typed as wmf.webrequest types them (is_pageview a boolean). */
function writeParquet(file: string, rows: string[]): void {
  const fields = rows.slice(1).map((l) => l.split("\t"));
  const columns = Object.fromEntries(COLUMNS.map((c, i) => [c, pl.Series(c, fields.map((f) => f[i] as string), pl.Utf8)]));
  pl.DataFrame(columns).withColumns(pl.col("is_pageview").eq(pl.lit("true"))).writeParquet(file);
}

function run(command: string, args: string[], cwd = ROOT, env = process.env): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

if (missing) {
  skipAll(test, ["the Spark job gives the estimator's numbers for every domain, day and month", "the statement runs on a Hive table partitioned by day", "a failed job names the bad value and leaves the output folder as it was"], missing);
} else {
  const { dir, cleanup } = scratch();
  const out = join(dir, "counts");
  test.after(cleanup);

  test("the Spark job gives the estimator's numbers for every domain, day and month, and the notebook reports them", async () => {
    // Two inputs, two formats: January as TSV, February as Parquet.
    const january = join(dir, "january.tsv");
    const february = join(dir, "february.parquet");
    writeFileSync(january, `${rowsOf("2016-01").join("\n")}\n`);
    writeParquet(february, rowsOf("2016-02"));
    // A previous job's output, to be replaced, beside the user's own files, to be kept.
    mkdirSync(join(out, "daily"), { recursive: true });
    writeFileSync(join(out, "daily", "_SUCCESS"), "");
    writeFileSync(join(out, "daily", "part-stale.parquet"), "");
    writeFileSync(join(out, "notes.txt"), "January looks low");
    mkdirSync(join(out, "my-analysis"));
    writeFileSync(join(out, "my-analysis", "report.html"), "<h1>mine</h1>");
    const tsx = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
    const job = await run(process.execPath, [tsx, join(ROOT, "src", "uniques", "spark", "job-cli.ts"), "--input", january, february, "--out", out]);
    assert.is(job.status, 0, job.stderr.slice(-3000));
    assert.match(job.stderr, /unique devices: wrote .*counts\/daily and .*counts\/monthly in [\d.]+ s/);
    assert.not.ok(existsSync(join(out, "daily", "part-stale.parquet")), "the previous output is gone");
    assert.equal(readdirSync(dir).sort(), ["counts", "february.parquet", "january.tsv"], "nothing left beside the output");
    assert.equal(readdirSync(out).sort(), ["daily", "monthly", "my-analysis", "notes.txt"], "nothing left in it but the counts and the user's files");
    assert.is(readFileSync(join(out, "notes.txt"), "utf8"), "January looks low");
    assert.is(readFileSync(join(out, "my-analysis", "report.html"), "utf8"), "<h1>mine</h1>");

    const sparkDaily = readCounts(out, "day");
    const sparkMonthly = readCounts(out, "month");
    assert.equal(byKey(sparkDaily), byKey(daily));
    assert.equal(byKey(sparkMonthly), byKey(monthly));
    assert.ok(sparkDaily.frameEqual(daily), "same rows, order and dtypes as the estimator's daily table");
    assert.ok(sparkMonthly.frameEqual(monthly));
    assert.ok(monthlyReport(sparkMonthly).frameEqual(monthlyReport(monthly)));
    assert.ok(offsetShareSummary(sparkDaily, sparkMonthly).frameEqual(offsetShareSummary(daily, monthly), true));
    const weeks = qualityWeeks(daily);
    assert.ok(qualityByDomain(sparkDaily, qualityWeeks(sparkDaily)).frameEqual(qualityByDomain(daily, weeks), true));

    // The notebook from the counts records the committed default run's numbers.
    const reports = join(dir, "reports");
    const report = await run(process.execPath, [join(ROOT, "dist", "engine", "cli.js"), "report", join(ROOT, "notebooks", "unique-devices.ipynb"), "-p", "countsPath", out, "--out", reports]);
    assert.is(report.status, 0, report.stderr.slice(-3000));
    const recorded = JSON.parse(readFileSync(join(reports, "unique-devices.json"), "utf8")) as Record<string, unknown>;
    const committed = JSON.parse(readFileSync(join(ROOT, "reports", "unique-devices.json"), "utf8")) as Record<string, unknown>;
    assert.equal(Object.keys(recorded).sort(), ["claims", "daily", "monthly", "quality", "report"]);
    for (const name of ["daily", "monthly", "report", "quality"]) assert.equal(recorded[name], committed[name], name);
    // The statements checked from counts hold as they do from the requests; the one against the truth is not made.
    const claims = (records: Record<string, unknown>) => records["claims"] as { text: string; holds: boolean }[];
    assert.equal(claims(recorded), claims(committed).filter((c) => !c.text.includes("against the truth")));
    const notebook = readFileSync(join(reports, "unique-devices.ipynb"), "utf8");
    assert.is(notebook.match(/\*\*Not computed from counts\.\*\*/g)?.length, 3, "bots, signatures and the truth say so");
  });

  test("the statement runs on a Hive table partitioned by day (Spark's Hive support, embedded Derby metastore)", async () => {
    const hive = join(dir, "hive");
    mkdirSync(hive);
    const hiveOut = join(hive, "counts");
    const columns = COLUMNS.map((c) => `${c} ${c === "is_pageview" ? "BOOLEAN" : "STRING"}`).join(", ");
    const script = [
      `CREATE TEMPORARY VIEW sample USING csv OPTIONS (path '${SAMPLE}', sep '\\t', header 'true', quote '');`,
      // HiveQL DDL: a Hive SerDe table laid out as wmf.webrequest is, by year, month and day.
      `CREATE TABLE webrequest_hive (${columns}) PARTITIONED BY (year INT, month INT, day INT) STORED AS PARQUET;`,
      "SET hive.exec.dynamic.partition.mode=nonstrict;",
      `INSERT OVERWRITE TABLE webrequest_hive PARTITION (year, month, day)
SELECT ${COLUMNS.map((c) => (c === "is_pageview" ? "is_pageview = 'true'" : c)).join(", ")},
  CAST(substr(dt, 1, 4) AS INT), CAST(substr(dt, 6, 2) AS INT), CAST(substr(dt, 9, 2) AS INT) FROM sample;`,
      sparkJobSql({ table: "webrequest_hive" }, hiveOut),
      // The statements sql:unique-devices prints for one day and one month of wmf.webrequest.
      `${uniquesSql({ period: "day", date: "2016-01-15", table: "webrequest_hive", partitioned: true }).trimEnd()};`,
      `${uniquesSql({ period: "month", date: "2016-02", table: "webrequest_hive", partitioned: true }).trimEnd()};`,
    ].join("\n\n");
    writeFileSync(join(hive, "job.sql"), script);
    const submit = findSparkSubmit();
    const args = ["--class", "org.apache.spark.sql.hive.thriftserver.SparkSQLCLIDriver", "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf", `spark.sql.warehouse.dir=${join(hive, "warehouse")}`, "spark-internal", "-f", "job.sql"];
    const job = await run(submit.command, args, hive, submit.env);
    assert.is(job.status, 0, job.stderr.slice(-3000));
    assert.ok(existsSync(join(hive, "metastore_db")), "the embedded Derby metastore");
    assert.ok(readdirSync(join(hive, "warehouse", "webrequest_hive")).includes("year=2016"));
    assert.equal(byKey(readCounts(hiveOut, "day")), byKey(daily));
    assert.equal(byKey(readCounts(hiveOut, "month")), byKey(monthly));
    // The two printed statements' rows: domain, period, underestimate, offset, estimate.
    const printed: Record<string, { underestimate: number; offset: number; estimate: number }> = {};
    for (const line of job.stdout.split("\n")) {
      const [domain, period, u, o, e, ...rest] = line.split("\t");
      if (rest.length === 0 && e !== undefined && /^2016-/.test(period as string)) printed[`${domain}|${period}`] = { underestimate: Number(u), offset: Number(o), estimate: Number(e) };
    }
    const expected = { ...byKey(daily.filter(pl.col("day").eq(pl.lit("2016-01-15")))), ...byKey(monthly.filter(pl.col("month").eq(pl.lit("2016-02")))) };
    assert.ok(Object.keys(expected).length > 50);
    assert.equal(printed, expected);
  });

  test("a failed job names the bad value and leaves the output folder as it was", async () => {
    const bad = join(dir, "bad.tsv");
    const rows = rowsOf("2016-01-0");
    const fields = (rows[5] as string).split("\t");
    fields[7] = "maybe";
    rows[5] = fields.join("\t");
    writeFileSync(bad, `${rows.join("\n")}\n`);
    const before = readdirSync(join(out, "daily")).sort();
    const failed = await runSparkJob({ input: { paths: [bad] }, out, master: "local[2]" }).then(
      () => undefined,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    assert.ok(failed, "the job fails");
    assert.match(failed as string, /the Spark job failed/);
    assert.match(failed as string, /bad\.tsv: is_pageview is 'maybe', expected true or false/);
    assert.equal(readdirSync(join(out, "daily")).sort(), before, "the previous counts are untouched");
    assert.equal(readdirSync(dirname(out)).filter((f) => f.includes(".tmp")), [], "no half result beside it");
    assert.is(readFileSync(join(out, "notes.txt"), "utf8"), "January looks low");
  });
}

test.run();
