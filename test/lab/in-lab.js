// Runs inside JupyterLab's page (added by lab.integration.test.ts as an init script): drives Lab through the
// application object that `--LabApp.expose_app_in_browser=True` exposes as window.jupyterapp,
// and reads back what Lab shows. Plain JavaScript: it runs in the browser, not under tsx.
(() => {
  const SCRAP = "application/scrapbook.scrap.json+json";
  const VEGALITE = /^application\/vnd\.vegalite\.v\d\+json$/;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  let panel;
  let timings = [];

  function kernelOf() {
    const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
    if (!kernel) throw new Error("the notebook has no kernel");
    return kernel;
  }

  // Execute request → reply per cell, counted from when the kernel could start on it: Lab sends
  // run-all's requests at once, so a cell's clock starts at the later of its request and the
  // previous reply.
  function watch(kernel) {
    const sent = new Map();
    let lastReply = 0;
    kernel.anyMessage.connect((_, { msg, direction }) => {
      if (direction === "send" && msg.header.msg_type === "execute_request") sent.set(msg.header.msg_id, { at: performance.now(), code: msg.content.code });
      if (direction === "recv" && msg.header.msg_type === "execute_reply") {
        const s = sent.get(msg.parent_header.msg_id);
        if (!s) return;
        const now = performance.now();
        timings.push({ code: s.code, ms: now - Math.max(s.at, lastReply), status: msg.content.status });
        lastReply = now;
      }
    });
  }

  function scroller() {
    return panel.content.outerNode || panel.content.node.querySelector(".jp-WindowedPanel-outer") || panel.content.node;
  }

  async function idle() {
    const kernel = kernelOf();
    for (let i = 0; kernel.status !== "idle"; i++) {
      if (i > 1200) throw new Error(`the kernel stayed ${kernel.status}`);
      await sleep(50);
    }
  }

  window.labTest = {
    async open(path) {
      const app = window.jupyterapp;
      await app.restored;
      app.shell.collapseLeft();
      panel = await app.commands.execute("docmanager:open", { path, factory: "Notebook" });
      await panel.context.ready;
      await panel.sessionContext.ready;
      watch(kernelOf());
      await idle();
      return { kernel: kernelOf().name };
    },

    async runAll() {
      timings = [];
      const ok = await window.jupyterapp.commands.execute("notebook:run-all-cells");
      await idle();
      return { ok, timings };
    },

    /** Execute request → reply of each cell run since the last runAll or takeTimings. */
    takeTimings() {
      const taken = timings;
      timings = [];
      return taken;
    },

    async restart() {
      await panel.sessionContext.restartKernel();
      await idle();
    },

    /** Replaces the source of the first cell tagged `parameters`. */
    setParameters(source) {
      const cell = panel.content.widgets.find((c) => (c.model.getMetadata("tags") || []).includes("parameters"));
      if (!cell) throw new Error("no cell tagged parameters");
      cell.model.sharedModel.setSource(source);
    },

    /** Appends a code cell, runs it, and returns what its output area shows. */
    async runNewCell(source) {
      const nb = panel.content;
      nb.model.sharedModel.insertCell(nb.widgets.length, { cell_type: "code", source });
      nb.activeCellIndex = nb.widgets.length - 1;
      await window.jupyterapp.commands.execute("notebook:run-cell");
      await idle();
      const cell = nb.widgets[nb.widgets.length - 1];
      const shown = cell.outputArea.node.textContent;
      nb.model.sharedModel.deleteCell(nb.widgets.length - 1);
      return shown;
    },

    async complete(code, cursor) {
      const reply = await kernelOf().requestComplete({ code, cursor_pos: cursor });
      return reply.content;
    },

    async save() {
      await panel.context.save();
    },

    /**
     * Per code cell: the model's outputs and what the page shows for them. Text by textContent:
     * innerText leaves out cells that Lab's content-visibility windowing has not laid out.
     */
    cells() {
      return panel.content.widgets.flatMap((cell, index) => {
        if (cell.model.type !== "code") return [];
        const outputs = cell.model.outputs.toJSON();
        const area = cell.outputArea.node;
        const views = [...area.querySelectorAll(".vega-embed")];
        return [
          {
            index,
            source: cell.model.sharedModel.getSource(),
            executionCount: cell.model.executionCount,
            outputs,
            expected: {
              charts: outputs.filter((o) => Object.keys(o.data || {}).some((m) => VEGALITE.test(m))).length,
              tables: outputs.filter((o) => /<table/.test(String((o.data || {})["text/html"] || ""))).length,
              // Scraps are not meant to be seen: everything else is one output area child.
              visible: outputs.filter((o) => !(o.data && SCRAP in o.data)).length,
            },
            shown: {
              children: area.querySelectorAll(":scope > .jp-OutputArea-child").length,
              liveCharts: views.filter((v) => {
                const marks = v.querySelector("canvas.marks, svg.marks");
                return marks && marks.getBoundingClientRect().width > 0 && marks.getBoundingClientRect().height > 0;
              }).length,
              tables: [...area.querySelectorAll(".jp-RenderedHTMLCommon table")].filter((t) => t.querySelector("tbody tr")).length,
              // The inline styles the report's stylesheet matches survive Lab's sanitizer.
              captions: [...area.querySelectorAll("table caption")].map((c) => getComputedStyle(c).textAlign),
              nulls: [...area.querySelectorAll("td.null")].map((c) => getComputedStyle(c).fontStyle),
              stderr: [...area.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"]')].map((e) => e.textContent),
              text: area.textContent,
            },
          },
        ];
      });
    },

    /** Height of the notebook's content, to size the screenshot to it. */
    contentHeight() {
      return scroller().scrollHeight;
    },

    /** Shuts the notebook's kernel down and closes its tab without asking. */
    async close() {
      await panel.sessionContext.shutdown();
      panel.context.model.dirty = false;
      panel.dispose();
    },

    toTop() {
      panel.content.activeCellIndex = 0;
      scroller().scrollTop = 0;
    },
  };
})();
