import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { UsageError } from "../../../src/args";
import { DataError } from "../../../src/errors";
import { parseArguments } from "../../../src/uniques/spark/job-cli";
import { findJava, findSparkSubmit, inputFormat, runSparkJob, sparkJobSql } from "../../../src/uniques/spark/job";
import { ROOT, scratch } from "../../helpers";

test("arguments: inputs up to the next option, the output, the master, settings; a table instead of inputs", () => {
  assert.equal(parseArguments(["--input", "a.tsv.gz", "b.parquet", "--out", "counts"]), { input: { paths: ["a.tsv.gz", "b.parquet"] }, out: "counts" });
  assert.equal(parseArguments(["--table", "wmf.webrequest", "--out", "hdfs:///u/counts", "--master", "yarn", "--conf", "spark.executor.memory=4g"]), {
    input: { table: "wmf.webrequest" },
    out: "hdfs:///u/counts",
    master: "yarn",
    conf: ["spark.executor.memory=4g"],
  });
  for (const [args, message] of [
    [["--input", "a.tsv"], /--out DIR is required/],
    [["--out", "x"], /give either --input PATH\.\.\. or --table NAME/],
    [["--input", "a.tsv", "--table", "t", "--out", "x"], /give either/],
    [["--input", "--out", "x"], /^Option '--input' argument is ambiguous\./],
    [["--input", "a.tsv", "--out", "x", "--conf", "memory"], /--conf: expected KEY=VALUE, got 'memory'/],
    [["--input", "a.tsv", "--out"], /^Option '--out <value>' argument missing$/],
    [["--input", "a.tsv", "--out", ""], /^--out: expected a folder, got ''$/],
    [["stray", "--input", "a.tsv", "--out", "x"], /^unexpected argument 'stray'$/],
  ] as Array<[string[], RegExp]>) {
    assert.throws(() => parseArguments(args), (e: unknown) => e instanceof UsageError && message.test(e.message));
  }
});

test("inputs: TSV by name, anything else Parquet (a file, or a folder laid out by day)", () => {
  assert.is(inputFormat("data/uniques/webrequest.tsv.gz"), "tsv");
  assert.is(inputFormat("x.TSV"), "tsv");
  assert.is(inputFormat("x.parquet"), "parquet");
  assert.is(inputFormat("hdfs:///wmf/data/raw/webrequest/"), "parquet");
});

test("the job's script: the definition's statement per period, from each input, to Parquet", () => {
  const sql = sparkJobSql({ paths: ["/d/jan.tsv.gz", "/d/feb.parquet"] }, "/out/counts");
  assert.match(sql, /CREATE TEMPORARY VIEW input_1 USING csv OPTIONS \(path '\/d\/jan\.tsv\.gz', sep '\\t', header 'true', quote '', mode 'FAILFAST'\);/);
  assert.match(sql, /CREATE TEMPORARY VIEW input_2 USING parquet OPTIONS \(path '\/d\/feb\.parquet'\);/);
  assert.match(sql, /FROM input_1\n {2}UNION ALL\n {2}SELECT/);
  assert.match(sql, /INSERT OVERWRITE DIRECTORY '\/out\/counts\/daily' USING parquet\nSELECT \/\*\+ COALESCE\(1\) \*\/ domain, day,/);
  assert.match(sql, /INSERT OVERWRITE DIRECTORY '\/out\/counts\/monthly' USING parquet/);
  assert.ok(sql.includes(String.raw`raise_error(concat('/d/feb.parquet: is_pageview is \'', coalesce(CAST(is_pageview AS STRING), 'NULL'), '\', expected true or false'))`));
  assert.match(sparkJobSql({ table: "wmf.webrequest" }, "hdfs:///c"), /FROM wmf\.webrequest;/);
});

test("without spark-submit or Java, the message says what to install", () => {
  const nothing = { PATH: "/nonexistent", ANALYSIS_VENV: "/nonexistent" };
  assert.throws(() => findSparkSubmit(nothing), /spark-submit not found .*scripts\/python-env spark.*SPARK_HOME/);
  assert.throws(() => findSparkSubmit({ ...nothing, SPARK_HOME: "/nonexistent" }), /SPARK_HOME is \/nonexistent, but it has no bin\/spark-submit/);
  assert.throws(() => findJava(nothing), /Java not found .*openjdk-17-jre-headless/);
  assert.throws(() => findJava({ ...nothing, JAVA_HOME: "/nonexistent" }), /JAVA_HOME is \/nonexistent, without bin\/java/);
});

test("bad inputs and outputs are refused before Spark starts", async () => {
  const { dir, cleanup } = scratch();
  try {
    const refused = (options: Parameters<typeof runSparkJob>[0]) => runSparkJob(options).then(() => "ran", (e: unknown) => (e instanceof DataError ? e.message : `not a DataError: ${String(e)}`));
    assert.match(await refused({ input: { paths: [join(dir, "nope.tsv")] }, out: join(dir, "o") }), /nope\.tsv: no such file or folder/);
    writeFileSync(join(dir, "short.tsv"), "dt\turi_host\n2016-01-01T00:00:00Z\ten.wikipedia.org\n");
    assert.match(await refused({ input: { paths: [join(dir, "short.tsv")] }, out: join(dir, "o") }), /short\.tsv: columns 'ip' .* missing/);
    mkdirSync(join(dir, "busy", "daily"), { recursive: true });
    writeFileSync(join(dir, "busy", "daily", "notes.txt"), "mine");
    writeFileSync(join(dir, "ok.tsv"), "dt\turi_host\tip\tuser_agent\taccept_language\tx_analytics\tagent_type\tis_pageview\n");
    assert.match(await refused({ input: { paths: [join(dir, "ok.tsv")] }, out: join(dir, "busy") }), /--out .*busy: .*busy\/daily\/notes\.txt was not written by this job/);
    assert.match(await refused({ input: { paths: [join(dir, "ok.tsv")] }, out: join(dir, "ok.tsv") }), /--out .*ok\.tsv: is a file/);
    assert.is(readFileSync(join(dir, "busy", "daily", "notes.txt"), "utf8"), "mine");
  } finally {
    cleanup();
  }
});

test("the command refuses an --out it would have to empty: one line naming the file, exit 2, before Spark starts", () => {
  const { dir, cleanup } = scratch();
  try {
    writeFileSync(join(dir, "ok.tsv"), "dt\turi_host\tip\tuser_agent\taccept_language\tx_analytics\tagent_type\tis_pageview\n");
    mkdirSync(join(dir, "counts", "monthly"), { recursive: true });
    writeFileSync(join(dir, "counts", "monthly", "my-notes.txt"), "mine");
    const tsx = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
    // No Spark anywhere: had the output been accepted, the message would be about spark-submit.
    const env = { ...process.env, PATH: dirname(process.execPath), SPARK_HOME: "", ANALYSIS_VENV: join(dir, "no-venv") };
    const run = spawnSync(process.execPath, [tsx, join(ROOT, "src", "uniques", "spark", "job-cli.ts"), "--input", join(dir, "ok.tsv"), "--out", join(dir, "counts")], { encoding: "utf8", env });
    assert.is(run.status, 2, run.stderr);
    assert.is(run.stderr, `--out ${join(dir, "counts")}: ${join(dir, "counts", "monthly", "my-notes.txt")} was not written by this job, which replaces monthly/ whole: move it, or give another --out\n`);
    assert.is(readFileSync(join(dir, "counts", "monthly", "my-notes.txt"), "utf8"), "mine");
  } finally {
    cleanup();
  }
});

test.run();
