import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import type { Session } from "../../lib/api.ts";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { directoryApi, type ServiceEntry, type ServiceGroup, type ServiceInput } from "./api.ts";
import { pick } from "./ServiceCard.tsx";
import "./directory.css";

const EMPTY: ServiceInput = {
  slug: "",
  groupCode: "",
  kind: "external",
  name: { id: "", en: "" },
  description: { id: "", en: "" },
  url: "https://",
  agency: "",
  openingHours: { id: "", en: "" },
  requirements: [],
  keywords: [],
  regencyCodes: [],
  sort: 0,
  active: true,
};

function toInput(s: ServiceEntry): ServiceInput {
  const { updatedAt: _u, ...rest } = s;
  return rest;
}

const splitList = (text: string) =>
  text
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

function requirementsText(input: ServiceInput): string {
  return input.requirements.map((r) => `${r.id} | ${r.en}`).join("\n");
}

function parseRequirements(text: string) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [id = "", en] = line.split("|").map((x) => x.trim());
      return { id, en: en || id };
    });
}

function TextArea({
  label,
  value,
  onChange,
  hint,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <p className="field-hint">{hint}</p> : null}
      <textarea id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)} />
    </div>
  );
}

function ServiceForm({
  initial,
  isNew,
  groups,
  onDone,
}: {
  initial: ServiceInput;
  isNew: boolean;
  groups: ServiceGroup[];
  onDone: (message: string) => void;
}) {
  const { t, td, lang } = usePreferences();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ServiceInput>(initial);
  const [requirements, setRequirements] = useState(requirementsText(initial));
  const [keywords, setKeywords] = useState(initial.keywords.join(", "));
  const [regencies, setRegencies] = useState(initial.regencyCodes.join(", "));
  const save = useMutation({
    mutationFn: (input: ServiceInput) => {
      if (isNew) return directoryApi.create(input);
      const { slug: _s, ...patch } = input;
      return directoryApi.update(initial.slug, patch);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["services"] });
      onDone(t("directory.console.saved"));
    },
  });
  const errors = fieldErrorsOf(save.error);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form opens above the list: bring it into view and put the keyboard focus on it.
  useEffect(() => {
    heading.current?.scrollIntoView({ block: "start" });
    heading.current?.focus();
  }, []);
  const set = <K extends keyof ServiceInput>(key: K, value: ServiceInput[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate({
      ...form,
      requirements: parseRequirements(requirements),
      keywords: splitList(keywords),
      regencyCodes: splitList(regencies),
    });
  };
  return (
    <form className="card directory-form" onSubmit={onSubmit} data-testid="service-form">
      <h2 ref={heading} tabIndex={-1}>
        {isNew ? t("directory.console.new") : t("directory.console.edit")}
      </h2>
      <ErrorAlert title={t("error.title")} message={save.isError ? errorMessage(save.error, t, td) : null} />
      {isNew ? (
        <Field
          label={t("directory.form.slug")}
          hint={t("directory.form.slug.hint")}
          value={form.slug}
          error={errors.slug}
          required
          onChange={(e) => set("slug", e.currentTarget.value)}
        />
      ) : null}
      <SelectField
        label={t("directory.form.group")}
        value={form.groupCode}
        error={errors.groupCode}
        required
        onChange={(e) => set("groupCode", e.currentTarget.value)}
      >
        <option value="" />
        {groups.map((g) => (
          <option key={g.code} value={g.code}>
            {pick(g.name, lang)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("directory.form.kind")}
        value={form.kind}
        onChange={(e) => set("kind", e.currentTarget.value as ServiceInput["kind"])}
      >
        <option value="external">{t("directory.form.kind.external")}</option>
        <option value="internal">{t("directory.form.kind.internal")}</option>
      </SelectField>
      <Field
        label={t("directory.form.url")}
        hint={t("directory.form.url.hint")}
        value={form.url}
        error={errors.url}
        required
        onChange={(e) => set("url", e.currentTarget.value)}
      />
      <Field
        label={t("directory.form.nameId")}
        value={form.name.id}
        error={errors["name.id"]}
        required
        onChange={(e) => set("name", { ...form.name, id: e.currentTarget.value })}
      />
      <Field
        label={t("directory.form.nameEn")}
        value={form.name.en}
        error={errors["name.en"]}
        required
        onChange={(e) => set("name", { ...form.name, en: e.currentTarget.value })}
      />
      <TextArea
        label={t("directory.form.descriptionId")}
        value={form.description.id}
        onChange={(v) => set("description", { ...form.description, id: v })}
      />
      <TextArea
        label={t("directory.form.descriptionEn")}
        value={form.description.en}
        onChange={(v) => set("description", { ...form.description, en: v })}
      />
      <Field
        label={t("directory.form.agency")}
        value={form.agency}
        error={errors.agency}
        required
        onChange={(e) => set("agency", e.currentTarget.value)}
      />
      <Field
        label={t("directory.form.hoursId")}
        value={form.openingHours.id}
        required
        onChange={(e) => set("openingHours", { ...form.openingHours, id: e.currentTarget.value })}
      />
      <Field
        label={t("directory.form.hoursEn")}
        value={form.openingHours.en}
        required
        onChange={(e) => set("openingHours", { ...form.openingHours, en: e.currentTarget.value })}
      />
      <TextArea label={t("directory.form.requirements")} value={requirements} onChange={setRequirements} />
      <Field
        label={t("directory.form.keywords")}
        value={keywords}
        onChange={(e) => setKeywords(e.currentTarget.value)}
      />
      <Field
        label={t("directory.form.regencies")}
        value={regencies}
        error={errors.regencyCodes}
        onChange={(e) => setRegencies(e.currentTarget.value)}
      />
      <Field
        label={t("directory.form.sort")}
        type="number"
        min={0}
        value={form.sort}
        onChange={(e) => set("sort", Number(e.currentTarget.value) || 0)}
      />
      <div className="service-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t("directory.form.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone("")}>
          {t("directory.form.cancel")}
        </button>
      </div>
    </form>
  );
}

function ServicesConsole({ session }: { session: Session }) {
  const { t, td, lang } = usePreferences();
  const queryClient = useQueryClient();
  const admin = session.user.isAdmin || session.persona === "admin";
  const [editing, setEditing] = useState<{ input: ServiceInput; isNew: boolean } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const groups = useQuery({ queryKey: ["services", "groups"], queryFn: directoryApi.groups, enabled: admin });
  const list = useQuery({
    queryKey: ["services", "search", "all"],
    queryFn: () => directoryApi.search({ all: true }),
    enabled: admin,
  });
  const toggle = useMutation({
    mutationFn: async (s: ServiceEntry): Promise<void> => {
      if (s.active) await directoryApi.remove(s.slug);
      else await directoryApi.update(s.slug, { active: true });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["services"] }),
  });

  if (!admin) return <p className="alert alert-info">{t("directory.console.adminOnly")}</p>;

  return (
    <>
      <StatusMessage message={status} />
      <ErrorAlert
        title={t("error.title")}
        message={toggle.isError ? errorMessage(toggle.error, t, td) : null}
      />
      {editing ? (
        <ServiceForm
          key={editing.input.slug || "new"}
          initial={editing.input}
          isNew={editing.isNew}
          groups={groups.data?.items ?? []}
          onDone={(message) => {
            setEditing(null);
            setStatus(message || null);
          }}
        />
      ) : (
        <p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setStatus(null);
              setEditing({ input: EMPTY, isNew: true });
            }}
          >
            {t("directory.console.new")}
          </button>
        </p>
      )}
      <QueryState query={list} isEmpty={(d) => d.total === 0} empty={t("directory.empty")}>
        {(data) => (
          <div className="table-wrap">
            <table className="directory-table">
              <thead>
                <tr>
                  <th scope="col">{t("directory.form.nameId")}</th>
                  <th scope="col">{t("directory.form.group")}</th>
                  <th scope="col">{t("directory.agency")}</th>
                  <th scope="col">{t("directory.console.status")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("directory.details")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.sections.flatMap((section) =>
                  section.items.map((s) => (
                    <tr key={s.slug} data-testid={`console-service-${s.slug}`}>
                      <th scope="row">
                        {pick(s.name, lang)}
                        <span className="cell-sub">{s.url}</span>
                      </th>
                      <td>{pick(section.group.name, lang)}</td>
                      <td>{s.agency}</td>
                      <td>
                        <span className={`badge ${s.active ? "badge-success" : "badge-warning"}`}>
                          {s.active ? t("directory.console.active") : t("directory.console.inactive")}
                        </span>
                      </td>
                      <td className="nowrap">
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          aria-label={`${t("directory.console.edit")}: ${pick(s.name, lang)}`}
                          onClick={() => {
                            setStatus(null);
                            setEditing({ input: toInput(s), isNew: false });
                          }}
                        >
                          {t("directory.console.editShort")}
                        </button>{" "}
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          disabled={toggle.isPending}
                          onClick={() => toggle.mutate(s)}
                        >
                          {s.active ? t("directory.console.deactivate") : t("directory.console.activate")}
                        </button>
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </>
  );
}

/** /konsol/layanan: the admin's list of registry entries, an edit form, activate/deactivate. */
export function ServicesConsolePage() {
  const { t } = usePreferences();
  return (
    <ConsolePage title={t("directory.console.title")} intro={t("directory.console.lead")}>
      {(session) => <ServicesConsole session={session} />}
    </ConsolePage>
  );
}
