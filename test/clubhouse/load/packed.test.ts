import { test } from "uvu";
import * as assert from "uvu/assert";
import { parsePacked, parseTime, type FieldKind, type PackedField } from "../../../src/clubhouse/load/packed";

const bytes = (s: string) => Buffer.from(s);
const fieldsOf = (kinds: FieldKind[], rows: number): PackedField[] => kinds.map((kind) => ({ kind, into: new Float64Array(rows) }));

test("rows of whole numbers, 'null' and empty values; REALs holding whole numbers", () => {
  const fields = fieldsOf(["id", "optional", "optional"], 4);
  assert.equal(parsePacked(bytes("4,null,12;5,,7.0;10,4,-3;11,4.00,0"), fields, 0), { rows: 4 });
  assert.equal([...fields[0]!.into], [4, 5, 10, 11]);
  assert.equal([...fields[1]!.into].map(String), ["NaN", "NaN", "4", "4"]);
  assert.equal([...fields[2]!.into], [12, 7, -3, 0]);
});

test("rows land from the given offset", () => {
  const fields = fieldsOf(["id"], 3);
  assert.equal(parsePacked(bytes("7;8"), fields, 1), { rows: 2 });
  assert.equal([...fields[0]!.into], [0, 7, 8]);
});

test("times: with and without a fraction, any offset, Z, none (UTC), a space for T", () => {
  const fields = fieldsOf(["id", "time"], 6);
  const text = [
    "1,2020-03-17T07:51:28.085566+00:00",
    "2,2020-03-17T07:51:28+00:00",
    "3,2020-03-17T10:51:28.5+03:00",
    "4,2020-03-16T23:21:28.085-08:30",
    "5,2020-03-17T07:51:28Z",
    "6,2020-03-17 07:51:28",
  ].join(";");
  assert.equal(parsePacked(bytes(text), fields, 0), { rows: 6 });
  assert.equal([...fields[1]!.into].map((t) => new Date(t).toISOString()), [
    "2020-03-17T07:51:28.085Z",
    "2020-03-17T07:51:28.000Z",
    "2020-03-17T07:51:28.500Z",
    "2020-03-17T07:51:28.085Z",
    "2020-03-17T07:51:28.000Z",
    "2020-03-17T07:51:28.000Z",
  ]);
  // The microseconds are kept: 07:51:28.085566 is 566 µs past the millisecond Date.parse gives.
  const micros = (t: number) => Math.round(t * 1000);
  assert.is(micros(fields[1]!.into[0]!), Date.parse("2020-03-17T07:51:28.085Z") * 1000 + 566);
  assert.is(micros(fields[1]!.into[3]!), Date.parse("2020-03-17T07:51:28.085Z") * 1000);
});

test("parseTime keeps microseconds, drops digits past the sixth, and is exact to the microsecond", () => {
  const at = (iso: string) => Math.round(parseTime(bytes(iso), 0, iso.length) * 1000);
  const base = Date.parse("2020-03-17T07:51:28Z") * 1000;
  assert.is(at("2020-03-17T07:51:28.085566+00:00"), base + 85_566);
  assert.is(at("2020-03-17T07:51:28.000001Z"), base + 1);
  assert.is(at("2020-03-17T07:51:28.999999999Z"), base + 999_999);
  assert.is(at("2020-03-17T10:51:28.085566+03:00"), base + 85_566);
});

test("parseTime agrees with Date.parse across leap days, years and centuries", () => {
  for (const iso of ["1970-01-01T00:00:00Z", "2000-02-29T12:00:00Z", "2020-12-31T23:59:59.999Z", "2100-03-01T00:00:00Z", "1969-07-20T20:17:40Z"]) {
    const b = bytes(iso);
    assert.is(parseTime(b, 0, b.length), Date.parse(iso), iso);
  }
});

test("impossible dates and malformed times are not times", () => {
  for (const bad of ["2021-02-29T00:00:00Z", "2020-13-01T00:00:00Z", "2020-01-01T24:00:00Z", "2020-01-01", "2020-01-01T00:00:00+0", "2020-01-01T00:00:00.Z", "x020-01-01T00:00:00Z"]) {
    const b = bytes(bad);
    assert.ok(Number.isNaN(parseTime(b, 0, b.length)), bad);
  }
});

test("the first unacceptable value is reported by row and field", () => {
  assert.equal(parsePacked(bytes("1,2;3,x"), fieldsOf(["id", "optional"], 2), 0), { row: 1, field: 1 });
  assert.equal(parsePacked(bytes("1,2;,4"), fieldsOf(["id", "optional"], 2), 0), { row: 1, field: 0 }); // a missing id
  assert.equal(parsePacked(bytes("1,2;3,4,5"), fieldsOf(["id", "optional"], 2), 0), { row: 1, field: 1 }); // too many values
  assert.equal(parsePacked(bytes("1,2;3"), fieldsOf(["id", "optional"], 2), 0), { row: 1, field: 0 }); // too few
  assert.equal(parsePacked(bytes("1,2;3,12.5"), fieldsOf(["id", "optional"], 2), 0), { row: 1, field: 1 }); // not whole
  assert.equal(parsePacked(bytes("99999999999999999"), fieldsOf(["id"], 1), 0), { row: 0, field: 0 }); // beyond 2^53
  assert.equal(parsePacked(bytes("1,2020-03-17"), fieldsOf(["id", "time"], 1), 0), { row: 0, field: 1 });
});

test.run();
