export { loadProcessingDefaults } from "./processing.repository";
export { processingRoutes } from "./processing.routes";
export { createProcessingService, type ProcessingService } from "./processing.service";
