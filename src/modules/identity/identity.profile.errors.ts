import { defineErrors } from "../../http/errors";

/** The citizen profile, consents and personal data rights (UU 27/2022). */
export const ProfileErrors = defineErrors({
  "profile.invalid_nik": {
    status: 400,
    title: { id: "NIK tidak valid", en: "The NIK is not valid" },
  },
  "profile.consent_required": {
    status: 400,
    title: {
      id: "Persetujuan pemrosesan NIK diperlukan",
      en: "Consent to NIK processing is required",
    },
  },
  "profile.nik_taken": {
    status: 409,
    title: { id: "NIK sudah dipakai akun lain", en: "Another account uses that NIK" },
  },
  "profile.phone_taken": {
    status: 409,
    title: { id: "Nomor HP sudah dipakai akun lain", en: "Another account uses that phone number" },
  },
  "profile.contact_required": {
    status: 400,
    title: {
      id: "Akun memerlukan email atau nomor HP untuk masuk",
      en: "An account needs an email or a phone number to sign in",
    },
  },
  "profile.wrong_password": {
    status: 403,
    title: { id: "Kata sandi salah", en: "Wrong password" },
  },
  "profile.admin_cannot_delete": {
    status: 409,
    title: {
      id: "Akun administrator platform tidak dapat dihapus sendiri",
      en: "A platform administrator account cannot delete itself",
    },
  },
});
