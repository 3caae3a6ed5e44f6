import { describe, expect, it } from "vitest";
import { createCloudAdapter } from "../../../src/adapters/teams/verify.ts";
import { loopbackOnly } from "../../support/loopback-only.ts";

// "Without a network call" is enforced: any host but 127.0.0.1 fails the test.
loopbackOnly();

const APP = "6f1b2c3d-0000-4aaa-8bbb-c0ffee000001";
const TENANT = "8a1c0d9e-1111-4c2d-9e8f-0123456789ab";

describe("the CloudAdapter from the Teams settings", () => {
  it.each([
    ["SingleTenant", { appId: APP, appPassword: "secret", appType: "SingleTenant", tenantId: TENANT }],
    ["MultiTenant", { appId: APP, appPassword: "secret", appType: "MultiTenant" }],
    ["UserAssignedMSI", { appId: APP, appType: "UserAssignedMSI", tenantId: TENANT }],
    ["no app id (unauthenticated)", { appType: "MultiTenant" }],
  ] as const)("is built for %s without a network call", (_name, settings) => {
    const { adapter, appId, scope } = createCloudAdapter(settings);
    expect(adapter).toBeDefined();
    expect(appId).toBe("appId" in settings ? APP : "");
    expect(scope).toBe("https://api.botframework.com");
  });

  it("botbuilder itself refuses a single-tenant bot without its tenant", () => {
    expect(() => createCloudAdapter({ appId: APP, appPassword: "secret", appType: "SingleTenant" })).toThrow(
      /MicrosoftAppTenantId is required for SingleTenant/,
    );
  });
});
