import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { DeferredRequestLogger, deferredChildLogger } from "./request-logger";

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(JSON.parse(String(chunk)));
      cb();
    },
  });
  const logger = pino({ level, redact: { paths: ["secret"], censor: "[redacted]" } }, sink);
  return { logger, lines };
}

describe("deferred request logger", () => {
  it("writes enabled lines with the request's bindings and redaction, as pino's child would", () => {
    const { logger, lines } = capture("info");
    const log = deferredChildLogger(logger, { reqId: "req_1" }, {});
    log.info({ secret: "s3cret", n: 1 }, "hello");
    log.error("boom");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ reqId: "req_1", msg: "hello", n: 1, secret: "[redacted]" });
    expect(lines[1]).toMatchObject({ reqId: "req_1", msg: "boom", level: 50 });
  });

  it("builds no child while nothing is logged at an enabled level", () => {
    const { logger, lines } = capture("warn");
    let children = 0;
    const counting = Object.create(logger, {
      child: {
        value: (...a: Parameters<typeof logger.child>) => {
          children++;
          return logger.child(...a);
        },
      },
    });
    const log = new DeferredRequestLogger(counting, { reqId: "req_2" }, {});
    log.info("not written");
    log.debug("not written");
    expect(children).toBe(0);
    expect(log.isLevelEnabled("info")).toBe(false);
    log.warn("written");
    log.warn("written again");
    expect(children).toBe(1);
    expect(lines.map((l) => l.msg)).toEqual(["written", "written again"]);
  });

  it("hands grandchildren the request's bindings and follows a level change", () => {
    const { logger, lines } = capture("info");
    const log = deferredChildLogger(logger, { reqId: "req_3" }, {});
    log.child({ job: "import" }).info("step");
    expect(lines[0]).toMatchObject({ reqId: "req_3", job: "import" });
    log.level = "debug";
    log.debug("now visible");
    expect(lines[1]).toMatchObject({ reqId: "req_3", msg: "now visible" });
    expect(logger.isLevelEnabled("debug")).toBe(false);
  });

  it("lets pino build a child at once when the route sets its own level", () => {
    const { logger, lines } = capture("info");
    const log = deferredChildLogger(logger, { reqId: "req_4" }, { level: "debug" });
    expect(log).not.toBeInstanceOf(DeferredRequestLogger);
    log.debug("route-level debug");
    expect(lines[0]).toMatchObject({ reqId: "req_4", msg: "route-level debug" });
  });
});
