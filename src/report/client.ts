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
 * The colour scheme: the reader's (prefers-color-scheme) until the toggle overrides it for this
 * page (`<html data-theme>`, not stored anywhere). The button says "Dark theme" and is pressed
 * when the page is dark; a change is announced to the charts as a "report-theme" event.
 */
export const THEME_TOGGLE_JS = `(function () {
  var button = document.getElementById("theme_toggle");
  if (!button) return;
  var root = document.documentElement;
  var media = window.matchMedia("(prefers-color-scheme: dark)");
  function dark() {
    var chosen = root.getAttribute("data-theme");
    return chosen ? chosen === "dark" : media.matches;
  }
  function sync() {
    button.setAttribute("aria-pressed", String(dark()));
  }
  button.hidden = false;
  sync();
  button.addEventListener("click", function () {
    root.setAttribute("data-theme", dark() ? "light" : "dark");
    sync();
    document.dispatchEvent(new Event("report-theme"));
  });
  media.addEventListener("change", sync);
})();`;

/**
 * Replaces each chart's static drawings with a live vega view (hover, tooltips) of the same
 * compiled spec, in the page's colour scheme, and draws it again when the scheme changes. The
 * live view takes the drawings' place only once it has rendered, so a failure keeps the static
 * chart; the figure's text alternative and data table stay as they are.
 */
export const LIVE_CHARTS_JS = `(function () {
  if (typeof vega === "undefined") return;
  var tooltip = typeof vegaTooltip !== "undefined" ? new vegaTooltip.Handler() : null;
  var loader = vega.loader();
  loader.load = loader.sanitize = function (uri) {
    return Promise.reject(new Error("this report's charts only use inline data, not " + uri));
  };
  var root = document.documentElement;
  var media = window.matchMedia("(prefers-color-scheme: dark)");
  function scheme() {
    return root.getAttribute("data-theme") || (media.matches ? "dark" : "light");
  }
  var charts = [];
  document.querySelectorAll("figure.chart[data-chart]").forEach(function (figure) {
    var box = figure.querySelector(".chart-view");
    var source = document.getElementById("vega_spec_" + figure.getAttribute("data-chart"));
    if (!box || !source) return;
    try {
      charts.push({ name: figure.getAttribute("data-chart"), box: box, specs: JSON.parse(source.textContent), view: null, live: null });
    } catch (e) {
      console.warn("chart " + figure.getAttribute("data-chart") + " stays static:", e);
    }
  });
  function specFor(chart, s) {
    var dark = chart.specs.dark;
    if (s !== "dark" || !dark) return chart.specs.light;
    return dark.spec || Object.assign({}, chart.specs.light, dark.patch);
  }
  function draw(chart, s) {
    if (chart.view) chart.view.finalize();
    if (chart.live) chart.box.removeChild(chart.live);
    chart.view = chart.live = null;
    chart.box.classList.remove("live");
    var live = document.createElement("div");
    live.className = "chart-live";
    live.setAttribute("aria-hidden", "true");
    try {
      // ast + interpreter: expressions run without Function, which the page's CSP forbids.
      var view = new vega.View(vega.parse(specFor(chart, s), null, { ast: true }), { renderer: "svg", container: live, hover: true, loader: loader, expr: vega.expressionInterpreter });
      if (tooltip) view.tooltip(tooltip.call);
      chart.view = view;
      view.runAsync().then(function () {
        if (chart.view !== view) return; // the scheme changed while it rendered
        chart.box.appendChild(live);
        chart.live = live;
        chart.box.classList.add("live");
      }, function (e) {
        view.finalize();
        if (chart.view === view) chart.view = null;
        console.warn("chart " + chart.name + " stays static:", e);
      });
    } catch (e) {
      console.warn("chart " + chart.name + " stays static:", e);
    }
  }
  var current = scheme();
  charts.forEach(function (c) { draw(c, current); });
  function update() {
    var s = scheme();
    if (s === current) return;
    current = s;
    charts.forEach(function (c) { draw(c, s); });
  }
  document.addEventListener("report-theme", update);
  media.addEventListener("change", update);
})();`;
