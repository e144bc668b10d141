import { describe, expect, it } from "vitest";
import { createBatcher } from "./batcher";

describe("createBatcher", () => {
  it("writes items that arrive together in one batch and answers each with its own result", async () => {
    const batches: number[][] = [];
    const add = createBatcher(
      async (items: number[]) => {
        batches.push(items);
        return items.map((n) => n * 10);
      },
      { max: 100 },
    );
    const results = await Promise.all([1, 2, 3, 4].map(add));
    expect(results).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it("caps a batch at max and writes one batch at a time, the next gathering what came meanwhile", async () => {
    const batches: number[][] = [];
    let writing = 0;
    let overlap = false;
    const add = createBatcher(
      async (items: number[]) => {
        writing++;
        if (writing > 1) overlap = true;
        batches.push(items);
        await new Promise((r) => setTimeout(r, 5));
        writing--;
        return items;
      },
      { max: 3 },
    );
    const first = Promise.all([1, 2, 3, 4, 5].map(add));
    await new Promise((r) => setTimeout(r, 1));
    const later = Promise.all([6, 7].map(add));
    expect(await first).toEqual([1, 2, 3, 4, 5]);
    expect(await later).toEqual([6, 7]);
    expect(batches[0]).toEqual([1, 2, 3]);
    expect(batches.flat().sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(overlap).toBe(false);
  });

  it("when a batch fails, writes its items one by one so only the bad one fails", async () => {
    const add = createBatcher(
      async (items: number[]) => {
        if (items.includes(13)) throw new Error(`13 among ${items.join(",")}`);
        return items;
      },
      { max: 100 },
    );
    const settled = await Promise.allSettled([11, 12, 13, 14].map(add));
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect((settled[2] as PromiseRejectedResult).reason.message).toBe("13 among 13");
  });

  it("keeps working after a failure and across separate bursts", async () => {
    let calls = 0;
    const add = createBatcher(
      async (items: string[]) => {
        calls++;
        return items.map((s) => s.toUpperCase());
      },
      { max: 10 },
    );
    expect(await add("a")).toBe("A");
    expect(await Promise.all(["b", "c"].map(add))).toEqual(["B", "C"]);
    expect(calls).toBe(2);
  });
});
