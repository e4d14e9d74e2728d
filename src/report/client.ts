// The report's only JavaScript, inlined; the page is complete without it. Plain ES2017 in
// strings: these run in the reader's browser, not in Node.

/** Shows the "Show all code" button and opens or folds every code cell at once. */
export const CODE_TOGGLE_JS = `(function () {
  var button = document.getElementById("code_toggle");
  if (!button) return;
  var blocks = document.querySelectorAll("details.code");
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-pressed") !== "true";
    blocks.forEach(function (d) { d.open = open; });
    button.setAttribute("aria-pressed", String(open));
    button.textContent = open ? "Hide all code" : "Show all code";
  });
})();`;

/**
 * Replaces each static chart SVG with a live vega view (hover, tooltips) drawn from the same
 * compiled spec. The swap happens only once the view has rendered, so a failure keeps the static chart.
 */
export const LIVE_CHARTS_JS = `(function () {
  if (typeof vega === "undefined") return;
  var tooltip = typeof vegaTooltip !== "undefined" ? new vegaTooltip.Handler() : null;
  var loader = vega.loader();
  loader.load = loader.sanitize = function (uri) {
    return Promise.reject(new Error("this report's charts only use inline data, not " + uri));
  };
  document.querySelectorAll("figure.chart[data-chart]").forEach(function (figure) {
    var still = figure.querySelector(".chart-static");
    var source = document.getElementById("vega_spec_" + figure.getAttribute("data-chart"));
    if (!still || !source) return;
    var live = document.createElement("div");
    live.className = "chart-live";
    try {
      // ast + interpreter: expressions run without Function, which the page's CSP forbids.
      var view = new vega.View(vega.parse(JSON.parse(source.textContent), null, { ast: true }), { renderer: "svg", container: live, hover: true, loader: loader, expr: vega.expressionInterpreter });
      if (tooltip) view.tooltip(tooltip.call);
      view.runAsync().then(function () {
        figure.replaceChild(live, still);
      }, function (e) {
        view.finalize();
        console.warn("chart " + figure.getAttribute("data-chart") + " stays static:", e);
      });
    } catch (e) {
      console.warn("chart " + figure.getAttribute("data-chart") + " stays static:", e);
    }
  });
})();`;
