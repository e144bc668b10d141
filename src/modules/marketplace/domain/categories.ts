/** The marketplace's product categories: a fixed list so filters and the storefront stay tidy. Pure. */
export interface Category {
  code: string;
  name: string;
  nameEn: string;
}

export const CATEGORIES: readonly Category[] = [
  { code: "kopi", name: "Kopi", nameEn: "Coffee" },
  { code: "keripik", name: "Makanan ringan & keripik", nameEn: "Snacks & chips" },
  { code: "olahan-singkong", name: "Tepung & olahan singkong", nameEn: "Cassava flour & products" },
  { code: "madu", name: "Madu", nameEn: "Honey" },
  { code: "beras", name: "Beras & biji-bijian", nameEn: "Rice & grains" },
  { code: "bumbu", name: "Bumbu & sambal", nameEn: "Spices & sambal" },
  { code: "minuman", name: "Minuman", nameEn: "Drinks" },
  { code: "kue", name: "Kue & roti", nameEn: "Cakes & bread" },
  { code: "olahan-laut", name: "Olahan hasil laut", nameEn: "Seafood products" },
  { code: "buah-sayur", name: "Buah & sayur olahan", nameEn: "Processed fruit & vegetables" },
  { code: "kerajinan", name: "Kerajinan & tapis", nameEn: "Crafts & tapis cloth" },
  { code: "lainnya", name: "Lainnya", nameEn: "Other" },
];

export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as [string, ...string[]];

const byCode = new Map(CATEGORIES.map((c) => [c.code, c]));

export function categoryOf(code: string): Category {
  return byCode.get(code) ?? { code, name: code, nameEn: code };
}

export function isCategory(code: string): boolean {
  return byCode.has(code);
}
