import { defineErrors } from "../../http/errors";

export const NotificationsErrors = defineErrors({
  "notifications.invalid_address": {
    status: 400,
    title: {
      id: "Alamat tujuan notifikasi tidak valid",
      en: "The notification address is not valid",
    },
  },
});
