import type { Database } from "../../db/client";

// Skeleton (issue 5).
export async function seedOpen311DemoKey(_db: Database): Promise<void> {}
