const paths = {
  services: "M3 10h18M5 10v8M9.7 10v8M14.3 10v8M19 10v8M3 20.5h18M12 3.5 20.5 8h-17z",
  report:
    "M4 10v4a1 1 0 0 0 1 1h2.5L13 19V5L7.5 9H5a1 1 0 0 0-1 1zM16.5 9.5a3.5 3.5 0 0 1 0 5M19 7a7 7 0 0 1 0 10",
  prices: "M20.5 12.5 12.5 20.5 3.5 11.5V3.5h8zM8 8h.01",
  news: "M4 5h13v14H6.5A2.5 2.5 0 0 1 4 16.5zM17 8.5h3v8.5a2 2 0 0 1-4 0M7.5 9h6M7.5 12.5h6M7.5 16h3.5",
  market: "M5 8.5h14l-1.2 11.5H6.2zM9 8.5V7a3 3 0 0 1 6 0v1.5",
  signOut: "M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 17l5-5-5-5M15 12H3",
  contrast: "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 3v18",
  globe:
    "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z",
  alert: "M12 3.5 21.5 20h-19zM12 10v4.5M12 17.5h.01",
  check: "M5 12.5l4.5 4.5L19 7.5",
  clock: "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3.5 2",
  home: "M4 11 12 4l8 7M6 9.5V20h12V9.5",
  pin: "M12 21s-6.5-6.2-6.5-11a6.5 6.5 0 0 1 13 0c0 4.8-6.5 11-6.5 11zM12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z",
  list: "M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01",
  building: "M4 21V5l8-2v18M12 8h8v13M7.5 8h1M7.5 12h1M7.5 16h1M15.5 12h1M15.5 16h1M2.5 21h19",
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 24 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}

/** The Lumbung mark: a raised granary (lumbung) with a rice sheaf. */
export function Logo({ size = 36 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#0f6e5a" />
      <path d="M12 29 32 13l20 16z" fill="#f6c453" />
      <path d="M18 29h28v15H18z" fill="#ffffff" />
      <path d="M29 34h6v10h-6z" fill="#0f6e5a" />
      <path d="M20 44v7M44 44v7M15 51h34" stroke="#ffffff" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
