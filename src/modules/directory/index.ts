export { loadDirectoryDefaults } from "./directory.defaults";
export { directoryRoutes } from "./directory.routes";
export { createDirectoryService, type DirectoryService } from "./directory.service";
