// The part of autocannon 8's programmatic API the load test uses (the package ships no types).
declare module "autocannon" {
  export interface RequestData {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  export interface RequestStep {
    // Returning nothing ends this pass through the steps: the connection starts again at the first.
    setupRequest?: (request: RequestData, context: Record<string, unknown>) => RequestData | null | undefined;
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
  }
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    requests?: RequestStep[];
    initialContext?: Record<string, unknown>;
  }
  export interface Instance {
    on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): this;
    on(event: "reqError", listener: (error: Error) => void): this;
    stop(): void;
  }
  function autocannon(options: Options, done: (error: Error | null, result: unknown) => void): Instance;
  export default autocannon;
}
