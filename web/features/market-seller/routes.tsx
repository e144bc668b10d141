import { Fragment, lazy, type ReactElement } from "react";
import { Route } from "react-router";

const ShopPage = lazy(() => import("./ShopPage.tsx").then((m) => ({ default: m.ShopPage })));
const ProductsPage = lazy(() => import("./ProductsPage.tsx").then((m) => ({ default: m.ProductsPage })));
const ProductEditorPage = lazy(() =>
  import("./ProductEditorPage.tsx").then((m) => ({ default: m.ProductEditorPage })),
);
const SellersAdminPage = lazy(() =>
  import("./SellersAdminPage.tsx").then((m) => ({ default: m.SellersAdminPage })),
);

/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout. */
export function marketSellerRoutes(): ReactElement {
  return (
    <Fragment>
      <Route path="konsol/toko" element={<ShopPage />} />
      <Route path="konsol/toko/produk" element={<ProductsPage />} />
      <Route path="konsol/toko/produk/baru" element={<ProductEditorPage />} />
      <Route path="konsol/toko/produk/:id" element={<ProductEditorPage />} />
      <Route path="konsol/penjual" element={<SellersAdminPage />} />
    </Fragment>
  );
}
