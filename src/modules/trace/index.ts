export { traceRoutes } from "./trace.routes";
export { createTraceService, type TraceService } from "./trace.service";
