import { test } from "uvu";
import * as assert from "uvu/assert";
import { flatten, lookup } from "../../../src/jelly/load/json-normalize";

test("nested objects become dotted names, as pandas.json_normalize names its columns", () => {
  // The pandas documentation's example: json_normalize({"id": 1, "name": {"first": "Coleen", "last": "Volk"}})
  // has the columns id, name.first, name.last.
  assert.equal(flatten({ id: 1, name: { first: "Coleen", last: "Volk" } }), [
    ["id", 1],
    ["name.first", "Coleen"],
    ["name.last", "Volk"],
  ]);
});

test("lists and nulls are values; an empty object gives no column", () => {
  assert.equal(flatten({ tags: ["a", "b"], level: null, data: {}, _source: { "@timestamp": "t" } }), [
    ["tags", ["a", "b"]],
    ["level", null],
    ["_source.@timestamp", "t"],
  ]);
});

test("lookup finds keys that contain dots, as json_normalize names them the same", () => {
  const doc = { _source: { "client.geo": { city: "Sydney" }, message_decoded: { data: null } } };
  assert.is(lookup(doc, "_source.client.geo.city".split("."), 0), "Sydney");
  assert.is(lookup(doc, "_source.message_decoded.data.uuid".split("."), 0), undefined);
  assert.is(lookup({ a: { b: 0 } }, ["a", "b"], 0), 0);
});

test.run();
