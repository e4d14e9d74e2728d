import { test } from "uvu";
import * as assert from "uvu/assert";
import { escapeHtml, formatDate, formatFloat, formatInteger } from "../../src/display/values";

test("integers get thousands separators", () => {
  assert.is(formatInteger(1300515), "1,300,515");
  assert.is(formatInteger(-42), "-42");
  assert.is(formatInteger(12345678901234567890n), "12,345,678,901,234,567,890");
});

test("floats: two decimals from 1 up, four significant digits below, tiny values in scientific notation", () => {
  assert.is(formatFloat(1234.5678), "1,234.57");
  assert.is(formatFloat(2), "2");
  assert.is(formatFloat(0.0245), "0.0245");
  assert.is(formatFloat(0.123456), "0.1235");
  assert.is(formatFloat(3.2e-30), "3.20e-30");
  assert.is(formatFloat(0), "0");
  assert.is(formatFloat(NaN), "NaN");
  assert.is(formatFloat(-Infinity), "−∞");
});

test("dates read as days when they are midnight UTC, else as UTC times", () => {
  assert.is(formatDate(new Date("2020-03-17T00:00:00Z")), "2020-03-17");
  assert.is(formatDate(new Date("2020-03-17T07:51:28Z")), "2020-03-17 07:51:28");
  assert.is(formatDate(new Date("2020-03-17T07:51:28.085Z")), "2020-03-17 07:51:28.085");
});

test("HTML escaping covers the five special characters", () => {
  assert.is(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`), "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
});

test.run();
