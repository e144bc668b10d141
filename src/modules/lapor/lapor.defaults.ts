import type { Database } from "../../db/client";

// Skeleton (issue 5).
export async function loadLaporDefaults(_db: Database): Promise<void> {}
