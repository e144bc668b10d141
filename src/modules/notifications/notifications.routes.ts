import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access, requireUser } from "../../http/access";
import { problems } from "../../http/schemas";
import { EXTERNAL_CHANNELS } from "./domain/address";
import type { NotificationsService } from "./notifications.service";

const tags = ["notifications"];
const Bilingual = z.object({ id: z.string(), en: z.string() });
const Channel = z.enum(EXTERNAL_CHANNELS);

const Paging = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string().meta({ description: "e.g. stability.alert, lapor.state_changed" }),
    title: Bilingual,
    body: Bilingual,
    payload: z
      .record(z.string(), z.unknown())
      .meta({ description: "Kind-specific; `link` (an app path such as /lapor/<id>) when there is a page" }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: "Notification" });

const PreferenceSchema = z
  .object({
    channel: Channel,
    address: z.string().meta({ description: "+62… for sms/whatsapp, an e-mail address for email" }),
    enabled: z.boolean(),
    updatedAt: z.string(),
    provider: z
      .string()
      .nullable()
      .meta({ description: "The gateway that sends it; simulated-* in this installation" }),
  })
  .meta({ id: "NotificationPreference" });

export const notificationsRoutes: FastifyPluginAsyncZod<{ notifications: NotificationsService }> = async (
  app,
  { notifications },
) => {
  app.get(
    "/api/v1/notifications",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "My in-app notifications, newest first, and how many are unread",
        querystring: z.object(Paging),
        response: {
          200: z.object({
            items: z.array(NotificationSchema),
            nextOffset: z.number().int().nullable(),
            unread: z.number().int().meta({ description: "All my unread in-app notifications" }),
          }),
          ...problems(),
        },
      },
    },
    async (req) => notifications.list(requireUser(req).userId, req.query),
  );

  app.post(
    "/api/v1/notifications/read",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "Mark my notifications read: the given ids, or all of them",
        body: z
          .object({ ids: z.array(z.string().min(1).max(100)).max(500).optional() })
          .nullable()
          .optional(),
        response: {
          200: z.object({ marked: z.number().int(), unread: z.number().int() }),
          ...problems(),
        },
      },
    },
    async (req) => notifications.markRead(requireUser(req).userId, req.body?.ids),
  );

  app.get(
    "/api/v1/notifications/preferences",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "Where I receive notifications beyond the app (SMS, WhatsApp, e-mail)",
        response: {
          200: z.object({
            items: z.array(PreferenceSchema),
            channels: z.array(
              z.object({ channel: Channel, provider: z.string().nullable(), simulated: z.boolean() }),
            ),
          }),
          ...problems(),
        },
      },
    },
    async (req) => {
      const prefs = await notifications.preferences(requireUser(req).userId);
      const providers = new Map(notifications.adapters.map((a) => [a.channel, a.provider]));
      return {
        ...prefs,
        channels: EXTERNAL_CHANNELS.map((channel) => {
          const provider = providers.get(channel) ?? null;
          return { channel, provider, simulated: provider?.startsWith("simulated-") ?? false };
        }),
      };
    },
  );

  app.put(
    "/api/v1/notifications/preferences/:channel",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "Set the address of a channel and switch it on or off",
        description:
          "sms and whatsapp take an Indonesian mobile number (0812…, 62812…, +62 812…; stored as +62…); email an e-mail address.",
        params: z.object({ channel: Channel }),
        body: z.object({ address: z.string().trim().min(3).max(254), enabled: z.boolean() }),
        response: { 200: PreferenceSchema, ...problems() },
      },
    },
    async (req) => notifications.setPreference(requireUser(req).userId, req.params.channel, req.body),
  );

  app.get(
    "/api/v1/notifications/deliveries",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "What the SMS/WhatsApp/e-mail gateways were given (simulated ones included), newest first",
        querystring: z.object({ ...Paging, channel: Channel.optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                outboxId: z.string(),
                recipientUserId: z.string(),
                kind: z.string(),
                channel: z.string(),
                provider: z.string(),
                address: z.string(),
                providerMessageId: z.string().nullable(),
                status: z.enum(["sent", "failed"]),
                error: z.string().nullable(),
                at: z.string(),
                text: z.string().meta({ description: "What the recipient would read" }),
                attempts: z.number().int(),
              }),
            ),
            nextOffset: z.number().int().nullable(),
          }),
          ...problems(),
        },
      },
    },
    async (req) => notifications.deliveries(req.query),
  );
};
