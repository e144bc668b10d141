import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatRupiah } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { marketSellerApi } from "./api.ts";
import { isUmkm, ProductStatusBadge } from "./shared.tsx";
import "./market-seller.css";

function MyProducts() {
  const { t } = usePreferences();
  const query = useQuery({ queryKey: ["market", "seller", "products"], queryFn: marketSellerApi.myProducts });
  if (query.isError) return <p className="alert alert-info">{t("marketSeller.products.noShop")}</p>;
  return (
    <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t("marketSeller.products.empty")}>
      {(data) => (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("marketSeller.products.name")}</th>
                <th scope="col">{t("marketSeller.products.price")}</th>
                <th scope="col">{t("marketSeller.products.stock")}</th>
                <th scope="col">{t("marketSeller.products.sold")}</th>
                <th scope="col">{t("marketSeller.products.status")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id} data-testid={`my-product-${p.id}`}>
                  <th scope="row">
                    {p.photos[0] ? <img className="market-thumb" src={p.photos[0].url} alt="" /> : null}
                    {p.status === "archived" ? (
                      p.name
                    ) : (
                      <Link to={`/konsol/toko/produk/${p.id}`}>{p.name}</Link>
                    )}
                    <span className="cell-sub">
                      {p.category.name} · {p.origin.regionName}
                    </span>
                  </th>
                  <td className="nowrap">
                    {formatRupiah(p.price)}
                    {p.priceMax > p.price ? ` – ${formatRupiah(p.priceMax)}` : ""}
                  </td>
                  <td>
                    {p.variants.map((v) => (
                      <span key={v.id} className="cell-sub nowrap">
                        {v.name}: {v.stock}
                      </span>
                    ))}
                  </td>
                  <td>{p.soldCount}</td>
                  <td>
                    <ProductStatusBadge status={p.status} />
                    <span className="cell-sub">
                      {p.listed ? t("marketSeller.products.listed") : t("marketSeller.products.notListed")}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </QueryState>
  );
}

/** /konsol/toko/produk: the shop's products with their stock and status. */
export function ProductsPage() {
  const { t } = usePreferences();
  return (
    <ConsolePage
      title={t("marketSeller.products.title")}
      actions={
        <Link to="/konsol/toko/produk/baru" className="button button-primary">
          {t("marketSeller.products.new")}
        </Link>
      }
    >
      {(session) =>
        isUmkm(session) ? (
          <MyProducts />
        ) : (
          <p className="alert alert-info">{t("marketSeller.shop.onlyUmkm")}</p>
        )
      }
    </ConsolePage>
  );
}
