import { test } from "uvu";
import * as assert from "uvu/assert";
import { durationHistograms, histogramCounts } from "../../src/jelly/duration-histograms";

test("each sample in the original's two ranges, 20 bins each; the counts under the same names", () => {
  const h = durationHistograms({ netflix: [0, 5, 119, 120, 121, 299], youtube: [10] });
  assert.equal(Object.keys(h), ["netflix_0_120", "netflix_10_300", "youtube_0_120", "youtube_10_300"]);
  const counts = histogramCounts(h);
  assert.is(counts["netflix_0_120"]?.length, 20);
  // [0, 120]: 0 and 5 in the first bin (width 6), 119 and 120 in the last (it holds its upper edge), 121 and 299 out.
  assert.equal([counts["netflix_0_120"]?.[0], counts["netflix_0_120"]?.[19]], [2, 2]);
  assert.equal(counts["netflix_10_300"]?.reduce((a, b) => a + b, 0), 4);
  assert.equal(counts["youtube_10_300"]?.[0], 1);
});

test.run();
