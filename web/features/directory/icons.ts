import type { IconName } from "../../components/Icon.tsx";

const KNOWN: readonly IconName[] = [
  "services",
  "report",
  "prices",
  "news",
  "market",
  "clock",
  "home",
  "pin",
  "list",
  "building",
  "check",
  "globe",
  "alert",
];

/** The icon stored with a group, when the web app knows it; otherwise the generic one. */
export function groupIcon(icon: string): IconName {
  return (KNOWN as readonly string[]).includes(icon) ? (icon as IconName) : "services";
}
