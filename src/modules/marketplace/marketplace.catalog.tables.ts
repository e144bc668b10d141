// Tables of the marketplace catalog.
export {};
