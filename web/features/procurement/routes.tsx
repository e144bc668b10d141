import { Fragment, lazy, type ReactElement } from "react";
import { Route } from "react-router";

const DashboardPage = lazy(() => import("./DashboardPage.tsx").then((m) => ({ default: m.DashboardPage })));
const OffersPage = lazy(() => import("./OffersPage.tsx").then((m) => ({ default: m.OffersPage })));
const ContractsPage = lazy(() => import("./ContractsPages.tsx").then((m) => ({ default: m.ContractsPage })));
const ContractPage = lazy(() => import("./ContractsPages.tsx").then((m) => ({ default: m.ContractPage })));
const OrdersPage = lazy(() => import("./OrdersPages.tsx").then((m) => ({ default: m.OrdersPage })));
const NewOrderPage = lazy(() => import("./OrdersPages.tsx").then((m) => ({ default: m.NewOrderPage })));
const OrderPage = lazy(() => import("./OrdersPages.tsx").then((m) => ({ default: m.OrderPage })));
const InvoicesPage = lazy(() => import("./InvoicesPages.tsx").then((m) => ({ default: m.InvoicesPage })));
const InvoicePage = lazy(() => import("./InvoicesPages.tsx").then((m) => ({ default: m.InvoicePage })));
const FarmPaymentsPage = lazy(() =>
  import("./FarmPaymentsPage.tsx").then((m) => ({ default: m.FarmPaymentsPage })),
);

/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout. */
export function procurementRoutes(): ReactElement {
  return (
    <Fragment>
      <Route path="konsol/pengadaan" element={<DashboardPage />} />
      <Route path="konsol/pengadaan/penawaran" element={<OffersPage />} />
      <Route path="konsol/pengadaan/kontrak" element={<ContractsPage />} />
      <Route path="konsol/pengadaan/kontrak/:id" element={<ContractPage />} />
      <Route path="konsol/pengadaan/po" element={<OrdersPage />} />
      <Route path="konsol/pengadaan/po/baru" element={<NewOrderPage />} />
      <Route path="konsol/pengadaan/po/:id" element={<OrderPage />} />
      <Route path="konsol/pengadaan/faktur" element={<InvoicesPage />} />
      <Route path="konsol/pengadaan/faktur/:id" element={<InvoicePage />} />
      <Route path="konsol/pengadaan/petani" element={<FarmPaymentsPage />} />
    </Fragment>
  );
}
