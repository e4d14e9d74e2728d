import { test } from "uvu";
import * as assert from "uvu/assert";
import { jsonForScript, scriptForInline } from "../../src/report/inline";

test("JSON in a script element cannot end it, and parses back to the same value", () => {
  const value = { label: "</script><script>alert(1)</script>", comment: "<!-- x -->", line: "a\u2028b" };
  const json = jsonForScript(value);
  assert.not.match(json, "<");
  assert.equal(JSON.parse(json), value);
});

test("inline JavaScript: </script and <!-- are written as \\x3C, which strings and regexes read as <", () => {
  const js = 'var s = "</script>"; var r = /<!--/u;';
  const safe = scriptForInline(js);
  assert.is(safe, 'var s = "\\x3C/script>"; var r = /\\x3C!--/u;');
  assert.equal(new Function(`${safe}; return [s, r.test("<!--")];`)(), ["</script>", true]);
});

test.run();
