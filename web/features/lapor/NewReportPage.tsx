import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Link, Navigate, useNavigate } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { errorMessage } from "../../lib/errors.ts";
import type { MessageKey } from "../../lib/i18n.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import type { SignInState } from "../auth/SignInPage.tsx";
import { type Category, type CategoryAttribute, laporApi, type Privacy, type PublicReport } from "./api.ts";
import { LaporMap, type Pin } from "./LaporMap.tsx";
import { inIndonesia, inLampung, MAX_PHOTOS, PHOTO_TYPES, photoProblem } from "./model.ts";
import { addToOutbox, syncOutbox, useOutbox, useSentReports } from "./outbox.ts";
import { categoryName, useOnline, useOwner } from "./parts.tsx";
import { useCategories } from "./useCategories.ts";
import "./lapor.css";

interface LocalPhoto {
  blob: Blob;
  name: string;
  url: string;
}

type Errors = Partial<Record<"category" | "description" | "location" | "photos" | `attr.${string}`, string>>;

function newRequestId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Not a secure context (plain http on a LAN address): a v4 UUID from random bytes.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function parseCoordinate(text: string): number | null {
  const n = Number(text.trim().replace(",", "."));
  return text.trim() !== "" && Number.isFinite(n) ? n : null;
}

function groupOf(categories: Category[]): [string, Category[]][] {
  const groups = new Map<string, Category[]>();
  for (const c of categories) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  return [...groups.entries()];
}

function AttributeField({
  attribute,
  value,
  error,
  onChange,
}: {
  attribute: CategoryAttribute;
  value: string | string[] | undefined;
  error: string | undefined;
  onChange: (value: string | string[]) => void;
}) {
  const { lang } = usePreferences();
  const id = useId();
  const label = `${lang === "en" ? attribute.description.en : attribute.description.id}${attribute.required ? " *" : ""}`;
  const testId = `lapor-attr-${attribute.code}`;
  if (attribute.datatype === "singlevaluelist") {
    return (
      <SelectField
        label={label}
        value={typeof value === "string" ? value : ""}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        required={attribute.required}
        data-testid={testId}
      >
        <option value="">—</option>
        {(attribute.values ?? []).map((v) => (
          <option key={v.key} value={v.key}>
            {lang === "en" ? v.name.en : v.name.id}
          </option>
        ))}
      </SelectField>
    );
  }
  if (attribute.datatype === "multivaluelist") {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className="lapor-fieldset" data-testid={testId}>
        <legend>{label}</legend>
        {error ? <p className="field-error">{error}</p> : null}
        {(attribute.values ?? []).map((v) => (
          <label key={v.key} className="lapor-choice">
            <input
              type="checkbox"
              checked={chosen.includes(v.key)}
              onChange={(e) =>
                onChange(e.currentTarget.checked ? [...chosen, v.key] : chosen.filter((k) => k !== v.key))
              }
            />
            {lang === "en" ? v.name.en : v.name.id}
          </label>
        ))}
      </fieldset>
    );
  }
  if (attribute.datatype === "text") {
    return (
      <div className={error ? "field field-invalid" : "field"}>
        <label htmlFor={id}>{label}</label>
        {error ? <p className="field-error">{error}</p> : null}
        <textarea
          id={id}
          rows={3}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.currentTarget.value)}
          data-testid={testId}
        />
      </div>
    );
  }
  return (
    <Field
      label={label}
      type={
        attribute.datatype === "number"
          ? "number"
          : attribute.datatype === "datetime"
            ? "datetime-local"
            : "text"
      }
      value={typeof value === "string" ? value : ""}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data-testid={testId}
    />
  );
}

/** The "saved on the device" panel after submitting: follows the report through the outbox. */
function Saved({ requestId, onAnother }: { requestId: string; onAnother: () => void }) {
  const { t } = usePreferences();
  const online = useOnline();
  const outbox = useOutbox();
  const sent = useSentReports().find((s) => s.clientRequestId === requestId);
  const item = outbox.find((i) => i.clientRequestId === requestId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const message = sent
    ? t("lapor.saved.sent", { number: sent.number })
    : item?.status === "attention"
      ? t("lapor.saved.attention", { problem: item.problem ?? "" })
      : online
        ? t("lapor.saved.sending")
        : t("lapor.saved.offline");
  return (
    <section className="card lapor-saved" data-testid="lapor-saved" data-sent={Boolean(sent)}>
      <h2 ref={heading} tabIndex={-1} className="section-title">
        {t("lapor.saved.title")}
      </h2>
      <p role="status" data-testid="lapor-saved-message">
        {message}
      </p>
      <p className="lapor-head-actions">
        {sent ? (
          <Link to={`/lapor/${sent.id}`} className="button button-primary" data-testid="lapor-saved-view">
            {t("lapor.saved.view")}
          </Link>
        ) : null}
        <Link to="/lapor/saya" className="button button-secondary" data-testid="lapor-saved-mine">
          {t("lapor.mine")}
        </Link>
        <button type="button" className="button button-secondary" onClick={onAnother}>
          {t("lapor.saved.another")}
        </button>
      </p>
    </section>
  );
}

/** `/lapor/baru`: the filing form. Works offline: the report goes to the outbox on the phone first. */
export function NewReportPage() {
  const { t, td, lang } = usePreferences();
  useDocumentTitle(t("lapor.form.title"));
  const navigate = useNavigate();
  const { session, ownerId, pending } = useOwner();
  const online = useOnline();
  const categories = useCategories();

  const [categoryCode, setCategoryCode] = useState("");
  const [description, setDescription] = useState("");
  const [pin, setPin] = useState<Pin | null>(null);
  const [latText, setLatText] = useState("");
  const [lngText, setLngText] = useState("");
  const [regencyCode, setRegencyCode] = useState("");
  const [regencyGuess, setRegencyGuess] = useState<string | null>(null);
  const [districtCode, setDistrictCode] = useState("");
  const [villageCode, setVillageCode] = useState("");
  const [address, setAddress] = useState("");
  const [attributes, setAttributes] = useState<Record<string, string | string[]>>({});
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [photoMessage, setPhotoMessage] = useState<string | null>(null);
  const [privacy, setPrivacy] = useState<Privacy>("public");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const [geoMessage, setGeoMessage] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [duplicates, setDuplicates] = useState<(PublicReport & { distanceM: number })[] | null>(null);
  const [dupChecked, setDupChecked] = useState(false);
  const [joinError, setJoinError] = useState<string | null>(null);
  const [savedId, setSavedId] = useState<string | null>(null);
  const dupHeading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const category = categories.data?.find((c) => c.code === categoryCode);

  const regencies = useQuery({
    queryKey: ["regions", "18"],
    queryFn: () => laporApi.regions("18"),
    staleTime: 60 * 60_000,
    enabled: online,
  });
  const districts = useQuery({
    queryKey: ["regions", regencyCode],
    queryFn: () => laporApi.regions(regencyCode),
    staleTime: 60 * 60_000,
    enabled: online && regencyCode !== "",
  });
  const villages = useQuery({
    queryKey: ["regions", districtCode],
    queryFn: () => laporApi.regions(districtCode),
    staleTime: 60 * 60_000,
    enabled: online && districtCode !== "",
  });

  // Revoke the thumbnails' object URLs when leaving the page.
  const photosRef = useRef(photos);
  photosRef.current = photos;
  useEffect(
    () => () => {
      for (const p of photosRef.current) URL.revokeObjectURL(p.url);
    },
    [],
  );

  const regencyRef = useRef(regencyCode);
  regencyRef.current = regencyCode;
  // The pin moved: ask which regency it is in (online only), to pre-fill the regency.
  useEffect(() => {
    if (!pin || !navigator.onLine) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      laporApi
        .locate(pin.latitude, pin.longitude)
        .then((found) => {
          if (cancelled) return;
          setRegencyGuess(found.regency?.name ?? null);
          if (found.regency && found.regency.code !== regencyRef.current) {
            setRegencyCode(found.regency.code);
            setDistrictCode("");
            setVillageCode("");
          }
        })
        .catch(() => {});
    }, 400);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [pin]);

  if (!pending && session === null) {
    const state: SignInState = { from: "/lapor/baru" };
    return <Navigate to="/masuk" replace state={state} />;
  }
  if (!ownerId) {
    return pending ? (
      <p className="loading" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        {t("app.loading")}
      </p>
    ) : (
      <section className="card narrow">
        <h1 id="page-title">{t("lapor.form.title")}</h1>
        <p>{t("lapor.signInFirst")}</p>
        <p>
          <Link to="/masuk" state={{ from: "/lapor/baru" } satisfies SignInState}>
            {t("signIn.title")}
          </Link>
        </p>
      </section>
    );
  }

  const setPinFrom = (next: Pin) => {
    setPin(next);
    setLatText(String(next.latitude));
    setLngText(String(next.longitude));
    setDupChecked(false);
  };

  const onCoordinate = (lat: string, lng: string) => {
    setLatText(lat);
    setLngText(lng);
    const la = parseCoordinate(lat);
    const lo = parseCoordinate(lng);
    if (la !== null && lo !== null) {
      setPin({ latitude: la, longitude: lo });
      setDupChecked(false);
    }
  };

  const locateMe = () => {
    if (!("geolocation" in navigator)) {
      setGeoMessage(t("lapor.form.geoDenied"));
      return;
    }
    setLocating(true);
    setGeoMessage(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setPinFrom({
          latitude: Math.round(position.coords.latitude * 100_000) / 100_000,
          longitude: Math.round(position.coords.longitude * 100_000) / 100_000,
        });
      },
      () => {
        setLocating(false);
        setGeoMessage(t("lapor.form.geoDenied"));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const addPhotos = (files: FileList | null) => {
    if (!files) return;
    const next = [...photos];
    const problems: string[] = [];
    for (const file of Array.from(files)) {
      const problem = photoProblem(file, next.length);
      if (problem === "count") {
        problems.push(t("lapor.form.photoCount"));
        break;
      }
      if (problem === "type") problems.push(t("lapor.form.photoType", { name: file.name }));
      else if (problem === "size") problems.push(t("lapor.form.photoSize", { name: file.name }));
      else next.push({ blob: file, name: file.name, url: URL.createObjectURL(file) });
    }
    setPhotos(next);
    setPhotoMessage(problems.length ? problems.join(" ") : null);
  };

  const removePhoto = (index: number) => {
    const photo = photos[index];
    if (photo) URL.revokeObjectURL(photo.url);
    setPhotos(photos.filter((_, i) => i !== index));
  };

  const validate = (): Errors => {
    const found: Errors = {};
    if (!category) found.category = t("lapor.form.required");
    if (description.trim().length < 10) found.description = t("lapor.form.descriptionShort");
    if (!pin) found.location = t("lapor.form.locationMissing");
    else if (!inIndonesia(pin.longitude, pin.latitude)) found.location = t("lapor.form.outsideIndonesia");
    if (category?.photoRequired && photos.length === 0) found.photos = t("lapor.form.photoMissing");
    for (const a of category?.attributes ?? []) {
      const v = attributes[a.code];
      if (a.required && (v === undefined || v === "" || (Array.isArray(v) && v.length === 0))) {
        found[`attr.${a.code}`] = t("lapor.form.required");
      }
    }
    return found;
  };

  const save = async () => {
    if (!category || !pin || !ownerId) return;
    const requestId = newRequestId();
    const attrs: Record<string, unknown> = {};
    for (const a of category.attributes) {
      const v = attributes[a.code];
      if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) continue;
      attrs[a.code] = a.datatype === "number" && typeof v === "string" ? Number(v) : v;
    }
    try {
      await addToOutbox({
        clientRequestId: requestId,
        ownerUserId: ownerId,
        categoryName: category.name,
        body: {
          categoryCode: category.code,
          description: description.trim(),
          latitude: pin.latitude,
          longitude: pin.longitude,
          privacy,
          ...(address.trim() ? { address: address.trim() } : {}),
          ...(regencyCode ? { regencyCode } : {}),
          ...(districtCode ? { districtCode } : {}),
          ...(villageCode ? { villageCode } : {}),
          ...(Object.keys(attrs).length ? { attributes: attrs } : {}),
        },
        photos: photos.map((p) => ({ blob: p.blob, name: p.name, uploadedId: null })),
      });
    } catch {
      setFormError(t("lapor.form.storageFailed"));
      return;
    }
    setSavedId(requestId);
    void syncOutbox(ownerId, true);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t("lapor.form.fixErrors"));
      errorRef.current?.focus();
      return;
    }
    if (!dupChecked && navigator.onLine && category && pin) {
      setChecking(true);
      try {
        const nearby = await laporApi.nearby(category.code, pin.latitude, pin.longitude);
        setDupChecked(true);
        if (nearby.items.length > 0) {
          setDuplicates(nearby.items);
          setTimeout(() => dupHeading.current?.focus(), 0);
          return;
        }
      } catch {
        // Cannot check now: the report is filed; the agency may merge it later.
      } finally {
        setChecking(false);
      }
    }
    await save();
  };

  const join = async (id: string) => {
    setJoinError(null);
    try {
      await laporApi.join(id);
      navigate(`/lapor/${id}`);
    } catch (error) {
      setJoinError(errorMessage(error, t, td));
    }
  };

  const reset = () => {
    for (const p of photos) URL.revokeObjectURL(p.url);
    setCategoryCode("");
    setDescription("");
    setPin(null);
    setLatText("");
    setLngText("");
    setRegencyCode("");
    setDistrictCode("");
    setVillageCode("");
    setAddress("");
    setAttributes({});
    setPhotos([]);
    setPrivacy("public");
    setDuplicates(null);
    setDupChecked(false);
    setSavedId(null);
  };

  return (
    <div className="lapor-page lapor-narrow" data-testid="lapor-new">
      <p>
        <Link to="/lapor">← {t("lapor.backToFeed")}</Link>
      </p>
      <h1 id="page-title">{t("lapor.form.title")}</h1>
      <p className="muted">{t("lapor.form.lead")}</p>
      {!online ? (
        <p className="alert alert-info" data-testid="lapor-offline-note">
          {t("lapor.form.offlineNote")}
        </p>
      ) : null}

      {savedId ? (
        <Saved requestId={savedId} onAnother={reset} />
      ) : duplicates ? (
        <section className="card" data-testid="lapor-duplicates" aria-labelledby="lapor-dup-title">
          <h2 id="lapor-dup-title" ref={dupHeading} tabIndex={-1} className="section-title">
            {t("lapor.dup.title")}
          </h2>
          <p>{t("lapor.dup.lead")}</p>
          <ErrorAlert message={joinError} />
          <ul className="lapor-list">
            {duplicates.map((d) => (
              <li key={d.id} className="lapor-card" data-testid="lapor-duplicate" data-id={d.id}>
                <div className="lapor-card-body">
                  <h3 className="lapor-card-title">
                    {categoryName(lang, d.category.name)} <span className="muted small">{d.number}</span>
                  </h3>
                  <p className="lapor-card-desc">{d.description}</p>
                  <p className="muted small">
                    {t("lapor.dup.distance", { m: Math.round(d.distanceM) })} ·{" "}
                    {t("lapor.followers", { n: d.followerCount })}
                  </p>
                  <button
                    type="button"
                    className="button button-primary button-small"
                    onClick={() => void join(d.id)}
                    data-testid={`lapor-join-${d.id}`}
                  >
                    {t("lapor.dup.join")}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setDuplicates(null);
              void save();
            }}
            data-testid="lapor-dup-continue"
          >
            {t("lapor.dup.continue")}
          </button>
        </section>
      ) : (
        <form className="card lapor-form" onSubmit={submit} noValidate data-testid="lapor-form">
          <div ref={errorRef} tabIndex={-1}>
            <ErrorAlert message={formError} testId="lapor-form-error" />
          </div>

          <SelectField
            label={t("lapor.form.category")}
            hint={t("lapor.form.categoryHint")}
            value={categoryCode}
            onChange={(e) => {
              setCategoryCode(e.currentTarget.value);
              setAttributes({});
              setDupChecked(false);
            }}
            error={errors.category}
            required
            data-testid="lapor-category"
          >
            <option value="">{t("lapor.form.categoryPick")}</option>
            {groupOf(categories.data ?? []).map(([group, items]) => (
              <optgroup key={group} label={group}>
                {items.map((c) => (
                  <option key={c.code} value={c.code}>
                    {categoryName(lang, c.name)}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          {categories.isError && !categories.data ? (
            <p className="field-error">{errorMessage(categories.error, t, td)}</p>
          ) : null}
          {category ? (
            <div className="lapor-category-info muted small" data-testid="lapor-category-info">
              <p>{categoryName(lang, category.description)}</p>
              <p>{t("lapor.form.agency", { agency: category.agency.name })}</p>
              <p>
                {t("lapor.form.deadlines", {
                  menunggu: category.stageHours.menunggu ?? "–",
                  proses: category.stageHours.proses ?? "–",
                })}
              </p>
              {category.photoRequired ? <p>{t("lapor.form.photoRequired")}</p> : null}
            </div>
          ) : null}

          <div className={errors.description ? "field field-invalid" : "field"}>
            <label htmlFor="lapor-description">{t("lapor.form.description")}</label>
            <p className="field-hint" id="lapor-description-hint">
              {t("lapor.form.descriptionHint")}
            </p>
            {errors.description ? (
              <p className="field-error" id="lapor-description-error">
                {errors.description}
              </p>
            ) : null}
            <textarea
              id="lapor-description"
              rows={4}
              maxLength={2000}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              aria-describedby={`lapor-description-hint${errors.description ? " lapor-description-error" : ""}`}
              aria-invalid={errors.description ? true : undefined}
              required
              data-testid="lapor-description"
            />
          </div>

          <fieldset className="lapor-fieldset" data-testid="lapor-location">
            <legend>{t("lapor.form.location")}</legend>
            <p className="field-hint">{t("lapor.form.locationHint")}</p>
            {errors.location ? <p className="field-error">{errors.location}</p> : null}
            <p>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={locateMe}
                aria-disabled={locating || undefined}
                data-testid="lapor-use-location"
              >
                {locating ? t("lapor.form.locating") : t("lapor.form.useMyLocation")}
              </button>
            </p>
            {geoMessage ? (
              <p className="field-error" role="status">
                {geoMessage}
              </p>
            ) : null}
            <LaporMap pin={pin} onPin={setPinFrom} title={t("lapor.map.pickerLabel")} />
            <div className="lapor-coords">
              <Field
                label={t("lapor.form.lat")}
                inputMode="decimal"
                value={latText}
                onChange={(e) => onCoordinate(e.currentTarget.value, lngText)}
                data-testid="lapor-lat"
              />
              <Field
                label={t("lapor.form.lng")}
                inputMode="decimal"
                value={lngText}
                onChange={(e) => onCoordinate(latText, e.currentTarget.value)}
                data-testid="lapor-lng"
              />
            </div>
            {pin && !inLampung(pin.longitude, pin.latitude) ? (
              <p className="muted small">{t("lapor.map.note")}</p>
            ) : null}
            {regencyGuess ? (
              <p className="muted small" data-testid="lapor-regency-guess">
                {t("lapor.form.regencyFound", { name: regencyGuess })}
              </p>
            ) : null}
            {online ? (
              <>
                <SelectField
                  label={t("lapor.form.regency")}
                  value={regencyCode}
                  onChange={(e) => {
                    setRegencyCode(e.currentTarget.value);
                    setDistrictCode("");
                    setVillageCode("");
                  }}
                  data-testid="lapor-regency"
                >
                  <option value="">{t("lapor.form.regionNone")}</option>
                  {(regencies.data?.items ?? []).map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.name}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  label={t("lapor.form.district")}
                  value={districtCode}
                  disabled={!regencyCode}
                  onChange={(e) => {
                    setDistrictCode(e.currentTarget.value);
                    setVillageCode("");
                  }}
                  data-testid="lapor-district"
                >
                  <option value="">{t("lapor.form.regionNone")}</option>
                  {(districts.data?.items ?? []).map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.name}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  label={t("lapor.form.village")}
                  value={villageCode}
                  disabled={!districtCode}
                  onChange={(e) => setVillageCode(e.currentTarget.value)}
                  data-testid="lapor-village"
                >
                  <option value="">{t("lapor.form.regionNone")}</option>
                  {(villages.data?.items ?? []).map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.name}
                    </option>
                  ))}
                </SelectField>
              </>
            ) : (
              <p className="muted small">{t("lapor.form.regionOffline")}</p>
            )}
            <Field
              label={t("lapor.form.address")}
              hint={t("lapor.form.addressHint")}
              value={address}
              maxLength={300}
              onChange={(e) => setAddress(e.currentTarget.value)}
              data-testid="lapor-address"
            />
          </fieldset>

          {category && category.attributes.length > 0 ? (
            <fieldset className="lapor-fieldset" data-testid="lapor-attributes">
              <legend>{t("lapor.form.attributes")}</legend>
              {[...category.attributes]
                .sort((a, b) => a.order - b.order)
                .map((a) => (
                  <AttributeField
                    key={a.code}
                    attribute={a}
                    value={attributes[a.code]}
                    error={errors[`attr.${a.code}`]}
                    onChange={(v) => setAttributes({ ...attributes, [a.code]: v })}
                  />
                ))}
            </fieldset>
          ) : null}

          <fieldset className="lapor-fieldset" data-testid="lapor-photos">
            <legend>{t("lapor.form.photos")}</legend>
            <p className="field-hint" id="lapor-photos-hint">
              {t("lapor.form.photosHint")}
            </p>
            {errors.photos ? <p className="field-error">{errors.photos}</p> : null}
            {photoMessage ? (
              <p className="field-error" role="alert" data-testid="lapor-photo-error">
                {photoMessage}
              </p>
            ) : null}
            {photos.length > 0 ? (
              <ul className="lapor-thumbs">
                {photos.map((p, i) => (
                  <li key={p.url} data-testid="lapor-photo-thumb">
                    <img src={p.url} alt={p.name} width={96} height={96} />
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => removePhoto(i)}
                      aria-label={t("lapor.form.photoRemove", { n: i + 1 })}
                      data-testid="lapor-photo-remove"
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            {photos.length < MAX_PHOTOS ? (
              <input
                type="file"
                accept={PHOTO_TYPES.join(",")}
                capture="environment"
                multiple
                aria-label={t("lapor.form.photos")}
                aria-describedby="lapor-photos-hint"
                onChange={(e) => {
                  addPhotos(e.currentTarget.files);
                  e.currentTarget.value = "";
                }}
                data-testid="lapor-photo-input"
              />
            ) : null}
          </fieldset>

          <fieldset className="lapor-fieldset" data-testid="lapor-privacy">
            <legend>{t("lapor.form.privacy")}</legend>
            {(["public", "private", "anonymous"] as const).map((p) => (
              <label key={p} className="lapor-choice lapor-choice-block">
                <input
                  type="radio"
                  name="lapor-privacy"
                  value={p}
                  checked={privacy === p}
                  onChange={() => setPrivacy(p)}
                  data-testid={`lapor-privacy-${p}`}
                />
                <span>
                  <strong>{t(`lapor.form.privacy.${p}` as MessageKey)}</strong>
                  <span className="muted small lapor-choice-hint">
                    {t(`lapor.form.privacy.${p}Hint` as MessageKey)}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>

          <button
            type="submit"
            className="button button-primary button-block"
            aria-disabled={checking || undefined}
            data-testid="lapor-submit"
          >
            {checking ? t("lapor.form.checking") : t("lapor.form.submit")}
          </button>
        </form>
      )}
    </div>
  );
}
