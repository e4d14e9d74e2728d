import { test } from "uvu";
import * as assert from "uvu/assert";
import { coalesceStreams, parseNotebook, serializeNotebook, sourceOf } from "../../src/notebook/notebook";

test("reads a notebook whose sources are lists of lines", () => {
  const nb = parseNotebook(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code", source: ["a\n", "b"], metadata: {} }] }), "x.ipynb");
  const cell = nb.cells[0]!;
  assert.is(sourceOf(cell), "a\nb");
  assert.equal(cell.cell_type === "code" && cell.outputs, []);
});

test("bad notebooks are errors naming the file and what was expected", () => {
  assert.throws(() => parseNotebook("{", "x.ipynb"), /x\.ipynb: not a notebook/);
  assert.throws(() => parseNotebook('{"nbformat": 3, "cells": []}', "x.ipynb"), /x\.ipynb: expected an nbformat 4 notebook \(found nbformat 3\)/);
  assert.throws(() => parseNotebook('{"nbformat": 4, "cells": [{"cell_type": "heading", "source": ""}]}', "x.ipynb"), /cell 1 has cell_type "heading"/);
});

test("consecutive stream outputs of one name are joined, others kept in order", () => {
  const merged = coalesceStreams([
    { output_type: "stream", name: "stdout", text: "a\n" },
    { output_type: "stream", name: "stdout", text: "b\n" },
    { output_type: "stream", name: "stderr", text: "c\n" },
    { output_type: "display_data", data: { "text/plain": "d" }, metadata: {} },
    { output_type: "stream", name: "stdout", text: "e\n" },
  ]);
  assert.equal(merged.map((o) => (o.output_type === "stream" ? o.text : o.output_type)), ["a\nb\n", "c\n", "display_data", "e\n"]);
});

test("serialises with one-space indent and a final newline, like Jupyter", () => {
  const text = serializeNotebook({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] });
  assert.is(text, '{\n "nbformat": 4,\n "nbformat_minor": 5,\n "metadata": {},\n "cells": []\n}\n');
});

test.run();
