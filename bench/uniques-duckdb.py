"""DuckDB's side of bench/uniques.ts: the daily and monthly unique devices of a web-request extract
(.tsv or .tsv.gz), by the last-access method as src/uniques/definition.ts writes it, in one DuckDB
process; written as OUT/daily.parquet and OUT/monthly.parquet (domain, day or month, underestimate,
offset, estimate), for the bench to compare with the local path's.

    python uniques-duckdb.py WEBREQUEST OUT

The extract is read once, into a table of the counted requests (users' pageviews) cut down to the
method's columns; each period is then counted from it. It does not check the values as the loader
does (a bad value is not named): it is the engine to beat, not a second loader.
"""
import sys

import duckdb

COOKIE_DATE = r"^(3[01]|[12][0-9]|0[1-9]|[1-9]| [1-9])-([A-Za-z]{3})-([0-9]{4})$"
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def main(webrequest: str, out: str) -> None:
    con = duckdb.connect()
    path = webrequest.replace("'", "''")
    con.execute(f"""
CREATE TEMP TABLE counted AS
WITH raw AS (
  SELECT lower(uri_host) AS domain, substr(dt, 1, 10) AS day, ';' || coalesce(x_analytics, '') || ';' AS xa,
         ip, user_agent, accept_language
  FROM read_csv('{path}', delim = '\t', quote = '', escape = '', header = true, all_varchar = true)
  WHERE agent_type = 'user' AND is_pageview = 'true'
)
SELECT domain, day,
  contains(xa, ';nocookies=1;') AS nocookies,
  CASE WHEN contains(xa, ';WMF-Last-Access=') THEN split_part(split_part(xa, ';WMF-Last-Access=', 2), ';', 1) END AS last_access_value,
  CASE WHEN contains(xa, ';nocookies=1;') THEN hash(ip, user_agent, accept_language) END AS signature
FROM raw""")
    months = " ".join(f"WHEN '{m}' THEN '{i + 1:02d}'" for i, m in enumerate(MONTHS))
    part = lambda g: f"regexp_extract(v, '{COOKIE_DATE}', {g})"
    con.execute(f"""
CREATE TEMP TABLE dates AS
SELECT v, CASE WHEN regexp_full_match(v, '{COOKIE_DATE}')
  THEN TRY_CAST({part(3)} || '-' || (CASE lower({part(2)}) {months} END) || '-' || lpad(trim({part(1)}), 2, '0') AS DATE) END AS last_access
FROM (SELECT DISTINCT last_access_value AS v FROM counted WHERE last_access_value IS NOT NULL)""")
    for period, width, name in (("day", 10, "daily"), ("month", 7, "monthly")):
        suffix = "" if period == "day" else " || '-01'"
        start = f"CAST(substr(day, 1, {width}){suffix} AS DATE)"
        con.execute(f"""
COPY (
  WITH requests AS (
    SELECT domain, substr(day, 1, {width}) AS {period}, {start} AS period_start, nocookies, dates.last_access, signature
    FROM counted LEFT JOIN dates ON counted.last_access_value = dates.v
  ),
  underestimate AS (
    SELECT domain, {period}, count(*) AS underestimate FROM requests
    WHERE NOT nocookies AND (last_access IS NULL OR last_access < period_start) GROUP BY domain, {period}
  ),
  fresh AS (
    SELECT domain, {period} FROM requests WHERE nocookies GROUP BY domain, {period}, signature HAVING count(*) = 1
  ),
  offsets AS (SELECT domain, {period}, count(*) AS "offset" FROM fresh GROUP BY domain, {period})
  SELECT domain, {period}, CAST(coalesce(underestimate, 0) AS BIGINT) AS underestimate, CAST(coalesce("offset", 0) AS BIGINT) AS "offset",
         CAST(coalesce(underestimate, 0) + coalesce("offset", 0) AS BIGINT) AS estimate
  FROM underestimate FULL JOIN offsets USING (domain, {period})
  ORDER BY domain, {period}
) TO '{out.replace("'", "''")}/{name}.parquet' (FORMAT parquet)""")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: uniques-duckdb.py WEBREQUEST OUT")
    main(sys.argv[1], sys.argv[2])
