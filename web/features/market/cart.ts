/**
 * The cart, kept in this browser's localStorage so it survives reloads and needs no account. One
 * order is made per seller, so the cart is read grouped by seller. Every tab sees the same cart
 * (the `storage` event keeps them in step).
 */
import { useSyncExternalStore } from "react";

export interface CartLine {
  productId: string;
  variantId: string;
  productName: string;
  variantName: string;
  /** Integer rupiah when the line was added; checkout shows today's price. */
  price: number;
  quantity: number;
  stock: number;
  photoUrl: string | null;
  seller: { id: string; slug: string; name: string };
  addedAt: string;
}

export interface SellerGroup {
  seller: CartLine["seller"];
  lines: CartLine[];
  subtotal: number;
  count: number;
}

const KEY = "lumbung.market.cart.v1";
/** Nobody buys more than this of one thing in one order; it also keeps a stray tap from adding 1000. */
export const MAX_QUANTITY = 99;

const listeners = new Set<() => void>();
let cached: { raw: string | null; lines: CartLine[] } = { raw: null, lines: [] };

function isLine(value: unknown): value is CartLine {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.productId === "string" &&
    typeof v.variantId === "string" &&
    typeof v.quantity === "number" &&
    typeof v.price === "number" &&
    typeof v.seller === "object" &&
    v.seller !== null
  );
}

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** The lines, parsed once per change of the stored text (useSyncExternalStore wants a stable snapshot). */
export function cartLines(): CartLine[] {
  const raw = readRaw();
  if (raw === cached.raw) return cached.lines;
  let lines: CartLine[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    lines = Array.isArray(parsed) ? parsed.filter(isLine) : [];
  } catch {
    lines = [];
  }
  cached = { raw, lines };
  return lines;
}

function write(lines: CartLine[]): void {
  const raw = JSON.stringify(lines);
  try {
    window.localStorage.setItem(KEY, raw);
  } catch {
    // Storage full or disabled: the cart lasts for this page only.
  }
  cached = { raw: readRaw() ?? raw, lines };
  for (const listener of listeners) listener();
}

function clamp(quantity: number, stock: number): number {
  const ceiling = Math.max(1, Math.min(MAX_QUANTITY, stock > 0 ? stock : MAX_QUANTITY));
  return Math.max(1, Math.min(ceiling, Math.floor(quantity)));
}

/** Adds a line, or more of a variant already in the cart (never beyond its stock). */
export function addToCart(line: Omit<CartLine, "addedAt">): void {
  const lines = cartLines();
  const existing = lines.find((l) => l.variantId === line.variantId);
  if (existing) {
    write(
      lines.map((l) =>
        l.variantId === line.variantId
          ? { ...l, ...line, quantity: clamp(l.quantity + line.quantity, line.stock), addedAt: l.addedAt }
          : l,
      ),
    );
  } else {
    write([
      ...lines,
      { ...line, quantity: clamp(line.quantity, line.stock), addedAt: new Date().toISOString() },
    ]);
  }
}

export function setQuantity(variantId: string, quantity: number): void {
  write(
    cartLines().map((l) => (l.variantId === variantId ? { ...l, quantity: clamp(quantity, l.stock) } : l)),
  );
}

export function removeFromCart(variantIds: readonly string[]): void {
  write(cartLines().filter((l) => !variantIds.includes(l.variantId)));
}

export function groupBySeller(lines: readonly CartLine[]): SellerGroup[] {
  const groups = new Map<string, SellerGroup>();
  for (const line of lines) {
    let group = groups.get(line.seller.id);
    if (!group) {
      group = { seller: line.seller, lines: [], subtotal: 0, count: 0 };
      groups.set(line.seller.id, group);
    }
    group.lines.push(line);
    group.subtotal += line.price * line.quantity;
    group.count += line.quantity;
  }
  return [...groups.values()];
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY || event.key === null) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function useCart(): CartLine[] {
  return useSyncExternalStore(subscribe, cartLines, () => []);
}

/** How many things are in the cart (for the badge). */
export function useCartCount(): number {
  return useCart().reduce((sum, l) => sum + l.quantity, 0);
}
