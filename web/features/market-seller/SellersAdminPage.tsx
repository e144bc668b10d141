import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { errorMessage } from "../../lib/errors.ts";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { marketSellerApi, type Seller, type SellerStatus } from "./api.ts";
import { isAdmin, SellerStatusBadge } from "./shared.tsx";
import "./market-seller.css";

const STATUSES: SellerStatus[] = ["pending", "verified", "rejected", "suspended"];

function Papers({ seller }: { seller: Seller }) {
  const { t } = usePreferences();
  const none = t("marketSeller.admin.none");
  return (
    <dl className="market-papers">
      <dt>NIB</dt>
      <dd>{seller.nib}</dd>
      <dt>P-IRT</dt>
      <dd>{seller.pirtNumber ?? none}</dd>
      <dt>Halal</dt>
      <dd>{seller.halalNumber ?? none}</dd>
    </dl>
  );
}

function Row({ seller, onDone }: { seller: Seller; onDone: (message: string) => void }) {
  const { t, td, lang } = usePreferences();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["market", "sellers"] });
  const verify = useMutation({
    mutationFn: () => marketSellerApi.verify(seller.id),
    onSuccess: async () => {
      await refresh();
      onDone(t("marketSeller.admin.verified", { name: seller.displayName }));
    },
  });
  const reject = useMutation({
    mutationFn: () => marketSellerApi.reject(seller.id, reason),
    onSuccess: async () => {
      await refresh();
      onDone(t("marketSeller.admin.rejected", { name: seller.displayName }));
    },
  });
  const error = verify.error ?? reject.error;
  const onReject = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    reject.mutate();
  };
  return (
    <tr data-testid={`seller-${seller.id}`}>
      <th scope="row">
        {seller.displayName} <SellerStatusBadge status={seller.status} />
        <span className="cell-sub">
          {seller.regionName} · {seller.pickupAddress}
        </span>
        {seller.statusReason ? <span className="cell-sub">{seller.statusReason}</span> : null}
      </th>
      <td>
        <Papers seller={seller} />
      </td>
      <td>
        {seller.bank.name}
        <span className="cell-sub">{seller.bank.accountNumber}</span>
        <span className="cell-sub">a.n. {seller.bank.accountName}</span>
      </td>
      <td className="nowrap">{formatDateTimeWIB(seller.createdAt, lang)}</td>
      <td>
        <ErrorAlert title={t("error.title")} message={error ? errorMessage(error, t, td) : null} />
        {seller.status !== "verified" ? (
          <div className="market-actions">
            <button
              type="button"
              className="button button-primary button-small"
              disabled={verify.isPending}
              onClick={() => verify.mutate()}
            >
              {t("marketSeller.admin.verify")}
            </button>
            {seller.status === "pending" && !rejecting ? (
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setRejecting(true)}
              >
                {t("marketSeller.admin.reject")}
              </button>
            ) : null}
          </div>
        ) : null}
        {rejecting ? (
          <form onSubmit={onReject}>
            <Field
              label={t("marketSeller.admin.reason", { name: seller.displayName })}
              value={reason}
              required
              minLength={5}
              maxLength={500}
              autoFocus
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <button
              type="submit"
              className="button button-secondary button-small"
              disabled={reject.isPending}
            >
              {t("marketSeller.admin.confirmReject")}
            </button>
          </form>
        ) : null}
      </td>
    </tr>
  );
}

function Queue() {
  const { t } = usePreferences();
  const [status, setStatus] = useState<SellerStatus>("pending");
  const [message, setMessage] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ["market", "sellers", status],
    queryFn: () => marketSellerApi.sellers(status),
  });
  return (
    <>
      <StatusMessage message={message} />
      <div className="market-filter">
        <SelectField
          label={t("marketSeller.admin.filter")}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as SellerStatus)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`marketSeller.status.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t("marketSeller.admin.empty")}>
        {(data) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("marketSeller.admin.shop")}</th>
                  <th scope="col">{t("marketSeller.admin.papers")}</th>
                  <th scope="col">{t("marketSeller.admin.bank")}</th>
                  <th scope="col">{t("marketSeller.admin.applied")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("marketSeller.admin.verify")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((s) => (
                  <Row key={s.id} seller={s} onDone={setMessage} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </>
  );
}

/** /konsol/penjual: the admin's verification queue of UMKM shops. */
export function SellersAdminPage() {
  const { t } = usePreferences();
  return (
    <ConsolePage title={t("marketSeller.admin.title")} intro={t("marketSeller.admin.lead")}>
      {(session) =>
        isAdmin(session) ? <Queue /> : <p className="alert alert-info">{t("marketSeller.admin.forbidden")}</p>
      }
    </ConsolePage>
  );
}
