// oidc-provider ships no type declarations (and @types/oidc-provider is not installed): the part
// of its API that tests/support/oidc-provider.ts uses.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export type JWK = Record<string, unknown>;

  export interface KoaContextWithOIDC {
    oidc: { provider: Provider; client?: { clientId: string }; session?: { accountId?: string } };
  }

  interface Grant {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    Grant: new (properties: { clientId: string; accountId: string }) => Grant;
  }
}
