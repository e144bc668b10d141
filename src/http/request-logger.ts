import type { FastifyBaseLogger } from "fastify";
import type { Bindings, ChildLoggerOptions, LevelWithSilentOrString } from "pino";

type LogMethod = "fatal" | "error" | "warn" | "info" | "debug" | "trace";

/** pino's loggers have these; a custom logger handed to Fastify may not. */
type Logger = FastifyBaseLogger & { isLevelEnabled?(level: string): boolean; bindings?(): Bindings };

function enabled(logger: Logger, level: string): boolean {
  return logger.isLevelEnabled ? logger.isLevelEnabled(level) : logger.level !== "silent";
}

/**
 * `request.log`, created only when a request writes a log line. Fastify makes a pino child per request
 * for the request id; with redaction configured, building that child (its bindings serialised through
 * the redactor) cost ≈ 7% of the CPU of a public price-board request that never logs anything
 * (bench/health.ts). This defers it: a line at a disabled level costs one level check, and the first
 * enabled line builds the same child pino would have built, so lines carry `reqId` exactly as before.
 */
export class DeferredRequestLogger {
  #child: Logger | undefined;

  constructor(
    private readonly parent: Logger,
    private readonly childBindings: Bindings,
    private readonly childOptions: ChildLoggerOptions,
  ) {}

  private materialise(): Logger {
    this.#child ??= this.parent.child(this.childBindings, this.childOptions);
    return this.#child;
  }

  private write(level: LogMethod, args: unknown[]): void {
    const target = this.#child ?? this.parent;
    if (!enabled(target, level)) return;
    (this.materialise()[level] as (...a: unknown[]) => void)(...args);
  }

  get level(): LevelWithSilentOrString {
    return (this.#child ?? this.parent).level;
  }
  set level(level: LevelWithSilentOrString) {
    this.materialise().level = level;
  }
  isLevelEnabled(level: string): boolean {
    return enabled(this.#child ?? this.parent, level);
  }
  bindings(): Bindings {
    return this.materialise().bindings?.() ?? this.childBindings;
  }
  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.materialise().child(bindings, options);
  }
  fatal(...args: unknown[]): void {
    this.write("fatal", args);
  }
  error(...args: unknown[]): void {
    this.write("error", args);
  }
  warn(...args: unknown[]): void {
    this.write("warn", args);
  }
  info(...args: unknown[]): void {
    this.write("info", args);
  }
  debug(...args: unknown[]): void {
    this.write("debug", args);
  }
  trace(...args: unknown[]): void {
    this.write("trace", args);
  }
  silent(): void {}
}

/** Fastify's `childLoggerFactory`: a deferred child instead of an eager one. */
export function deferredChildLogger(
  parent: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  // An explicit per-route level changes which lines are enabled; let pino build that child at once.
  if (options.level !== undefined) return parent.child(bindings, options);
  return new DeferredRequestLogger(parent, bindings, options) as unknown as FastifyBaseLogger;
}
