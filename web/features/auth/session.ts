import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  ApiError,
  api,
  type LoginRequest,
  type RegisterRequest,
  type Session,
  toSession,
} from "../../lib/api.ts";

export const SESSION_KEY = ["session"] as const;

export type SessionEnd = "expired" | "signedOut";

/** How the last session ended, so the sign-in page can say so. Cleared on the next sign-in. */
let lastEnd: SessionEnd | undefined;

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: api.me,
    staleTime: 5 * 60_000,
    retry: (count, error) =>
      !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
  });
}

function useSetSession() {
  const queryClient = useQueryClient();
  return (session: Session | null) => {
    if (session) lastEnd = undefined;
    // Data cached for another account must never be shown to this one.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    queryClient.setQueryData(SESSION_KEY, session);
  };
}

export function useSignIn() {
  const setSession = useSetSession();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.login(body),
    onSuccess: (response) => setSession(toSession(response)),
  });
}

export function useRegister() {
  const setSession = useSetSession();
  return useMutation({
    mutationFn: (body: RegisterRequest) => api.register(body),
    onSuccess: (response) => setSession(toSession(response)),
  });
}

export function useSignOut() {
  const setSession = useSetSession();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.logout();
      } catch (error) {
        // Already signed out on the server: fine.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: () => {
      lastEnd = "signedOut";
      setSession(null);
    },
  });
}

export function useHealth() {
  return useQuery({
    queryKey: ["health"],
    queryFn: api.health,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Remember that the server said the session ended (a 401 on a data request). */
export function markExpired(): void {
  lastEnd = "expired";
}

export function sessionEnd(): SessionEnd | undefined {
  return lastEnd;
}
