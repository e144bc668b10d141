/** The news API (`/api/v1/news`) as the news pages use it. */
import { request as call, queryString as query } from "../../lib/api.ts";

export type NewsKind = "news" | "announcement";
export type NewsStatus = "draft" | "published" | "archived";

export interface NewsImage {
  mediaId: string;
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
}

export interface NewsSummary {
  id: string;
  slug: string;
  kind: NewsKind;
  title: string;
  summary: string;
  image: NewsImage | null;
  regencyCodes: string[];
  organisation: { id: string; name: string };
  status: NewsStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewsArticle extends NewsSummary {
  body: string;
}

export interface NewsPage {
  items: NewsSummary[];
  total: number;
}

export interface NewsInput {
  title: string;
  summary: string;
  kind: NewsKind;
  body: string;
  imageMediaId: string | null;
  imageAlt: string | null;
  regencyCodes: string[];
}

export interface UploadedImage {
  id: string;
  contentType: string;
  size: number;
  width: number;
  height: number;
  url: string;
}

export const newsApi = {
  list: (filters: { regency?: string; kind?: string; limit?: number; offset?: number }) =>
    call<NewsPage>(
      "GET",
      `/api/v1/news${query({
        regency: filters.regency,
        kind: filters.kind,
        limit: filters.limit,
        offset: filters.offset,
      })}`,
    ),
  get: (slug: string, preview = false) =>
    call<NewsArticle>("GET", `/api/v1/news/${encodeURIComponent(slug)}${preview ? "?preview=true" : ""}`),
  mine: () => call<{ items: NewsArticle[] }>("GET", "/api/v1/news/mine"),
  create: (input: NewsInput) => call<NewsArticle>("POST", "/api/v1/news", input),
  update: (id: string, input: Partial<NewsInput>) =>
    call<NewsArticle>("PUT", `/api/v1/news/${encodeURIComponent(id)}`, input),
  publish: (id: string) => call<NewsArticle>("POST", `/api/v1/news/${encodeURIComponent(id)}/publish`),
  unpublish: (id: string) => call<NewsArticle>("POST", `/api/v1/news/${encodeURIComponent(id)}/unpublish`),
  archive: (id: string) => call<void>("DELETE", `/api/v1/news/${encodeURIComponent(id)}`),
  uploadImage: (file: Blob) => call<UploadedImage>("POST", "/api/v1/news/images", file),
};
