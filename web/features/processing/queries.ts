import { useQuery } from "@tanstack/react-query";
import { processingApi } from "./api.ts";

/** The processes and their ranges: the table and the run form share one cached copy. */
export function useProcesses() {
  return useQuery({
    queryKey: ["processing", "processes"],
    queryFn: processingApi.processes,
    staleTime: 60_000,
  });
}
