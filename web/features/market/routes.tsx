import { Fragment, lazy, type ReactElement, Suspense } from "react";
import { Route } from "react-router";

// Every storefront page is its own chunk: the citizen home's first load carries none of the market.
const MarketFrame = lazy(() => import("./MarketFrame.tsx").then((m) => ({ default: m.MarketFrame })));
const EmbedLayout = lazy(() => import("./EmbedLayout.tsx").then((m) => ({ default: m.EmbedLayout })));
const HomePage = lazy(() => import("./HomePage.tsx").then((m) => ({ default: m.HomePage })));
const SearchPage = lazy(() => import("./SearchPage.tsx").then((m) => ({ default: m.SearchPage })));
const ProductPage = lazy(() => import("./ProductPage.tsx").then((m) => ({ default: m.ProductPage })));
const StorePage = lazy(() => import("./StorePage.tsx").then((m) => ({ default: m.StorePage })));
const CartPage = lazy(() => import("./CartPage.tsx").then((m) => ({ default: m.CartPage })));
const CheckoutPage = lazy(() => import("./CheckoutPage.tsx").then((m) => ({ default: m.CheckoutPage })));
const OrdersPage = lazy(() => import("./OrdersPage.tsx").then((m) => ({ default: m.OrdersPage })));
const OrderPage = lazy(() => import("./OrderPage.tsx").then((m) => ({ default: m.OrderPage })));

/** The same pages under both mounts; each page builds its links from the mount's base path. */
function storefrontPages(): ReactElement {
  return (
    <Fragment>
      <Route index element={<HomePage />} />
      <Route path="cari" element={<SearchPage />} />
      <Route path="produk/:id" element={<ProductPage />} />
      <Route path="toko/:slug" element={<StorePage />} />
      <Route path="keranjang" element={<CartPage />} />
      <Route path="checkout/:sellerId" element={<CheckoutPage />} />
      <Route path="pesanan" element={<OrdersPage />} />
      <Route path="pesanan/:id" element={<OrderPage />} />
    </Fragment>
  );
}

/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout. */
export function marketRoutes(): ReactElement {
  return (
    <Route path="pasar" element={<MarketFrame />}>
      {storefrontPages()}
    </Route>
  );
}

/** The storefront embedded in a partner's app (JAKI): mounted outside the app layout, without its chrome. */
export function marketEmbedRoutes(): ReactElement {
  return (
    <Route
      path="embed/pasar"
      element={
        // Outside the app layout, so no Suspense above it but this one.
        <Suspense fallback={null}>
          <EmbedLayout />
        </Suspense>
      }
    >
      {storefrontPages()}
    </Route>
  );
}
