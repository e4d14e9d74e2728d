// The integration tests' frame: for each engine, a suite whose tests share one real node
// (test/search-node/search-node.ts) with filebeat's index template on it, stopped after the last
// test. Where java or mvn is missing, every test is registered as skipped with the reason and the
// install command (never as passed); a node that is there but does not start fails the suite.
import * as uvu from "uvu";
import { ENGINES, type Engine } from "../../../src/jelly/load/snapshot-engine";
import { nodeHome, searchNodeMissing, startSearchNode, type SearchNode } from "../../search-node/search-node";
import { scratch } from "../../helpers";
import { toolLeftOut } from "../../tools";
import { putFilebeatTemplate } from "./filebeat";

export interface NodeContext {
  node: SearchNode;
  /** A folder for the suite's files, removed after its last test. */
  dir: string;
  /** Removes the node's folder (after it stopped) and the suite's. */
  remove: () => void;
}

type Register = (test: (name: string, fn: (ctx: NodeContext) => Promise<void> | void) => void, engine: Engine) => void;

export function onEachEngine(title: string, register: Register): void {
  const missing = toolLeftOut("search") ?? searchNodeMissing();
  for (const engine of ENGINES) {
    const suite = uvu.suite<NodeContext>(`${title}, ${engine}`, {} as NodeContext);
    if (missing !== undefined) {
      register((name) => {
        console.log(`SKIPPED "${name} (${engine})": ${missing}`);
        suite.skip(name, () => undefined);
      }, engine);
    } else {
      // uvu reports a failing hook without its message: a node that did not start fails each test with it.
      let failed: Error | undefined;
      suite.before(async (ctx) => {
        const { home, remove } = nodeHome(engine);
        const own = scratch();
        ctx.dir = own.dir;
        ctx.remove = () => {
          remove();
          own.cleanup();
        };
        try {
          ctx.node = await startSearchNode(engine, home);
          await putFilebeatTemplate(ctx.node.url);
        } catch (e) {
          failed = e as Error;
        }
      });
      suite.after(async (ctx) => {
        await ctx.node?.stop();
        ctx.remove?.();
      });
      register(
        (name, fn) =>
          suite(name, (ctx) => {
            if (failed) throw failed;
            return fn(ctx);
          }),
        engine,
      );
    }
    suite.run();
  }
}
