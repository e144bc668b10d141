import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { marketSellerApi, type ProductInput, type SellerProduct, type VariantInput } from "./api.ts";
import { isUmkm, ProductStatusBadge, TextArea, useLampungRegencies } from "./shared.tsx";
import "./market-seller.css";

const NEW_VARIANT: VariantInput = { name: "", sku: null, price: 0, stock: 0, weightGrams: 0 };

function inputOf(p: SellerProduct): ProductInput {
  return {
    name: p.name,
    description: p.description,
    category: p.category.code,
    originRegionCode: p.origin.regionCode,
    lot: p.lot?.epc ?? null,
    variants: p.variants.map((v) => ({
      id: v.id,
      name: v.name,
      sku: v.sku,
      price: v.price,
      stock: v.stock,
      weightGrams: v.weightGrams,
    })),
    photos: p.photos.map((ph) => ({ mediaId: ph.mediaId, alt: ph.alt })),
  };
}

const whole = (raw: string) => (raw === "" ? 0 : Math.max(0, Math.trunc(Number(raw)) || 0));

function Editor({ product }: { product: SellerProduct | null }) {
  const { t, td, lang } = usePreferences();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const regencies = useLampungRegencies();
  const categories = useQuery({ queryKey: ["market", "categories"], queryFn: marketSellerApi.categories });
  const [form, setForm] = useState<ProductInput>(
    product
      ? inputOf(product)
      : {
          name: "",
          description: "",
          category: "",
          originRegionCode: "",
          lot: null,
          variants: [NEW_VARIANT],
          photos: [],
        },
  );
  // Photo previews: the server URL of saved photos, an object URL of fresh uploads.
  const [previews, setPreviews] = useState<Record<string, string>>(
    Object.fromEntries(product?.photos.map((p) => [p.mediaId, p.url]) ?? []),
  );
  const [status, setStatus] = useState<string | null>(null);
  const set = <K extends keyof ProductInput>(key: K, value: ProductInput[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const setVariant = (i: number, patch: Partial<VariantInput>) =>
    setForm((f) => ({ ...f, variants: f.variants.map((v, j) => (j === i ? { ...v, ...patch } : v)) }));

  const save = useMutation({
    mutationFn: async (then: "save" | "publish") => {
      const saved = product
        ? await marketSellerApi.updateProduct(product.id, form)
        : await marketSellerApi.createProduct(form);
      return then === "publish" ? marketSellerApi.publish(saved.id) : saved;
    },
    onSuccess: async (saved, then) => {
      await queryClient.invalidateQueries({ queryKey: ["market"] });
      setStatus(t(then === "publish" ? "marketSeller.editor.published" : "marketSeller.editor.saved"));
      if (!product) navigate(`/konsol/toko/produk/${saved.id}`, { replace: true });
    },
  });
  const archive = useMutation({
    mutationFn: (id: string) => marketSellerApi.archive(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["market"] });
      navigate("/konsol/toko/produk");
    },
  });
  const upload = useMutation({
    mutationFn: (file: File) => marketSellerApi.uploadPhoto(file),
    onSuccess: (photo, file) => {
      setPreviews((p) => ({ ...p, [photo.id]: URL.createObjectURL(file) }));
      setForm((f) => ({ ...f, photos: [...f.photos, { mediaId: photo.id, alt: "" }] }));
    },
  });
  const error = save.error ?? archive.error ?? upload.error;
  const errors = fieldErrorsOf(save.error);
  const busy = save.isPending || archive.isPending || upload.isPending;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setStatus(null);
    save.mutate("save");
  };
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    if (file) upload.mutate(file);
    e.currentTarget.value = "";
  };

  return (
    <form className="card market-form" onSubmit={onSubmit} data-testid="product-editor">
      {product ? (
        <p>
          <ProductStatusBadge status={product.status} />
        </p>
      ) : null}
      <StatusMessage message={status} />
      <ErrorAlert title={t("error.title")} message={error ? errorMessage(error, t, td) : null} />
      <Field
        label={t("marketSeller.editor.name")}
        value={form.name}
        error={errors.name}
        required
        minLength={3}
        maxLength={120}
        onChange={(e) => set("name", e.currentTarget.value)}
        data-testid="product-name"
      />
      <TextArea
        label={t("marketSeller.editor.description")}
        value={form.description}
        error={errors.description}
        required
        onChange={(v) => set("description", v)}
      />
      <SelectField
        label={t("marketSeller.editor.category")}
        value={form.category}
        error={errors.category}
        required
        onChange={(e) => set("category", e.currentTarget.value)}
      >
        <option value="">{t("marketSeller.field.choose")}</option>
        {categories.data?.items.map((c) => (
          <option key={c.code} value={c.code}>
            {lang === "en" ? c.nameEn : c.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("marketSeller.editor.origin")}
        value={form.originRegionCode}
        error={errors.originRegionCode}
        required
        onChange={(e) => set("originRegionCode", e.currentTarget.value)}
      >
        <option value="">{t("marketSeller.field.choose")}</option>
        {regencies.data?.items.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("marketSeller.editor.lot")}
        hint={t("marketSeller.editor.lot.hint")}
        value={form.lot ?? ""}
        error={errors.lot}
        onChange={(e) => set("lot", e.currentTarget.value.trim() || null)}
      />
      {product?.lot ? (
        <p className="small">
          <a href={product.lot.tracePath}>
            {t("marketSeller.editor.trace", { path: product.lot.tracePath })}
          </a>
        </p>
      ) : null}
      <fieldset>
        <legend>{t("marketSeller.editor.variants")}</legend>
        {form.variants.map((v, i) => (
          <fieldset key={v.id ?? `new-${i}`} className="market-variant">
            <legend>{t("marketSeller.editor.variantLegend", { n: i + 1 })}</legend>
            <Field
              label={t("marketSeller.editor.variantName")}
              value={v.name}
              error={errors[`variants.${i}.name`]}
              required
              onChange={(e) => setVariant(i, { name: e.currentTarget.value })}
            />
            <Field
              label={t("marketSeller.editor.price")}
              type="number"
              min={100}
              step={100}
              value={v.price || ""}
              error={errors[`variants.${i}.price`]}
              required
              onChange={(e) => setVariant(i, { price: whole(e.currentTarget.value) })}
            />
            <Field
              label={t("marketSeller.editor.stock")}
              type="number"
              min={0}
              value={v.stock}
              error={errors[`variants.${i}.stock`]}
              required
              onChange={(e) => setVariant(i, { stock: whole(e.currentTarget.value) })}
            />
            <Field
              label={t("marketSeller.editor.weight")}
              type="number"
              min={1}
              value={v.weightGrams || ""}
              error={errors[`variants.${i}.weightGrams`]}
              required
              onChange={(e) => setVariant(i, { weightGrams: whole(e.currentTarget.value) })}
            />
            <Field
              label={t("marketSeller.editor.sku")}
              value={v.sku ?? ""}
              error={errors[`variants.${i}.sku`]}
              onChange={(e) => setVariant(i, { sku: e.currentTarget.value || null })}
            />
            {form.variants.length > 1 ? (
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() =>
                  set(
                    "variants",
                    form.variants.filter((_, j) => j !== i),
                  )
                }
              >
                {t("marketSeller.editor.removeVariant", { n: i + 1 })}
              </button>
            ) : null}
          </fieldset>
        ))}
        <p>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => set("variants", [...form.variants, NEW_VARIANT])}
          >
            {t("marketSeller.editor.addVariant")}
          </button>
        </p>
      </fieldset>
      <fieldset>
        <legend>{t("marketSeller.editor.photos")}</legend>
        <div className="market-photos">
          {form.photos.map((p, i) => (
            <div key={p.mediaId}>
              {previews[p.mediaId] ? <img src={previews[p.mediaId]} alt={p.alt} /> : null}
              <Field
                label={t("marketSeller.editor.photo.alt", { n: i + 1 })}
                hint={t("marketSeller.editor.photo.altHint")}
                value={p.alt}
                error={errors[`photos.${i}.alt`] ?? errors[`photos.${i}.mediaId`]}
                required
                minLength={3}
                onChange={(e) => {
                  const alt = e.currentTarget.value;
                  set(
                    "photos",
                    form.photos.map((x, j) => (j === i ? { ...x, alt } : x)),
                  );
                }}
              />
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() =>
                  set(
                    "photos",
                    form.photos.filter((_, j) => j !== i),
                  )
                }
              >
                {t("marketSeller.editor.photo.remove", { n: i + 1 })}
              </button>
            </div>
          ))}
        </div>
        <Field
          label={t("marketSeller.editor.photo.upload")}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          onChange={onFile}
        />
        {upload.isPending ? <p className="muted small">{t("marketSeller.editor.photo.uploading")}</p> : null}
      </fieldset>
      <div className="market-actions">
        <button type="submit" className="button button-secondary" disabled={busy}>
          {t("marketSeller.editor.save")}
        </button>
        {product?.status !== "active" ? (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => {
              setStatus(null);
              save.mutate("publish");
            }}
          >
            {t("marketSeller.editor.publish")}
          </button>
        ) : null}
        {product ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => archive.mutate(product.id)}
          >
            {t("marketSeller.editor.archive")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function EditExisting({ id }: { id: string }) {
  const { t } = usePreferences();
  const query = useQuery({
    queryKey: ["market", "seller", "product", id],
    queryFn: () => marketSellerApi.myProduct(id),
  });
  if (query.isPending) {
    return (
      <p className="loading" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        {t("app.loading")}
      </p>
    );
  }
  if (!query.data || query.data.status === "archived") {
    return <p className="alert alert-info">{t("marketSeller.editor.notFound")}</p>;
  }
  return <Editor key={query.data.updatedAt} product={query.data} />;
}

/** /konsol/toko/produk/baru and /konsol/toko/produk/:id — the product editor. */
export function ProductEditorPage() {
  const { id } = useParams();
  const { t } = usePreferences();
  return (
    <ConsolePage
      title={t(id ? "marketSeller.editor.titleEdit" : "marketSeller.editor.titleNew")}
      actions={<Link to="/konsol/toko/produk">{t("marketSeller.products.title")}</Link>}
    >
      {(session) =>
        !isUmkm(session) ? (
          <p className="alert alert-info">{t("marketSeller.shop.onlyUmkm")}</p>
        ) : id ? (
          <EditExisting id={id} />
        ) : (
          <Editor product={null} />
        )
      }
    </ConsolePage>
  );
}
