import { buildApp } from "./app";
import { ConfigError, loadConfig } from "./config";
import { openDatabase } from "./db/client";
import { databaseTarget, prepareDatabase } from "./db/prepare";
import { every } from "./lib/interval";
import type { Readiness } from "./modules/health";
import { startLaporSweeper } from "./modules/lapor";
import { startNotificationDispatcher } from "./modules/notifications";
import { seedDemoActivity } from "./seed/demo-activity";
import { seedLaporActivity } from "./seed/demo-lapor";
import { seedMarketDemo } from "./seed/demo-market";
import { seedProcurementDemo } from "./seed/demo-procurement";

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }

  const database = await openDatabase(databaseTarget(config));
  const readiness: Readiness = { ready: false, phase: "migrating" };
  const app = await buildApp({ config, database, readiness });

  // Listen first so orchestrators see a live process whose /health says 503 until migrations finish.
  await app.listen({ port: config.port, host: config.host });
  await prepareDatabase(database, {
    demo: config.demo,
    gs1Prefix: config.gs1.platformPrefix,
    onPhase: (phase) => {
      readiness.phase = phase;
      app.log.info({ phase }, "preparing database");
    },
  });
  if (config.demoActivity) {
    // Through the services, after the schema and demo accounts exist; a failure here is not fatal.
    await seedDemoActivity(database.db, app.services, new Date()).catch((err: unknown) =>
      app.log.warn({ err }, "demo prices and stock were not recorded"),
    );
    await seedLaporActivity(database.db, app.services).catch((err: unknown) =>
      app.log.warn({ err }, "demo reports were not filed"),
    );
    await seedMarketDemo(database.db, app.services).catch((err: unknown) =>
      app.log.warn({ err }, "demo shops and products were not listed"),
    );
    await seedProcurementDemo(database.db, app.services).catch((err: unknown) =>
      app.log.warn({ err }, "demo offers and purchase orders were not recorded"),
    );
  }
  // Background work: overdue reports escalate and unconfirmed ones close; SMS/WhatsApp/e-mail go out.
  const stopTimers: (() => void)[] = [];
  if (config.timers.laporSweepSeconds > 0) {
    stopTimers.push(
      startLaporSweeper(app.services.lapor, {
        intervalMs: config.timers.laporSweepSeconds * 1000,
        onError: (err) => app.log.error({ err }, "lapor sweep failed"),
      }),
    );
  }
  if (config.timers.notificationDispatchSeconds > 0) {
    stopTimers.push(
      startNotificationDispatcher(app.services.notifications, {
        intervalMs: config.timers.notificationDispatchSeconds * 1000,
        onError: (err) => app.log.warn({ err }, "notification dispatch failed"),
      }),
    );
  }
  // Trade (issue 6): unpaid orders give their stock back; partners' webhooks go out and are retried.
  if (config.timers.marketSweepSeconds > 0) {
    stopTimers.push(
      every(() => app.services.marketplace.orders.sweep(), {
        intervalMs: config.timers.marketSweepSeconds * 1000,
        onError: (err) => app.log.error({ err }, "marketplace sweep failed"),
      }),
    );
  }
  if (config.timers.partnerWebhookSeconds > 0) {
    stopTimers.push(
      every(() => app.services.partner.dispatchWebhooks(), {
        intervalMs: config.timers.partnerWebhookSeconds * 1000,
        onError: (err) => app.log.warn({ err }, "partner webhook dispatch failed"),
      }),
    );
  }
  readiness.phase = "ready";
  readiness.ready = true;
  app.log.info(
    { db: database.kind, demo: config.demo, url: `http://${config.host}:${config.port}` },
    "Lumbung is ready",
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    for (const stop of stopTimers) stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
