import { Link } from "react-router";
import { formatRupiah } from "../../lib/format.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { useMarketPath } from "./base.ts";
import { type CartLine, groupBySeller, MAX_QUANTITY, removeFromCart, setQuantity, useCart } from "./cart.ts";

function Line({ line }: { line: CartLine }) {
  const { t } = usePreferences();
  const path = useMarketPath();
  const max = Math.max(1, Math.min(MAX_QUANTITY, line.stock || MAX_QUANTITY));
  const label = `${line.productName}${line.variantName ? ` (${line.variantName})` : ""}`;
  return (
    <li className="market-line" data-testid="market-cart-line" data-variant={line.variantId}>
      {line.photoUrl ? (
        <img className="market-line-photo" src={line.photoUrl} alt="" width={64} height={64} loading="lazy" />
      ) : (
        <span className="market-line-photo" aria-hidden="true" />
      )}
      <div className="market-line-body">
        <p className="market-line-name">
          <Link to={path(`/produk/${encodeURIComponent(line.productId)}`)}>{line.productName}</Link>
          {line.variantName ? <span className="muted"> · {line.variantName}</span> : null}
        </p>
        <p className="market-line-price">{formatRupiah(line.price)}</p>
        <div className="market-line-actions">
          <fieldset className="market-qty" aria-label={t("market.quantityOf", { name: label })}>
            <button
              type="button"
              className="market-qty-step"
              onClick={() => setQuantity(line.variantId, line.quantity - 1)}
              disabled={line.quantity <= 1}
              aria-label={t("market.quantity.less")}
            >
              −
            </button>
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={max}
              value={line.quantity}
              onChange={(e) => {
                const n = e.currentTarget.valueAsNumber;
                if (Number.isFinite(n)) setQuantity(line.variantId, n);
              }}
              aria-label={t("market.quantity")}
              data-testid="market-cart-quantity"
            />
            <button
              type="button"
              className="market-qty-step"
              onClick={() => setQuantity(line.variantId, line.quantity + 1)}
              disabled={line.quantity >= max}
              aria-label={t("market.quantity.more")}
            >
              +
            </button>
          </fieldset>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => removeFromCart([line.variantId])}
            aria-label={t("market.cart.removeItem", { name: label })}
            data-testid="market-cart-remove"
          >
            {t("market.cart.remove")}
          </button>
        </div>
      </div>
      <p className="market-line-total">{formatRupiah(line.price * line.quantity)}</p>
    </li>
  );
}

/** `/pasar/keranjang`: the cart, one box per seller (one order per seller), each with its checkout. */
export function CartPage() {
  const { t } = usePreferences();
  useDocumentTitle(t("market.cart.title"));
  const path = useMarketPath();
  const groups = groupBySeller(useCart());
  return (
    <div className="market-page market-narrow" data-testid="market-cart">
      <h1 id="page-title">{t("market.cart.title")}</h1>
      {groups.length === 0 ? (
        <div className="card market-empty" data-testid="market-cart-empty">
          <p className="market-empty-title">{t("market.cart.empty")}</p>
          <p>
            <Link to={path()} className="button button-primary">
              {t("market.cart.shop")}
            </Link>
          </p>
        </div>
      ) : (
        <>
          {groups.length > 1 ? (
            <p className="muted">{t("market.cart.perSeller", { n: groups.length })}</p>
          ) : null}
          {groups.map((g) => (
            <section
              key={g.seller.id}
              className="card market-cart-group"
              aria-labelledby={`market-group-${g.seller.id}`}
              data-testid="market-cart-group"
              data-seller={g.seller.id}
            >
              <h2 id={`market-group-${g.seller.id}`} className="market-group-title">
                <Link to={path(`/toko/${encodeURIComponent(g.seller.slug)}`)}>{g.seller.name}</Link>
              </h2>
              <ul className="market-lines">
                {g.lines.map((line) => (
                  <Line key={line.variantId} line={line} />
                ))}
              </ul>
              <div className="market-group-foot">
                <p className="market-subtotal">
                  <span>{t("market.cart.subtotal", { n: g.count })}</span>
                  <strong data-testid="market-cart-subtotal">{formatRupiah(g.subtotal)}</strong>
                </p>
                <Link
                  to={path(`/checkout/${encodeURIComponent(g.seller.id)}`)}
                  className="button button-primary"
                  data-testid="market-checkout-link"
                >
                  {t("market.cart.checkout")}
                </Link>
              </div>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
