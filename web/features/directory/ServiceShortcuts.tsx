import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Icon } from "../../components/Icon.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { usePreferences } from "../../lib/preferences.tsx";
import { directoryApi } from "./api.ts";
import { groupIcon } from "./icons.ts";
import "./directory.css";

/** The services directory's groups as tiles (for the home page), each linking to /layanan#<group>. */
export function ServiceShortcuts() {
  const { t, lang } = usePreferences();
  const query = useQuery({
    queryKey: ["services", "groups"],
    queryFn: directoryApi.groups,
    staleTime: 10 * 60_000,
  });
  return (
    <nav className="service-shortcuts" aria-label={t("directory.shortcuts")} data-testid="service-shortcuts">
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t("directory.empty")}>
        {(data) => (
          <ul className="service-shortcut-grid">
            {data.items.map((group) => (
              <li key={group.code}>
                <Link to={`/layanan#${group.code}`} className="service-shortcut">
                  <span className="tile-icon">
                    <Icon name={groupIcon(group.icon)} />
                  </span>
                  <span className="service-shortcut-name">
                    {lang === "en" ? group.name.en : group.name.id}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </nav>
  );
}
