import { Fragment, lazy, type ReactElement } from "react";
import { Route } from "react-router";

const NewsFeedPage = lazy(() => import("./NewsFeedPage.tsx").then((m) => ({ default: m.NewsFeedPage })));
const ArticlePage = lazy(() => import("./ArticlePage.tsx").then((m) => ({ default: m.ArticlePage })));
const NewsConsolePage = lazy(() =>
  import("./NewsConsolePage.tsx").then((m) => ({ default: m.NewsConsolePage })),
);
const NewsEditorPage = lazy(() =>
  import("./NewsEditorPage.tsx").then((m) => ({ default: m.NewsEditorPage })),
);

/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout. */
export function newsRoutes(): ReactElement {
  return (
    <Fragment>
      <Route path="berita" element={<NewsFeedPage />} />
      <Route path="berita/:slug" element={<ArticlePage />} />
      <Route path="konsol/berita" element={<NewsConsolePage />} />
      <Route path="konsol/berita/baru" element={<NewsEditorPage />} />
      <Route path="konsol/berita/:id" element={<NewsEditorPage />} />
    </Fragment>
  );
}
