/**
 * The article body format, shared with the server: one pure, dependency-free rule set (tested in
 * src/modules/news/domain/body.test.ts), so the editor's preview is exactly what readers get.
 */
export * from "../../../src/modules/news/domain/body.ts";
