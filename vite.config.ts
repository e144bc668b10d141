import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const backend = process.env.LUMBUNG_API_URL ?? "http://127.0.0.1:3000";
const proxied = ["/api", "/oauth", "/health", "/openapi.json", "/docs"];
const outDir = fileURLToPath(new URL("./dist/web", import.meta.url));

// Lazy chunks the offline shell must hold besides the home's: filing a Lapor report without a signal.
const OFFLINE_PAGES = [/features\/home\/sections\.tsx$/, /features\/lapor\/NewReportPage\.tsx$/];

/**
 * Writes the app shell's file list into the built sw.js (`const BUILD = {...}`): the entry chunk, its
 * static imports and CSS, and the lazy chunks of OFFLINE_PAGES with theirs. The version is a hash of
 * that list, so every deployment that changes the shell installs a new worker.
 */
function lumbungServiceWorker(): Plugin {
  let files: string[] = [];
  let dir = outDir;
  return {
    name: "lumbung-service-worker",
    apply: "build",
    configResolved(config) {
      dir = path.resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === "chunk");
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const seen = new Set<string>();
      const add = (fileName: string) => {
        if (seen.has(fileName)) return;
        seen.add(fileName);
        const chunk = byName.get(fileName);
        if (!chunk) return;
        for (const css of chunk.viteMetadata?.importedCss ?? []) seen.add(css);
        for (const imported of chunk.imports) add(imported);
      };
      for (const chunk of chunks) {
        const offline = OFFLINE_PAGES.some((re) => chunk.facadeModuleId && re.test(chunk.facadeModuleId));
        if (chunk.isEntry || offline) add(chunk.fileName);
      }
      files = [...seen].sort().map((f) => `/${f}`);
    },
    async closeBundle() {
      const target = path.join(dir, "sw.js");
      const source = await readFile(target, "utf8").catch(() => null);
      if (source === null) return;
      const version = createHash("sha256").update(files.join("\n")).digest("hex").slice(0, 12);
      const build = `const BUILD = ${JSON.stringify({ version, precache: files })};`;
      const next = source.replace(/const BUILD = \{ version: "dev", precache: \[\] \};/, build);
      if (next === source) throw new Error("sw.js: the BUILD placeholder was not found");
      await writeFile(target, next);
    },
  };
}

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
const COMPRESSIBLE = /\.(js|css|html|svg|webmanifest|json)$/;

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of the build (≥ 1 KB), compressed once at
 * build time at the highest levels, so the server can send them as they are (@fastify/static's
 * `preCompressed`) instead of the raw bytes: on a weak connection the JavaScript is a third the size.
 */
function precompress(): Plugin {
  let dir = outDir;
  return {
    name: "lumbung-precompress",
    apply: "build",
    enforce: "post",
    configResolved(config) {
      dir = path.resolve(config.root, config.build.outDir);
    },
    // After sw.js got its file list (closeBundle hooks otherwise run in parallel).
    closeBundle: {
      order: "post",
      sequential: true,
      async handler() {
        const entries = await readdir(dir, { recursive: true, withFileTypes: true });
        await Promise.all(
          entries
            .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name) && !e.parentPath.includes(".vite"))
            .map(async (e) => {
              const file = path.join(e.parentPath, e.name);
              const data = await readFile(file);
              if (data.length < 1024) return;
              const [br, gz] = await Promise.all([
                brotli(data, {
                  params: {
                    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
                    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
                  },
                }),
                gzip(data, { level: 9 }),
              ]);
              await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
            }),
        );
      },
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL("./web", import.meta.url)),
  base: "/",
  plugins: [react(), lumbungServiceWorker(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    assetsInlineLimit: 0,
    // dist/web/.vite/manifest.json: which chunks each page loads (bench/web-weight.ts reads it).
    manifest: true,
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: backend, changeOrigin: false }])),
  },
  preview: { host: "127.0.0.1", port: 4173 },
});
