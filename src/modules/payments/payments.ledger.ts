import { asc, count, desc, eq, inArray, like, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "../../db/client";
import { AppError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import "./payments.errors";
import { ledgerEntries, ledgerJournals } from "./payments.tables";

/** One line of a journal: debit positive, credit negative, whole rupiah. */
export interface LedgerLine {
  account: string;
  amount: number;
}

export interface JournalInput {
  kind: string;
  referenceId: string;
  memo: string;
  lines: LedgerLine[];
}

export interface JournalView {
  id: string;
  kind: string;
  referenceId: string;
  memo: string;
  createdAt: string;
  entries: LedgerLine[];
}

export interface AccountBalance {
  account: string;
  balance: number;
}

// `kind:qualifier[:qualifier…]`, e.g. clearing:qris:sandbox, escrow:order:ord_01…, payable:seller:sel_01…
const ACCOUNT = /^[a-z][a-z0-9_]*(:[A-Za-z0-9_.-]+)+$/;

/** Why a journal cannot be posted, or null when it balances. Pure, so callers can check before writing. */
export function journalProblem(lines: readonly LedgerLine[]): string | null {
  if (lines.length < 2) return "a journal needs at least two lines";
  for (const l of lines) {
    if (!ACCOUNT.test(l.account) || l.account.length > 200) return `"${l.account}" is not a ledger account`;
    if (!Number.isSafeInteger(l.amount) || l.amount === 0)
      return `the amount of ${l.account} must be a non-zero whole number of rupiah`;
  }
  const sum = lines.reduce((s, l) => s + l.amount, 0);
  if (sum !== 0) return `the lines sum to ${sum}, not 0`;
  return null;
}

/** Debits, credits and the sum of every balance (0 in a sound ledger: it is computed, not assumed). */
export function summarise(accounts: AccountBalance[]) {
  const debits = accounts.reduce((s, a) => s + Math.max(a.balance, 0), 0);
  const credits = accounts.reduce((s, a) => s + Math.max(-a.balance, 0), 0);
  const total = accounts.reduce((s, a) => s + a.balance, 0);
  return { accounts, debits, credits, total };
}

/**
 * The double-entry ledger. Every journal is written with the `tx` of what caused it (a payment, a
 * refund, a payout, an order completing), so money and the business record never disagree.
 */
export function createLedger(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  async function post(tx: DbOrTx, input: JournalInput): Promise<{ journalId: string }> {
    const problem = journalProblem(input.lines);
    if (problem) throw new AppError("payments.unbalanced_journal", `Journal ${input.kind}: ${problem}`);
    const now = clock.now();
    const journalId = newId("jnl", now.getTime());
    await tx.insert(ledgerJournals).values({
      id: journalId,
      kind: input.kind,
      referenceId: input.referenceId,
      memo: input.memo,
      createdAt: now,
    });
    await tx.insert(ledgerEntries).values(
      input.lines.map((l, i) => ({
        id: newId("lgr"),
        journalId,
        line: i,
        account: l.account,
        amount: l.amount,
      })),
    );
    return { journalId };
  }

  async function balances(accountPrefix?: string, tx: DbOrTx = db): Promise<AccountBalance[]> {
    const total = sql<string>`sum(${ledgerEntries.amount})`;
    const rows = await tx
      .select({ account: ledgerEntries.account, balance: total })
      .from(ledgerEntries)
      .where(
        accountPrefix
          ? like(ledgerEntries.account, `${accountPrefix.replace(/[\\%_]/g, "\\$&")}%`)
          : undefined,
      )
      .groupBy(ledgerEntries.account)
      .orderBy(asc(ledgerEntries.account));
    return rows.map((r) => ({ account: r.account, balance: Number(r.balance) }));
  }

  /** Every account's balance; debits and credits are equal, so `total` is 0 unless the ledger is broken. */
  async function trialBalance(tx: DbOrTx = db) {
    const accounts = await balances(undefined, tx);
    return summarise(accounts);
  }

  async function journals(
    q: { limit: number; offset: number; referenceId?: string },
    tx: DbOrTx = db,
  ): Promise<{ items: JournalView[]; total: number }> {
    const where = q.referenceId ? eq(ledgerJournals.referenceId, q.referenceId) : undefined;
    const rows = await tx
      .select()
      .from(ledgerJournals)
      .where(where)
      .orderBy(desc(ledgerJournals.createdAt), desc(ledgerJournals.id))
      .limit(q.limit)
      .offset(q.offset);
    const [counted] = await tx.select({ n: count() }).from(ledgerJournals).where(where);
    const entries = rows.length
      ? await tx
          .select()
          .from(ledgerEntries)
          .where(
            inArray(
              ledgerEntries.journalId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(ledgerEntries.journalId), asc(ledgerEntries.line))
      : [];
    const byJournal = new Map<string, LedgerLine[]>();
    for (const e of entries) {
      const list = byJournal.get(e.journalId) ?? [];
      list.push({ account: e.account, amount: e.amount });
      byJournal.set(e.journalId, list);
    }
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        referenceId: r.referenceId,
        memo: r.memo,
        createdAt: r.createdAt.toISOString(),
        entries: byJournal.get(r.id) ?? [],
      })),
      total: Number(counted?.n ?? 0),
    };
  }

  return { post, balances, trialBalance, journals };
}

export type Ledger = ReturnType<typeof createLedger>;
