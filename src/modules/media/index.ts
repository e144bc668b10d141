export { sniffImage } from "./domain/sniff";
export { mediaRoutes } from "./media.routes";
export {
  createMediaService,
  MAX_SIDE_PX,
  MAX_UPLOAD_BYTES,
  type MediaFile,
  type MediaService,
  reencodeImage,
  type StoredMedia,
} from "./media.service";
export { MEDIA_PURPOSES, type MediaPurpose } from "./media.tables";
