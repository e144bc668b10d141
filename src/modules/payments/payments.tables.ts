// Tables of the payments module (intents, callbacks, ledger, payouts).
export {};
