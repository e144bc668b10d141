import path from "node:path";
import { z } from "zod";

/** Placeholder platform prefix under Indonesia's 899 range until GS1 Indonesia licenses one. */
export const DEFAULT_GS1_PREFIX = "8990000";

/** Secrets that ship with the repository; production refuses them. */
export const DEMO_SECRET = "lumbung-demo-secret-change-me-in-production-0000";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    LUMBUNG_DATA_DIR: z.string().min(1).default("./data"),
    LUMBUNG_DEMO: bool.optional(),
    LUMBUNG_DEMO_ACTIVITY: bool.optional(),
    LUMBUNG_SECRET: z.string().min(32, "must be at least 32 characters").default(DEMO_SECRET),
    LUMBUNG_PUBLIC_URL: z.url().optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    PUBLIC_WRITE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(24 * 14),
    TRUST_PROXY: bool.default(false),
    WEB_DIST_DIR: z.string().min(1).default("./dist/web"),
    EPCIS_CAPTURE_MAX_EVENTS: z.coerce.number().int().min(1).max(100_000).default(10_000),
    EPCIS_CAPTURE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(20 * 1024 * 1024),
    // Background work in the API process; 0 turns a timer off (another process, or tests, run it).
    LAPOR_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
    NOTIFICATION_DISPATCH_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(15),
    MARKET_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
    PARTNER_WEBHOOK_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(10),
    /** Minutes an unpaid marketplace order holds its stock before it is cancelled. */
    MARKET_PAYMENT_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
    // Lumbung's own GS1 company prefix, for organisations that have none. The default is a placeholder
    // under Indonesia's 899 range: an operator sets the prefix GS1 Indonesia licensed to the platform.
    LUMBUNG_GS1_PREFIX: z
      .string()
      .regex(/^899\d{3,9}$/, "must be a GS1 company prefix of 6 to 12 digits starting with 899 (Indonesia)")
      .default(DEFAULT_GS1_PREFIX),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    if (env.LUMBUNG_SECRET === DEMO_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["LUMBUNG_SECRET"],
        message: "production needs its own secret, not the demo one",
      });
    }
    if (env.LUMBUNG_GS1_PREFIX === DEFAULT_GS1_PREFIX) {
      ctx.addIssue({
        code: "custom",
        path: ["LUMBUNG_GS1_PREFIX"],
        message: `production issues real GTINs, GLNs and SSCCs: set the prefix GS1 Indonesia licensed to the platform, not the placeholder ${DEFAULT_GS1_PREFIX}`,
      });
    }
    if (env.LUMBUNG_DEMO === true) {
      ctx.addIssue({
        code: "custom",
        path: ["LUMBUNG_DEMO"],
        message: "demo accounts (shared passwords) cannot run in production",
      });
    }
  });

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  /** Demo mode also records synthetic prices and warehouse stock at start (off for the e2e suite). */
  demoActivity: boolean;
  secret: string;
  publicUrl: string;
  logLevel: string;
  bodyLimit: number;
  loginRateLimit: number;
  publicWriteRateLimit: number;
  sessionTtlHours: number;
  trustProxy: boolean;
  webDistDir: string;
  epcis: { maxEventsPerCapture: number; maxCaptureBytes: number };
  /** GS1 company prefix under which organisations without their own get GTINs, GLNs and SSCCs. */
  gs1: { platformPrefix: string };
  /** Seconds between runs of the background timers; 0: not run by this process. */
  timers: {
    laporSweepSeconds: number;
    notificationDispatchSeconds: number;
    marketSweepSeconds: number;
    partnerWebhookSeconds: number;
  };
  market: { paymentTimeoutMinutes: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parses the environment once, reporting every problem together rather than the first. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.LUMBUNG_DATA_DIR),
    demo: e.LUMBUNG_DEMO ?? e.NODE_ENV !== "production",
    demoActivity: (e.LUMBUNG_DEMO ?? e.NODE_ENV !== "production") && (e.LUMBUNG_DEMO_ACTIVITY ?? true),
    secret: e.LUMBUNG_SECRET,
    publicUrl: e.LUMBUNG_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT_BYTES,
    loginRateLimit: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    publicWriteRateLimit: e.PUBLIC_WRITE_RATE_LIMIT_PER_MINUTE,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    trustProxy: e.TRUST_PROXY,
    webDistDir: path.resolve(e.WEB_DIST_DIR),
    epcis: { maxEventsPerCapture: e.EPCIS_CAPTURE_MAX_EVENTS, maxCaptureBytes: e.EPCIS_CAPTURE_MAX_BYTES },
    gs1: { platformPrefix: e.LUMBUNG_GS1_PREFIX },
    timers: {
      laporSweepSeconds: e.LAPOR_SWEEP_INTERVAL_SECONDS,
      notificationDispatchSeconds: e.NOTIFICATION_DISPATCH_INTERVAL_SECONDS,
      marketSweepSeconds: e.MARKET_SWEEP_INTERVAL_SECONDS,
      partnerWebhookSeconds: e.PARTNER_WEBHOOK_INTERVAL_SECONDS,
    },
    market: { paymentTimeoutMinutes: e.MARKET_PAYMENT_TIMEOUT_MINUTES },
  };
}
