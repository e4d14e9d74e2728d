// Charts drawn while the notebook runs, so that the export need not draw them: each chart output
// goes to a worker thread as it arrives (the main thread stays free to answer the kernel). The
// export waits for a chart still being drawn; one the worker could not draw (it failed, or the
// worker stopped) the export draws itself, exactly as before: the worker's errors are never shown.
import { Worker } from "node:worker_threads";
import type { MimeBundle } from "../engine/notebook";
import { workerScript } from "../worker-script";
import { chartIn, type ChartLanguage, type RenderedChart } from "./charts";
import type { ChartAnswer, ChartRequest } from "./prerender-worker";

/** One chart's identity: identical output data draws an identical chart. */
function chartKey(data: unknown, language: ChartLanguage): string {
  return `${language} ${JSON.stringify(data)}`;
}

export class ChartPrerenderer {
  private worker: Worker | undefined;
  private closed = false;
  private nextId = 0;
  private readonly charts = new Map<string, Promise<RenderedChart | undefined>>();
  private readonly waiting = new Map<number, (chart: RenderedChart | undefined) => void>();

  /** Whether the worker was started: only the first chart starts it. */
  get started(): boolean {
    return this.worker !== undefined;
  }

  /** Starts drawing the chart in an output's bundle, if it has one not drawn yet. Never throws. */
  offer(bundle: MimeBundle): void {
    const chart = chartIn(bundle);
    if (!chart || this.closed) return;
    try {
      const key = chartKey(chart.data, chart.language);
      if (this.charts.has(key)) return;
      const id = this.nextId++;
      const request: ChartRequest = { id, data: chart.data, language: chart.language };
      this.charts.set(key, new Promise((resolve) => this.waiting.set(id, resolve)));
      const worker = this.start();
      // Busy, the worker keeps the process alive until it answers; idle, it never does.
      if (this.waiting.size === 1) worker.ref();
      worker.postMessage(request);
    } catch {
      this.stop();
    }
  }

  /** The chart drawn for this data, once the worker is done with it; undefined if the export must draw it. */
  async lookup(data: unknown, language: ChartLanguage): Promise<RenderedChart | undefined> {
    const chart = await this.charts.get(chartKey(data, language));
    // vega numbers clip paths and gradients (`url(#clip1)`) with counters of the thread that draws:
    // only the export's thread, drawing every such chart in order, numbers them as before.
    return chart?.svg.includes("url(#") ? undefined : chart;
  }

  /** Stops the worker; charts it has not finished are left to the export. */
  async close(): Promise<void> {
    this.stop();
    await this.worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const { file, execArgv } = workerScript(__dirname, "prerender-worker");
    const worker = new Worker(file, { execArgv });
    worker.on("message", ({ id, chart }: ChartAnswer) => {
      this.waiting.get(id)?.(chart);
      this.waiting.delete(id);
      if (this.waiting.size === 0) worker.unref();
    });
    // A worker that cannot go on leaves its charts to the export.
    worker.on("error", () => this.stop());
    worker.on("exit", () => this.stop());
    this.worker = worker;
    return worker;
  }

  /** Gives up on the charts still being drawn, and on any offered later. */
  private stop(): void {
    this.closed = true;
    for (const resolve of this.waiting.values()) resolve(undefined);
    this.waiting.clear();
    this.worker?.unref();
  }
}
