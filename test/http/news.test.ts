import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { seedNewsDemo } from "../../src/modules/news";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";

const t = useTestApp();
const tokens: Record<string, string> = {};

type Article = {
  id: string;
  slug: string;
  status: string;
  title: string;
  body: string;
  regencyCodes: string[];
  organisation: { id: string; name: string };
  image: { mediaId: string; url: string; alt: string; width: number | null } | null;
  publishedAt: string | null;
};

const DRAFT = {
  title: "Operasi Pasar Murah: Beras & Minyak Goreng",
  summary: "Beras SPHP dan minyak goreng dijual di bawah harga pasar.",
  kind: "announcement",
  body: "Paragraf pertama.\n\n## Lokasi\n- Pasar Tugu\n- Pasar Way Halim",
};

async function create(payload: Record<string, unknown>, token = tokens.dinas as string): Promise<Article> {
  const res = await t.app.inject({ method: "POST", url: "/api/v1/news", headers: bearer(token), payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function act(id: string, action: "publish" | "unpublish", token = tokens.dinas as string) {
  return t.app.inject({ method: "POST", url: `/api/v1/news/${id}/${action}`, headers: bearer(token) });
}

async function publicList(query = ""): Promise<{ items: Article[]; total: number }> {
  const res = await t.app.inject({ method: "GET", url: `/api/v1/news${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function jpegWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Make: "TestCam", Model: "Secret Model", Copyright: "Bambang" } })
    .toBuffer();
}

beforeAll(async () => {
  tokens.admin = await t.login(DEMO_EMAILS.admin);
  tokens.warga = await t.login(DEMO_EMAILS.warga);
  tokens.dinas = await t.login(DEMO_EMAILS.dinas);
  tokens.koperasi = await t.login(DEMO_EMAILS.koperasi);
});

describe("news: writing and publishing", () => {
  it("only authors write: 401 anonymous, 403 citizens and other personas", async () => {
    expect((await t.app.inject({ method: "POST", url: "/api/v1/news", payload: DRAFT })).statusCode).toBe(
      401,
    );
    for (const token of [tokens.warga, tokens.koperasi]) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/news",
        headers: bearer(token as string),
        payload: DRAFT,
      });
      expect(res.statusCode).toBe(403);
    }
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: "/api/v1/news/mine",
          headers: bearer(tokens.warga as string),
        })
      ).statusCode,
    ).toBe(403);
  });

  it("creates a draft with a slug from the title, invisible to the public until published", async () => {
    const draft = await create(DRAFT);
    expect(draft.status).toBe("draft");
    expect(draft.slug).toBe("operasi-pasar-murah-beras-dan-minyak-goreng");
    expect(draft.organisation.name).toBe("Dinas Ketahanan Pangan Provinsi Lampung");
    const second = await create(DRAFT);
    expect(second.slug).toBe("operasi-pasar-murah-beras-dan-minyak-goreng-2");

    expect((await publicList()).items.map((i) => i.id)).not.toContain(draft.id);
    expectProblem(
      await t.app.inject({ method: "GET", url: `/api/v1/news/${draft.slug}` }),
      404,
      "news.not_found",
    );
    // Preview: the author sees the draft, a citizen does not.
    const preview = await t.app.inject({
      method: "GET",
      url: `/api/v1/news/${draft.slug}?preview=true`,
      headers: bearer(tokens.dinas as string),
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().body).toContain("## Lokasi");
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: `/api/v1/news/${draft.slug}?preview=true`,
        headers: bearer(tokens.warga as string),
      }),
      404,
      "news.not_found",
    );

    const published = await act(draft.id, "publish");
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().publishedAt).not.toBeNull();
    const list = await publicList();
    expect(list.items.map((i) => i.id)).toContain(draft.id);
    expect(list.items.find((i) => i.id === draft.id)).not.toHaveProperty("body");
    expect((await t.app.inject({ method: "GET", url: `/api/v1/news/${draft.slug}` })).statusCode).toBe(200);

    expect((await act(draft.id, "unpublish")).json().status).toBe("draft");
    expect((await publicList()).items.map((i) => i.id)).not.toContain(draft.id);

    const mine = await t.app.inject({
      method: "GET",
      url: "/api/v1/news/mine",
      headers: bearer(tokens.dinas as string),
    });
    expect(mine.json().items.map((i: Article) => i.id)).toEqual(
      expect.arrayContaining([draft.id, second.id]),
    );

    const archived = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/news/${second.id}`,
      headers: bearer(tokens.dinas as string),
    });
    expect(archived.statusCode).toBe(204);
    expectProblem(
      await t.app.inject({
        method: "PUT",
        url: `/api/v1/news/${second.id}`,
        headers: bearer(tokens.dinas as string),
        payload: { title: "Judul baru sekali" },
      }),
      409,
      "news.invalid_state",
    );
  });

  it("scopes authors to their organisation: another organisation's article is 404", async () => {
    const orgs = await t.app.inject({
      method: "GET",
      url: "/api/v1/organisations",
      headers: bearer(tokens.admin as string),
    });
    const other = orgs
      .json()
      .items.find(
        (o: { kind: string; name: string }) => o.name !== "Dinas Ketahanan Pangan Provinsi Lampung",
      );
    const foreign = await create(
      { ...DRAFT, title: "Pengumuman organisasi lain", organisationId: other.id },
      tokens.admin as string,
    );
    expect(foreign.organisation.id).toBe(other.id);
    for (const req of [
      { method: "PUT" as const, url: `/api/v1/news/${foreign.id}`, payload: { title: "Diubah oleh dinas" } },
      { method: "POST" as const, url: `/api/v1/news/${foreign.id}/publish` },
      { method: "DELETE" as const, url: `/api/v1/news/${foreign.id}` },
    ]) {
      expectProblem(
        await t.app.inject({ ...req, headers: bearer(tokens.dinas as string) }),
        404,
        "news.not_found",
      );
    }
    const mine = await t.app.inject({
      method: "GET",
      url: "/api/v1/news/mine",
      headers: bearer(tokens.dinas as string),
    });
    expect(mine.json().items.map((i: Article) => i.id)).not.toContain(foreign.id);
    // The admin may act on any organisation's article.
    expect((await act(foreign.id, "publish", tokens.admin)).statusCode).toBe(200);
  });

  it("targets regencies: shown for those regencies and in the unfiltered feed, not elsewhere", async () => {
    const metro = await create({ ...DRAFT, title: "Pasar tani Kota Metro", regencyCodes: ["18.72"] });
    const province = await create({ ...DRAFT, title: "Gerakan pangan murah se-Lampung", kind: "news" });
    await act(metro.id, "publish");
    await act(province.id, "publish");
    const ids = async (q: string) => (await publicList(q)).items.map((i) => i.id);
    expect(await ids("?regency=18.72")).toEqual(expect.arrayContaining([metro.id, province.id]));
    const bandar = await ids("?regency=18.71");
    expect(bandar).toContain(province.id);
    expect(bandar).not.toContain(metro.id);
    expect(await ids("")).toEqual(expect.arrayContaining([metro.id, province.id]));
    expect(await ids("?kind=news")).not.toContain(metro.id);
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: "/api/v1/news",
        headers: bearer(tokens.dinas as string),
        payload: { ...DRAFT, regencyCodes: ["18.99"] },
      }),
      400,
      "news.unknown_regency",
    );
    const page = await publicList("?limit=1&offset=0");
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThanOrEqual(2);
  });
});

describe("news: images", () => {
  it("uploads a JPEG, strips its EXIF, and serves it publicly only once published", async () => {
    const jpeg = await jpegWithExif();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const denied = await t.app.inject({
      method: "POST",
      url: "/api/v1/news/images",
      headers: { ...bearer(tokens.warga as string), "content-type": "image/jpeg" },
      payload: jpeg,
    });
    expect(denied.statusCode).toBe(403);
    const up = await t.app.inject({
      method: "POST",
      url: "/api/v1/news/images",
      headers: { ...bearer(tokens.dinas as string), "content-type": "image/jpeg" },
      payload: jpeg,
    });
    expect(up.statusCode, up.body).toBe(201);
    const image = up.json();
    expect(image).toMatchObject({ width: 320, height: 200, contentType: "image/jpeg" });

    // An image needs alternative text.
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: "/api/v1/news",
        headers: bearer(tokens.dinas as string),
        payload: { ...DRAFT, title: "Berita bergambar", imageMediaId: image.id },
      }),
      400,
      "news.image_alt_required",
    );
    const article = await create({
      ...DRAFT,
      title: "Berita bergambar",
      imageMediaId: image.id,
      imageAlt: "Pedagang beras di Pasar Tugu",
    });
    expect(article.image).toMatchObject({
      mediaId: image.id,
      alt: "Pedagang beras di Pasar Tugu",
      width: 320,
    });

    // Draft: the author previews the image, nobody else sees it.
    expectProblem(
      await t.app.inject({ method: "GET", url: article.image?.url as string }),
      404,
      "news.image_not_found",
    );
    const preview = await t.app.inject({
      method: "GET",
      url: article.image?.url as string,
      headers: bearer(tokens.dinas as string),
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers["cache-control"]).toContain("private");

    await act(article.id, "publish");
    const served = await t.app.inject({ method: "GET", url: article.image?.url as string });
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("image/jpeg");
    expect(served.headers["cache-control"]).toContain("public");
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(served.rawPayload.includes(Buffer.from("TestCam"))).toBe(false);

    // Someone else's upload cannot be attached.
    const other = await t.app.inject({
      method: "POST",
      url: "/api/v1/news/images",
      headers: { ...bearer(tokens.admin as string), "content-type": "image/jpeg" },
      payload: jpeg,
    });
    expectProblem(
      await t.app.inject({
        method: "PUT",
        url: `/api/v1/news/${article.id}`,
        headers: bearer(tokens.dinas as string),
        payload: { imageMediaId: other.json().id, imageAlt: "Gambar lain" },
      }),
      400,
      "news.invalid_image",
    );
  });

  it("refuses unsupported types (415) and bodies over 5 MB (413)", async () => {
    const text = await t.app.inject({
      method: "POST",
      url: "/api/v1/news/images",
      headers: { ...bearer(tokens.dinas as string), "content-type": "text/plain" },
      payload: "hello",
    });
    expect(text.statusCode).toBe(415);
    const fake = await t.app.inject({
      method: "POST",
      url: "/api/v1/news/images",
      headers: { ...bearer(tokens.dinas as string), "content-type": "image/png" },
      payload: Buffer.from("this is not a png at all, just text"),
    });
    expectProblem(fake, 415, "media.unsupported_type");
    const big = await t.app.inject({
      method: "POST",
      url: "/api/v1/news/images",
      headers: { ...bearer(tokens.dinas as string), "content-type": "image/jpeg" },
      payload: Buffer.alloc(5 * 1024 * 1024 + 10, 1),
    });
    expect(big.statusCode).toBe(413);
  });
});

describe("news: demo seed", () => {
  it("seeds the demo dinas's announcements idempotently; its draft stays hidden", async () => {
    await seedNewsDemo(t.database.db);
    await seedNewsDemo(t.database.db);
    const slugs = (await publicList("?limit=50")).items.map((i) => i.slug);
    expect(slugs).toContain("gerakan-pangan-murah-di-seluruh-kabupaten-kota-lampung");
    expect(slugs.filter((s) => s === "operasi-pasar-beras-sphp-di-kota-bandar-lampung")).toHaveLength(1);
    expect(slugs).not.toContain("pasar-tani-kota-metro-setiap-sabtu");
    const article = await t.app.inject({
      method: "GET",
      url: "/api/v1/news/cara-membaca-papan-harga-pangan-di-lumbung",
    });
    expect(article.json().organisation.name).toBe("Dinas Ketahanan Pangan Provinsi Lampung");
  });
});
