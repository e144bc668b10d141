import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link, useLocation, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { Field } from "../../components/Field.tsx";
import { Icon } from "../../components/Icon.tsx";
import { ApiError, api } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { type FullPublicTrace, toTraceInput } from "./model.ts";
import { Code, type Levels, NESTED_LEVELS, PAGE_LEVELS, TraceView } from "./TraceView.tsx";

function usePublicTrace(epc: string) {
  return useQuery({
    queryKey: ["public-trace", epc],
    // lib/api.ts types the older, smaller answer; the server sends the full one (model.ts).
    queryFn: async () => (await api.publicTrace(epc)) as unknown as FullPublicTrace,
    staleTime: 60_000,
  });
}

/** "Not recorded" (404) and "not a code" (400): answers, not failures, so no red alert. */
function Missing({ epc, kind, levels }: { epc: string; kind: "unknown" | "bad"; levels: Levels }) {
  const { t } = usePreferences();
  const Heading = levels.section;
  const prefix = kind === "unknown" ? "trace.notFound" : "trace.badCode";
  return (
    <section
      className="card trace-missing"
      aria-labelledby="trace-missing-title"
      data-testid={kind === "unknown" ? "trace-not-found" : "trace-bad-code"}
    >
      <div className="trace-missing-head">
        <span className="trace-missing-icon">
          <Icon name="alert" size={28} />
        </span>
        <Heading id="trace-missing-title">{t(`${prefix}.title`)}</Heading>
      </div>
      <p>{t(`${prefix}.body`)}</p>
      <p className="trace-missing-code">
        <span className="muted">{t("trace.code")}:</span> <Code epc={epc} />
      </p>
    </section>
  );
}

function TraceResult({ epc, levels }: { epc: string; levels: Levels }) {
  const { t, td } = usePreferences();
  const query = usePublicTrace(epc);
  if (query.isPending) {
    return (
      <p className="loading page-loading" aria-busy="true" data-testid="trace-loading">
        <span className="spinner" aria-hidden="true" />
        {t("trace.loading")}
      </p>
    );
  }
  if (query.isError) {
    const error = query.error;
    if (error instanceof ApiError && (error.status === 404 || error.code === "trace.unknown_epc")) {
      return <Missing epc={epc} kind="unknown" levels={levels} />;
    }
    if (error instanceof ApiError && (error.status === 400 || error.code === "trace.bad_identifier")) {
      return <Missing epc={epc} kind="bad" levels={levels} />;
    }
    return (
      <ErrorAlert title={t("error.title")} message={errorMessage(error, t, td)}>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => query.refetch()}
        >
          {t("error.retry")}
        </button>
      </ErrorAlert>
    );
  }
  return <TraceView trace={query.data} levels={levels} />;
}

function Hero({ title, lead }: { title: string; lead: string }) {
  return (
    <section className="hero trace-hero">
      <h1 id="page-title">{title}</h1>
      <p className="hero-lead">{lead}</p>
    </section>
  );
}

/**
 * Behind the QR on a label: `/01/<GTIN>/10/<lot>`, `/01/<GTIN>` or `/00/<SSCC>` on this site
 * is itself the GS1 Digital Link the API resolves. Public: no sign-in.
 */
export function TraceLinkPage() {
  const { t } = usePreferences();
  useDocumentTitle(t("trace.title"));
  const { pathname } = useLocation();
  const epc = `${window.location.origin}${pathname}`;
  return (
    <div className="trace-page">
      <Hero title={t("trace.title")} lead={t("trace.lead")} />
      <TraceResult epc={epc} levels={PAGE_LEVELS} />
      <p className="trace-again">
        <Link to="/lacak" className="button button-secondary">
          <Icon name="list" size={20} />
          {t("trace.searchAgain")}
        </Link>
      </p>
    </div>
  );
}

/** `/lacak?epc=…`: paste or type the code from a label (what was typed stays in the address). */
export function TraceSearchPage() {
  const { t } = usePreferences();
  useDocumentTitle(t("trace.search.title"));
  const [params, setParams] = useSearchParams();
  const typed = params.get("epc")?.trim() ?? "";
  const [value, setValue] = useState(typed);
  const [error, setError] = useState<string | undefined>();
  const formRef = useRef<HTMLFormElement>(null);

  // Back and forward move through searches: the field follows the address.
  useEffect(() => {
    setValue(typed);
  }, [typed]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = value.trim();
    if (!next) {
      setError(t("validation.required"));
      formRef.current?.querySelector<HTMLInputElement>("input")?.focus();
      return;
    }
    setError(undefined);
    setParams({ epc: next });
  };

  return (
    <div className="trace-page">
      <Hero title={t("trace.search.title")} lead={t("trace.search.intro")} />
      <search className="card trace-search" aria-label={t("trace.search.title")}>
        <form ref={formRef} onSubmit={onSubmit} noValidate>
          <Field
            label={t("trace.search.label")}
            hint={t("trace.search.hint")}
            error={error}
            name="epc"
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            inputMode="url"
            enterKeyHint="search"
          />
          <button type="submit" className="button button-primary">
            {t("trace.search.submit")}
          </button>
        </form>
      </search>
      {typed ? (
        <section className="trace-result" aria-labelledby="trace-result-title">
          <h2 id="trace-result-title" className="section-title">
            {t("trace.title")}
          </h2>
          <TraceResult epc={toTraceInput(typed, window.location.origin)} levels={NESTED_LEVELS} />
        </section>
      ) : null}
    </div>
  );
}
