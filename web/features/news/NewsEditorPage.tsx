import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, type FormEvent, useEffect, useId, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Checkbox, Field, SelectField } from "../../components/Field.tsx";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type NewsArticle, type NewsInput, type NewsKind, newsApi } from "./api.ts";
import { NewsBody } from "./NewsBody.tsx";
import { isAuthor, StatusBadge } from "./NewsConsolePage.tsx";
import { useLampungRegencies } from "./regions.ts";
import "./news.css";

const EMPTY: NewsInput = {
  title: "",
  summary: "",
  kind: "news",
  body: "",
  imageMediaId: null,
  imageAlt: null,
  regencyCodes: [],
};

function inputOf(a: NewsArticle): NewsInput {
  return {
    title: a.title,
    summary: a.summary,
    kind: a.kind,
    body: a.body,
    imageMediaId: a.image?.mediaId ?? null,
    imageAlt: a.image?.alt ?? null,
    regencyCodes: a.regencyCodes,
  };
}

function TextArea({
  label,
  hint,
  error,
  value,
  onChange,
  className,
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onChange: (v: string) => void;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        className={className}
        value={value}
        aria-describedby={
          [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined
        }
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </div>
  );
}

function Editor({ article }: { article: NewsArticle | null }) {
  const { t, td } = usePreferences();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const regencies = useLampungRegencies();
  const [form, setForm] = useState<NewsInput>(article ? inputOf(article) : EMPTY);
  const [imagePreview, setImagePreview] = useState<string | null>(article?.image?.url ?? null);
  const [status, setStatus] = useState<string | null>(null);
  const set = <K extends keyof NewsInput>(key: K, value: NewsInput[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  // An object URL of a freshly picked file lives until the next one (or leaving the page).
  useEffect(
    () => () => {
      if (imagePreview?.startsWith("blob:")) URL.revokeObjectURL(imagePreview);
    },
    [imagePreview],
  );

  const done = async (saved: NewsArticle, message: string) => {
    await queryClient.invalidateQueries({ queryKey: ["news"] });
    setStatus(message);
    if (!article) navigate(`/konsol/berita/${saved.id}`, { replace: true });
  };

  const save = useMutation({
    mutationFn: async (then: "save" | "publish") => {
      const saved = article ? await newsApi.update(article.id, form) : await newsApi.create(form);
      return then === "publish" ? newsApi.publish(saved.id) : saved;
    },
    onSuccess: (saved, then) =>
      done(saved, t(then === "publish" ? "news.editor.published" : "news.editor.saved")),
  });
  const unpublish = useMutation({
    mutationFn: (id: string) => newsApi.unpublish(id),
    onSuccess: (saved) => done(saved, t("news.editor.unpublished")),
  });
  const archive = useMutation({
    mutationFn: (id: string) => newsApi.archive(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["news"] });
      navigate("/konsol/berita");
    },
  });
  const upload = useMutation({
    mutationFn: (file: File) => newsApi.uploadImage(file),
    onSuccess: (image, file) => {
      set("imageMediaId", image.id);
      setImagePreview(URL.createObjectURL(file));
    },
  });

  const error = save.error ?? unpublish.error ?? archive.error ?? upload.error;
  const errors = fieldErrorsOf(save.error);
  const busy = save.isPending || unpublish.isPending || archive.isPending || upload.isPending;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setStatus(null);
    save.mutate("save");
  };
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (file) upload.mutate(file);
  };
  const toggleRegency = (code: string, on: boolean) =>
    set("regencyCodes", on ? [...form.regencyCodes, code] : form.regencyCodes.filter((c) => c !== code));

  return (
    <div className="news-editor-layout">
      <form className="card news-editor" onSubmit={onSubmit} data-testid="news-editor">
        {article ? (
          <p>
            <StatusBadge status={article.status} />{" "}
            {article.status === "published" ? (
              <Link to={`/berita/${article.slug}`}>{t("news.editor.view")}</Link>
            ) : (
              <Link to={`/berita/${article.slug}?preview=true`}>{t("news.editor.preview")}</Link>
            )}
          </p>
        ) : null}
        <StatusMessage message={status} />
        <ErrorAlert title={t("error.title")} message={error ? errorMessage(error, t, td) : null} />
        <Field
          label={t("news.editor.title")}
          value={form.title}
          error={errors.title}
          required
          minLength={5}
          maxLength={200}
          onChange={(e) => set("title", e.currentTarget.value)}
          data-testid="news-title"
        />
        <TextArea
          label={t("news.editor.summary")}
          hint={t("news.editor.summary.hint")}
          error={errors.summary}
          value={form.summary}
          onChange={(v) => set("summary", v)}
        />
        <SelectField
          label={t("news.editor.kind")}
          value={form.kind}
          onChange={(e) => set("kind", e.currentTarget.value as NewsKind)}
        >
          <option value="news">{t("news.kind.news")}</option>
          <option value="announcement">{t("news.kind.announcement")}</option>
        </SelectField>
        <TextArea
          label={t("news.editor.body")}
          hint={t("news.editor.body.hint")}
          error={errors.body}
          value={form.body}
          className="news-body-input"
          onChange={(v) => set("body", v)}
        />
        <Field
          label={t("news.editor.image")}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          onChange={onFile}
          error={errors.imageMediaId}
        />
        {upload.isPending ? <p className="muted small">{t("news.editor.image.uploading")}</p> : null}
        {form.imageMediaId && imagePreview ? (
          <div>
            <img className="news-image-preview" src={imagePreview} alt={form.imageAlt ?? ""} />
            <p>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => {
                  set("imageMediaId", null);
                  set("imageAlt", null);
                  setImagePreview(null);
                }}
              >
                {t("news.editor.image.remove")}
              </button>
            </p>
          </div>
        ) : null}
        {form.imageMediaId ? (
          <Field
            label={t("news.editor.imageAlt")}
            hint={t("news.editor.imageAlt.hint")}
            value={form.imageAlt ?? ""}
            error={errors.imageAlt}
            required
            onChange={(e) => set("imageAlt", e.currentTarget.value || null)}
          />
        ) : null}
        <fieldset className="news-regencies">
          <legend>{t("news.editor.regencies")}</legend>
          <p className="field-hint">{t("news.editor.regencies.hint")}</p>
          {regencies.data?.items.map((r) => (
            <Checkbox
              key={r.code}
              label={r.name}
              checked={form.regencyCodes.includes(r.code)}
              onChange={(on) => toggleRegency(r.code, on)}
            />
          ))}
        </fieldset>
        <div className="news-editor-actions">
          <button type="submit" className="button button-secondary" disabled={busy}>
            {t("news.editor.save")}
          </button>
          {article?.status !== "published" ? (
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => {
                setStatus(null);
                save.mutate("publish");
              }}
            >
              {t("news.editor.publish")}
            </button>
          ) : (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => unpublish.mutate(article.id)}
            >
              {t("news.editor.unpublish")}
            </button>
          )}
          {article ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => archive.mutate(article.id)}
            >
              {t("news.editor.archive")}
            </button>
          ) : null}
        </div>
      </form>
      <section className="card news-preview-card" aria-labelledby="news-preview-title">
        <h2 id="news-preview-title">{t("news.editor.preview")}</h2>
        <div className="news-preview" data-testid="news-preview">
          <h3>{form.title}</h3>
          {form.summary ? (
            <p>
              <strong>{form.summary}</strong>
            </p>
          ) : null}
          <NewsBody body={form.body} headingLevel={3} />
        </div>
      </section>
    </div>
  );
}

function EditExisting({ id }: { id: string }) {
  const { t } = usePreferences();
  const mine = useQuery({ queryKey: ["news", "mine"], queryFn: newsApi.mine });
  if (mine.isPending) {
    return (
      <p className="loading" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        {t("app.loading")}
      </p>
    );
  }
  const article = mine.data?.items.find((a) => a.id === id);
  if (!article) return <p className="alert alert-info">{t("news.notFound")}</p>;
  return <Editor key={article.id} article={article} />;
}

/** /konsol/berita/baru and /konsol/berita/:id — the article editor with a live preview. */
export function NewsEditorPage() {
  const { id } = useParams();
  const { t } = usePreferences();
  return (
    <ConsolePage
      title={id ? t("news.editor.titleEdit") : t("news.editor.titleNew")}
      actions={<Link to="/konsol/berita">{t("news.console.title")}</Link>}
    >
      {(session) =>
        !isAuthor(session) ? (
          <p className="alert alert-info">{t("news.console.forbidden")}</p>
        ) : id ? (
          <EditExisting id={id} />
        ) : (
          <Editor article={null} />
        )
      }
    </ConsolePage>
  );
}
