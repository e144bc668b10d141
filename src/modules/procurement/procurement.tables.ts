// Tables of the procurement module.
export {};
