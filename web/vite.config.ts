/// <reference types="vitest/config" />
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const GATEWAY = process.env.GATEWAY_URL ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: false, // registered from main.tsx: no inline script (CSP)
      manifest: {
        name: "Smile Cases",
        short_name: "Smile",
        lang: "th",
        start_url: "/",
        display: "standalone",
        background_color: "#ffffff",
        theme_color: "#0b6e4f",
        icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml" }],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,webmanifest}"],
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/api\//, /^\/docs/, /^\/openapi\.json/, /^\/health/],
        cleanupOutdatedCaches: true,
        clientsClaim: true, // the first load is kept offline too, not only the next one
        skipWaiting: true,
      },
    }),
  ],
  build: { target: "es2020", sourcemap: false },
  server: { proxy: { "/api": GATEWAY } },
  test: { include: ["tests/**/*.test.ts"], environment: "node" },
});
