/** The marketplace catalogue API (`/api/v1/market`) as the seller console and the verification queue use it. */
import { request as call, queryString } from "../../lib/api.ts";

export type SellerStatus = "pending" | "verified" | "rejected" | "suspended";
export type ProductStatus = "draft" | "active" | "archived";

export interface Bank {
  name: string;
  accountNumber: string;
  accountName: string;
}

export interface SellerInput {
  displayName: string;
  description: string;
  nib: string;
  halalNumber: string | null;
  pirtNumber: string | null;
  bank: Bank;
  pickupAddress: string;
  regionCode: string;
}

export interface Seller extends SellerInput {
  id: string;
  organisationId: string;
  slug: string;
  regionName: string;
  status: SellerStatus;
  statusReason: string | null;
  reviewedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface VariantInput {
  id?: string;
  name: string;
  sku: string | null;
  price: number;
  stock: number;
  weightGrams: number;
}

export interface ProductInput {
  name: string;
  description: string;
  category: string;
  originRegionCode: string;
  lot: string | null;
  variants: VariantInput[];
  photos: { mediaId: string; alt: string }[];
}

export interface SellerProduct {
  id: string;
  slug: string;
  name: string;
  description: string;
  category: { code: string; name: string };
  price: number;
  priceMax: number;
  stock: number;
  unitLabel: string;
  origin: { regionCode: string; regionName: string };
  lot: { epc: string; tracePath: string } | null;
  variants: (VariantInput & { id: string })[];
  photos: { mediaId: string; url: string; alt: string }[];
  status: ProductStatus;
  listed: boolean;
  soldCount: number;
  updatedAt: string;
}

export interface Category {
  code: string;
  name: string;
  nameEn: string;
  productCount: number;
}

export interface UploadedPhoto {
  id: string;
  url: string;
  width: number;
  height: number;
}

const id = encodeURIComponent;

export const marketSellerApi = {
  mySeller: () => call<Seller>("GET", "/api/v1/market/seller"),
  apply: (input: SellerInput) => call<Seller>("POST", "/api/v1/market/seller", input),
  updateSeller: (input: SellerInput) => call<Seller>("PUT", "/api/v1/market/seller", input),
  categories: () => call<{ items: Category[] }>("GET", "/api/v1/market/categories"),
  myProducts: () => call<{ items: SellerProduct[] }>("GET", "/api/v1/market/seller/products"),
  myProduct: (productId: string) =>
    call<SellerProduct>("GET", `/api/v1/market/seller/products/${id(productId)}`),
  createProduct: (input: ProductInput) =>
    call<SellerProduct>("POST", "/api/v1/market/seller/products", input),
  updateProduct: (productId: string, input: ProductInput) =>
    call<SellerProduct>("PUT", `/api/v1/market/seller/products/${id(productId)}`, input),
  publish: (productId: string) =>
    call<SellerProduct>("POST", `/api/v1/market/seller/products/${id(productId)}/publish`),
  archive: (productId: string) =>
    call<SellerProduct>("POST", `/api/v1/market/seller/products/${id(productId)}/archive`),
  uploadPhoto: (file: Blob) => call<UploadedPhoto>("POST", "/api/v1/market/seller/photos", file),
  sellers: (status?: SellerStatus) =>
    call<{ items: Seller[] }>("GET", `/api/v1/market/sellers${queryString({ status })}`),
  verify: (sellerId: string) => call<Seller>("POST", `/api/v1/market/sellers/${id(sellerId)}/verify`),
  reject: (sellerId: string, reason: string) =>
    call<Seller>("POST", `/api/v1/market/sellers/${id(sellerId)}/reject`, { reason }),
};
