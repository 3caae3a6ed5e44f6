import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/app/config.ts";
import { connectWiseBaseUrl, connectWiseTicketNumber } from "../../src/psa/connectwise/connection.ts";

describe("ConnectWise connection settings", () => {
  it("reaches cloud sites through their api- host and keeps on-premise hosts and URLs as given", () => {
    expect(connectWiseBaseUrl({ site: "na.myconnectwise.net", codebase: "v4_6_release" })).toBe(
      "https://api-na.myconnectwise.net/v4_6_release/apis/3.0",
    );
    expect(connectWiseBaseUrl({ site: "api-eu.myconnectwise.net", codebase: "v2025_1" })).toBe(
      "https://api-eu.myconnectwise.net/v2025_1/apis/3.0",
    );
    expect(connectWiseBaseUrl({ site: "cw.acmemsp.example/", codebase: "v4_6_release" })).toBe(
      "https://cw.acmemsp.example/v4_6_release/apis/3.0",
    );
    expect(connectWiseBaseUrl({ site: "http://127.0.0.1:8080", codebase: "v4_6_release" })).toBe(
      "http://127.0.0.1:8080/v4_6_release/apis/3.0",
    );
  });

  it("never sends the private key over plain http, except to this machine", () => {
    for (const site of ["http://cw.acmemsp.example", "HTTP://na.myconnectwise.net/", "http://10.0.0.5:8080"])
      expect(() => connectWiseBaseUrl({ site, codebase: "v4_6_release" })).toThrow(/plain http.*Use https/);
    for (const site of [
      "http://127.0.0.1:9",
      "http://localhost:8080",
      "http://[::1]:8080",
      "https://cw.acmemsp.example",
    ])
      expect(() => connectWiseBaseUrl({ site, codebase: "v4_6_release" })).not.toThrow();
    expect(() =>
      loadConfig({
        CONNECTWISE_SITE: "http://cw.acmemsp.example",
        CONNECTWISE_COMPANY_ID: "acmemsp",
        CONNECTWISE_PUBLIC_KEY: "pub",
        CONNECTWISE_PRIVATE_KEY: "priv",
        CONNECTWISE_CLIENT_ID: "0f6a2c1e-1111-4a7b-9c1d-6f4e2b8a9d00",
      }),
    ).toThrow(/^invalid setting CONNECTWISE_SITE: .*plain http/);
  });

  it("reads ticket numbers the way engineers type them", () => {
    expect(connectWiseTicketNumber("48213")).toBe("48213");
    expect(connectWiseTicketNumber("#48213")).toBe("48213");
    expect(connectWiseTicketNumber("TKT-48213")).toBe("48213");
    expect(connectWiseTicketNumber("ticket #48213")).toBe("48213");
    expect(connectWiseTicketNumber("INC-4821x")).toBeNull();
  });

  it("takes a ConnectWise connection from the environment only when it is complete", () => {
    const full = {
      CONNECTWISE_SITE: "na.myconnectwise.net",
      CONNECTWISE_COMPANY_ID: "acmemsp",
      CONNECTWISE_PUBLIC_KEY: "pub",
      CONNECTWISE_PRIVATE_KEY: "priv",
      CONNECTWISE_CLIENT_ID: "0f6a2c1e-1111-4a7b-9c1d-6f4e2b8a9d00",
    };
    expect(loadConfig(full).connectwise).toMatchObject({
      site: "na.myconnectwise.net",
      codebase: "v4_6_release",
    });
    expect(loadConfig({}).connectwise).toBeUndefined();
    const { CONNECTWISE_CLIENT_ID: _omit, ...partial } = full;
    expect(() => loadConfig(partial)).toThrow(
      /^invalid setting CONNECTWISE_CLIENT_ID: required when CONNECTWISE_SITE is set/,
    );
    expect(() => loadConfig({ FLOWPILOT_ENCRYPTION_KEY: "short" })).toThrow(
      /^invalid setting FLOWPILOT_ENCRYPTION_KEY: must be 32 bytes/,
    );
  });
});
