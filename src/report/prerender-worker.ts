// The worker thread of ChartPrerenderer: draws the charts it is sent, one at a time in the order
// sent, and answers each with the drawing, or with nothing when drawing failed.
import { parentPort } from "node:worker_threads";
import { renderChart, type ChartLanguage, type RenderedChart } from "./charts";

export interface ChartRequest {
  id: number;
  data: unknown;
  language: ChartLanguage;
}

export interface ChartAnswer {
  id: number;
  chart?: RenderedChart;
}

let queue = Promise.resolve();
parentPort?.on("message", ({ id, data, language }: ChartRequest) => {
  queue = queue.then(async () => {
    // The export draws a failed chart again, to show the same message it always has.
    const chart = await renderChart(data, language).catch(() => undefined);
    const answer: ChartAnswer = chart ? { id, chart } : { id };
    try {
      parentPort?.postMessage(answer);
    } catch {
      parentPort?.postMessage({ id } satisfies ChartAnswer);
    }
  });
});
