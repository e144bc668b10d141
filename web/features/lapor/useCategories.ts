import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type Category, laporApi } from "./api.ts";

const KEY = "lumbung.lapor.categories.v1";

function stored(): Category[] | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as unknown) : null;
    return Array.isArray(parsed) ? (parsed as Category[]) : undefined;
  } catch {
    return undefined;
  }
}

/** The categories, kept on the device so the form opens without a signal after one visit. */
export function useCategories() {
  const [initial] = useState(stored);
  return useQuery({
    queryKey: ["lapor", "categories"],
    queryFn: async () => {
      const { items } = await laporApi.categories();
      try {
        localStorage.setItem(KEY, JSON.stringify(items));
      } catch {
        // Only the offline start is lost.
      }
      return items;
    },
    staleTime: 10 * 60_000,
    ...(initial ? { placeholderData: initial } : {}),
  });
}
