// autocannon ships no TypeScript types; this declares the part bench/ uses (autocannon 8).
declare module "autocannon" {
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    timeout?: number;
    title?: string;
    /** Sent with every request. */
    headers?: Record<string, string>;
    /** Worker threads firing requests; connections are divided among them. */
    workers?: number;
    warmup?: { connections?: number; duration?: number };
  }

  /** Percentiles keyed like `p50`, `p97_5`, `p99`, plus mean/stddev/min/max. */
  interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total?: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    [percentile: string]: number | undefined;
  }

  interface Result {
    title?: string;
    /** Worker threads firing requests; connections are divided among them. */
    workers?: number;
    url: string;
    connections: number;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    latency: Histogram;
    requests: Histogram & { sent: number };
    throughput: Histogram;
  }

  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
  export type { Options, Result };
}
