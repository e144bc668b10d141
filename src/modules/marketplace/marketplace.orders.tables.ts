// Tables of the marketplace orders.
export {};
