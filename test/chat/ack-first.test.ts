import { afterEach, describe, expect, it, vi } from "vitest";
import { offlineWriter } from "../../src/engine/writers/offline/index.ts";
import type { UpdateWriter, WriterInput } from "../../src/engine/writers/types.ts";
import { type ConsoleHarness, createConsoleHarness } from "../support/console-harness.ts";

/** The offline writer behind a gate: it takes as long as the test keeps the gate shut (a 10 s model call). */
function slowWriter() {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let started = false;
  const writer: UpdateWriter = {
    name: "offline",
    write: async (input: WriterInput) => {
      started = true;
      await gate;
      return offlineWriter.write(input);
    },
  };
  return { writer, open: () => open(), started: () => started };
}

function failingWriter(): UpdateWriter {
  return {
    name: "offline",
    write: async () => {
      throw new Error("model endpoint reset the connection");
    },
  };
}

let h: ConsoleHarness;
afterEach(() => h.cleanup());

async function sessionWithWork() {
  await h.say("/flowpilot start TKT-3310 Wi-Fi drops in the boardroom --client Lakeside Law");
  await h.say("Boardroom AP drops clients every 20 minutes, other APs fine");
  await h.say("Firmware on the boardroom AP is two versions behind the rest");
}

describe("ack first, finish later", () => {
  it("the handler returns while a slow writer is still writing; the placeholder is replaced by the update after", async () => {
    const slow = slowWriter();
    h = await createConsoleHarness({ writer: slow.writer, ackFirst: true });
    await sessionWithWork();
    const before = h.sent.length;
    await h.say("quick client update pls");
    // The handler has returned; the deferred work reaches the writer in its own turns of the event loop.
    await vi.waitFor(() => expect(slow.started()).toBe(true), { timeout: 30_000 });
    const placeholder = h.sent.slice(before).find((s) => s.view.kind === "generating");
    expect(placeholder).toBeDefined();
    expect(h.sent.slice(before).some((s) => s.view.kind === "update_result")).toBe(false);
    expect(await h.prisma.sessionStep.count({ where: { stepType: "status_update" } })).toBe(0);

    slow.open();
    await h.settle();
    expect(h.sent.at(-1)).toMatchObject({ kind: "update", ref: placeholder!.ref });
    expect(h.sent.at(-1)!.view.kind).toBe("update_result");
    expect(await h.prisma.sessionStep.count({ where: { stepType: "status_update" } })).toBe(1);
  });

  it("a failure after the acknowledgement still reaches the engineer, and the placeholder stops promising", async () => {
    h = await createConsoleHarness({ writer: failingWriter(), ackFirst: true });
    await sessionWithWork();
    const before = h.sent.length;
    await h.say("quick client update pls");
    await h.settle();
    const after = h.sent.slice(before);
    const placeholder = after.find((s) => s.view.kind === "generating")!;
    expect(after.find((s) => s.kind === "update" && s.ref === placeholder.ref)?.view.text).toMatch(
      /could not be written/,
    );
    const error = after.at(-1)!;
    expect(error.view.kind).toBe("error");
    expect(error.ephemeralTo).toBe("console:test");
    expect(error.view.text).toMatch(/Something went wrong on our side/);
  });

  it("resolve stores the new status before the acknowledgement and drafts the notes after it", async () => {
    const slow = slowWriter();
    h = await createConsoleHarness({ writer: slow.writer, ackFirst: true });
    await sessionWithWork();
    await h.say("/flowpilot resolve Upgraded the boardroom AP firmware; no drops in 2 hours");
    expect((await h.prisma.session.findFirstOrThrow()).status).toBe("resolved");
    expect(await h.prisma.sessionStep.count({ where: { stepType: "status_update" } })).toBe(0);
    const placeholder = h.sent.at(-1)!;
    expect(placeholder.view.kind).toBe("generating");
    slow.open();
    await h.settle();
    expect(h.sent.at(-1)).toMatchObject({ kind: "update", ref: placeholder.ref });
    expect(h.sent.at(-1)!.view.kind).toBe("share_resolution");
    expect(await h.prisma.sessionStep.count({ where: { stepType: "status_update" } })).toBe(2);
  });

  it("without waitUntil (console, CLI) the work is finished before the handler returns", async () => {
    h = await createConsoleHarness();
    await sessionWithWork();
    await h.say("quick client update pls");
    expect(h.sent.at(-1)!.view.kind).toBe("update_result");
  });
});
