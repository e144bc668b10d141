/**
 * The JavaScript a phone downloads to open the citizen home `/`, gzip-compressed, against issue 5's
 * budget of 200 KB; and proof that no console code is in it.
 *
 * It builds the web app with the project's vite.config.ts into a temporary directory (dist/web is left
 * alone), capturing from Rollup which source modules went into which chunk, then follows Vite's
 * manifest (`build.manifest`) from the entry `index.html`:
 *   - first load = the entry chunk + its static imports (recursively)
 *   + the lazy chunks the home renders at once (`features/home/sections.tsx`, with their static imports);
 * it prints a table per chunk (raw and gzip bytes, zlib level 9 as `gzip -9`), the total against the
 * budget, the CSS of the same load (not part of the JS budget), and every console chunk with its size.
 * A console module (operator pages: ConsoleHome, ConsoleNav, lots, shipments, warehouse, …) found in a
 * first-load chunk fails the run.
 *
 *   npx tsx bench/web-weight.ts              # build to a temp dir, print, remove it
 *   npx tsx bench/web-weight.ts --dist dist/web   # read an existing build (no module check)
 *
 * Exit code 1 when over budget or when console code is in the first load.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import { build, type Manifest, type Plugin } from "vite";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BUDGET_GZIP = 200 * 1024;
/** Lazy modules the citizen home renders as soon as it mounts. */
const HOME_LAZY = ["features/home/sections.tsx"];
/** Source paths of operator (console) code, relative to web/. */
const CONSOLE_SOURCES = [
  /^features\/home\/ConsoleHome\.tsx$/,
  /^components\/ConsoleNav\.tsx$/,
  /^features\/(lapor-console|lots|shipments|warehouse|processing|stability|price-entry|prices-import|audit|organisations|sites|interventions|supply|spread)\//,
  // Back offices of the citizen features (/konsol/berita, /konsol/layanan, …).
  /^features\/[^/]+\/[A-Za-z]*Console[A-Za-z]*\.tsx$/,
  /^features\/news\/NewsEditorPage\.tsx$/,
];

const { values } = parseArgs({ options: { dist: { type: "string" } } });

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gzip = (buf: Buffer) => zlib.gzipSync(buf, { level: 9 }).length;
const isConsole = (source: string) => CONSOLE_SOURCES.some((re) => re.test(source));

/**
 * Console *code*: pages and components. Route tables (`routes.tsx`, a few lines of lazy imports) and
 * message dictionaries (lib/i18n.ts merges every feature's) are in the entry by design; their weight is
 * shown separately.
 */
const isConsoleCode = (source: string) =>
  isConsole(source) &&
  !/\/(routes\.tsx|messages\.ts)$/.test(source) &&
  source !== "features/price-entry/serviceWorker.ts";

interface Captured {
  /** chunk file → source modules (relative to web/, or "node_modules/<package>") with rendered bytes. */
  modules: Map<string, { id: string; bytes: number }[]>;
}

function packageOf(id: string): string {
  if (!id.includes("node_modules/")) return `(bundler) ${id.replace(/^\0/, "").split("/")[0]}`;
  const rest = id.split("node_modules/").at(-1) ?? id;
  const parts = rest.split("/");
  return `node_modules/${parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]}`;
}

/** Rollup's chunk → source modules, captured while building. */
function captureModules(into: Captured): Plugin {
  const webDir = path.join(ROOT, "web");
  return {
    name: "bench-capture-modules",
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type !== "chunk") continue;
        into.modules.set(
          item.fileName,
          Object.entries(item.modules).map(([id, info]) => ({
            id: id.startsWith(webDir) ? path.relative(webDir, id).split(path.sep).join("/") : packageOf(id),
            bytes: info.renderedLength,
          })),
        );
      }
    },
  };
}

async function main(): Promise<void> {
  const captured: Captured = { modules: new Map() };
  const modules = captured.modules;
  let dist = values.dist ? path.resolve(values.dist) : "";
  let temp = "";
  if (!dist) {
    temp = await mkdtemp(path.join(tmpdir(), "lumbung-web-weight-"));
    dist = temp;
    await build({
      configFile: path.join(ROOT, "vite.config.ts"),
      logLevel: "warn",
      build: { outDir: dist, emptyOutDir: true, manifest: true },
      plugins: [captureModules(captured)],
    });
  }
  try {
    const manifest = JSON.parse(
      await readFile(path.join(dist, ".vite", "manifest.json"), "utf8"),
    ) as Manifest;
    const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
    if (!entryKey) throw new Error("no entry in the Vite manifest");

    const roles = new Map<string, string>(); // manifest key → why it loads
    const css = new Set<string>();
    const visit = (key: string, role: string) => {
      if (roles.has(key)) return;
      const chunk = manifest[key];
      if (!chunk) return;
      roles.set(key, role);
      for (const c of chunk.css ?? []) css.add(c);
      for (const imported of chunk.imports ?? []) visit(imported, `${role} → static import`);
    };
    visit(entryKey, "entry");
    for (const lazy of HOME_LAZY) {
      if (!manifest[lazy]) throw new Error(`${lazy} is not a chunk of its own in the manifest`);
      visit(lazy, "home, lazy at start");
    }

    console.log(
      `Citizen home (/) first-load JavaScript — build: ${values.dist ?? "fresh (vite.config.ts)"}\n`,
    );
    const rows: { file: string; role: string; raw: number; gz: number }[] = [];
    for (const [key, role] of roles) {
      const file = manifest[key]?.file as string;
      const buf = await readFile(path.join(dist, file));
      rows.push({ file, role, raw: buf.length, gz: gzip(buf) });
    }
    const width = Math.max(...rows.map((r) => r.file.length), 20);
    console.log(
      `${"chunk".padEnd(width)}  ${"loads as".padEnd(32)}  ${"raw".padStart(9)}  ${"gzip".padStart(9)}`,
    );
    for (const r of rows) {
      console.log(
        `${r.file.padEnd(width)}  ${r.role.padEnd(32)}  ${kb(r.raw).padStart(9)}  ${kb(r.gz).padStart(9)}`,
      );
    }
    const total = rows.reduce((s, r) => s + r.gz, 0);
    const totalRaw = rows.reduce((s, r) => s + r.raw, 0);
    console.log(
      `${"TOTAL JavaScript".padEnd(width)}  ${"".padEnd(32)}  ${kb(totalRaw).padStart(9)}  ${kb(total).padStart(9)}`,
    );
    console.log(
      `budget ${kb(BUDGET_GZIP)} gzip → ${total <= BUDGET_GZIP ? "WITHIN" : "OVER"} budget (${((total / BUDGET_GZIP) * 100).toFixed(0)} %)`,
    );

    let cssGz = 0;
    for (const file of css) cssGz += gzip(await readFile(path.join(dist, file)));
    console.log(`CSS on the same load (not in the JS budget): ${[...css].join(", ")} = ${kb(cssGz)} gzip`);

    // Console chunks: lazy chunks whose facade is console code.
    console.log("\nConsole chunks (load only when a console page opens):");
    let consoleTotal = 0;
    for (const [key, chunk] of Object.entries(manifest)) {
      if (!chunk.isDynamicEntry || !isConsole(key.replace(/^\.\.\/web\//, ""))) continue;
      const buf = await readFile(path.join(dist, chunk.file));
      const gz = gzip(buf);
      consoleTotal += gz;
      const inFirst = roles.has(key);
      console.log(
        `  ${chunk.file.padEnd(width)}  ${key.padEnd(46)} ${kb(gz).padStart(9)}${inFirst ? "  ← IN FIRST LOAD!" : ""}`,
      );
    }
    console.log(`  total ${kb(consoleTotal)} gzip, none of it in the first load unless marked.`);

    let leaked: string[] = [];
    if (modules.size > 0) {
      const first = rows.flatMap((r) => modules.get(r.file) ?? []);
      leaked = rows.flatMap((r) =>
        (modules.get(r.file) ?? []).filter((m) => isConsoleCode(m.id)).map((m) => `${r.file}: ${m.id}`),
      );
      console.log(
        `\nModule check: ${first.length} modules in the first-load chunks; console pages/components among them: ${leaked.length === 0 ? "none" : leaked.join(", ")}`,
      );
      // What the first load is made of (rendered bytes before minification's gzip; indicative).
      const groups = new Map<string, number>();
      for (const m of first) {
        const group = m.id.startsWith("node_modules/")
          ? m.id
          : m.id.endsWith("/messages.ts") || m.id === "lib/i18n.ts"
            ? isConsole(m.id)
              ? "messages: console features"
              : "messages: citizen features + core"
            : m.id.endsWith("/routes.tsx")
              ? "route tables (routes.tsx)"
              : "app code (web/)";
        groups.set(group, (groups.get(group) ?? 0) + m.bytes);
      }
      console.log("Composition of the first load (rendered module bytes before minification; indicative):");
      for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) {
        console.log(`  ${group.padEnd(40)} ${kb(bytes).padStart(9)}`);
      }
    }
    const consoleInFirst = [...roles.keys()].some((k) => isConsole(k));
    if (total > BUDGET_GZIP || leaked.length > 0 || consoleInFirst) process.exitCode = 1;
  } finally {
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}

await main();
