export { DEMO_OPEN311_KEY, seedOpen311DemoKey } from "./open311.defaults";
export { open311Routes } from "./open311.routes";
export { createOpen311Service, type Open311Service } from "./open311.service";
