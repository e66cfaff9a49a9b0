import { describe, expect, it } from "vitest";
import { isSoftwareRenderer } from "./renderQuality.ts";

describe("software rendering", () => {
  it("is recognised from the renderer's name", () => {
    for (const name of [
      "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)",
      "llvmpipe (LLVM 15.0.6, 256 bits)",
      "ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)",
    ])
      expect(isSoftwareRenderer(name), name).toBe(true);
    for (const name of [
      "ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)",
      "Adreno (TM) 650",
      "Apple GPU",
      "Mali-G78",
    ])
      expect(isSoftwareRenderer(name), name).toBe(false);
  });
});
