import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link, useParams } from "react-router";
import { StatusMessage } from "../../components/Alert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateWIB, formatRupiah } from "../../lib/format.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { marketApi, type ProductDetail } from "./api.ts";
import { useMarketPath } from "./base.ts";
import { addToCart, MAX_QUANTITY } from "./cart.ts";
import { formatWeight, Rating, SellerCard, TraceBadge } from "./parts.tsx";

function Gallery({ product }: { product: ProductDetail }) {
  const { t } = usePreferences();
  const photos = product.photos.length > 0 ? product.photos : product.photo ? [product.photo] : [];
  const [index, setIndex] = useState(0);
  const current = photos[Math.min(index, photos.length - 1)];
  if (!current) {
    return <div className="market-gallery-main market-card-nophoto" aria-hidden="true" />;
  }
  return (
    <div className="market-gallery">
      <img
        className="market-gallery-main"
        src={current.url}
        alt={current.alt || product.name}
        width={640}
        height={640}
        data-testid="market-product-photo"
      />
      {photos.length > 1 ? (
        <ul className="market-gallery-thumbs" aria-label={t("market.product.photos")}>
          {photos.map((p, i) => (
            <li key={p.url}>
              <button
                type="button"
                className="market-thumb-button"
                aria-pressed={i === index}
                aria-label={t("market.product.photoN", { n: i + 1, total: photos.length })}
                onClick={() => setIndex(i)}
              >
                <img src={p.url} alt="" width={64} height={64} loading="lazy" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Variant, quantity and "add to cart". */
function Purchase({ product }: { product: ProductDetail }) {
  const { t, lang } = usePreferences();
  const path = useMarketPath();
  const id = useId();
  const firstInStock = product.variants.find((v) => v.stock > 0) ?? product.variants[0];
  const [variantId, setVariantId] = useState(firstInStock?.id ?? "");
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState<string | null>(null);
  const variant = product.variants.find((v) => v.id === variantId) ?? firstInStock;
  if (!variant) return <p className="empty">{t("market.soldOut")}</p>;
  const max = Math.max(1, Math.min(MAX_QUANTITY, variant.stock));
  const soldOut = variant.stock <= 0;
  const change = (n: number) => {
    setAdded(null);
    setQuantity(Math.max(1, Math.min(max, Number.isFinite(n) ? Math.floor(n) : 1)));
  };
  return (
    <div className="market-purchase" data-testid="market-purchase">
      <p className="market-detail-price" data-testid="market-product-price">
        {formatRupiah(variant.price)}
        {product.unitLabel ? <span className="market-unit"> / {product.unitLabel}</span> : null}
      </p>
      {product.variants.length > 1 ? (
        <fieldset className="market-variants">
          <legend>{t("market.product.variant")}</legend>
          <div className="market-variant-list">
            {product.variants.map((v) => (
              <label key={v.id} className="market-variant" data-soldout={v.stock <= 0 || undefined}>
                <input
                  type="radio"
                  name={`${id}-variant`}
                  value={v.id}
                  checked={v.id === variant.id}
                  onChange={() => {
                    setVariantId(v.id);
                    setAdded(null);
                    setQuantity((q) => Math.max(1, Math.min(q, Math.max(1, v.stock))));
                  }}
                />
                <span>
                  <span className="market-variant-name">{v.name}</span>
                  <span className="market-variant-price">{formatRupiah(v.price)}</span>
                  {v.stock <= 0 ? <span className="market-variant-out">{t("market.soldOut")}</span> : null}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <dl className="market-facts">
        <div>
          <dt>{t("market.product.stock")}</dt>
          <dd data-testid="market-product-stock">
            {soldOut ? t("market.soldOut") : t("market.product.stockN", { n: variant.stock })}
          </dd>
        </div>
        <div>
          <dt>{t("market.product.weight")}</dt>
          <dd>{formatWeight(variant.weightGrams, lang)}</dd>
        </div>
        {product.soldCount > 0 ? (
          <div>
            <dt>{t("market.product.sold")}</dt>
            <dd>{product.soldCount.toLocaleString(lang === "en" ? "en-GB" : "id-ID")}</dd>
          </div>
        ) : null}
      </dl>
      {soldOut ? null : (
        <div className="market-buy-row">
          <fieldset className="market-qty" aria-labelledby={`${id}-qty-label`}>
            <span id={`${id}-qty-label`} className="market-qty-label">
              {t("market.quantity")}
            </span>
            <button
              type="button"
              className="market-qty-step"
              onClick={() => change(quantity - 1)}
              disabled={quantity <= 1}
              aria-label={t("market.quantity.less")}
            >
              −
            </button>
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={max}
              value={quantity}
              onChange={(e) => change(e.currentTarget.valueAsNumber)}
              aria-labelledby={`${id}-qty-label`}
              data-testid="market-quantity"
            />
            <button
              type="button"
              className="market-qty-step"
              onClick={() => change(quantity + 1)}
              disabled={quantity >= max}
              aria-label={t("market.quantity.more")}
            >
              +
            </button>
          </fieldset>
          <button
            type="button"
            className="button button-primary market-add"
            data-testid="market-add-to-cart"
            onClick={() => {
              addToCart({
                productId: product.id,
                variantId: variant.id,
                productName: product.name,
                variantName: variant.name,
                price: variant.price,
                quantity,
                stock: variant.stock,
                photoUrl: product.photos[0]?.url ?? product.photo?.url ?? null,
                seller: { id: product.seller.id, slug: product.seller.slug, name: product.seller.name },
              });
              setAdded(t("market.cart.added", { n: quantity, name: product.name }));
            }}
          >
            {t("market.cart.add")}
          </button>
        </div>
      )}
      <StatusMessage message={added} />
      {added ? (
        <p>
          <Link
            to={path("/keranjang")}
            className="button button-secondary button-block"
            data-testid="market-go-cart"
          >
            {t("market.cart.open")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

function Reviews({ product }: { product: ProductDetail }) {
  const { t, lang } = usePreferences();
  return (
    <section className="card" aria-labelledby="market-reviews-title">
      <div className="market-section-head">
        <h2 id="market-reviews-title">{t("market.reviews.title")}</h2>
        {product.rating.count > 0 ? (
          <Rating average={product.rating.average} count={product.rating.count} />
        ) : null}
      </div>
      {product.reviews.length === 0 ? (
        <p className="empty">{t("market.reviews.empty")}</p>
      ) : (
        <ul className="market-reviews">
          {product.reviews.map((r) => (
            <li key={`${r.buyerName}-${r.createdAt}`} className="market-review">
              <p className="market-review-head">
                <span
                  className="market-stars"
                  role="img"
                  aria-label={t("market.review.stars", { n: r.rating })}
                >
                  {"★".repeat(r.rating)}
                  <span className="market-stars-off">{"★".repeat(5 - r.rating)}</span>
                </span>
                <strong>{r.buyerName}</strong>
                <span className="muted small">{formatDateWIB(r.createdAt.slice(0, 10), lang)}</span>
              </p>
              {r.comment ? <p className="market-review-text">{r.comment}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** `/pasar/produk/:id`: photos, variants, stock, the seller's credentials, the lot's trace, reviews. */
export function ProductPage() {
  const { t } = usePreferences();
  const { id = "" } = useParams();
  const product = useQuery({ queryKey: ["market", "product", id], queryFn: () => marketApi.product(id) });
  useDocumentTitle(product.data?.name ?? t("market.product.title"));
  const path = useMarketPath();
  if (product.isError && (product.error as { status?: number }).status === 404) {
    return (
      <section className="card narrow" data-testid="market-product-missing">
        <h1 id="page-title">{t("market.product.missing")}</h1>
        <p>{t("market.product.missingBody")}</p>
        <p>
          <Link to={path()}>{t("market.backToMarket")}</Link>
        </p>
      </section>
    );
  }
  return (
    <QueryState query={product} isEmpty={() => false} empty="">
      {(p) => (
        <div className="market-page" data-testid="market-product">
          <nav aria-label={t("market.breadcrumb")} className="market-crumbs">
            <Link to={path()}>{t("market.nav")}</Link>
            <span aria-hidden="true"> › </span>
            <Link to={`${path("/cari")}?category=${encodeURIComponent(p.category.code)}`}>
              {p.category.name}
            </Link>
          </nav>
          <div className="market-product">
            <Gallery product={p} />
            <div className="market-product-info">
              <h1 id="page-title" className="market-product-name">
                {p.name}
              </h1>
              <p className="market-product-meta">
                <Rating average={p.rating.average} count={p.rating.count} />
                {p.traceable ? <TraceBadge /> : null}
              </p>
              <Purchase product={p} />
            </div>
          </div>
          {p.lot ? (
            <section className="card market-trace-card" aria-labelledby="market-trace-title">
              <h2 id="market-trace-title">{t("market.trace.title")}</h2>
              <p>{t("market.trace.body")}</p>
              <p>
                <Link to={p.lot.tracePath} className="button button-primary" data-testid="market-trace-link">
                  {t("market.trace.link")}
                </Link>
              </p>
            </section>
          ) : null}
          <section className="card" aria-labelledby="market-desc-title">
            <h2 id="market-desc-title">{t("market.product.description")}</h2>
            <p className="market-description">{p.description}</p>
            <dl className="market-facts">
              <div>
                <dt>{t("market.product.category")}</dt>
                <dd>{p.category.name}</dd>
              </div>
              {p.origin?.regionName ? (
                <div>
                  <dt>{t("market.product.origin")}</dt>
                  <dd data-testid="market-product-origin">{p.origin.regionName}</dd>
                </div>
              ) : null}
            </dl>
          </section>
          <SellerCard seller={p.seller} />
          <Reviews product={p} />
        </div>
      )}
    </QueryState>
  );
}
