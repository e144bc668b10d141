import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { access } from "./access";
import { AppError } from "./errors";

// Paths that belong to machines; a miss there is a problem+json 404, never the web app's HTML.
const API_PREFIXES = [
  "/api/",
  "/oauth/",
  "/partner/",
  "/epcis/",
  "/open311/",
  "/health",
  "/openapi.json",
  "/docs",
];

/** Serves the built React app with a fallback to index.html for client-side routes. */
export async function registerWeb(app: FastifyInstance, distDir: string): Promise<void> {
  const hasBuild = existsSync(path.join(distDir, "index.html"));
  if (hasBuild) {
    // The build writes .br and .gz next to each text file (vite.config.ts): a phone on a weak connection
    // downloads a third of the bytes, and nothing is compressed per request.
    await app.register(fastifyStatic, { root: distDir, wildcard: false, serve: false, preCompressed: true });
  }
  app.get("/*", { config: { access: access.public }, schema: { hide: true } }, async (req, reply) => {
    const url = req.url.split("?")[0] ?? "/";
    if (API_PREFIXES.some((p) => url.startsWith(p))) {
      throw new AppError("route.not_found", `No route GET ${url}`);
    }
    if (!hasBuild) {
      throw new AppError("route.not_found", "The web app is not built; run npm run build:web");
    }
    const file = path.normalize(decodeURIComponent(url)).replace(/^(\.\.(\/|\\|$))+/, "");
    const candidate = path.join(distDir, file);
    if (file !== "/" && candidate.startsWith(distDir) && existsSync(candidate) && !candidate.endsWith("/")) {
      // Hashed assets never change; index.html must always be revalidated.
      const immutable = file.startsWith("/assets/");
      return reply
        .header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache")
        .sendFile(file.replace(/^\//, ""));
    }
    return reply.header("cache-control", "no-cache").type("text/html").sendFile("index.html");
  });
}
