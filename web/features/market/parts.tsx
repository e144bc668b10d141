/** Pieces shared by the storefront pages: the market bar, product cards, prices, stars, badges. */
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import { Icon } from "../../components/Icon.tsx";
import { formatRupiah } from "../../lib/format.ts";
import type { MessageKey } from "../../lib/i18n.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import {
  type Category,
  marketApi,
  type OrderStatus,
  type ProductSummary,
  type SellerCredentials,
} from "./api.ts";
import { useMarketMount, useMarketPath } from "./base.ts";
import { useCartCount } from "./cart.ts";

export function useCategories() {
  return useQuery({
    queryKey: ["market", "categories"],
    queryFn: marketApi.categories,
    staleTime: 10 * 60_000,
  });
}

export function categoryName(lang: string, category: Pick<Category, "name" | "nameEn">): string {
  return lang === "en" && category.nameEn ? category.nameEn : category.name;
}

/** "Rp 45.000" or "Rp 45.000 – Rp 80.000" when the variants differ in price. */
export function PriceRange({ price, priceMax }: { price: number; priceMax?: number | undefined }) {
  if (priceMax !== undefined && priceMax > price) {
    return (
      <>
        {formatRupiah(price)} – {formatRupiah(priceMax)}
      </>
    );
  }
  return <>{formatRupiah(price)}</>;
}

/** "4,6 ★ (12)" with words for screen readers; nothing when nobody rated yet. */
export function Rating({ average, count }: { average: number | null; count: number }) {
  const { t, lang } = usePreferences();
  if (average === null || count === 0)
    return <span className="market-rating-none">{t("market.rating.none")}</span>;
  const value = average.toLocaleString(lang === "en" ? "en-GB" : "id-ID", { maximumFractionDigits: 1 });
  return (
    <span className="market-rating" title={t("market.rating.label", { value, n: count })}>
      <span className="visually-hidden">{t("market.rating.label", { value, n: count })}</span>
      <span aria-hidden="true">
        <span className="market-star">★</span> {value} <span className="muted">({count})</span>
      </span>
    </span>
  );
}

/** A pin with a tick: the product's origin is recorded. */
export function TraceIcon({ size = 14 }: { size?: number }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" className="icon">
      <path
        d="M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11zM9.5 10l2 2 3.5-3.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function TraceBadge() {
  const { t } = usePreferences();
  return (
    <span className="badge market-trace-badge" data-testid="market-traceable">
      <TraceIcon />
      {t("market.traceable")}
    </span>
  );
}

export function statusLabel(t: (key: MessageKey) => string, status: OrderStatus): string {
  return t(`market.status.${status}` as MessageKey);
}

export function StatusBadge({ status }: { status: OrderStatus }) {
  const { t } = usePreferences();
  const tone =
    status === "selesai" || status === "diterima"
      ? "badge-success"
      : status === "dibatalkan" || status === "dikembalikan"
        ? "badge-danger"
        : status === "menunggu_pembayaran"
          ? "badge-warning"
          : "badge-hap";
  return (
    <span className={`badge ${tone}`} data-testid="market-status" data-status={status}>
      {statusLabel(t, status)}
    </span>
  );
}

/** One product in a grid: photo, name, price, seller and regency, rating, traceable badge. */
export function ProductCard({ product }: { product: ProductSummary }) {
  const { t } = usePreferences();
  const path = useMarketPath();
  const soldOut = product.stock <= 0;
  return (
    <li className="market-card" data-testid="market-product-card" data-id={product.id}>
      <Link
        to={path(`/produk/${encodeURIComponent(product.slug || product.id)}`)}
        className="market-card-link"
      >
        <span className="market-card-photo">
          {product.photo ? (
            <img
              src={product.photo.url}
              alt={product.photo.alt || ""}
              loading="lazy"
              width={320}
              height={320}
            />
          ) : (
            <span className="market-card-nophoto" aria-hidden="true">
              <Icon name="market" size={40} />
            </span>
          )}
          {product.traceable ? (
            <span className="market-card-badge">
              <TraceBadge />
            </span>
          ) : null}
        </span>
        <span className="market-card-body">
          <span className="market-card-name">{product.name}</span>
          <span className="market-card-price">
            <PriceRange price={product.price} />
            {product.unitLabel ? <span className="market-unit"> / {product.unitLabel}</span> : null}
          </span>
          <span className="market-card-seller">
            <span className="market-ellipsis">{product.seller.name}</span>
            {product.seller.regencyName ? (
              <span className="market-card-regency">
                <svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true" className="icon">
                  <path
                    d="M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11z"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="2.2"
                  />
                </svg>
                <span className="market-ellipsis">{product.seller.regencyName}</span>
              </span>
            ) : null}
          </span>
          <span className="market-card-meta">
            <Rating average={product.rating.average} count={product.rating.count} />
            {product.soldCount > 0 ? (
              <span className="muted">{t("market.sold", { n: product.soldCount })}</span>
            ) : null}
            {soldOut ? <span className="badge badge-danger">{t("market.soldOut")}</span> : null}
          </span>
        </span>
      </Link>
    </li>
  );
}

export function ProductGrid({ products, label }: { products: readonly ProductSummary[]; label?: string }) {
  return (
    <ul className="market-grid" aria-label={label} data-testid="market-grid">
      {products.map((p) => (
        <ProductCard key={p.id} product={p} />
      ))}
    </ul>
  );
}

function CartGlyph() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" className="icon">
      <path
        d="M3 4h2.2l2.1 11h10.9l2-8H6.4M9.5 20a1.2 1.2 0 1 0 0-.1M17 20a1.2 1.2 0 1 0 0-.1"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The cart link with its count, on every storefront page. */
export function CartLink({ className = "market-cart-link" }: { className?: string }) {
  const { t } = usePreferences();
  const path = useMarketPath();
  const count = useCartCount();
  return (
    <Link
      to={path("/keranjang")}
      className={className}
      data-testid="market-cart-link"
      aria-label={count > 0 ? t("market.cart.linkCount", { n: count }) : t("market.cart.title")}
    >
      <CartGlyph />
      <span className="market-cart-text" aria-hidden="true">
        {t("market.cart.title")}
      </span>
      {count > 0 ? (
        <span className="market-cart-count" aria-hidden="true" data-testid="market-cart-count">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}

/** The search box: goes to the results page with the words typed. */
export function SearchBox({ initial = "" }: { initial?: string }) {
  const { t } = usePreferences();
  const path = useMarketPath();
  const navigate = useNavigate();
  const id = useId();
  const [q, setQ] = useState(initial);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const words = q.trim();
    navigate(words ? `${path("/cari")}?q=${encodeURIComponent(words)}` : path("/cari"));
  };
  return (
    <search className="market-search-wrap">
      <form className="market-search" onSubmit={onSubmit}>
        <label htmlFor={id} className="visually-hidden">
          {t("market.search.label")}
        </label>
        <input
          id={id}
          type="search"
          name="q"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          placeholder={t("market.search.placeholder")}
          className="market-search-input"
          enterKeyHint="search"
          autoComplete="off"
          data-testid="market-search-input"
        />
        <button type="submit" className="button button-primary market-search-button">
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" className="icon">
            <path
              d="M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM15.5 15.5 20 20"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.2"
              strokeLinecap="round"
            />
          </svg>
          <span className="visually-hidden">{t("market.search.submit")}</span>
        </button>
      </form>
    </search>
  );
}

/** The storefront's own bar above every market page in the app: name, my orders, cart. */
export function MarketBar() {
  const { t } = usePreferences();
  const path = useMarketPath();
  const { embedded } = useMarketMount();
  if (embedded) return null;
  return (
    <nav className="market-bar" aria-label={t("market.nav")}>
      <Link to={path()} className="market-bar-home">
        <Icon name="market" size={22} />
        {t("market.navShort")}
      </Link>
      <span className="market-bar-links">
        <Link to={path("/pesanan")} className="market-bar-link" data-testid="market-orders-link">
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" className="icon">
            <path
              d="M7 3.5h10a1.5 1.5 0 0 1 1.5 1.5v15.5l-3-2-3.5 2-3.5-2-3 2V5A1.5 1.5 0 0 1 7 3.5zM9 8.5h6M9 12h6"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          <span className="market-wide-only">{t("market.orders.title")}</span>
          <span className="market-narrow-only">{t("market.orders.short")}</span>
        </Link>
        <CartLink />
      </span>
    </nav>
  );
}

/** Amount of a thing with its unit: 250 g, 1,2 kg. */
export function formatWeight(grams: number, lang: string): string {
  const locale = lang === "en" ? "en-GB" : "id-ID";
  if (grams >= 1000) return `${(grams / 1000).toLocaleString(locale, { maximumFractionDigits: 2 })} kg`;
  return `${grams.toLocaleString(locale)} g`;
}

export function VerifiedBadge() {
  const { t } = usePreferences();
  return (
    <span className="badge badge-success" data-testid="market-verified">
      <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" className="icon">
        <path
          d="M12 3l2.4 1.8 3 .1.9 2.9 2.2 2-1 2.8.6 3-2.6 1.5-1.2 2.7-3-.3L12 21l-2.3-1.5-3 .3-1.2-2.7-2.6-1.5.6-3-1-2.8 2.2-2 .9-2.9 3-.1zM8.5 12l2.5 2.5 4.5-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinejoin="round"
        />
      </svg>
      {t("market.seller.verified")}
    </span>
  );
}

/** The seller and the numbers that make it trustworthy: NIB, PIRT and halal certificate. */
export function SellerCard({
  seller,
  heading = "h2",
  link = true,
  children,
}: {
  seller: SellerCredentials;
  heading?: "h1" | "h2";
  link?: boolean;
  children?: ReactNode;
}) {
  const { t } = usePreferences();
  const path = useMarketPath();
  const Heading = heading;
  const credentials: { label: string; value: string }[] = [];
  if (seller.nib) credentials.push({ label: t("market.seller.nib"), value: seller.nib });
  if (seller.pirtNumber) credentials.push({ label: t("market.seller.pirt"), value: seller.pirtNumber });
  if (seller.halalNumber) credentials.push({ label: t("market.seller.halal"), value: seller.halalNumber });
  return (
    <section
      className="card market-seller"
      aria-label={t("market.seller.title")}
      data-testid="market-seller-card"
    >
      <div className="market-seller-head">
        <span className="market-seller-avatar" aria-hidden="true">
          {seller.name.slice(0, 1).toUpperCase()}
        </span>
        <div className="market-seller-name">
          <Heading id={heading === "h1" ? "page-title" : undefined} className="market-seller-title">
            {seller.name}
          </Heading>
          <p className="market-seller-sub">
            {seller.verified ? <VerifiedBadge /> : null}
            {seller.regencyName ? <span className="muted">{seller.regencyName}</span> : null}
          </p>
        </div>
      </div>
      {credentials.length > 0 ? (
        <dl className="market-credentials" data-testid="market-credentials">
          {credentials.map((c) => (
            <div key={c.label}>
              <dt>{c.label}</dt>
              <dd>
                <code>{c.value}</code>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {children}
      {link ? (
        <p>
          <Link
            to={path(`/toko/${encodeURIComponent(seller.slug)}`)}
            className="button button-secondary button-small"
          >
            {t("market.seller.visit")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
