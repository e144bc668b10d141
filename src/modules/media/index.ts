export { mediaRoutes } from "./media.routes";
export { createMediaService, type MediaService } from "./media.service";
